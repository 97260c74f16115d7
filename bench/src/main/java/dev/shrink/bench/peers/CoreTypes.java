package dev.shrink.bench.peers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OpenBLAS core types (the kernel families of a {@code DYNAMIC_ARCH} build, named by {@code openblas_get_corename()}
 * and {@code OPENBLAS_CORETYPE}): which instruction set each one uses, which one is fastest for a CPU, and how a
 * peer's row is labelled when the core type it ran is known.
 *
 * <p>Why this matters: an OpenBLAS that does not know a new CPU falls back to old SSE3 kernels ("Prescott"), about 4×
 * slower than its AVX-512 ones, and the peers that link it (numpy, scikit-learn, R) slow down with it. The report
 * therefore runs the peers with the best core type set explicitly, checks in the peer's own process which one
 * loaded, and says so beside every peer row; a row that still ran a weaker family than the CPU supports is marked.
 * Names as in OpenBLAS 0.3.21 ({@code driver/others/dynamic.c}).
 */
public final class CoreTypes {
    private CoreTypes() {}

    /** The vector instruction sets the kernel families are written for, weakest first. */
    public enum Isa {
        SSE("SSE"), AVX("AVX"), AVX2("AVX2"), AVX512("AVX-512");

        private final String text;

        Isa(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final Set<String> AVX512 = Set.of("skylakex", "cooperlake", "sapphirerapids");
    private static final Set<String> AVX2 = Set.of("haswell", "zen");
    private static final Set<String> AVX = Set.of("sandybridge", "bulldozer", "piledriver", "steamroller", "excavator");
    private static final Set<String> SSE = Set.of("katmai", "coppermine", "northwood", "prescott", "banias", "atom",
            "core2", "penryn", "dunnington", "nehalem", "athlon", "opteron", "opteron_sse3", "barcelona", "nano", "bobcat");

    /** The instruction set of an OpenBLAS core type, case-insensitive; empty for names it does not know ("Unknown", MKL …). */
    public static Optional<Isa> isaOf(String coreName) {
        if (coreName == null) return Optional.empty();
        String c = coreName.trim().toLowerCase(Locale.ROOT);
        if (AVX512.contains(c)) return Optional.of(Isa.AVX512);
        if (AVX2.contains(c)) return Optional.of(Isa.AVX2);
        if (AVX.contains(c)) return Optional.of(Isa.AVX);
        if (SSE.contains(c)) return Optional.of(Isa.SSE);
        return Optional.empty();
    }

    /** The strongest instruction set a CPU offers for double-precision kernels, from its {@code /proc/cpuinfo} flags. */
    public static Isa isaOfCpu(String flags) {
        List<String> f = List.of(flags.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        if (f.contains("avx512f")) return Isa.AVX512;
        if (f.contains("avx2") && f.contains("fma")) return Isa.AVX2;
        if (f.contains("avx")) return Isa.AVX;
        return Isa.SSE;
    }

    /**
     * The core type to run the peers with: SkylakeX where AVX-512 is present (Cooperlake and SapphireRapids use the
     * same double-precision kernels in 0.3.21), Haswell where AVX2 with FMA is, otherwise none (OpenBLAS's own choice).
     */
    public static Optional<String> bestFor(String cpuFlags) {
        return switch (isaOfCpu(cpuFlags)) {
            case AVX512 -> Optional.of("SkylakeX");
            case AVX2 -> Optional.of("Haswell");
            default -> Optional.empty();
        };
    }

    /** The core type the peers run with, and why. */
    public record Choice(String coreType, String reason) {}

    /** A measured core type must beat the rule's choice by this factor to replace it (one run's noise is smaller). */
    static final double OVERRIDE_MARGIN = 1.10;

    /**
     * The peers' core type: the rule of {@link #bestFor}, unless this run measured another core type's Gram (GFLOP/s,
     * same shape, one thread) at least 10% faster than the rule's choice; then the measured one, and the reason says so.
     *
     * @param measured GFLOP/s per core type of one Gram shape in this run (may be empty)
     */
    public static Choice choose(String cpuFlags, java.util.Map<String, Double> measured) {
        Optional<String> rule = bestFor(cpuFlags);
        String ruleText = rule.map(r -> "the CPU has " + isaOfCpu(cpuFlags) + " (" + r + " kernels)")
                .orElse("the CPU has neither AVX-512 nor AVX2: OpenBLAS chooses");
        var best = measured.entrySet().stream().filter(e -> e.getValue() != null && Double.isFinite(e.getValue()))
                .max(java.util.Map.Entry.comparingByValue());
        Double ruleSpeed = rule.map(measured::get).orElse(null);
        if (best.isPresent() && ruleSpeed != null && !best.get().getKey().equals(rule.get())
                && best.get().getValue() > OVERRIDE_MARGIN * ruleSpeed) {
            return new Choice(best.get().getKey(), String.format(Locale.ROOT,
                    "measured in this run: Gram %.1f GFLOP/s with %s against %.1f with %s (the rule's choice, since %s)",
                    best.get().getValue(), best.get().getKey(), ruleSpeed, rule.get(), ruleText));
        }
        if (ruleSpeed != null) {
            StringBuilder s = new StringBuilder(ruleText);
            measured.forEach((core, v) -> {
                if (!core.equals(rule.get()) && v != null && Double.isFinite(v)) {
                    s.append(String.format(Locale.ROOT, "; this run's Gram: %.1f GFLOP/s with %s, %.1f with %s",
                            ruleSpeed, rule.get(), v, core));
                }
            });
            return new Choice(rule.get(), s.toString());
        }
        return new Choice(rule.orElse(null), ruleText);
    }

    /** A BLAS ran with a weaker kernel family than the CPU supports (e.g. Prescott's SSE3 kernels on an AVX-512 CPU). */
    public static boolean isFallback(String loaded, String cpuFlags) {
        Optional<Isa> isa = isaOf(loaded);
        return isa.isPresent() && isa.get().compareTo(isaOfCpu(cpuFlags)) < 0;
    }

    /**
     * How a peer's BLAS is named beside its row: the core type that loaded, with its instruction set, then what is
     * wrong with it, if anything — not the one requested, or a fallback to a weaker family than the CPU supports.
     *
     * @param requested the {@code OPENBLAS_CORETYPE} the peer ran with (null or empty: none)
     * @param loaded    what the peer's own process reported (null or empty: not verified)
     */
    public static String label(String requested, String loaded, String cpuFlags) {
        if (loaded == null || loaded.isBlank()) {
            return requested == null || requested.isBlank() ? "BLAS core type unknown"
                    : requested + " requested, not verified";
        }
        StringBuilder s = new StringBuilder(loaded.trim());
        isaOf(loaded).ifPresent(isa -> s.append(" (").append(isa).append(')'));
        boolean mismatch = requested != null && !requested.isBlank() && !requested.trim().equalsIgnoreCase(loaded.trim());
        if (mismatch) s.append(", requested ").append(requested.trim());
        if (isFallback(loaded, cpuFlags)) {
            s.append(", FALLBACK: this CPU has ").append(isaOfCpu(cpuFlags));
        }
        return s.toString();
    }

    /** A row needs a warning mark: its BLAS is a fallback family, or not the one requested. */
    public static boolean needsMark(String requested, String loaded, String cpuFlags) {
        if (loaded == null || loaded.isBlank()) return false;
        boolean mismatch = requested != null && !requested.isBlank() && !requested.trim().equalsIgnoreCase(loaded.trim());
        return mismatch || isFallback(loaded, cpuFlags);
    }
}
