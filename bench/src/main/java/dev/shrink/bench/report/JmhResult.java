package dev.shrink.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a JMH JSON result file: the benchmark, its parameters and the primary score with its 99.9 % error.
 *
 * @param benchmark  fully qualified method name, e.g. {@code dev.shrink.bench.peers.OpenBlasBenchmark.gram}
 * @param mode       JMH mode, e.g. {@code avgt}
 * @param params     the benchmark's parameters (empty when it has none)
 * @param score      primary score
 * @param scoreError half-width of the 99.9 % confidence interval; NaN when JMH had too few iterations to say
 * @param unit       score unit, e.g. {@code ns/op}
 * @param best       the best (lowest) single measured iteration, in {@code unit}; NaN when JMH wrote no raw data
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String unit, double best) {

    /** The class's simple name, e.g. {@code OpenBlasBenchmark}. */
    public String className() {
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The benchmark method's name, e.g. {@code gram}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The score in nanoseconds per operation (time modes only). */
    public double nanosPerOp() {
        return score * nanosPer(unit);
    }

    /** The best single iteration in nanoseconds per operation (the score when there is no raw data). */
    public double bestNanosPerOp() {
        return (Double.isNaN(best) ? score : best) * nanosPer(unit);
    }

    /** Error over score; NaN when the error is unknown. */
    public double relativeError() {
        return scoreError / score;
    }

    static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        };
    }

    /** Parses the JSON array that JMH writes with {@code -rf json}. */
    public static List<JmhResult> parse(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof List<?> entries)) throw new IllegalArgumentException("JMH JSON: expected an array at the top");
        List<JmhResult> results = new ArrayList<>();
        for (Object entry : entries) {
            Map<?, ?> e = (Map<?, ?>) entry;
            Map<String, String> params = new LinkedHashMap<>();
            if (e.get("params") instanceof Map<?, ?> p) p.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
            Map<?, ?> metric = (Map<?, ?>) e.get("primaryMetric");
            if (metric == null) throw new IllegalArgumentException("JMH JSON: entry without primaryMetric: " + e.get("benchmark"));
            double best = Double.NaN;
            if (metric.get("rawData") instanceof List<?> forks) {
                for (Object fork : forks) {
                    if (fork instanceof List<?> iterations) {
                        for (Object v : iterations) {
                            double d = number(v);
                            if (!(d >= best)) best = Double.isNaN(best) ? d : Math.min(best, d);
                        }
                    }
                }
            }
            results.add(new JmhResult((String) e.get("benchmark"), (String) e.get("mode"), java.util.Collections.unmodifiableMap(params),
                    number(metric.get("score")), number(metric.get("scoreError")), (String) metric.get("scoreUnit"), best));
        }
        return results;
    }

    /** JMH writes NaN and infinities as strings. */
    private static double number(Object o) {
        if (o instanceof Double d) return d;
        if (o instanceof String s) return Double.parseDouble(s);
        return Double.NaN;
    }
}
