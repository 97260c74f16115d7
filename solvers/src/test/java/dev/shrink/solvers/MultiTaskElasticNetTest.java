package dev.shrink.solvers;

import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MultiTaskElasticNet / MultiTaskLasso: one task is the elastic net, the optimality conditions, both Gram sources, the path. */
class MultiTaskElasticNetTest {

    static double[][] responses(Random r, double[] x, int n, int p, int tasks) {
        double[][] y = new double[n][tasks];
        for (int t = 0; t < tasks; t++) {
            double[] col = TestData.response(r, x, n, p, 4, 0.5);
            for (int i = 0; i < n; i++) y[i][t] = col[i] + t;
        }
        return y;
    }

    /**
     * Largest violation (relative to alpha) of (1/(2n))‖Y − XWᵀ − b‖² + αρΣⱼ‖wⱼ‖ + ½α(1−ρ)‖W‖²: with gⱼ = X̃ⱼᵀR/n − α(1−ρ)wⱼ
     * (T values), a non-zero row has gⱼ = αρ·wⱼ/‖wⱼ‖, a zero row ‖gⱼ‖ ≤ αρ.
     */
    static double kkt(double[] x, int n, int p, double[][] y, MultiTaskModel m, double alpha, double rho) {
        int tasks = m.tasks();
        double[][] w = m.coef();
        double[] b = m.intercepts();
        double[][] g = new double[p][tasks];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tasks; t++) {
                double z = b[t];
                for (int j = 0; j < p; j++) z += x[i * p + j] * w[t][j];
                double res = y[i][t] - z;
                for (int j = 0; j < p; j++) g[j][t] += x[i * p + j] * res / n;
            }
        }
        double worst = 0;
        for (int j = 0; j < p; j++) {
            double norm = 0, gn = 0;
            for (int t = 0; t < tasks; t++) {
                g[j][t] -= alpha * (1 - rho) * w[t][j];
                norm += w[t][j] * w[t][j];
                gn += g[j][t] * g[j][t];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int t = 0; t < tasks; t++) worst = Math.max(worst, Math.abs(g[j][t] - alpha * rho * w[t][j] / norm) / alpha);
            } else {
                worst = Math.max(worst, Math.max(0, Math.sqrt(gn) - alpha * rho) / alpha);
            }
        }
        return worst;
    }

    @Test
    void oneTaskIsTheElasticNet() {
        Random r = new Random(21);
        int n = 90, p = 12;
        double[] x = TestData.design(r, n, p, 0.4, 0.3);
        double[][] y = responses(r, x, n, p, 1);
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) y1[i] = y[i][0];
        Design d = Design.rowMajor(x, n, p);
        MultiTaskModel m = MultiTaskElasticNet.builder().alpha(0.08).l1Ratio(0.6).tol(1e-14).maxIter(100_000).build().fit(d, y);
        LinearModel e = ElasticNet.builder().alpha(0.08).l1Ratio(0.6).tol(1e-14).maxIter(100_000).build().fit(d, y1);
        assertArrayEquals(e.coef(), m.coef(0), 1e-9);
        assertEquals(e.intercept(), m.intercepts()[0], 1e-9);
    }

    @Test
    void satisfiesTheOptimalityConditionsTallAndWide() {
        Random r = new Random(22);
        for (int[] shape : new int[][] {{100, 15}, {25, 40}}) {
            int n = shape[0], p = shape[1];
            double[] x = TestData.design(r, n, p, 0.3, 0.5);
            double[][] y = responses(r, x, n, p, 3);
            for (double rho : new double[] {1.0, 0.5}) {
                MultiTaskModel m = MultiTaskElasticNet.builder().alpha(0.1).l1Ratio(rho).tol(1e-13).maxIter(100_000).build()
                        .fit(Design.rowMajor(x, n, p), y);
                assertTrue(m.convergence().converged(), m.convergence().message());
                assertTrue(kkt(x, n, p, y, m, 0.1, rho) < 1e-6, n + "×" + p + " KKT " + kkt(x, n, p, y, m, 0.1, rho));
                double[] predicted = m.predict(java.util.Arrays.copyOfRange(x, 0, p));
                double[][] all = m.predict(Design.rowMajor(x, n, p));
                assertArrayEquals(all[0], predicted, 1e-12);
            }
        }
        double[] x2 = TestData.design(r, 50, 6, 0, 0);
        double[][] y2 = responses(r, x2, 50, 6, 2);
        MultiTaskModel lasso = MultiTaskLasso.builder().alpha(0.1).tol(1e-13).build().fit(TestData.rows(x2, 50, 6), y2);
        MultiTaskModel net = MultiTaskElasticNet.builder().alpha(0.1).l1Ratio(1).tol(1e-13).build().fit(TestData.rows(x2, 50, 6), y2);
        assertEquals(net, lasso);
    }

    @Test
    void pathMatchesSingleFits() {
        Random r = new Random(23);
        int n = 80, p = 10;
        double[] x = TestData.design(r, n, p, 0.2, 0.0);
        double[][] y = responses(r, x, n, p, 2);
        Design d = Design.rowMajor(x, n, p);
        MultiTaskPathResult path = MultiTaskElasticNetPath.builder().l1Ratio(0.7).nAlphas(10).eps(1e-2).tol(1e-13).build().fit(d, y);
        assertArrayEquals(new double[p], path.coef(0)[0], 1e-12); // alpha_max: zero up to the rounding of the threshold
        assertTrue(path.allConverged());
        for (int k = 1; k < path.size(); k += 3) {
            MultiTaskModel m = MultiTaskElasticNet.builder().alpha(path.penalty(k)).l1Ratio(0.7).tol(1e-13).build().fit(d, y);
            for (int t = 0; t < 2; t++) assertArrayEquals(m.coef(t), path.coef(k)[t], 1e-8);
            assertArrayEquals(m.intercepts(), path.intercepts(k), 1e-8);
        }
    }

    /**
     * Many violators at once (more than the working set's first batch of 64): a wide problem (the working set of
     * gathered columns, both layouts) satisfies the optimality conditions, and a tall one agrees with the path, which
     * works on the whole Gram.
     */
    @Test
    void largeWorkingSetsWideAndTall() {
        Random r = new Random(24);
        int n = 50, p = 300, tasks = 3;
        double[] x = TestData.design(r, n, p, 0.2, 0.5);
        double[][] y = responses(r, x, n, p, tasks);
        MultiTaskElasticNet.Builder b = MultiTaskElasticNet.builder().l1Ratio(0.8).tol(1e-12).maxIter(100_000);
        double alphaMax = MultiTaskElasticNetPath.builder().l1Ratio(0.8).nAlphas(1).build().fit(Design.rowMajor(x, n, p), y).penalty(0);
        double alpha = 0.02 * alphaMax;
        MultiTaskModel rows = b.alpha(alpha).build().fit(Design.rowMajor(x, n, p), y);
        MultiTaskModel cols = b.alpha(alpha).build().fit(Design.columnMajor(TestData.columnMajor(x, n, p), n, p), y);
        assertTrue(rows.convergence().converged(), rows.convergence().message());
        int active = 0;
        for (int j = 0; j < p; j++) if (rows.coef(0)[j] != 0) active++;
        assertTrue(active > 64, "only " + active + " features active: the test does not reach a second batch");
        assertTrue(kkt(x, n, p, y, rows, alpha, 0.8) < 1e-6, "KKT " + kkt(x, n, p, y, rows, alpha, 0.8));
        for (int t = 0; t < tasks; t++) assertArrayEquals(rows.coef(t), cols.coef(t), 1e-9);

        int n2 = 400, p2 = 150;
        double[] x2 = TestData.design(r, n2, p2, 0.3, 0.2);
        double[][] y2 = responses(r, x2, n2, p2, tasks);
        Design d2 = Design.rowMajor(x2, n2, p2);
        MultiTaskPathResult path = MultiTaskElasticNetPath.builder().l1Ratio(0.8).nAlphas(4).eps(1e-3).tol(1e-13).maxIter(100_000).build()
                .fit(d2, y2);
        assertTrue(path.allConverged());
        int last = path.size() - 1;
        MultiTaskModel single = b.alpha(path.penalty(last)).tol(1e-13).build().fit(d2, y2);
        assertTrue(single.convergence().converged(), single.convergence().message());
        for (int t = 0; t < tasks; t++) assertArrayEquals(path.coef(last)[t], single.coef(t), 1e-8);
        assertArrayEquals(path.intercepts(last), single.intercepts(), 1e-8);
    }
}
