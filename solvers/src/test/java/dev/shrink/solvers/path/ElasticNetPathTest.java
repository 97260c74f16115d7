package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Precompute;
import dev.shrink.solvers.SufficientStats;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** ElasticNetPath: warm-started paths equal cold fits, the grids of both dialects, penalty factors, statistics. */
class ElasticNetPathTest {

    static double[] design(Random r, int n, int p) {
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            double c = r.nextGaussian();
            for (int j = 0; j < p; j++) x[i * p + j] = 0.7 * c + r.nextGaussian() + 0.1 * j;
        }
        return x;
    }

    static double[] response(Random r, double[] x, int n, int p) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 2 + 3 * x[i * p] - 2 * x[i * p + p - 1] + r.nextGaussian();
        return y;
    }

    private static double maxDiff(double[] a, double[] b) {
        return TestData.maxAbsDiff(a, b);
    }

    /** Every point of a warm-started path equals a cold single fit; the first grid point has all coefficients zero. */
    @Test
    void pathEqualsIndependentFits() {
        Random r = new Random(1);
        for (int[] shape : new int[][] {{80, 12}, {30, 90}}) {
            int n = shape[0];
            int p = shape[1];
            double[] x = design(r, n, p);
            double[] y = response(r, x, n, p);
            Design d = Design.rowMajor(x, n, p);
            PathResult path = ElasticNetPath.builder().l1Ratio(0.8).nAlphas(30).eps(1e-3).tol(1e-13).maxIter(100_000).build().fit(d, y);
            assertEquals(30, path.size());
            assertTrue(path.allConverged());
            for (double v : path.coef(0)) assertEquals(0.0, v, 1e-12); // at alpha_max exactly, rounding may leave ~1e-16
            for (int k = 1; k < path.size(); k += 7) {
                LinearModel m = ElasticNet.builder().alpha(path.penalty(k)).l1Ratio(0.8).tol(1e-13).maxIter(100_000).build().fit(d, y);
                assertTrue(maxDiff(m.coef(), path.coef(k)) < 1e-6, "alpha index " + k);
                assertEquals(m.intercept(), path.intercept(k), 1e-6);
                assertEquals(path.coef(k)[0], path.model(k).coef(0), 0.0);
                Convergence c = path.convergence(k);
                assertEquals(Convergence.Criterion.DUALITY_GAP, c.criterion());
                assertTrue(c.converged() && c.value() <= c.tolerance(), c.message());
            }
            // screening changes the work, not the answer
            PathResult plain = ElasticNetPath.builder().l1Ratio(0.8).nAlphas(30).tol(1e-13).maxIter(100_000).screening(false).build().fit(d, y);
            for (int k = 0; k < path.size(); k++) assertTrue(maxDiff(plain.coef(k), path.coef(k)) < 1e-7);
        }
    }

    /**
     * Strongly equicorrelated columns (ρ = 0.8), where the Gram mode's coordinate descent takes its sign-fixed Newton
     * steps on the support: the Gram path agrees with the residual path (which never takes them) at every α to 1e-8
     * relative to the coefficient scale (both stop at a duality gap of 1e-14·‖ỹ‖²), and every fit converges.
     */
    @Test
    void correlatedPathAgreesAcrossModes() {
        qt().withFixedSeed(20261129L).withExamples(8).forAll(longs().all(), integers().between(50, 150), integers().between(10, 30))
                .checkAssert((seed, n, p) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.8, 0);
                    double[] y = TestData.response(r, x, n, p, p / 2, 1.0);
                    Design d = Design.rowMajor(x, n, p);
                    ElasticNetPath.Builder b = ElasticNetPath.builder().l1Ratio(0.5).nAlphas(10).eps(1e-2).tol(1e-14).maxIter(100_000);
                    PathResult gram = b.precompute(Precompute.GRAM).build().fit(d, y);
                    PathResult none = b.precompute(Precompute.NONE).build().fit(d, y);
                    assertTrue(gram.allConverged(), "Gram mode converged");
                    assertTrue(none.allConverged(), "residual mode converged");
                    for (int k = 0; k < gram.size(); k++) {
                        double[] a = gram.coef(k);
                        double scale = 1;
                        for (double v : a) scale = Math.max(scale, Math.abs(v));
                        assertArrayEquals(none.coef(k), a, 1e-8 * scale, "alpha " + k);
                    }
                });
    }

    /** scikit-learn grid: alpha_max is the smallest alpha with w = 0 (just below it, one feature enters). */
    @Test
    void scikitLearnGridStartsAtAlphaMax() {
        Random r = new Random(2);
        int n = 50;
        int p = 8;
        double[] x = design(r, n, p);
        double[] y = response(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        PathResult path = ElasticNetPath.builder().l1Ratio(1).nAlphas(5).eps(0.01).tol(1e-12).build().fit(d, y);
        double[] grid = path.penalties();
        assertEquals(5, grid.length);
        assertEquals(0.01, grid[4] / grid[0], 1e-12);
        for (int k = 1; k < 5; k++) assertEquals(Math.pow(0.01, 0.25), grid[k] / grid[k - 1], 1e-12, "log-spaced");
        assertArrayEquals(new double[p], path.coef(0), 1e-12);
        LinearModel below = ElasticNet.builder().alpha(grid[0] * 0.999).l1Ratio(1).tol(1e-12).build().fit(d, y);
        double nonzero = 0;
        for (double v : below.coef()) nonzero += v != 0 ? 1 : 0;
        assertEquals(1, nonzero);
    }

    /** glmnet penalty factors: a zero factor leaves that feature unpenalised even at λ_max; factors rescale to sum p. */
    @Test
    void glmnetPenaltyFactors() {
        Random r = new Random(3);
        int n = 60;
        int p = 5;
        double[] x = design(r, n, p);
        double[] y = response(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        double[] f = {0, 1, 1, 1, 1};
        PathResult path = ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.GLMNET).standardize(true).l1Ratio(1)
                .penaltyFactors(f).nAlphas(10).tol(1e-13).maxIter(100_000).build().fit(d, y);
        assertTrue(path.coef(0)[0] != 0, "unpenalised feature is in the model from the start");
        for (int j = 1; j < p; j++) assertEquals(0.0, path.coef(0)[j]);
        // scaling all factors by a constant changes nothing after glmnet's rescaling
        double[] f3 = {0, 3, 3, 3, 3};
        PathResult path3 = ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.GLMNET).standardize(true).l1Ratio(1)
                .penaltyFactors(f3).nAlphas(10).tol(1e-13).maxIter(100_000).build().fit(d, y);
        for (int k = 0; k < 10; k++) assertTrue(maxDiff(path.coef(k), path3.coef(k)) < 1e-9);
        // glmnet's default grid ratio: 1e-4 when n ≥ p
        assertEquals(1e-4, path.penalty(9) / path.penalty(0), 1e-12);
    }

    /** A path on sufficient statistics equals the path on the data. */
    @Test
    void pathOnStatistics() {
        Random r = new Random(4);
        int n = 70;
        int p = 9;
        double[] x = design(r, n, p);
        double[] y = response(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        ElasticNetPath ep = ElasticNetPath.builder().l1Ratio(0.5).nAlphas(20).tol(1e-13).maxIter(100_000).build();
        PathResult a = ep.fit(d, y);
        PathResult b = ep.fit(SufficientStats.of(d, y, null));
        for (int k = 0; k < 20; k++) {
            assertEquals(a.penalty(k), b.penalty(k), 1e-12 * a.penalty(0));
            assertTrue(maxDiff(a.coef(k), b.coef(k)) < 1e-7);
            assertEquals(a.intercept(k), b.intercept(k), 1e-7);
        }
    }

    /** Constant y: no alpha_max; the grid is scikit-learn's flat 1e-15 and every coefficient is 0. */
    @Test
    void constantResponse() {
        double[][] x = {{1, 0}, {2, 1}, {3, 0}, {4, 2}};
        PathResult r = ElasticNetPath.builder().nAlphas(3).build().fit(x, new double[] {2, 2, 2, 2});
        for (int k = 0; k < 3; k++) {
            assertEquals(1e-15, r.penalty(k));
            assertEquals(0.0, r.coef(k)[0]);
            assertEquals(0.0, r.coef(k)[1]);
            assertEquals(2.0, r.intercept(k), 1e-15);
        }
    }

    /** The result copies its arrays in and out. */
    @Test
    void resultIsImmutable() {
        PathResult r = ElasticNetPath.builder().nAlphas(4).build().fit(new double[][] {{1, 0}, {2, 1}, {3, 0}, {4, 2}}, new double[] {1, 3, 2, 5});
        double first = r.penalty(0);
        r.penalties()[0] = 99;
        r.coefs()[1][0] = 99;
        r.coef(1)[0] = 99;
        r.intercepts()[1] = 99;
        assertEquals(first, r.penalty(0));
        assertTrue(r.coef(1)[0] != 99 && r.coefs()[1][0] != 99 && r.intercepts()[1] != 99);
        assertEquals(r.penalties().length, r.size());
    }
}
