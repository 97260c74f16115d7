package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GroupLasso against its optimality conditions, against the lasso where the two coincide, and against itself under
 * row duplication (integer sample weights), a warm start, and both representations of the data (Gram for n ≥ p, the
 * working set's columns for p &gt; n).
 */
class GroupLassoTest {

    /** Groups of the given sizes, consecutive columns. */
    static int[] consecutive(int... sizes) {
        int p = 0;
        for (int s : sizes) p += s;
        int[] g = new int[p];
        int j = 0;
        for (int k = 0; k < sizes.length; k++) for (int t = 0; t < sizes[k]; t++) g[j++] = k;
        return g;
    }

    /**
     * The largest violation of the sparse-group lasso's optimality conditions, relative to alpha, for
     * (1/(2S))Σsᵢrᵢ² + α(1 − ρ)Σω_g‖w_g‖ + αρ‖w‖₁ with ω_g = √p_g: the gradient of the loss is −gⱼ, gⱼ = Σsᵢx̃ᵢⱼrᵢ/S
     * (centred columns when an intercept is fitted). Active group: gⱼ = αρ·sign(wⱼ) + α(1−ρ)ω·wⱼ/‖w_g‖ on its non-zero
     * entries, |gⱼ − …| ≤ αρ on its zero entries; zero group: ‖S(g_g, αρ)‖ ≤ α(1−ρ)ω.
     */
    static double kkt(double[] x, int n, int p, double[] y, double[] s, int[] groups, double[] w, double b, double alpha, double rho) {
        double sum = 0;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < p; j++) z += x[i * p + j] * w[j];
            double si = s == null ? 1 : s[i];
            r[i] = si * (y[i] - z);
            sum += si;
        }
        double[] g = new double[p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) g[j] += x[i * p + j] * r[i] / sum;
        int count = 0;
        for (int v : groups) count = Math.max(count, v + 1);
        double worst = 0;
        for (int k = 0; k < count; k++) {
            double norm = 0;
            int size = 0;
            for (int j = 0; j < p; j++) if (groups[j] == k) { norm += w[j] * w[j]; size++; }
            norm = Math.sqrt(norm);
            double omega = Math.sqrt(size);
            if (norm > 0) {
                for (int j = 0; j < p; j++) {
                    if (groups[j] != k) continue;
                    double group = alpha * (1 - rho) * omega * w[j] / norm;
                    double rest = g[j] - group;
                    double v = w[j] != 0 ? Math.abs(rest - alpha * rho * Math.signum(w[j])) : Math.max(0, Math.abs(rest) - alpha * rho);
                    worst = Math.max(worst, v / alpha);
                }
            } else {
                double t = 0;
                for (int j = 0; j < p; j++) if (groups[j] == k) t += Math.pow(Math.max(0, Math.abs(g[j]) - alpha * rho), 2);
                worst = Math.max(worst, Math.max(0, Math.sqrt(t) - alpha * (1 - rho) * omega) / alpha);
            }
        }
        return worst;
    }

    @Test
    void satisfiesTheOptimalityConditionsAndSelectsWholeGroups() {
        Random r = new Random(1);
        int n = 120, p = 14;
        double[] x = TestData.design(r, n, p, 0.3, 0.5);
        double[] y = TestData.response(r, x, n, p, 4, 1.0);
        int[] groups = consecutive(3, 1, 4, 2, 4);
        for (double rho : new double[] {0, 0.4}) {
            LinearModel m = GroupLasso.builder().groups(groups).alpha(0.2).l1Ratio(rho).tol(1e-14).maxIter(100_000).build()
                    .fit(Design.rowMajor(x, n, p), y);
            assertTrue(m.convergence().converged(), m.convergence().message());
            double[] w = m.coef();
            // a gap of 1e-14·‖y − ȳ‖² bounds the gradient error to about 1e-6·alpha here
            double violation = kkt(x, n, p, y, null, groups, w, m.intercept(), 0.2, rho);
            assertTrue(violation < 1e-5, "KKT " + violation);
            boolean someZeroGroup = false;
            for (int k = 0; k < 5; k++) {
                boolean allZero = true;
                for (int j = 0; j < p; j++) if (groups[j] == k) allZero &= w[j] == 0;
                someZeroGroup |= allZero;
            }
            assertTrue(someZeroGroup, "alpha 0.2 should leave some group out: " + java.util.Arrays.toString(w));
        }
    }

    /** Singleton groups have ω = 1: the group lasso is the lasso (and so is the sparse-group lasso for any l1Ratio). */
    @Test
    void singletonGroupsAreTheLasso() {
        Random r = new Random(2);
        int n = 80, p = 9;
        double[] x = TestData.design(r, n, p, 0.5, 0.0);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        int[] groups = new int[p];
        for (int j = 0; j < p; j++) groups[j] = j;
        Design d = Design.rowMajor(x, n, p);
        LinearModel lasso = Lasso.builder().alpha(0.05).tol(1e-14).maxIter(100_000).build().fit(d, y);
        for (double rho : new double[] {0, 0.7}) {
            LinearModel group = GroupLasso.builder().groups(groups).alpha(0.05).l1Ratio(rho).tol(1e-14).maxIter(100_000).build().fit(d, y);
            assertArrayEquals(lasso.coef(), group.coef(), 1e-9);
            assertEquals(lasso.intercept(), group.intercept(), 1e-9);
        }
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        Random r = new Random(3);
        int n = 40, p = 6;
        double[] x = TestData.design(r, n, p, 0.2, 1.0);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        double[] s = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += (int) (s[i] = 1 + r.nextInt(3));
        double[] xr = new double[total * p];
        double[] yr = new double[total];
        int row = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < s[i]; c++, row++) {
                System.arraycopy(x, i * p, xr, row * p, p);
                yr[row] = y[i];
            }
        }
        GroupLasso est = GroupLasso.builder().groups(consecutive(2, 3, 1)).alpha(0.1).tol(1e-13).maxIter(100_000).build();
        LinearModel weighted = est.fit(Design.rowMajor(x, n, p), y, s);
        LinearModel repeated = est.fit(Design.rowMajor(xr, total, p), yr);
        assertArrayEquals(repeated.coef(), weighted.coef(), 1e-9);
        assertEquals(repeated.intercept(), weighted.intercept(), 1e-9);
    }

    /** p > n reads the working set's columns instead of the Gram: the answer meets the same conditions. */
    @Test
    void wideProblemsAndWarmStarts() {
        Random r = new Random(4);
        int n = 30, p = 60;
        double[] x = TestData.design(r, n, p, 0.1, 0.0);
        double[] y = TestData.response(r, x, n, p, 5, 0.3);
        int[] groups = new int[p];
        for (int j = 0; j < p; j++) groups[j] = j / 4;
        GroupLasso est = GroupLasso.builder().groups(groups).alpha(0.15).tol(1e-12).maxIter(100_000).build();
        Design d = Design.columnMajor(TestData.columnMajor(x, n, p), n, p);
        LinearModel m = est.fit(d, y);
        assertTrue(m.convergence().converged(), m.convergence().message());
        assertTrue(kkt(x, n, p, y, null, groups, m.coef(), m.intercept(), 0.15, 0) < 1e-5);
        LinearModel warm = est.fit(d, y, null, m.coef());
        assertArrayEquals(m.coef(), warm.coef(), 1e-6);
        assertTrue(warm.convergence().iterations() < m.convergence().iterations(), "a warm start at the solution is cheaper: " + warm.convergence()
                + " vs " + m.convergence());
    }

    /** A zero group weight leaves the group unpenalised: its coefficients are the least-squares ones given the others. */
    @Test
    void zeroWeightGroupIsUnpenalisedAndTheGapStaysValid() {
        Random r = new Random(5);
        int n = 60, p = 6;
        double[] x = TestData.design(r, n, p, 0.3, 0.0);
        double[] y = TestData.response(r, x, n, p, 6, 0.5);
        int[] groups = consecutive(2, 2, 2);
        LinearModel m = GroupLasso.builder().groups(groups).groupWeights(0, 1, 1).alpha(50).tol(1e-12).maxIter(100_000).build()
                .fit(Design.rowMajor(x, n, p), y);
        assertTrue(m.convergence().converged(), m.convergence().message());
        double[] w = m.coef();
        assertTrue(w[0] != 0 && w[1] != 0, "the unpenalised group is fitted");
        assertEquals(0.0, w[2]);
        assertEquals(0.0, w[5]);
        // least squares on columns 0, 1 with intercept: the residual is orthogonal to the centred columns
        double[] g = new double[2];
        double mean0 = 0, mean1 = 0;
        for (int i = 0; i < n; i++) { mean0 += x[i * p] / n; mean1 += x[i * p + 1] / n; }
        for (int i = 0; i < n; i++) {
            double res = y[i] - m.intercept() - x[i * p] * w[0] - x[i * p + 1] * w[1];
            g[0] += (x[i * p] - mean0) * res;
            g[1] += (x[i * p + 1] - mean1) * res;
        }
        assertEquals(0.0, g[0], 1e-8);
        assertEquals(0.0, g[1], 1e-8);
    }

    @Test
    void strictModeThrowsAndTheMessageSaysWhy() {
        Random r = new Random(6);
        int n = 50, p = 8;
        double[] x = TestData.design(r, n, p, 0.9, 0.0);
        double[] y = TestData.response(r, x, n, p, 8, 0.1);
        GroupLasso est = GroupLasso.builder().groups(consecutive(4, 4)).alpha(1e-3).tol(1e-15).maxIter(2).strict(true).build();
        ConvergenceException e = org.junit.jupiter.api.Assertions.assertThrows(ConvergenceException.class, () -> est.fit(Design.rowMajor(x, n, p), y));
        assertTrue(e.getMessage().contains("duality gap"), e.getMessage());
    }
}
