package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.SymmetricEigen;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BayesianRidge against scikit-learn's algorithm written out plainly: w from a ridge solve (Cholesky) at every
 * iteration, the residual and ‖w‖² from w, γ from the eigenvalues of X̃ᵀX̃ (the scalar reference) — for n &gt; p and
 * p &gt; n; the posterior covariance against (λI + αX̃ᵀX̃)⁻¹; the predictive standard deviation against its formula.
 */
class BayesianRidgeTest {

    /** scikit-learn 1.2.1's loop with plain linear algebra; returns {alpha, lambda, iterations, lastScore}. */
    static double[] reference(double[] x, int n, int p, double[] y, double tol, int maxIter, double[] wOut) {
        double[] mean = new double[p];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            ybar += y[i] / n;
            for (int j = 0; j < p; j++) mean[j] += x[i * p + j] / n;
        }
        double[] xc = new double[n * p];
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - ybar;
            for (int j = 0; j < p; j++) xc[i * p + j] = x[i * p + j] - mean[j];
        }
        double[] g = new double[p * p];
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                xty[a] += xc[i * p + a] * yc[i];
                for (int b = 0; b < p; b++) g[a * p + b] += xc[i * p + a] * xc[i * p + b];
            }
        }
        double[] e = SymmetricEigen.scalar().decompose(p, g.clone()).values();
        double var = 0;
        for (double v : yc) var += v * v / n;
        double alpha = 1 / (var + Math.ulp(1.0)), lambda = 1;
        double[] old = null;
        int iter = 0;
        double[] w = null;
        for (; iter < maxIter; iter++) {
            w = ridge(g, xty, p, lambda / alpha);
            double rss = 0, w2 = 0, gamma = 0;
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < p; j++) z += xc[i * p + j] * w[j];
                rss += (yc[i] - z) * (yc[i] - z);
            }
            for (double v : w) w2 += v * v;
            for (int k = 0; k < Math.min(n, p); k++) {
                double ek = Math.max(0, e[p - 1 - k]);
                gamma += alpha * ek / (lambda + alpha * ek);
            }
            lambda = (gamma + 2e-6) / (w2 + 2e-6);
            alpha = (n - gamma + 2e-6) / (rss + 2e-6);
            if (iter != 0) {
                double d = 0;
                for (int j = 0; j < p; j++) d += Math.abs(old[j] - w[j]);
                if (d < tol) break;
            }
            old = w.clone();
        }
        double[] fin = ridge(g, xty, p, lambda / alpha);
        System.arraycopy(fin, 0, wOut, 0, p);
        return new double[] {alpha, lambda, Math.min(iter + 1, maxIter)};
    }

    /** (G + ρI)⁻¹c by Cholesky (the scalar reference). */
    static double[] ridge(double[] g, double[] c, int p, double ratio) {
        double[] a = g.clone();
        double[] w = c.clone();
        var chol = KernelProvider.scalar().cholesky();
        chol.factor(p, a, 0, p, ratio);
        chol.solve(p, a, 0, p, w, 0);
        return w;
    }

    @Test
    void reproducesScikitLearnsIterationTallAndWide() {
        Random r = new Random(31);
        for (int[] shape : new int[][] {{200, 12}, {30, 50}}) {
            int n = shape[0], p = shape[1];
            double[] x = TestData.design(r, n, p, 0.3, 1.0);
            double[] y = TestData.response(r, x, n, p, 6, 2.0);
            double[] w = new double[p];
            double[] ref = reference(x, n, p, y, 1e-6, 300, w);
            BayesianRidgeModel m = BayesianRidge.builder().tol(1e-6).computeScore(true).build().fit(Design.rowMajor(x, n, p), y);
            // p > n nearly interpolates: α = (n − γ)/‖r‖² is a ratio of small differences, known to about 1e-8 only
            double rtol = n > p ? 1e-10 : 1e-6;
            assertEquals(ref[0], m.alpha(), rtol * ref[0], n + "×" + p + " alpha");
            assertEquals(ref[1], m.lambda(), rtol * ref[1], n + "×" + p + " lambda");
            assertEquals((int) ref[2], m.convergence().iterations(), n + "×" + p + " iterations");
            assertArrayEquals(w, m.coef(), rtol * 100 * (1 + TestData.maxAbsDiff(w, new double[p])));
            assertEquals(m.convergence().iterations() + 1, m.scores().length);
            assertTrue(m.convergence().converged());
        }
    }

    /**
     * Σ = (λI + αX̃ᵀX̃)⁻¹ and the predictive sd = sqrt(xᵀΣx + 1/α), tall (n &gt; p: the primal eigenbasis) and wide
     * (p ≥ n: the range of X̃ᵀ plus the prior variance 1/λ of the null space), with and without intercept.
     */
    @Test
    void posteriorCovarianceAndPredictiveStd() {
        Random r = new Random(32);
        for (int[] shape : new int[][] {{80, 6}, {20, 35}}) {
            int n = shape[0], p = shape[1];
            double[] x = TestData.design(r, n, p, 0.2, 0.3);
            double[] y = TestData.response(r, x, n, p, 4, 1.0);
            for (boolean intercept : new boolean[] {true, false}) {
                BayesianRidgeModel m = BayesianRidge.builder().fitIntercept(intercept).build().fit(Design.rowMajor(x, n, p), y);
                double[] mean = new double[p];
                if (intercept) for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) mean[j] += x[i * p + j] / n;
                double[] a = new double[p * p];
                for (int i = 0; i < n; i++) {
                    for (int s = 0; s < p; s++) {
                        for (int t = 0; t < p; t++) a[s * p + t] += m.alpha() * (x[i * p + s] - mean[s]) * (x[i * p + t] - mean[t]);
                    }
                }
                for (int j = 0; j < p; j++) a[j * p + j] += m.lambda();
                double[][] sigma = m.sigma();
                String at = n + "×" + p + (intercept ? " with" : " without") + " intercept";
                for (int col = 0; col < p; col++) {
                    double[] e = new double[p];
                    e[col] = 1;
                    double[] inv = ridge(a, e, p, 0);
                    for (int row = 0; row < p; row++) assertEquals(inv[row], sigma[row][col], 1e-8 * Math.abs(sigma[col][col]), at);
                }
                double[] sd = m.predictStd(Design.rowMajor(x, n, p));
                for (int i = 0; i < n; i += 7) {
                    double q = 0;
                    for (int s = 0; s < p; s++) for (int t = 0; t < p; t++) q += x[i * p + s] * sigma[s][t] * x[i * p + t];
                    assertEquals(Math.sqrt(q + 1 / m.alpha()), sd[i], 1e-8 * sd[i], at);
                }
            }
        }
    }
}
