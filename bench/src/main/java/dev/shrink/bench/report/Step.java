package dev.shrink.bench.report;

import java.util.List;
import java.util.Map;

/**
 * One JMH run of the report: the benchmarks matching {@code includes}, with {@code params} overriding their
 * {@code @Param} defaults (parameters a benchmark does not declare are ignored by JMH), in forks whose environment has
 * {@code OPENBLAS_CORETYPE=coretype} (null: the report's own environment).
 */
record Step(String label, List<String> includes, Map<String, List<String>> params, String coretype, Timing timing) {

    /** JMH iteration settings; {@code forks = 0} runs in the report's own JVM (the toy mode of the tests). */
    record Timing(int forks, int warmupIterations, int warmupMillis, int iterations, int iterationMillis) {}
}
