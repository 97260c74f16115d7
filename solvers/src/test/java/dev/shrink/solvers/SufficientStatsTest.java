package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Mergeable statistics, fits on them, and the residual sum of squares from statistics alone against the rows. */
class SufficientStatsTest {

    /**
     * Bound: every term of Σsy² − 2bΣsy + b²Σs − 2wᵀ(c − bΣsx) + wᵀGw carries a relative rounding error of at most
     * about (n + p)·ε, and each is at most M = Σsᵢ(|yᵢ| + |b| + Σⱼ|xᵢⱼwⱼ|)² in magnitude, so |error| ≤ 6·(n + p)·ε·M.
     */
    @Test
    void residualSumOfSquaresMatchesTheRows() {
        qt().withFixedSeed(20261129L).withExamples(300).forAll(integers().between(1, 40), integers().between(1, 30), integers().between(0, 100), longs().all())
                .checkAssert((n, p, density, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double shift = (seed & 1) == 0 ? 0 : 50;            // off-centre columns: large raw sums
                    double scale = Math.pow(10, r.nextInt(-100, 101));  // extreme magnitudes
                    double[] x = new double[n * p];
                    for (int i = 0; i < x.length; i++) x[i] = scale * (r.nextGaussian() + shift);
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) y[i] = scale * (r.nextGaussian() * 10 + shift);
                    double[] s = (seed & 2) == 0 ? null : new double[n];
                    if (s != null) for (int i = 0; i < n; i++) s[i] = r.nextDouble() * 3;
                    double[] w = new double[p];
                    for (int j = 0; j < p; j++) if (r.nextInt(100) < density) w[j] = r.nextGaussian();
                    double b = scale * r.nextGaussian() * 5;
                    SufficientStats st = SufficientStats.of(Design.rowMajor(x, n, p), y, s);
                    double direct = 0;
                    double magnitude = 0;
                    for (int i = 0; i < n; i++) {
                        double e = y[i] - b;
                        double m = Math.abs(y[i]) + Math.abs(b);
                        for (int j = 0; j < p; j++) {
                            e -= x[i * p + j] * w[j];
                            m += Math.abs(x[i * p + j] * w[j]);
                        }
                        double si = s == null ? 1.0 : s[i];
                        direct += si * e * e;
                        magnitude += si * m * m;
                    }
                    double rss = st.residualSumOfSquares(w, b);
                    if (Double.isNaN(rss)) {
                        // refused: only where the value is a small share of its terms (the floor, with room for rounding)
                        assertTrue(direct <= 10 * SufficientStats.CANCELLATION_FLOOR * magnitude, "NaN for rss " + direct + " of " + magnitude);
                    } else {
                        assertEquals(direct, rss, 6 * (n + p) * Math.ulp(1.0) * magnitude);
                    }
                });
    }

    @Test
    void anExactFitIsLeftToTheRows() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 50;
        int p = 6;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() + 4;
        double[] w = {1, -2, 0, 0.5, 3, -1};
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 7;
            for (int j = 0; j < p; j++) y[i] += x[i * p + j] * w[j];
        }
        SufficientStats st = SufficientStats.of(Design.rowMajor(x, n, p), y, null);
        // the statistics would return only rounding noise (a cancellation of all digits): they refuse
        assertTrue(Double.isNaN(st.residualSumOfSquares(w, 7)));
        // a poor fit is far above the floor
        assertTrue(st.residualSumOfSquares(new double[p], 0) > 0);
    }

    @Test
    void ofSumsChecksShapes() {
        assertThrows(IllegalArgumentException.class, () -> SufficientStats.ofSums(0, 0, new double[2], 0, 0, new double[4], new double[2]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SufficientStats.ofSums(3, 3, new double[2], 0, 0, new double[3], new double[2]));
        assertTrue(e.getMessage().contains("gram"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SufficientStats.ofSums(3, 3, new double[2], 0, 0, new double[4], new double[1]));
        assertTrue(e.getMessage().contains("xty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SufficientStats.of(Design.rowMajor(new double[4], 2, 2), new double[2], null)
                .residualSumOfSquares(new double[3], 0));
        assertTrue(e.getMessage().contains("w has 3"), e.getMessage());
    }

    /** Sufficient statistics are mergeable: of(A ∪ B) = of(A) + of(B), of(A) = of(A ∪ B) − of(B); fits on them agree. */
    @Test
    void statisticsMergeAndFitsOnThemEqualFitsOnRows() {
        Random r = new Random(9);
        int n = 50;
        int p = 6;
        double[] x = TestData.design(r, n, p, 0.3, 3);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        double[] w = TestData.weights(r, n);
        double[] x0 = x.clone();
        double[] y0 = y.clone();
        double[] w0 = w.clone();
        Design d = Design.rowMajor(x, n, p);
        int[] a = new int[30];
        int[] b = new int[20];
        for (int i = 0; i < n; i++) if (i < 30) a[i] = i; else b[i - 30] = i;
        SufficientStats all = SufficientStats.of(d, y, w);
        SufficientStats sa = SufficientStats.of(d, y, w, a);
        SufficientStats sb = SufficientStats.of(d, y, w, b);
        SufficientStats sum = sa.plus(sb);
        assertTrue(TestData.maxAbsDiff(all.gram(), sum.gram()) < 1e-10);
        assertTrue(TestData.maxAbsDiff(all.centeredXty(), sum.centeredXty()) < 1e-10);
        assertEquals(all.centeredYty(), sum.centeredYty(), 1e-9);
        SufficientStats diff = all.minus(sb);
        assertEquals(30, diff.rows());
        assertTrue(TestData.maxAbsDiff(sa.centeredGram(), diff.centeredGram()) < 1e-9);
        // the inputs are read, not written
        assertArrayEquals(x0, x);
        assertArrayEquals(y0, y);
        assertArrayEquals(w0, w);
        // fits from statistics equal fits from data
        Ridge ridge = Ridge.builder().alpha(1.5).build();
        assertTrue(TestData.maxAbsDiff(ridge.fit(d, y, w).coef(), ridge.fit(all).coef()) < 1e-10);
        ElasticNet en = ElasticNet.builder().alpha(0.05).l1Ratio(0.5).tol(1e-14).maxIter(100_000).build();
        LinearModel fromData = en.fit(d.rows(a), Arrays.stream(a).mapToDouble(i -> y[i]).toArray(), Arrays.stream(a).mapToDouble(i -> w[i]).toArray());
        LinearModel fromStats = en.fit(diff);
        assertTrue(TestData.maxAbsDiff(fromData.coef(), fromStats.coef()) < 1e-7);
        assertEquals(fromData.intercept(), fromStats.intercept(), 1e-7);
    }

    /** Statistics computed on row chunks (threads) equal the single-pass ones up to the order of the chunk sums. */
    @Test
    void threadCountChangesOnlyTheOrderOfTheSums() {
        Random r = new Random(10);
        int n = 5000;
        int p = 60;
        assertTrue((long) n * p * p >= dev.shrink.kernels.ParallelKernels.DEFAULT_MIN_FLOPS, "the Gram pass must be large enough to be split");
        double[] x = TestData.design(r, n, p, 0.3, 1);
        double[] y = TestData.response(r, x, n, p, 5, 0.5);
        Design d = Design.rowMajor(x, n, p);
        SufficientStats one = SufficientStats.of(d, y, null, 1);
        SufficientStats three = SufficientStats.of(d, y, null, 3);
        SufficientStats threeAgain = SufficientStats.of(d, y, null, 3);
        assertArrayEquals(three.gram(), threeAgain.gram(), 0.0, "a given count gives the same bits on every run");
        assertTrue(TestData.differBitwise(one.gram(), three.gram()), "3 chunks must change the order of the sums: the pass was not split");
        assertArrayEquals(one.gram(), three.gram(), 1e-12 * TestData.maxAbs(one.gram()));
        assertArrayEquals(one.xty(), three.xty(), 1e-12 * TestData.maxAbs(one.xty()));
        assertArrayEquals(one.xSums(), three.xSums(), 1e-12 * TestData.maxAbs(one.xSums()));
    }
}
