package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Ridge: the normal equations in both branches (p×p and n×n Cholesky), the elastic-net limit, predictions. */
class RidgeTest {

    /**
     * The weighted normal equations at the returned (w, b): Xᵀ S(y − Xw − b) = α·w and, with an intercept,
     * Σ sᵢ(yᵢ − xᵢ·w − b) = 0; for n ≥ p (p×p Cholesky) and p &gt; n (n×n Cholesky), to 1e-9 relative to the terms.
     */
    @Test
    void normalEquationsHoldInBothBranches() {
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(2, 40), integers().between(1, 40), booleans().all())
                .checkAssert((seed, n, p, intercept) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.3, 1);
                    double[] y = TestData.response(r, x, n, p, 3, 0.5);
                    double[] s = r.nextBoolean() ? TestData.weights(r, n) : null;
                    double alpha = 0.05 + 5 * r.nextDouble();
                    LinearModel m = Ridge.builder().alpha(alpha).fitIntercept(intercept).build().fit(Design.rowMajor(x, n, p), y, s);
                    assertEquals(Convergence.Criterion.DIRECT, m.convergence().criterion());
                    assertTrue(m.convergence().message().contains(n >= p ? "XᵀX" : "XXᵀ"), m.convergence().message());
                    double[] res = new double[n];
                    double magnitude = 0;
                    double interceptEquation = 0;
                    for (int i = 0; i < n; i++) {
                        double f = m.intercept();
                        for (int j = 0; j < p; j++) f += x[i * p + j] * m.coef(j);
                        double si = s == null ? 1 : s[i];
                        res[i] = si * (y[i] - f);
                        interceptEquation += res[i];
                        magnitude += si * (Math.abs(y[i]) + Math.abs(f));
                    }
                    if (intercept) assertEquals(0, interceptEquation, 1e-9 * magnitude, "intercept equation");
                    else assertEquals(0.0, m.intercept());
                    for (int j = 0; j < p; j++) {
                        double g = 0;
                        double scale = alpha * Math.abs(m.coef(j));
                        for (int i = 0; i < n; i++) {
                            g += x[i * p + j] * res[i];
                            scale += Math.abs(x[i * p + j] * res[i]);
                        }
                        assertEquals(alpha * m.coef(j), g, 1e-9 * (scale + 1e-300) + 1e-12, "equation " + j);
                    }
                });
    }

    /**
     * Mixed precision (float32 Gram and Cholesky, float64 refinement), forced on small problems: the same normal
     * equations as the float64 path to the same relative accuracy, the same coefficients to 1e-9, every storage, with
     * and without weights and intercept; the convergence says how it was solved.
     */
    @Test
    void refinementMeetsTheFloat64PathsAccuracy() {
        qt().withFixedSeed(20261130L).withExamples(25).forAll(longs().all(), integers().between(2, 60), integers().between(1, 40), booleans().all())
                .checkAssert((seed, extra, p, intercept) -> {
                    Random r = new Random(seed);
                    int n = p + extra;
                    double[] x = TestData.design(r, n, p, 0.3, 2);
                    double[] y = TestData.response(r, x, n, p, 3, 0.5);
                    double[] s = r.nextBoolean() ? TestData.weights(r, n) : null;
                    double alpha = 0.05 + 5 * r.nextDouble();
                    Ridge ridge = Ridge.builder().alpha(alpha).fitIntercept(intercept).threads(1 + r.nextInt(3)).build();
                    DenseDesign flat = Design.rowMajor(x, n, p);
                    LinearModel exact = ridge.fit(SufficientStats.of(flat, y, s));
                    for (DenseDesign d : new DenseDesign[] {flat, Design.of(TestData.rows(x, n, p)), Design.columnMajor(TestData.columnMajor(x, n, p), n, p)}) {
                        LinearModel m = ridge.fitRefined(d, y, s);
                        assertEquals(Convergence.Criterion.NORMAL_EQUATIONS, m.convergence().criterion(), m.convergence().message());
                        assertTrue(m.convergence().message().startsWith("float32 Cholesky of XᵀX + αI"), m.convergence().message());
                        assertTrue(m.convergence().value() <= m.convergence().tolerance(), m.convergence().message());
                        double scale = TestData.maxAbs(exact.coef()) + 1;
                        assertTrue(TestData.maxAbsDiff(exact.coef(), m.coef()) <= 1e-9 * scale,
                                () -> Arrays.toString(exact.coef()) + " vs " + Arrays.toString(m.coef()));
                        assertEquals(exact.intercept(), m.intercept(), 1e-9 * (Math.abs(exact.intercept()) + scale));
                    }
                });
    }

    /**
     * A problem too ill-conditioned for float32 (cond(XᵀX + αI) ≈ 1e10 from two nearly equal columns): the refinement
     * stalls, the float64 path answers, and the convergence message says so.
     */
    @Test
    void aStalledRefinementFallsBackToFloat64AndSaysSo() {
        Random r = new Random(3);
        int n = 400;
        int p = 20;
        double[] x = TestData.design(r, n, p, 0.0, 0);
        for (int i = 0; i < n; i++) x[i * p + 1] = x[i * p] + 1e-5 * r.nextGaussian();
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        Ridge ridge = Ridge.builder().alpha(1e-8).threads(1).build();
        LinearModel m = ridge.fitRefined(Design.rowMajor(x, n, p), y, null);
        LinearModel exact = ridge.fit(SufficientStats.of(Design.rowMajor(x, n, p), y, null));
        assertEquals(Convergence.Criterion.DIRECT, m.convergence().criterion(), m.convergence().message());
        assertTrue(m.convergence().message().contains("float32 refinement gave up"), m.convergence().message());
        assertTrue(m.convergence().message().contains("condition number too large for float32"), m.convergence().message());
        assertArrayEquals(exact.coef(), m.coef(), 0.0);
    }

    /** The size rule of Thresholds: mixed precision only for n ≥ p, alpha > 0 and large enough p and n·p². */
    @Test
    void theRefinementRuleFollowsThresholds() {
        assertTrue(dev.shrink.solvers.internal.Thresholds.ridgeRefinement(20000, 500, 1.0));
        assertFalse(dev.shrink.solvers.internal.Thresholds.ridgeRefinement(20000, 500, 0.0));
        assertFalse(dev.shrink.solvers.internal.Thresholds.ridgeRefinement(400, 500, 1.0));
        assertFalse(dev.shrink.solvers.internal.Thresholds.ridgeRefinement(1000, 20, 1.0));
    }

    /** The elastic net with l1Ratio = 0 is ridge with alpha·n (objectives differ by the factor 2n); both Ridge branches. */
    @Test
    void matchesElasticNetWithoutL1() {
        Random r = new Random(5);
        for (int[] shape : new int[][] {{60, 10}, {15, 40}}) {
            int n = shape[0];
            int p = shape[1];
            double[] x = TestData.design(r, n, p, 0.2, 1);
            double[] y = TestData.response(r, x, n, p, 3, 0.5);
            double alpha = 0.3;
            LinearModel ridge = Ridge.builder().alpha(alpha * n).build().fit(Design.rowMajor(x, n, p), y);
            LinearModel en = ElasticNet.builder().alpha(alpha).l1Ratio(0).tol(1e-15).maxIter(1_000_000).build().fit(Design.rowMajor(x, n, p), y);
            assertTrue(TestData.maxAbsDiff(ridge.coef(), en.coef()) < 1e-7, () -> Arrays.toString(ridge.coef()) + " vs " + Arrays.toString(en.coef()));
            assertEquals(ridge.intercept(), en.intercept(), 1e-7);
        }
    }

    /** A model's predictions (the whole design and one row) and its immutability (arrays copied in and out). */
    @Test
    void predictionsAndAnImmutableModel() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {0, 3}};
        double[] y = {3, 4, 6, 8, 10};
        LinearModel m = Ridge.builder().alpha(1e-12).build().fit(x, y); // y = 1 + 2·x0 + 3·x1 exactly (almost no penalty)
        assertEquals(2, m.coef(0), 1e-9);
        assertEquals(3, m.coef(1), 1e-9);
        assertEquals(1, m.intercept(), 1e-9);
        assertEquals(2, m.p());
        assertEquals(1 + 2 * 4 + 3 * 5, m.predict(new double[] {4, 5}), 1e-8);
        assertArrayEquals(y, m.predict(x), 1e-8);
        assertArrayEquals(y, m.predict(Design.columnMajor(TestData.columnMajor(new double[] {1, 0, 0, 1, 1, 1, 2, 1, 0, 3}, 5, 2), 5, 2)), 1e-8);
        double[] coef = m.coef();
        coef[0] = 99;
        assertEquals(2, m.coef(0), 1e-9, "coef() returns a copy");
        double[] in = {1, 2};
        LinearModel own = new LinearModel(in, 0.5, Convergence.direct("test"));
        in[0] = 99;
        assertEquals(1, own.coef(0), "the constructor copies");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> m.predict(new double[3]));
        assertEquals("row has 3 values, the model has 2 coefficients", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2, 3}}));
        assertEquals("X has 3 columns, the model has 2 coefficients", e.getMessage());
    }
}
