package dev.shrink.bench.report;

import dev.shrink.bench.PeakFlopsBenchmark;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Floating-point operations per call of each kernel, the usual counts (an FMA is two): dot and axpy 2n; Xw and Xᵀr
 * 2np; the Gram n·p² (the symmetric product counted once, as {@code dsyrk} does); Cholesky p³/3 (LAPACK's count for
 * {@code dpotrf}, Golub &amp; Van Loan §4.2).
 */
final class Flops {
    private Flops() {}

    static OptionalDouble perCall(String kernel, Map<String, String> params) {
        double n = number(params, "n");
        double p = number(params, "p");
        double flops = switch (kernel) {
            case "dot", "axpy" -> 2 * n;
            case "xw", "xtr" -> 2 * n * p;
            case "gram" -> n * p * p;
            case "cholesky" -> Double.isNaN(p) ? n * n * n / 3 : p * p * p / 3;
            case "peak" -> PeakFlopsBenchmark.flopsPerCall((int) number(params, "bits"));
            default -> Double.NaN;
        };
        return Double.isFinite(flops) && flops > 0 ? OptionalDouble.of(flops) : OptionalDouble.empty();
    }

    private static double number(Map<String, String> params, String key) {
        String v = params.get(key);
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
