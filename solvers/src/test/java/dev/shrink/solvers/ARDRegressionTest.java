package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ARDRegression against scikit-learn 1.2.1's loop written out plainly (the kept columns of the centred X multiplied
 * out every iteration, Σ by Gauss–Jordan elimination, the residual from w), tall and wide; pruning on a sparse truth;
 * the predictive standard deviation against its formula; bad input.
 */
class ARDRegressionTest {

    /** The reference: {alpha, iterations}, and w, λ into the arrays given. */
    static double[] reference(double[] x, int n, int p, double[] y, double tol, int maxIter, double[] wOut, double[] lambdaOut) {
        double[] mean = new double[p];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            ybar += y[i] / n;
            for (int j = 0; j < p; j++) mean[j] += x[i * p + j] / n;
        }
        double[][] xc = new double[n][p];
        double[] yc = new double[n];
        double var = 0;
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - ybar;
            var += yc[i] * yc[i] / n;
            for (int j = 0; j < p; j++) xc[i][j] = x[i * p + j] - mean[j];
        }
        double alpha = 1 / (var + Math.ulp(1.0));
        double[] lambda = new double[p];
        Arrays.fill(lambda, 1);
        boolean[] keep = new boolean[p];
        Arrays.fill(keep, true);
        double[] w = new double[p];
        double[] old = null;
        int iter = 0;
        for (; iter < maxIter; iter++) {
            int[] k = kept(keep);
            double[][] sigma = posterior(xc, yc, k, alpha, lambda, w);
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < p; j++) z += xc[i][j] * w[j];
                rss += (yc[i] - z) * (yc[i] - z);
            }
            double gammaSum = 0;
            for (int a = 0; a < k.length; a++) {
                double gamma = 1 - lambda[k[a]] * sigma[a][a];
                gammaSum += gamma;
                lambda[k[a]] = (gamma + 2e-6) / (w[k[a]] * w[k[a]] + 2e-6);
            }
            alpha = (n - gammaSum + 2e-6) / (rss + 2e-6);
            for (int j = 0; j < p; j++) {
                keep[j] = lambda[j] < 1e4;
                if (!keep[j]) w[j] = 0;
            }
            if (iter > 0) {
                double d = 0;
                for (int j = 0; j < p; j++) d += Math.abs(old[j] - w[j]);
                if (d < tol) break;
            }
            old = w.clone();
            if (kept(keep).length == 0) break;
        }
        if (kept(keep).length > 0) posterior(xc, yc, kept(keep), alpha, lambda, w);
        System.arraycopy(w, 0, wOut, 0, p);
        System.arraycopy(lambda, 0, lambdaOut, 0, p);
        return new double[] {alpha, Math.min(iter + 1, maxIter)};
    }

    private static int[] kept(boolean[] keep) {
        return java.util.stream.IntStream.range(0, keep.length).filter(j -> keep[j]).toArray();
    }

    /** Σ = (diag(λ_K) + αX̃_KᵀX̃_K)⁻¹ by Gauss–Jordan with partial pivoting; w_K ← αΣX̃_Kᵀỹ. */
    private static double[][] posterior(double[][] xc, double[] yc, int[] k, double alpha, double[] lambda, double[] w) {
        int m = k.length;
        double[][] a = new double[m][2 * m];
        for (int s = 0; s < m; s++) {
            for (int t = 0; t < m; t++) for (double[] row : xc) a[s][t] += alpha * row[k[s]] * row[k[t]];
            a[s][s] += lambda[k[s]];
            a[s][m + s] = 1;
        }
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            double d = a[c][c];
            for (int t = 0; t < 2 * m; t++) a[c][t] /= d;
            for (int r = 0; r < m; r++) {
                if (r == c) continue;
                double f = a[r][c];
                for (int t = 0; t < 2 * m; t++) a[r][t] -= f * a[c][t];
            }
        }
        double[][] sigma = new double[m][m];
        for (int s = 0; s < m; s++) sigma[s] = Arrays.copyOfRange(a[s], m, 2 * m);
        for (int s = 0; s < m; s++) {
            double v = 0;
            for (int t = 0; t < m; t++) {
                double c = 0;
                for (int i = 0; i < yc.length; i++) c += xc[i][k[t]] * yc[i];
                v += sigma[s][t] * c;
            }
            w[k[s]] = alpha * v;
        }
        return sigma;
    }

    @Test
    void reproducesScikitLearnsIterationTallAndWide() {
        Random r = new Random(41);
        for (int[] shape : new int[][] {{120, 15}, {40, 60}}) {
            int n = shape[0], p = shape[1];
            double[] x = TestData.design(r, n, p, 0.3, 0.3);
            double[] y = TestData.response(r, x, n, p, 4, 0.5);
            double[] w = new double[p], lambda = new double[p];
            double[] ref = reference(x, n, p, y, 1e-3, 300, w, lambda);
            ARDRegressionModel m = ARDRegression.builder().computeScore(true).build().fit(Design.rowMajor(x, n, p), y);
            String at = n + "×" + p;
            assertEquals((int) ref[1], m.convergence().iterations(), at + " iterations");
            assertTrue(m.convergence().converged(), m.convergence().message());
            assertEquals(ref[0], m.alpha(), 1e-7 * ref[0], at + " alpha");
            int[] kept = kept(keepOf(lambda));
            assertArrayEquals(kept, m.keptFeatures(), at + " kept features");
            for (int j : kept) assertEquals(lambda[j], m.lambda()[j], 1e-6 * lambda[j], at + " lambda " + j);
            assertArrayEquals(w, m.coef(), 1e-7 * TestData.maxAbs(w), at + " coef");
            assertEquals(m.convergence().iterations(), m.scores().length, at + " one score per iteration");
        }
    }

    private static boolean[] keepOf(double[] lambda) {
        boolean[] keep = new boolean[lambda.length];
        for (int j = 0; j < lambda.length; j++) keep[j] = lambda[j] < 1e4;
        return keep;
    }

    @Test
    void prunesIrrelevantFeaturesAndKeepsTheRelevantOnes() {
        Random r = new Random(42);
        int n = 300, p = 30;
        double[] x = TestData.design(r, n, p, 0.0, 0.0);
        double[] beta = new double[p];
        beta[2] = 3;
        beta[11] = -2;
        beta[20] = 1.5;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) y[i] += x[i * p + j] * beta[j];
            y[i] += 0.1 * r.nextGaussian() + 4;
        }
        ARDRegressionModel m = ARDRegression.builder().build().fit(Design.rowMajor(x, n, p), y);
        int[] kept = m.keptFeatures();
        for (int j : new int[] {2, 11, 20}) {
            assertTrue(Arrays.binarySearch(kept, j) >= 0, "relevant feature " + j + " pruned: " + Arrays.toString(kept));
            assertEquals(beta[j], m.coef()[j], 0.05);
        }
        assertTrue(kept.length <= 10, "kept " + Arrays.toString(kept));
        for (int j = 0; j < p; j++) if (Arrays.binarySearch(kept, j) < 0) assertEquals(0.0, m.coef()[j], 0.0);
        assertEquals(4, m.intercept(), 0.05);
        assertEquals(1 / 0.01, m.alpha(), 0.3 / 0.01); // noise variance 0.01
    }

    @Test
    void predictiveStdIsTheFormula() {
        Random r = new Random(43);
        int n = 60, p = 8;
        double[] x = TestData.design(r, n, p, 0.2, 0.5);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        ARDRegressionModel m = ARDRegression.builder().build().fit(Design.rowMajor(x, n, p), y);
        int[] k = m.keptFeatures();
        double[][] sigma = m.sigma();
        double[] sd = m.predictStd(Design.rowMajor(x, n, p));
        double[] mean = m.predict(Design.rowMajor(x, n, p));
        for (int i = 0; i < n; i += 9) {
            double q = 0, z = m.intercept();
            for (int a = 0; a < k.length; a++) for (int b = 0; b < k.length; b++) q += x[i * p + k[a]] * sigma[a][b] * x[i * p + k[b]];
            for (int j = 0; j < p; j++) z += x[i * p + j] * m.coef()[j];
            assertEquals(Math.sqrt(q + 1 / m.alpha()), sd[i], 1e-12 * sd[i]);
            assertEquals(z, mean[i], 1e-12 * (1 + Math.abs(z)));
        }
    }

    @Test
    void badInputNamesTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ARDRegression.builder().thresholdLambda(0).build());
        assertTrue(e.getMessage().startsWith("thresholdLambda"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ARDRegression.builder().lambda2(-1).build());
        assertTrue(e.getMessage().startsWith("lambda2"), e.getMessage());
        double[][] x = {{1, 2}, {3, 4}, {5, 7}};
        e = assertThrows(IllegalArgumentException.class, () -> ARDRegression.builder().build().fit(x, new double[] {1, Double.NaN, 2}));
        assertEquals("y has NaN at row 1", e.getMessage());
    }
}
