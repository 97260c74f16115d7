package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LogisticGroupLasso against the optimality conditions of its objective, its labels, weights and the path. */
class LogisticGroupLassoTest {

    /**
     * Largest violation (relative to alpha) of the conditions of (1/S)Σsᵢℓᵢ + αΣω_g‖w_g‖: with g = Xᵀs(y − p)/S, an
     * active group has g_g = αω·w_g/‖w_g‖, a zero group ‖g_g‖ ≤ αω; the intercept makes Σsᵢ(yᵢ − pᵢ) = 0.
     */
    static double kkt(double[] x, int n, int p, double[] y01, double[] s, int[] groups, double[] w, double b, double alpha) {
        double sum = 0;
        double interceptGradient = 0;
        double[] g = new double[p];
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < p; j++) z += x[i * p + j] * w[j];
            double si = s == null ? 1 : s[i];
            double ri = si * (y01[i] - 1 / (1 + Math.exp(-z)));
            sum += si;
            interceptGradient += ri;
            for (int j = 0; j < p; j++) g[j] += x[i * p + j] * ri;
        }
        for (int j = 0; j < p; j++) g[j] /= sum;
        double worst = Math.abs(interceptGradient / sum) / alpha;
        int count = 0;
        for (int v : groups) count = Math.max(count, v + 1);
        for (int k = 0; k < count; k++) {
            double norm = 0, gnorm = 0;
            int size = 0;
            for (int j = 0; j < p; j++) if (groups[j] == k) { norm += w[j] * w[j]; gnorm += g[j] * g[j]; size++; }
            norm = Math.sqrt(norm);
            double omega = Math.sqrt(size);
            if (norm > 0) {
                for (int j = 0; j < p; j++) if (groups[j] == k) worst = Math.max(worst, Math.abs(g[j] - alpha * omega * w[j] / norm) / alpha);
            } else {
                worst = Math.max(worst, Math.max(0, Math.sqrt(gnorm) - alpha * omega) / alpha);
            }
        }
        return worst;
    }

    @Test
    void satisfiesTheOptimalityConditions() {
        Random r = new Random(11);
        int n = 200, p = 12;
        double[] x = TestData.design(r, n, p, 0.3, 0.2);
        double[] y = TestData.labels(r, x, n, p);
        int[] groups = GroupLassoTest.consecutive(3, 3, 2, 4);
        LogisticModel m = LogisticGroupLasso.builder().groups(groups).alpha(0.02).tol(1e-12).build().fit(Design.rowMajor(x, n, p), y);
        assertTrue(m.convergence().converged(), m.convergence().message());
        assertTrue(kkt(x, n, p, y, null, groups, m.coef(), m.intercept(), 0.02) < 1e-6);
    }

    /** Labels −1/+1 are the labels 0/1 (the larger is positive); integer weights equal repeated rows. */
    @Test
    void labelsAndWeights() {
        Random r = new Random(12);
        int n = 60, p = 5;
        double[] x = TestData.design(r, n, p, 0.2, 0.0);
        double[] y01 = TestData.labels(r, x, n, p);
        double[] pm = new double[n];
        for (int i = 0; i < n; i++) pm[i] = 2 * y01[i] - 1;
        LogisticGroupLasso est = LogisticGroupLasso.builder().groups(GroupLassoTest.consecutive(2, 3)).alpha(0.01).tol(1e-12).build();
        LogisticModel a = est.fit(Design.rowMajor(x, n, p), y01);
        LogisticModel b = est.fit(Design.rowMajor(x, n, p), pm);
        assertArrayEquals(a.coef(), b.coef(), 1e-12);
        assertEquals(-1.0, b.negativeLabel());
        double[] s = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += (int) (s[i] = 1 + r.nextInt(2));
        double[] xr = new double[total * p];
        double[] yr = new double[total];
        int row = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < s[i]; c++, row++) {
                System.arraycopy(x, i * p, xr, row * p, p);
                yr[row] = y01[i];
            }
        }
        LogisticModel weighted = est.fit(Design.rowMajor(x, n, p), y01, s);
        LogisticModel repeated = est.fit(Design.rowMajor(xr, total, p), yr);
        assertArrayEquals(repeated.coef(), weighted.coef(), 1e-8);
        assertEquals(repeated.intercept(), weighted.intercept(), 1e-8);
    }

    /** The logistic path at each alpha is the single fit there; its first alpha (alpha_max) gives w = 0. */
    @Test
    void pathMatchesSingleFits() {
        Random r = new Random(13);
        int n = 150, p = 8;
        double[] x = TestData.design(r, n, p, 0.2, 0.0);
        double[] y = TestData.labels(r, x, n, p);
        int[] groups = GroupLassoTest.consecutive(2, 2, 4);
        var path = dev.shrink.solvers.path.GroupLassoPath.builder().groups(groups).logistic(true).nAlphas(8).eps(0.05).tol(1e-12).build()
                .fit(Design.rowMajor(x, n, p), y);
        assertArrayEquals(new double[p], path.coef(0), 0.0);
        for (int k = 1; k < path.size(); k += 3) {
            LogisticModel m = LogisticGroupLasso.builder().groups(groups).alpha(path.penalty(k)).tol(1e-12).build().fit(Design.rowMajor(x, n, p), y);
            assertArrayEquals(m.coef(), path.coef(k), 1e-7);
            assertEquals(m.intercept(), path.intercept(k), 1e-7);
        }
    }
}
