package dev.shrink.bench.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhResultTest {

    static String fixture() throws IOException {
        try (InputStream in = JmhResultTest.class.getResourceAsStream("jmh-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesEveryEntryWithParamsScoresAndUnits() throws IOException {
        List<JmhResult> results = JmhResult.parse(fixture());
        assertEquals(5, results.size());

        JmhResult gram = results.get(0);
        assertEquals("dev.shrink.bench.kernels.GramBenchmark.gram", gram.benchmark());
        assertEquals("GramBenchmark", gram.className());
        assertEquals("gram", gram.method());
        assertEquals("avgt", gram.mode());
        assertEquals(Map.of("impl", "vector-512", "n", "20000", "p", "500"), gram.params());
        assertEquals(1e8, gram.score());
        assertEquals(2e6, gram.scoreError());
        assertEquals(0.02, gram.relativeError(), 1e-15);

        JmhResult blas = results.get(1);
        assertEquals("ms/op", blas.unit());
        assertEquals(80e6, blas.nanosPerOp());

        JmhResult dot = results.get(2);
        assertTrue(Double.isNaN(dot.scoreError()), "JMH writes \"NaN\" as a string when one iteration ran");
        assertEquals(50e6, results.get(3).nanosPerOp(), 1e-6);
        assertEquals(8432.16, results.get(4).nanosPerOp(), 1e-9);
        assertEquals(7864.32, results.get(4).bestNanosPerOp(), 1e-9, "best iteration from rawData");
        assertEquals(99e6, gram.best());
        assertEquals(812.0, dot.bestNanosPerOp());
    }

    @Test
    void kernelRowsNameKernelShapeImplementationAndThreads() throws IOException {
        List<JmhResult> results = JmhResult.parse(fixture());

        List<Row> gram = KernelRows.from(results.get(0));
        assertEquals(List.of(new Row("gram", "20000x500", "vector-512", 1, 100, "ms", 0.02),
                new Row("gram", "20000x500", "vector-512", 1, 50, "GFLOP/s", 0.02)), gram);

        List<Row> blas = KernelRows.from(results.get(1));
        assertEquals("openblas-SkylakeX", blas.get(0).implementation());
        assertEquals(62.5, blas.get(1).value(), 1e-12);
        assertTrue(blas.get(1).wideError(), "±25% is a wide error");
        assertFalse(gram.get(1).wideError());

        List<Row> dot = KernelRows.from(results.get(2));
        assertEquals(new Row("dot", "4096", "scalar", 1, 812, "ns", Double.NaN), dot.get(0));
        assertEquals(2 * 4096 / 812.0, dot.get(1).value(), 1e-12);

        Row parallel = KernelRows.from(results.get(3)).get(1);
        assertEquals("gram", parallel.kernel(), "the Parallel suffix goes on 2 threads, the threads column says it");
        assertEquals("20000x500-column", parallel.shape());
        assertEquals(2, parallel.threads());
        assertEquals(100, parallel.value(), 1e-9);

        Row peak = KernelRows.from(results.get(4)).get(1);
        assertEquals("peak", peak.kernel());
        assertEquals("512-bit", peak.shape());
        assertEquals(100, peak.value(), 1e-9, "2·8 lanes·12 chains·4096 rounds in 7864.32 ns, the best iteration");
    }

    @Test
    void parallelVariantOnOneThreadKeepsItsName() {
        JmhResult one = new JmhResult("dev.shrink.bench.kernels.ParallelBenchmark.gramParallel", "avgt",
                Map.of("impl", "vector-512", "n", "100", "p", "10", "threads", "1"), 1000, 1, "ns/op", 990);
        List<Row> rows = KernelRows.from(one);
        assertEquals("gramParallel", rows.get(0).kernel(), "no collision with the sequential gram row");
        assertEquals(new Row("gramParallel", "100x10", "vector-512", 1, 100 * 10 * 10 / 1000.0, "GFLOP/s", 0.001), rows.get(1),
                "flops counted as for the Gram");
    }

    @Test
    void rejectsMalformedJson() {
        assertThrows(IllegalArgumentException.class, () -> JmhResult.parse("{\"benchmark\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> JmhResult.parse("[{\"benchmark\": \"a.B.c\"]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x"));
    }

    @Test
    void jsonReadsEscapesNumbersAndLiterals() {
        Object v = Json.parse("{\"a\": [1, -2.5e3, true, false, null], \"s\": \"q\\\"\\u00e9\\n\"}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(java.util.Arrays.asList(1.0, -2500.0, true, false, null), m.get("a"));
        assertEquals("q\"é\n", m.get("s"));
    }
}
