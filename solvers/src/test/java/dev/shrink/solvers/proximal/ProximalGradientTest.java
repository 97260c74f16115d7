package dev.shrink.solvers.proximal;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** FISTA (through the fused penalized-gradient-step kernel) agrees with coordinate descent and Newton–Cholesky. */
class ProximalGradientTest {

    /** Elastic net: same objective, same minimiser (1e-6: FISTA stops at a gradient mapping of 1e-10). */
    @Test
    void fistaMatchesCoordinateDescent() {
        qt().withFixedSeed(20261129L).withExamples(10).forAll(longs().all(), integers().between(10, 60), integers().between(1, 15)).checkAssert((seed, n, p) -> {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.3, 0.5);
            double[] y = TestData.response(r, x, n, p, 3, 0.3);
            double[] w = r.nextBoolean() ? TestData.weights(r, n) : null;
            double alpha = 0.02 + 0.2 * r.nextDouble();
            double l1Ratio = 0.2 + 0.6 * r.nextDouble();
            LinearModel cd = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).tol(1e-14).maxIter(100_000).build().fit(Design.rowMajor(x, n, p), y, w);
            ProximalGradient.Result fista = ProximalGradient.builder().tol(1e-10).maxIter(200_000).build()
                    .minimize(new SquaredLoss(MatrixView.rowMajor(x, n, p), y, w), Penalty.elasticNet(alpha, l1Ratio));
            assertTrue(fista.converged(), "gradient mapping " + fista.mapping() + " after " + fista.iterations());
            assertTrue(fista.mapping() <= 1e-10);
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
        LogisticModel newton = LogisticRegression.builder().C(0.3).tol(1e-12).build().fit(Design.rowMajor(x, n, p), labels, w);
        ProximalGradient.Result fista = ProximalGradient.builder().tol(1e-9).maxIter(200_000).build()
                .minimize(new LogisticLoss(MatrixView.rowMajor(x, n, p), labels, w, 0.3), Penalty.ridge(1));
        assertTrue(fista.converged());
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
        LogisticLoss loss = new LogisticLoss(MatrixView.rowMajor(x, n, p), labels, null, 1.0 / n);
        double lambda = 0.02;
        ProximalGradient.Result m = ProximalGradient.builder().tol(1e-11).maxIter(500_000).build().minimize(loss, Penalty.lasso(lambda));
        assertTrue(m.converged());
        double[] g = new double[p + 1];
        loss.valueAndGradient(m.coef(), m.intercept(), g);
        assertEquals(0, g[p], 1e-9);
        int zeros = 0;
        for (int j = 0; j < p; j++) {
            double wj = m.coef()[j];
            if (wj != 0) assertEquals(-lambda * Math.signum(wj), g[j], 1e-9);
            else {
                zeros++;
                assertTrue(Math.abs(g[j]) <= lambda + 1e-9);
            }
        }
        assertTrue(zeros > 0, "lambda chosen to zero out some coefficients");
    }

    /** The result reports non-convergence when maxIter stops it, and a warm start at the minimiser stops at once. */
    @Test
    void maxIterIsReportedAndAWarmStartAtTheMinimiserStops() {
        Random r = new Random(8);
        int n = 40;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.3, 0);
        double[] y = TestData.response(r, x, n, p, 3, 0.3);
        SquaredLoss loss = new SquaredLoss(MatrixView.rowMajor(x, n, p), y, null);
        Penalty penalty = Penalty.elasticNet(0.05, 0.5);
        ProximalGradient.Result capped = ProximalGradient.builder().tol(1e-12).maxIter(3).build().minimize(loss, penalty);
        assertFalse(capped.converged());
        assertEquals(3, capped.iterations());
        assertTrue(capped.mapping() > 1e-12);
        ProximalGradient.Result best = ProximalGradient.builder().tol(1e-11).maxIter(200_000).build().minimize(loss, penalty);
        ProximalGradient.Result warm = ProximalGradient.builder().tol(1e-10).maxIter(200_000).build()
                .minimize(loss, penalty, best.coef(), best.intercept());
        assertTrue(warm.converged());
        assertTrue(warm.iterations() < 5, "warm start took " + warm.iterations() + " steps");
        assertThrows(IllegalArgumentException.class, () -> ProximalGradient.builder().tol(0).build());
        assertThrows(IllegalArgumentException.class, () -> new Penalty(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LogisticLoss(MatrixView.rowMajor(x, n, p), y, null, 1.0));
    }
}
