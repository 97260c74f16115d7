package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The smooth GLM fits routed to L-BFGS (multinomial L2 / unpenalised logistic regression, Poisson regression) reach the
 * solution of the proximal Newton engine ("newton-cholesky") at a tight tolerance, with weights and an intercept, and
 * report their convergence in the gradient units they document.
 */
class SmoothGlmLbfgsTest {

    private static double[] weights(Random r, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = 0.2 + 2 * r.nextDouble();
        return s;
    }

    @Test
    void multinomialLbfgsMatchesNewtonWithWeights() {
        Random r = new Random(11);
        int n = 120;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.3, 0.5);
        double[] y = GlmEstimatorsTest.classLabels(r, x, n, p, new double[] {-1, 2, 7});
        double[] s = weights(r, n);
        double[][] rows = TestData.rows(x, n, p);
        for (LogisticRegression.Penalty penalty : new LogisticRegression.Penalty[] {LogisticRegression.Penalty.L2, LogisticRegression.Penalty.NONE}) {
            LogisticRegression.Builder b = LogisticRegression.builder().penalty(penalty).C(penalty == LogisticRegression.Penalty.NONE ? 1.0 : 0.7)
                    .maxIter(1000).threads(1);
            LogisticModel quasi = b.tol(1e-9).solver("lbfgs").build().fit(rows, y, s);
            LogisticModel newton = b.tol(1e-13).solver("newton-cholesky").build().fit(rows, y, s);
            Convergence c = quasi.convergence();
            assertTrue(c.converged(), c.message());
            assertEquals(Convergence.Criterion.GRADIENT, c.criterion());
            assertTrue(c.value() <= 1e-9, c.message());
            assertEquals(Convergence.Criterion.RELATIVE_DUALITY_GAP, newton.convergence().criterion());
            double sumB = 0;
            for (int k = 0; k < 3; k++) {
                // without a penalty W is determined up to a common shift across classes: compare differences to class 0
                for (int j = 0; j < p; j++) {
                    double a = quasi.coef(k)[j] - (penalty == LogisticRegression.Penalty.NONE ? quasi.coef(0)[j] : 0);
                    double e = newton.coef(k)[j] - (penalty == LogisticRegression.Penalty.NONE ? newton.coef(0)[j] : 0);
                    assertEquals(e, a, 1e-6, penalty + " class " + k + " coef " + j);
                }
                assertEquals(newton.intercept(k), quasi.intercept(k), 1e-6, penalty + " intercept " + k);
                sumB += quasi.intercept(k);
            }
            assertEquals(0, sumB, 1e-12);
        }
    }

    @Test
    void multinomialAutoIsLbfgsAndNewtonNamesSelectTheEngine() {
        Random r = new Random(3);
        int n = 60;
        int p = 3;
        double[] x = TestData.design(r, n, p, 0.0, 0.0);
        double[] y = GlmEstimatorsTest.classLabels(r, x, n, p, new double[] {0, 1, 2, 3});
        double[][] rows = TestData.rows(x, n, p);
        assertEquals(Convergence.Criterion.GRADIENT, LogisticRegression.builder().build().fit(rows, y).convergence().criterion());
        assertEquals(Convergence.Criterion.RELATIVE_DUALITY_GAP,
                LogisticRegression.builder().solver("newton-cg").build().fit(rows, y).convergence().criterion());
        // an elastic net stays on the proximal Newton engine whatever the solver
        assertEquals(Convergence.Criterion.RELATIVE_DUALITY_GAP, LogisticRegression.builder().penalty(LogisticRegression.Penalty.ELASTICNET)
                .l1Ratio(0.5).solver("lbfgs").build().fit(rows, y).convergence().criterion());
    }

    @Test
    void poissonLbfgsMatchesNewtonWithWeightsAndIntercept() {
        Random r = new Random(5);
        int n = 150;
        int p = 6;
        double[] x = TestData.design(r, n, p, 0.4, 0.3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0.3;
            for (int j = 0; j < p; j++) z += 0.3 * x[i * p + j] * (j % 2 == 0 ? 1 : -1);
            double mu = Math.exp(z);
            int k = 0;
            for (double t = -Math.log(r.nextDouble()); t < mu; t -= Math.log(r.nextDouble())) k++;
            y[i] = k;
        }
        double[] s = weights(r, n);
        double[][] rows = TestData.rows(x, n, p);
        for (boolean intercept : new boolean[] {true, false}) {
            PoissonRegressor.Builder b = PoissonRegressor.builder().alpha(0.05).fitIntercept(intercept).maxIter(500).threads(1);
            PoissonModel quasi = b.tol(1e-10).solver("lbfgs").build().fit(rows, y, s);
            PoissonModel newton = b.tol(1e-14).solver("newton-cholesky").build().fit(rows, y, s);
            Convergence c = quasi.convergence();
            assertTrue(c.converged(), c.message());
            assertEquals(Convergence.Criterion.OBJECTIVE_GRADIENT, c.criterion());
            assertEquals(Convergence.Criterion.RELATIVE_DUALITY_GAP, newton.convergence().criterion());
            for (int j = 0; j < p; j++) assertEquals(newton.coef()[j], quasi.coef()[j], 1e-7, "coef " + j);
            assertEquals(newton.intercept(), quasi.intercept(), 1e-7);
        }
    }

    @Test
    void poissonReportsNonConvergenceAndRejectsUnknownSolvers() {
        Random r = new Random(9);
        int n = 80;
        int p = 4;
        double[] x = TestData.design(r, n, p, 0.2, 0.0);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(5);
        double[][] rows = TestData.rows(x, n, p);
        PoissonModel m = PoissonRegressor.builder().alpha(1e-3).maxIter(1).tol(1e-12).build().fit(rows, y);
        assertTrue(!m.convergence().converged() && m.convergence().message().contains("maxIter"), m.convergence().message());
        assertThrows(ConvergenceException.class, () -> PoissonRegressor.builder().maxIter(1).tol(1e-12).strict(true).build().fit(rows, y));
        assertThrows(IllegalArgumentException.class, () -> PoissonRegressor.builder().solver("newton-cg").build());
    }
}
