package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** LogisticRegression: stationarity, labels, warm starts, strict mode, predictions. */
class LogisticRegressionTest {

    /**
     * At the returned (w, b) the gradient of ½‖w‖² + C·Σsᵢ(log(1 + e^{zᵢ}) − yᵢzᵢ) vanishes: w + C·Xᵀs(σ(z) − y) = 0 and
     * (with an intercept) C·Σsᵢ(σ(zᵢ) − yᵢ) = 0, to the fit's tolerance 1e-12 in scikit-learn's units for the solver
     * (max|∇|/C for lbfgs, newton-cg and auto; max|∇|/(C·Σs) for newton-cholesky) plus rounding; tall and wide.
     * Labels are any two values.
     */
    @Test
    void gradientVanishesAtTheSolution() {
        String[] solvers = {"auto", "lbfgs", "newton-cholesky", "newton-cg"};
        qt().withFixedSeed(20261129L).withExamples(40).forAll(longs().all(), integers().between(4, 80), integers().between(1, 120)).checkAssert((seed, n, p) -> {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.3, 0.5);
            double[] y01 = TestData.labels(r, x, n, p);
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) labels[i] = y01[i] == 1 ? 7 : -3;
            double[] s = r.nextBoolean() ? TestData.weights(r, n) : null;
            double c = Math.pow(10, -2 + 3 * r.nextDouble());
            boolean intercept = r.nextBoolean();
            String solver = solvers[r.nextInt(solvers.length)];
            LogisticModel m = LogisticRegression.builder().C(c).fitIntercept(intercept).tol(1e-12).solver(solver).build().fit(Design.rowMajor(x, n, p), labels, s);
            assertEquals(7, m.positiveLabel());
            assertEquals(-3, m.negativeLabel());
            assertTrue(m.convergence().converged(), solver + " " + n + "×" + p + ": " + m.convergence().message());
            boolean perWeight = solver.equals("newton-cholesky");
            assertEquals(perWeight ? Convergence.Criterion.SCALED_GRADIENT : Convergence.Criterion.GRADIENT, m.convergence().criterion());
            double[] w = m.coef();
            double sum = 0;
            double gb = 0;
            double[] g = w.clone();
            for (int i = 0; i < n; i++) {
                double z = m.intercept();
                for (int j = 0; j < p; j++) z += x[i * p + j] * w[j];
                double si = s == null ? 1 : s[i];
                double e = c * si * (TestData.sigmoid(z) - y01[i]);
                for (int j = 0; j < p; j++) g[j] += x[i * p + j] * e;
                gb += e;
                sum += si;
            }
            double scale = perWeight ? c * sum : c;
            for (int j = 0; j < p; j++) assertEquals(0, g[j] / scale, 1e-10, solver + ": coefficient " + j);
            if (intercept) assertEquals(0, gb / scale, 1e-10, solver + ": intercept");
            else assertEquals(0.0, m.intercept());
        });
    }

    /** A warm start at the solution takes no Newton step; maxIter caps it and strict mode throws. */
    @Test
    void warmStartAndStrictMode() {
        Random r = new Random(13);
        int n = 100;
        int p = 20;
        double[] x = TestData.design(r, n, p, 0.8, 0);
        double[] labels = TestData.labels(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        LogisticRegression lr = LogisticRegression.builder().C(2).tol(1e-10).build();
        LogisticModel cold = lr.fit(d, labels);
        assertTrue(cold.convergence().converged(), cold.convergence().message());
        assertTrue(cold.convergence().iterations() > 1);
        LogisticModel warm = lr.fit(d, labels, null, cold.coef(), cold.intercept());
        assertEquals(0, warm.convergence().iterations(), warm.convergence().message());
        assertArrayEquals(cold.coef(), warm.coef(), 0.0);
        LogisticModel capped = lr.toBuilder().maxIter(1).tol(1e-12).build().fit(d, labels);
        assertFalse(capped.convergence().converged());
        assertTrue(capped.convergence().message().startsWith("not converged after maxIter = 1 Newton steps"), capped.convergence().message());
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> LogisticRegression.builder().maxIter(1).tol(1e-12).strict(true).build().fit(d, labels));
        assertFalse(e.convergence().converged());
        assertTrue(LogisticRegression.builder().strict(true).build().fit(d, labels).convergence().converged());
    }

    /** Probabilities are σ of the decision values; predicted labels are the user's, positive where the log-odds are &gt; 0. */
    @Test
    void predictions() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {0, 3}};
        double[] labels = {-1, 1, 1, 1, -1};
        LogisticModel lm = LogisticRegression.builder().C(1).build().fit(x, labels);
        double[] prob = lm.predictProbability(x);
        double[] z = lm.decisionFunction(Design.of(x));
        double[] pred = lm.predict(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1 / (1 + Math.exp(-z[i])), prob[i], 1e-15);
            assertEquals(z[i] > 0 ? 1 : -1, pred[i]);
        }
        assertArrayEquals(prob, lm.predictProbability(Design.of(x)), 0.0);
        assertArrayEquals(pred, lm.predict(Design.of(x)), 0.0);
    }

    /** toBuilder keeps every setting. */
    @Test
    void toBuilderKeepsTheSettings() {
        LogisticRegression lr = LogisticRegression.builder().C(0.25).fitIntercept(false).maxIter(7).tol(1e-6).strict(true).threads(2).build();
        LogisticRegression copy = lr.toBuilder().build();
        assertEquals(lr.toString(), copy.toString());
        assertEquals(0.25, copy.C());
        assertFalse(copy.fitIntercept());
        assertEquals(7, copy.maxIter());
        assertEquals(1e-6, copy.tol());
        assertTrue(copy.strict());
        assertEquals(2, copy.threads());
    }
}
