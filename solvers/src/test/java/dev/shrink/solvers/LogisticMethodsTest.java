package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LogisticRegression's methods ({@code solver}): every one reaches the same minimiser; the tolerance means what it
 * means in scikit-learn at every C; wide problems never form a p×p matrix.
 */
class LogisticMethodsTest {
    private static final String[] SOLVERS = {"auto", "lbfgs", "newton-cholesky", "newton-cg"};

    /** max|∇(Σsᵢℓᵢ + ‖w‖²/(2C))| over (w, b), computed here from the data: scikit-learn's lbfgs criterion. */
    static double sklearnGradient(double[] x, int n, int p, double[] y01, double[] s, double c, double[] w, double b, boolean intercept) {
        double[] g = new double[p];
        for (int j = 0; j < p; j++) g[j] = w[j] / c;
        double gb = 0;
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < p; j++) z += x[i * p + j] * w[j];
            double e = (s == null ? 1 : s[i]) * (TestData.sigmoid(z) - y01[i]);
            for (int j = 0; j < p; j++) g[j] += x[i * p + j] * e;
            gb += e;
        }
        double max = intercept ? Math.abs(gb) : 0;
        for (double v : g) max = Math.max(max, Math.abs(v));
        return max;
    }

    /** Two classes separated by a margin: the unregularised optimum is at infinity, C = 1e10 comes close to that. */
    private static double[] separable(Random r, int n, double[] y01) {
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a;
            double b;
            do {
                a = r.nextGaussian();
                b = r.nextGaussian();
            } while (Math.abs(a + 2 * b) < 0.3);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y01[i] = a + 2 * b > 0 ? 1 : 0;
        }
        return x;
    }

    /**
     * Separable data at C = 1e10: the fit stops where scikit-learn's lbfgs test says it may, max|∇(Σℓ + ‖w‖²/(2C))| ≤ tol
     * (checked here from the data), not n times earlier (the old test divided by C·n and reported convergence at a
     * third of the coefficients scikit-learn reaches); and a tighter tol goes further out, as the logarithmic growth of
     * the separable optimum says it must.
     */
    @Test
    void separableDataAtLargeCStopsWhereScikitLearnsTestSays() {
        Random r = new Random(41);
        int n = 200;
        double[] y01 = new double[n];
        double[] x = separable(r, n, y01);
        double c = 1e10;
        double[] norms = new double[2];
        double[] tols = {1e-4, 1e-10};
        for (int k = 0; k < 2; k++) {
            for (String solver : SOLVERS) {
                LogisticModel m = LogisticRegression.builder().C(c).tol(tols[k]).maxIter(1000).solver(solver).build().fit(Design.rowMajor(x, n, 2), y01);
                assertTrue(m.convergence().converged(), solver + " at tol " + tols[k] + ": " + m.convergence().message());
                double perWeight = solver.equals("newton-cholesky") ? n : 1;
                double g = sklearnGradient(x, n, 2, y01, null, c, m.coef(), m.intercept(), true) / perWeight;
                assertTrue(g <= tols[k] * (1 + 1e-9), solver + " at tol " + tols[k] + ": gradient " + g + ", " + m.convergence().message());
                if (solver.equals("auto")) norms[k] = Math.hypot(m.coef()[0], m.coef()[1]);
            }
        }
        assertTrue(norms[1] > norms[0] + 3, "‖w‖ " + norms[0] + " at 1e-4, " + norms[1] + " at 1e-10");
    }

    /** Every solver reaches the one minimiser (the objective is strongly convex in w): tall and wide, weights, no intercept. */
    @Test
    void everySolverReachesTheSameMinimiser() {
        Random r = new Random(5);
        int[][] shapes = {{300, 12}, {40, 300}, {200, 90}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int p = shape[1];
            double[] x = TestData.design(r, n, p, 0.5, 0.3);
            double[] y01 = TestData.labels(r, x, n, p);
            double[] s = TestData.weights(r, n);
            for (boolean intercept : new boolean[] {true, false}) {
                double[] reference = null;
                for (String solver : SOLVERS) {
                    LogisticModel m = LogisticRegression.builder().C(0.7).fitIntercept(intercept).tol(1e-11).solver(solver).build()
                            .fit(Design.rowMajor(x, n, p), y01, s);
                    String where = solver + " " + n + "×" + p + (intercept ? "" : " without intercept");
                    assertTrue(m.convergence().converged(), where + ": " + m.convergence().message());
                    double[] theta = java.util.Arrays.copyOf(m.coef(), p + 1);
                    theta[p] = m.intercept();
                    if (reference == null) reference = theta;
                    // ‖θ − θ*‖ ≤ ‖∇F‖/μ with μ ≥ 1 on w: the tolerance 1e-11·C in F's units, times √p, with room
                    assertEquals(0, TestData.maxAbsDiff(reference, theta), 1e-7, where);
                }
            }
        }
    }

    /**
     * p ≫ n goes through the n×n kernel XXᵀ: n = 50, p = 30000 (a 30001² Hessian, 7.2 GB, ran out of memory) and
     * n = 2, p = 65536 (65537² overflowed an int) fit and converge, with every solver that forms no p×p matrix.
     */
    @Test
    void wideProblemsNeverFormTheFeatureHessian() {
        Random r = new Random(8);
        for (int[] shape : new int[][] {{50, 30000}, {2, 65536}}) {
            int n = shape[0];
            int p = shape[1];
            double[] x = new double[n * p];
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
            double[] y01 = new double[n];
            for (int i = 0; i < n; i++) y01[i] = i % 2;
            for (String solver : new String[] {"auto", "newton-cholesky"}) {
                LogisticModel m = LogisticRegression.builder().solver(solver).build().fit(Design.rowMajor(x, n, p), y01);
                assertTrue(m.convergence().converged(), solver + " " + n + "×" + p + ": " + m.convergence().message());
                assertTrue(m.convergence().message().contains("through XXᵀ"), m.convergence().message());
                double perWeight = solver.equals("newton-cholesky") ? n : 1;
                assertTrue(sklearnGradient(x, n, p, y01, null, 1, m.coef(), m.intercept(), true) / perWeight <= 1e-4 * (1 + 1e-9));
            }
        }
    }

    /** The solver is one of scikit-learn's names this library implements; the message lists them. */
    @Test
    void unknownSolverIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogisticRegression.builder().solver("sag").build());
        assertEquals("solver must be one of auto, lbfgs, newton-cholesky, newton-cg, got 'sag'", e.getMessage());
        assertEquals("newton-cg", LogisticRegression.builder().solver("newton-cg").build().solver());
        assertEquals("auto", LogisticRegression.builder().build().solver());
    }
}
