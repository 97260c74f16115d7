package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** FISTA (through the fused penalized-gradient-step kernel) agrees with coordinate descent and Newton–Cholesky. */
class ProximalGradientTest {

    /** Elastic net: same objective, same minimiser (1e-6: FISTA stops at a gradient mapping of 1e-10). */
    @Test
    void fistaMatchesCoordinateDescent() {
        qt().withExamples(10).forAll(longs().all(), integers().between(10, 60), integers().between(1, 15)).checkAssert((seed, n, p) -> {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.3, 0.5);
            double[] y = TestData.response(r, x, n, p, 3, 0.3);
            double[] w = r.nextBoolean() ? TestData.weights(r, n) : null;
            double alpha = 0.02 + 0.2 * r.nextDouble();
            double l1Ratio = 0.2 + 0.6 * r.nextDouble();
            Design d = Design.rowMajor(x, n, p);
            LinearModel cd = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).tol(1e-14).maxIter(100_000).build().fit(d, y, w);
            LinearModel fista = ProximalGradient.builder().tol(1e-10).maxIter(200_000).build()
                    .minimize(new SquaredLoss(d, y, w), Penalty.elasticNet(alpha, l1Ratio));
            assertTrue(fista.convergence().converged(), fista.convergence().message());
            assertTrue(TestData.maxAbsDiff(cd.coef(), fista.coef()) < 1e-6, () -> Arrays.toString(cd.coef()) + " vs " + Arrays.toString(fista.coef()));
            assertEquals(cd.intercept(), fista.intercept(), 1e-6);
        });
    }

    /** L2 logistic: FISTA with the logistic loss and an L2 penalty of 1 is scikit-learn's objective. */
    @Test
    void fistaMatchesNewtonOnLogistic() {
        Random r = new Random(21);
        int n = 120;
        int p = 6;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] labels = TestData.labels(r, x, n, p);
        double[] w = TestData.weights(r, n);
        Design d = Design.rowMajor(x, n, p);
        LogisticModel newton = LogisticRegression.builder().C(0.3).tol(1e-12).build().fit(d, labels, w);
        LinearModel fista = ProximalGradient.builder().tol(1e-9).maxIter(200_000).build()
                .minimize(new LogisticLoss(d, labels, w, 0.3), Penalty.ridge(1));
        assertTrue(TestData.maxAbsDiff(newton.coef(), fista.coef()) < 1e-7, () -> Arrays.toString(newton.coef()) + " vs " + Arrays.toString(fista.coef()));
        assertEquals(newton.intercept(), fista.intercept(), 1e-7);
    }

    /** A new combination in a few lines: L1-penalised logistic regression satisfies its optimality conditions. */
    @Test
    void l1LogisticKkt() {
        Random r = new Random(4);
        int n = 150;
        int p = 10;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] labels = TestData.labels(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        LogisticLoss loss = new LogisticLoss(d, labels, null, 1.0 / n);
        double lambda = 0.02;
        LinearModel m = ProximalGradient.builder().tol(1e-11).maxIter(500_000).build().minimize(loss, Penalty.lasso(lambda));
        double[] g = new double[p + 1];
        loss.valueAndGradient(m.coef(), m.intercept(), g);
        assertEquals(0, g[p], 1e-9);
        int zeros = 0;
        for (int j = 0; j < p; j++) {
            double wj = m.coef(j);
            if (wj != 0) assertEquals(-lambda * Math.signum(wj), g[j], 1e-9);
            else {
                zeros++;
                assertTrue(Math.abs(g[j]) <= lambda + 1e-9);
            }
        }
        assertTrue(zeros > 0, "lambda chosen to zero out some coefficients");
    }
}
