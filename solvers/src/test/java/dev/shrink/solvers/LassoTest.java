package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Lasso: the elastic net with l1Ratio = 1, its α_max, its optimality conditions and its fit on statistics. */
class LassoTest {

    /**
     * alpha = 0 is ordinary least squares: the answer of a direct solve (Ridge at alpha 0), reported as such and as
     * converged, in every mode and on statistics (before: converged = false at the least-squares solution, "stopped at
     * the rounding floor", because the unpenalised problem's "gap" is its primal value ½‖R‖²).
     */
    @Test
    void alphaZeroIsOrdinaryLeastSquaresAndSaysSo() {
        Random r = new Random(2);
        int n = 50;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.3, 1);
        double[] y = TestData.response(r, x, n, p, 3, 0.3);
        Design d = Design.rowMajor(x, n, p);
        LinearModel ols = Ridge.builder().alpha(0).build().fit(d, y);
        for (Precompute mode : Precompute.values()) {
            LinearModel m = Lasso.builder().alpha(0).precompute(mode).build().fit(d, y);
            assertTrue(m.convergence().converged(), m.convergence().message());
            assertEquals(Convergence.Criterion.DIRECT, m.convergence().criterion());
            assertTrue(m.convergence().message().startsWith("alpha = 0: ordinary least squares"), m.convergence().message());
            assertArrayEquals(ols.coef(), m.coef(), 1e-12);
            assertEquals(ols.intercept(), m.intercept(), 1e-12);
        }
        LinearModel fromStats = ElasticNet.builder().alpha(0).build().fit(SufficientStats.of(d, y, null, 1));
        assertTrue(fromStats.convergence().converged());
        assertArrayEquals(ols.coef(), fromStats.coef(), 1e-10);
    }

    /** Lasso delegates to ElasticNet(l1Ratio = 1): the same bits, the same settings. */
    @Test
    void isTheElasticNetWithL1RatioOne() {
        Random r = new Random(1);
        int n = 60;
        int p = 15;
        double[] x = TestData.design(r, n, p, 0.4, 1);
        double[] y = TestData.response(r, x, n, p, 4, 0.5);
        double[] w = TestData.weights(r, n);
        Design d = Design.rowMajor(x, n, p);
        for (Precompute mode : Precompute.values()) {
            Lasso lasso = Lasso.builder().alpha(0.07).tol(1e-10).maxIter(5000).precompute(mode).threads(2).build();
            ElasticNet net = ElasticNet.builder().alpha(0.07).l1Ratio(1).tol(1e-10).maxIter(5000).precompute(mode).threads(2).build();
            LinearModel a = lasso.fit(d, y, w);
            LinearModel b = net.fit(d, y, w);
            assertArrayEquals(b.coef(), a.coef(), 0.0, mode.name());
            assertEquals(b.intercept(), a.intercept(), 0.0);
            assertEquals(b.convergence(), a.convergence());
            assertEquals(0.07, lasso.alpha());
            assertEquals(mode, lasso.precompute());
            assertEquals(2, lasso.threads());
            assertEquals(5000, lasso.maxIter());
            assertEquals(1e-10, lasso.tol());
            assertTrue(lasso.fitIntercept());
        }
    }

    /**
     * α_max = max_j |Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ)|/n is the smallest α with w = 0 (and b = ȳ); just below it exactly the
     * feature of the largest correlation enters, with the correlation's sign.
     */
    @Test
    void alphaMaxIsWhereTheFirstFeatureEnters() {
        Random r = new Random(2);
        int n = 50;
        int p = 8;
        double[] x = TestData.design(r, n, p, 0.3, 1);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        double ybar = 0;
        for (double v : y) ybar += v / n;
        double alphaMax = 0;
        int top = -1;
        double sign = 0;
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i * p + j] / n;
            double c = 0;
            for (int i = 0; i < n; i++) c += (x[i * p + j] - mean) * (y[i] - ybar);
            if (Math.abs(c) / n > alphaMax) {
                alphaMax = Math.abs(c) / n;
                top = j;
                sign = Math.signum(c);
            }
        }
        Design d = Design.rowMajor(x, n, p);
        LinearModel at = Lasso.builder().alpha(alphaMax * (1 + 1e-9)).tol(1e-12).build().fit(d, y);
        assertArrayEquals(new double[p], at.coef(), 0.0);
        assertEquals(ybar, at.intercept(), 1e-12 * Math.abs(ybar) + 1e-15);
        LinearModel below = Lasso.builder().alpha(alphaMax * 0.999).tol(1e-12).build().fit(d, y);
        for (int j = 0; j < p; j++) {
            if (j == top) assertEquals(sign, Math.signum(below.coef(j)), "feature " + j + " enters with its correlation's sign");
            else assertEquals(0.0, below.coef(j), "feature " + j);
        }
    }

    /**
     * Subgradient conditions of the lasso at the returned solution, weights and intercept: (1/S)·x̃ⱼᵀS(y − Xw − b) is
     * α·sign(wⱼ) on the support and at most α in magnitude off it (1e-7 relative to the gradient scale).
     */
    @Test
    void satisfiesTheSubgradientConditions() {
        qt().withFixedSeed(20261129L).withExamples(15).forAll(longs().all(), integers().between(5, 50), integers().between(1, 60)).checkAssert((seed, n, p) -> {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.5, 2);
            double[] y = TestData.response(r, x, n, p, 4, 0.3);
            double[] w = r.nextBoolean() ? TestData.weights(r, n) : null;
            double alpha = 0.005 + 0.3 * r.nextDouble();
            LinearModel m = Lasso.builder().alpha(alpha).tol(1e-14).maxIter(200_000).precompute(TestData.explicitPrecompute(r)).build()
                    .fit(Design.rowMajor(x, n, p), y, w);
            double sum = 0;
            double[] res = new double[n];
            for (int i = 0; i < n; i++) {
                double s = m.intercept();
                for (int j = 0; j < p; j++) s += x[i * p + j] * m.coef(j);
                double si = w == null ? 1 : w[i];
                res[i] = si * (y[i] - s);
                sum += si;
            }
            double[] g = new double[p];
            double scale = 0;
            double gb = 0;
            for (double v : res) gb += v / sum;
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) g[j] += x[i * p + j] * res[i] / sum;
                scale = Math.max(scale, Math.abs(g[j]));
            }
            double tol = 1e-7 * Math.max(1, scale + alpha);
            assertEquals(0, gb, tol, "intercept");
            for (int j = 0; j < p; j++) {
                if (m.coef(j) != 0) assertEquals(alpha * Math.signum(m.coef(j)), g[j], tol, "active " + j);
                else assertTrue(Math.abs(g[j]) <= alpha + tol, "inactive " + j + ": " + g[j]);
            }
        });
    }

    /** The fit on sufficient statistics (covariance mode) equals the fit on the rows. */
    @Test
    void fitOnStatisticsEqualsFitOnRows() {
        Random r = new Random(4);
        int n = 70;
        int p = 9;
        double[] x = TestData.design(r, n, p, 0.3, 3);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        double[] w = TestData.weights(r, n);
        Design d = Design.rowMajor(x, n, p);
        Lasso lasso = Lasso.builder().alpha(0.02).tol(1e-14).maxIter(100_000).build();
        LinearModel rows = lasso.fit(d, y, w);
        LinearModel stats = lasso.fit(SufficientStats.of(d, y, w));
        assertTrue(TestData.maxAbsDiff(rows.coef(), stats.coef()) < 1e-7);
        assertEquals(rows.intercept(), stats.intercept(), 1e-7);
    }
}
