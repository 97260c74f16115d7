package dev.shrink.solvers.path;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.SufficientStats;
import dev.shrink.solvers.cd.LeastSquaresProblem;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathTest {

    private static double[] design(Random r, int n, int p) {
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            double c = r.nextGaussian();
            for (int j = 0; j < p; j++) x[i * p + j] = 0.7 * c + r.nextGaussian() + 0.1 * j;
        }
        return x;
    }

    private static double[] response(Random r, double[] x, int n, int p) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 2 + 3 * x[i * p] - 2 * x[i * p + p - 1] + r.nextGaussian();
        return y;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
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
                LinearModel m = ElasticNet.builder().alpha(path.alpha(k)).l1Ratio(0.8).tol(1e-13).maxIter(100_000).build().fit(d, y);
                assertTrue(maxDiff(m.coef(), path.coef(k)) < 1e-6, "alpha index " + k);
                assertEquals(m.intercept(), path.intercept(k), 1e-6);
            }
            // screening changes the work, not the answer
            PathResult plain = ElasticNetPath.builder().l1Ratio(0.8).nAlphas(30).tol(1e-13).maxIter(100_000).screening(false).build().fit(d, y);
            for (int k = 0; k < path.size(); k++) assertTrue(maxDiff(plain.coef(k), path.coef(k)) < 1e-7);
        }
    }

    /** scikit-learn grid: alpha_max is the smallest alpha with w = 0 (just below it, something enters). */
    @Test
    void scikitLearnGridStartsAtAlphaMax() {
        Random r = new Random(2);
        int n = 50;
        int p = 8;
        double[] x = design(r, n, p);
        double[] y = response(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        double[] grid = ElasticNetPath.builder().l1Ratio(1).nAlphas(5).eps(0.01).build()
                .grid(dev.shrink.solvers.LeastSquaresProblem.of(d, y, null, true, false, null));
        assertEquals(0.01, grid[4] / grid[0], 1e-12);
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
            assertEquals(a.alpha(k), b.alpha(k), 1e-12 * a.alpha(0));
            assertTrue(maxDiff(a.coef(k), b.coef(k)) < 1e-7);
            assertEquals(a.intercept(k), b.intercept(k), 1e-7);
        }
    }

    /** The binomial ridge path at λ equals LogisticRegression with C = 1/(nλ) on standardised columns (no standardisation: raw). */
    @Test
    void logisticPathMatchesLogisticRegression() {
        Random r = new Random(5);
        int n = 90;
        int p = 4;
        double[] x = design(r, n, p);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i * p] + r.nextGaussian() > 0 ? 1 : 0;
        Design d = Design.rowMajor(x, n, p);
        PathResult path = LogisticPath.builder().standardize(false).nLambdas(8).tol(1e-12).build().fit(d, y);
        for (int k = 0; k < 8; k += 3) {
            LogisticModel m = LogisticRegression.builder().C(1 / (n * path.alpha(k))).tol(1e-12).build().fit(d, y);
            assertTrue(maxDiff(m.coef(), path.coef(k)) < 1e-8);
            assertEquals(m.intercept(), path.intercept(k), 1e-8);
        }
    }

    /** Integer weights in the binomial path equal duplicated rows (weights normalised, so the objective is the same). */
    @Test
    void logisticPathWeightsEqualDuplicatedRows() {
        Random r = new Random(6);
        int n = 60;
        int p = 3;
        double[] x = design(r, n, p);
        double[] y = new double[n];
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            y[i] = x[i * p] + r.nextGaussian() > 0 ? 1 : 0;
            total += (int) (w[i] = 1 + r.nextInt(3));
        }
        double[] big = new double[total * p];
        double[] yBig = new double[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++, k++) {
                System.arraycopy(x, i * p, big, k * p, p);
                yBig[k] = y[i];
            }
        }
        double[] lambdas = {0.1, 0.01, 0.001};
        PathResult a = LogisticPath.builder().lambdas(lambdas).tol(1e-12).build().fit(Design.rowMajor(x, n, p), y, w);
        PathResult b = LogisticPath.builder().lambdas(lambdas).tol(1e-12).build().fit(Design.rowMajor(big, total, p), yBig);
        for (int k = 0; k < 3; k++) {
            assertTrue(maxDiff(a.coef(k), b.coef(k)) < 1e-9);
            assertEquals(a.intercept(k), b.intercept(k), 1e-9);
        }
    }

    /** Constant y: no alpha_max; the grid is scikit-learn's flat 1e-15 and every coefficient is 0. */
    @Test
    void constantResponse() {
        double[][] x = {{1, 0}, {2, 1}, {3, 0}, {4, 2}};
        PathResult r = ElasticNetPath.builder().nAlphas(3).build().fit(x, new double[] {2, 2, 2, 2});
        for (int k = 0; k < 3; k++) {
            assertEquals(1e-15, r.alpha(k));
            assertEquals(0.0, r.coef(k)[0]);
            assertEquals(0.0, r.coef(k)[1]);
            assertEquals(2.0, r.intercept(k), 1e-15);
        }
    }
}
