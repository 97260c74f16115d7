package dev.shrink.solvers;

import dev.shrink.solvers.internal.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** ElasticNet: optimality, agreement of its precompute choices, weights, warm starts and strict mode. */
class ElasticNetTest {

    /**
     * KKT conditions of the elastic net at the returned solution (every precompute choice, random shapes, weights):
     * gⱼ = (1/S)·x̃ⱼᵀS(y − Xw − b) − α(1−ρ)wⱼ must equal αρ·sign(wⱼ) for wⱼ ≠ 0 and be ≤ αρ in magnitude otherwise.
     * Tolerance: 1e-7 relative to the gradient scale, far above the solver's 1e-14 gap tolerance.
     */
    @Test
    void satisfiesKkt() {
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(5, 60), integers().between(1, 40), integers().between(0, 3))
                .checkAssert((seed, n, p, variant) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.5, variant == 3 ? 5 : 0);
                    double[] y = TestData.response(r, x, n, p, 3, 0.5);
                    double[] w = variant >= 2 ? TestData.weights(r, n) : null;
                    double l1Ratio = variant == 1 ? 1.0 : 0.3 + 0.6 * r.nextDouble();
                    double alpha = 0.01 + 0.5 * r.nextDouble();
                    Precompute mode = TestData.explicitPrecompute(r);
                    LinearModel m = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).tol(1e-14).maxIter(100_000).precompute(mode).build()
                            .fit(Design.rowMajor(x, n, p), y, w);
                    double[] coef = m.coef();
                    double sum = 0;
                    double[] res = new double[n];
                    for (int i = 0; i < n; i++) {
                        double s = m.intercept();
                        for (int j = 0; j < p; j++) s += x[i * p + j] * coef[j];
                        res[i] = (w == null ? 1 : w[i]) * (y[i] - s);
                        sum += w == null ? 1 : w[i];
                    }
                    double scale = 0;
                    double interceptGradient = 0;
                    for (double v : res) interceptGradient += v / sum;
                    double[] g = new double[p];
                    for (int j = 0; j < p; j++) {
                        double s = 0;
                        for (int i = 0; i < n; i++) s += x[i * p + j] * res[i];
                        g[j] = s / sum - alpha * (1 - l1Ratio) * coef[j];
                        scale = Math.max(scale, Math.abs(g[j]));
                    }
                    double tol = 1e-7 * Math.max(1, scale + alpha);
                    assertEquals(0, interceptGradient, tol, "intercept gradient");
                    for (int j = 0; j < p; j++) {
                        if (coef[j] != 0) assertEquals(alpha * l1Ratio * Math.signum(coef[j]), g[j], tol, "active " + j);
                        else assertTrue(Math.abs(g[j]) <= alpha * l1Ratio + tol, "inactive " + j + ": " + g[j]);
                    }
                });
    }

    /** The whole Gram, residuals and the working set's Gram reach the same minimiser (unique: l1Ratio < 1). */
    @Test
    void precomputeChoicesAgree() {
        qt().withFixedSeed(20261129L).withExamples(20).forAll(longs().all(), integers().between(3, 50), integers().between(1, 50)).checkAssert((seed, n, p) -> {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.3, 1);
            double[] y = TestData.response(r, x, n, p, 4, 0.3);
            double[] w = TestData.weights(r, n);
            ElasticNet.Builder b = ElasticNet.builder().alpha(0.1).l1Ratio(0.5).tol(1e-14).maxIter(100_000);
            LinearModel gram = b.precompute(Precompute.GRAM).build().fit(Design.rowMajor(x, n, p), y, w);
            LinearModel none = b.precompute(Precompute.NONE).build().fit(Design.columnMajor(TestData.columnMajor(x, n, p), n, p), y, w);
            assertTrue(TestData.maxAbsDiff(gram.coef(), none.coef()) < 1e-6, () -> Arrays.toString(gram.coef()) + " vs " + Arrays.toString(none.coef()));
            assertEquals(gram.intercept(), none.intercept(), 1e-6);
            boolean rowMajor = r.nextBoolean();
            Design d = rowMajor ? Design.rowMajor(x, n, p) : Design.columnMajor(TestData.columnMajor(x, n, p), n, p);
            LinearModel ws = b.precompute(Precompute.WORKING_SET).build().fit(d, y, w);
            assertTrue(TestData.maxAbsDiff(gram.coef(), ws.coef()) < 1e-6, () -> Arrays.toString(gram.coef()) + " vs " + Arrays.toString(ws.coef()));
            assertEquals(gram.intercept(), ws.intercept(), 1e-6);
            LinearModel auto = b.precompute(Precompute.AUTO).build().fit(d, y, w);
            assertTrue(TestData.maxAbsDiff(gram.coef(), auto.coef()) < 1e-6, () -> Arrays.toString(gram.coef()) + " vs " + Arrays.toString(auto.coef()));
        });
    }

    /**
     * Working-set mode admits violators in batches ({@link Thresholds#FIRST_BATCH}, then as many as the set holds):
     * with far more violators at 0 than one batch and a support larger than the first batch, tall or wide, it still
     * reaches the whole-Gram minimum: both objectives lie within the larger of the two duality gaps of each other.
     */
    @Test
    void workingSetGrowsPastItsFirstBatch() {
        qt().withFixedSeed(20261129L).withExamples(6).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, wide) -> {
            Random r = new Random(seed);
            int n = wide == 1 ? 200 : 400;
            int p = wide == 1 ? 400 : 160;
            double[] x = TestData.design(r, n, p, 0.5, 1);
            double[] y = TestData.response(r, x, n, p, 90, 0.3);
            double[] w = r.nextBoolean() ? TestData.weights(r, n) : null;
            double alpha = 0.03;
            double l1Ratio = 0.8;
            ElasticNet.Builder b = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).tol(1e-10).maxIter(100_000);
            LinearModel gram = b.precompute(Precompute.GRAM).build().fit(Design.rowMajor(x, n, p), y, w);
            LinearModel ws = b.precompute(Precompute.WORKING_SET).build().fit(Design.rowMajor(x, n, p), y, w);
            int support = 0;
            for (double v : ws.coef()) if (v != 0) support++;
            assertTrue(support > Thresholds.FIRST_BATCH, "support " + support + " fits the first batch: the test does not grow the set");
            assertTrue(gram.convergence().converged(), gram.convergence().message());
            assertTrue(ws.convergence().converged(), ws.convergence().message());
            assertEquals(Convergence.Criterion.DUALITY_GAP, ws.convergence().criterion());
            // the gaps are in the problem's scaling (n times scikit-learn's objective)
            double bound = Math.max(gram.convergence().value(), ws.convergence().value()) / n;
            double diff = objective(x, y, w, n, p, gram, alpha, l1Ratio) - objective(x, y, w, n, p, ws, alpha, l1Ratio);
            assertTrue(Math.abs(diff) <= bound * (1 + 1e-6) + 1e-12, "objectives differ by " + diff + ", gaps allow " + bound);
        });
    }

    /** scikit-learn's elastic-net objective (1/(2S))·Σsᵢ(yᵢ − xᵢ·w − b)² + α·ρ·‖w‖₁ + ½·α·(1 − ρ)·‖w‖². */
    static double objective(double[] x, double[] y, double[] s, int n, int p, LinearModel m, double alpha, double l1Ratio) {
        double rss = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - m.intercept();
            for (int j = 0; j < p; j++) e -= x[i * p + j] * m.coef(j);
            double si = s == null ? 1.0 : s[i];
            rss += si * e * e;
            sum += si;
        }
        double a = 0;
        double q = 0;
        for (double c : m.coef()) {
            a += Math.abs(c);
            q += c * c;
        }
        return rss / (2 * sum) + alpha * l1Ratio * a + 0.5 * alpha * (1 - l1Ratio) * q;
    }

    /** Multiplying all weights by a constant does not change the solution (weights are normalised). */
    @Test
    void weightScaleInvariance() {
        Random r = new Random(7);
        int n = 80;
        int p = 12;
        double[] x = TestData.design(r, n, p, 0.4, 0);
        double[] y = TestData.response(r, x, n, p, 4, 0.5);
        double[] w = TestData.weights(r, n);
        double[] w7 = w.clone();
        for (int i = 0; i < n; i++) w7[i] *= 7.25;
        ElasticNet en = ElasticNet.builder().alpha(0.05).l1Ratio(0.7).tol(1e-14).maxIter(100_000).build();
        LinearModel a = en.fit(Design.rowMajor(x, n, p), y, w);
        LinearModel b = en.fit(Design.rowMajor(x, n, p), y, w7);
        assertTrue(TestData.maxAbsDiff(a.coef(), b.coef()) < 1e-9);
        assertEquals(a.intercept(), b.intercept(), 1e-9);
    }

    /** Warm start from the solution converges at once to the same point; maxIter and strict mode report and throw. */
    @Test
    void warmStartAndStrictMode() {
        Random r = new Random(13);
        int n = 100;
        int p = 20;
        double[] x = TestData.design(r, n, p, 0.8, 0);
        double[] y = TestData.response(r, x, n, p, 5, 0.5);
        Design d = Design.rowMajor(x, n, p);
        ElasticNet en = ElasticNet.builder().alpha(0.01).l1Ratio(0.5).tol(1e-12).maxIter(100_000).build();
        LinearModel cold = en.fit(d, y);
        LinearModel warm = en.fit(d, y, null, cold.coef());
        assertTrue(warm.convergence().iterations() <= 2, warm.convergence().message());
        assertTrue(TestData.maxAbsDiff(cold.coef(), warm.coef()) < 1e-8);
        LinearModel loose = en.toBuilder().maxIter(2).build().fit(d, y);
        assertFalse(loose.convergence().converged());
        assertTrue(loose.convergence().message().startsWith("not converged after maxIter = 2"), loose.convergence().message());
        assertTrue(loose.convergence().value() > loose.convergence().tolerance());
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> en.toBuilder().maxIter(2).strict(true).build().fit(d, y));
        assertFalse(e.convergence().converged());
        assertEquals(loose.convergence(), e.convergence(), "strict mode throws the record the lenient fit returns");
    }

    /** toBuilder keeps every setting. */
    @Test
    void toBuilderKeepsTheSettings() {
        ElasticNet en = ElasticNet.builder().alpha(0.3).l1Ratio(0.2).fitIntercept(false).maxIter(17).tol(1e-6).strict(true)
                .precompute(Precompute.NONE).threads(3).build();
        assertEquals(en.toString(), en.toBuilder().build().toString());
        ElasticNet copy = en.toBuilder().build();
        assertEquals(0.3, copy.alpha());
        assertEquals(0.2, copy.l1Ratio());
        assertFalse(copy.fitIntercept());
        assertEquals(17, copy.maxIter());
        assertEquals(1e-6, copy.tol());
        assertTrue(copy.strict());
        assertEquals(Precompute.NONE, copy.precompute());
        assertEquals(3, copy.threads());
        assertThrows(IllegalArgumentException.class, () -> ElasticNet.builder().precompute(null).build());
    }

    /**
     * Without intercept and weights, residual mode reads a column-major design in place (no working copy): it still
     * must not write to it, and gives the Gram mode's answer.
     */
    @Test
    void residualModeReadsTheUsersColumnsWithoutWritingThem() {
        Random r = new Random(3);
        int n = 30;
        int p = 12;
        double[] x = TestData.design(r, n, p, 0.3, 2);
        double[] xc = TestData.columnMajor(x, n, p);
        double[] xc0 = xc.clone();
        double[] y = TestData.response(r, x, n, p, 3, 0.2);
        ElasticNet.Builder b = ElasticNet.builder().alpha(0.1).fitIntercept(false).tol(1e-14).maxIter(100_000);
        LinearModel none = b.precompute(Precompute.NONE).build().fit(Design.columnMajor(xc, n, p), y);
        assertArrayEquals(xc0, xc);
        LinearModel gram = b.precompute(Precompute.GRAM).build().fit(Design.rowMajor(x, n, p), y);
        assertTrue(TestData.maxAbsDiff(gram.coef(), none.coef()) < 1e-7);
        assertEquals(0.0, none.intercept());
    }

    /**
     * {@code positive}: KKT conditions of the constrained problem — every wⱼ ≥ 0; gⱼ = αρ for wⱼ &gt; 0 and gⱼ ≤ αρ (no
     * lower limit) for wⱼ = 0, gⱼ = (1/n)x̃ⱼᵀ(y − Xw − b) − α(1−ρ)wⱼ — on data whose truth has negative coefficients,
     * in every precompute mode; and on such data the unconstrained fit has a negative coefficient (the option matters).
     */
    @Test
    void positiveSatisfiesTheConstrainedKkt() {
        qt().withFixedSeed(20261203L).withExamples(25).forAll(longs().all(), integers().between(10, 60), integers().between(2, 30))
                .checkAssert((seed, n, p) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.3, 0);
                    double[] y = TestData.response(r, x, n, p, p, 0.3);
                    double alpha = 0.01 + 0.1 * r.nextDouble();
                    double l1Ratio = r.nextBoolean() ? 1.0 : 0.5;
                    Precompute mode = TestData.explicitPrecompute(r);
                    LinearModel m = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).positive(true).tol(1e-14).maxIter(100_000).precompute(mode)
                            .build().fit(Design.rowMajor(x, n, p), y);
                    assertTrue(m.convergence().converged(), m.convergence().message());
                    double[] coef = m.coef();
                    double[] res = new double[n];
                    double interceptGradient = 0;
                    for (int i = 0; i < n; i++) {
                        double s = m.intercept();
                        for (int j = 0; j < p; j++) s += x[i * p + j] * coef[j];
                        res[i] = y[i] - s;
                        interceptGradient += res[i] / n;
                    }
                    double tol = 1e-7 * (1 + alpha);
                    assertEquals(0, interceptGradient, tol, "intercept gradient");
                    for (int j = 0; j < p; j++) {
                        assertTrue(coef[j] >= 0, "w[" + j + "] = " + coef[j]);
                        double g = 0;
                        for (int i = 0; i < n; i++) g += x[i * p + j] * res[i] / n;
                        g -= alpha * (1 - l1Ratio) * coef[j];
                        if (coef[j] > 0) assertEquals(alpha * l1Ratio, g, tol, "g[" + j + "] at a positive coefficient");
                        else assertTrue(g <= alpha * l1Ratio + tol, "g[" + j + "] = " + g + " at 0 exceeds " + alpha * l1Ratio);
                    }
                });
    }
}
