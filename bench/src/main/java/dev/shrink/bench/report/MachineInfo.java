package dev.shrink.bench.report;

import dev.shrink.bench.peers.OpenBlas;
import dev.shrink.kernels.KernelProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What heads the report: machine, JDK, vector width, OpenBLAS, date. */
record MachineInfo(String cpu, String flags, int processors, String jdk, String kernels, String openblas, String coretypeEnv, String date) {

    static MachineInfo detect() {
        String kernels;
        try {
            KernelProvider k = KernelProvider.get();
            kernels = k.name() + " (" + k.vectorBits() + "-bit vectors; " + KernelProvider.selectionReason() + ")";
        } catch (RuntimeException | LinkageError e) {
            kernels = "unknown: " + e;
        }
        String openblas = OpenBlas.load().map(b -> b.config() + " at " + b.path())
                .orElse("absent: " + OpenBlas.unavailableReason());
        String env = System.getenv("OPENBLAS_CORETYPE");
        return new MachineInfo(cpuModel(), cpuFlags(), Runtime.getRuntime().availableProcessors(),
                Runtime.version() + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")",
                kernels, openblas, env == null ? "(unset)" : env,
                ZonedDateTime.now(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    }

    /** "model name" from /proc/cpuinfo, or the OS architecture where there is none. */
    static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    // The family and model say which microarchitecture a terse VM name ("AMD EPYC") hides.
                    String family = field(lines, "cpu family"), model = field(lines, "model");
                    return line.substring(line.indexOf(':') + 1).trim()
                            + (family.isEmpty() ? "" : " (CPU family " + family + ", model " + model + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** The one-minute load average (/proc/loadavg), NaN where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * A warning when other work shared the machine (load average above its processors at the start or the end of
     * the report): timings taken minutes apart, like shrink's and a peer's, then compare less well. Null otherwise.
     */
    static String busyNote(double atStart, double atEnd, int processors) {
        if (!(atStart > processors) && !(atEnd > processors)) return null;
        return String.format(java.util.Locale.ROOT, "⚠ other work shared the machine: load average %.1f at the start and "
                + "%.1f at the end of the report on %d processors (the report itself accounts for about 1); timings may be "
                + "disturbed, and shrink's and the peers' (measured minutes apart) compare less well than on a quiet "
                + "machine", atStart, atEnd, processors);
    }

    /** The value of the first /proc/cpuinfo line whose key is exactly {@code key}, or empty. */
    private static String field(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) return line.substring(colon + 1).trim();
        }
        return "";
    }

    /** The SIMD-relevant flags from /proc/cpuinfo (fma, avx2, avx512f, …), or empty. */
    static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    List<String> have = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    return String.join(" ", List.of("fma", "avx2", "avx512f", "avx512dq", "avx512vl", "avx512_bf16")
                            .stream().filter(have::contains).toList());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }

    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", cpu + ", " + processors + " logical processors available to the JVM"
                + (flags.isEmpty() ? "" : "; flags: " + flags));
        m.put("JDK", jdk);
        m.put("kernels", kernels);
        m.put("OpenBLAS", openblas);
        m.put("OPENBLAS_CORETYPE of the report's JVM", coretypeEnv + " (OpenBLAS rows run in their own forks with "
                + "OPENBLAS_CORETYPE=Haswell or SkylakeX, checked against openblas_get_corename())");
        m.put("date", date);
        return m;
    }
}
