package dev.shrink.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns JMH results of kernel benchmarks (ours in {@code dev.shrink.bench.kernels}, the peers, the peak probe) into
 * report rows: one time row per result and, for kernels with a flop count, one GFLOP/s row.
 *
 * <p>Names: kernel = the benchmark method, with a {@code Parallel} suffix dropped on more than one thread (the
 * {@code threads} column says it); implementation = the {@code impl} parameter, or {@code openblas-<coretype>}, {@code ejml}, {@code java-fma}
 * for the peer and probe classes, with {@code -f32} appended for float32 runs ({@code precision=float32}); shape = {@code n}, {@code p} or {@code n x p} as the kernel needs, plus
 * {@code -column} for column-major benchmarks (row-major, the peers' layout, is the unnamed default).
 */
final class KernelRows {
    private KernelRows() {}

    static List<Row> from(JmhResult r) {
        int threads = r.params().containsKey("threads") ? Integer.parseInt(r.params().get("threads")) : 1;
        String kernel = kernel(r, threads);
        String shape = shape(kernel, r.params());
        String impl = implementation(r);
        // The peak is what the core can do: its best iteration, not the mean (a busy machine only ever slows it down).
        boolean peak = kernel.equals("peak");
        double ns = peak ? r.bestNanosPerOp() : r.nanosPerOp();
        List<Row> rows = new ArrayList<>();
        if (ns < 1e6) {
            rows.add(new Row(kernel, shape, impl, threads, ns, "ns", r.relativeError()));
        } else {
            rows.add(new Row(kernel, shape, impl, threads, ns / 1e6, "ms", r.relativeError()));
        }
        String base = kernel.endsWith("Parallel") ? kernel.substring(0, kernel.length() - "Parallel".length()) : kernel;
        OptionalDouble flops = Flops.perCall(base, r.params());
        if (flops.isPresent()) rows.add(new Row(kernel, shape, impl, threads, flops.getAsDouble() / ns, "GFLOP/s", r.relativeError()));
        return rows;
    }

    /**
     * The method name; a parallel variant ({@code gramParallel}) on more than one thread is reported as the kernel
     * itself ({@code gram}, the threads column says how many), while its one-thread run keeps its own name, the
     * baseline of its speed-up, so that it never collides with the sequential kernel's row.
     */
    static String kernel(JmhResult r, int threads) {
        if (r.className().equals("PeakFlopsBenchmark")) return "peak";
        String m = r.method();
        boolean parallel = m.endsWith("Parallel") && m.length() > "Parallel".length();
        return parallel && threads > 1 ? m.substring(0, m.length() - "Parallel".length()) : m;
    }

    static String implementation(JmhResult r) {
        Map<String, String> params = r.params();
        return switch (r.className()) {
            case "OpenBlasBenchmark" -> {
                String core = params.getOrDefault("coretype", "");
                yield core.isEmpty() ? "openblas" : "openblas-" + core;
            }
            case "EjmlBenchmark" -> "ejml";
            case "PeakFlopsBenchmark" -> "vector-" + params.get("bits");
            default -> params.getOrDefault("impl", r.className());
        } + (Suite.FLOAT32.equals(r.params().get(Suite.PRECISION)) ? "-f32" : "");
    }

    static String shape(String kernel, Map<String, String> params) {
        String n = params.get("n");
        String p = params.get("p");
        String base = switch (kernel) {
            case "dot", "axpy", "softThreshold", "sum", "sumOfSquares", "norm2", "maxAbs", "scal" -> n;
            case "cholesky" -> p != null ? p : n;
            case "peak" -> params.get("bits") + "-bit";
            default -> n != null && p != null ? n + "x" + p : n != null ? n : p;
        };
        if (base == null) base = "-";
        // Row-major is the peers' layout and the default: only other layouts are named in the shape.
        String layout = params.get("layout");
        if (layout != null && !layout.isEmpty() && !layout.equals("ROW_MAJOR")) {
            base += "-" + layout.toLowerCase(Locale.ROOT).replace("_major", "");
        }
        return base;
    }
}
