package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ridge on a sparse design with more columns than its Gram limit runs conjugate gradients with the centring implicit:
 * the coefficients of the direct dense solve (dual form here, p &gt; n), tall and wide, with weights and without
 * intercept; non-convergence is reported, and thrown in strict mode.
 */
class SparseRidgeTest {

    private static void same(SparseData d, double[] y, double[] w, boolean intercept) {
        Ridge ridge = Ridge.builder().alpha(2.0).fitIntercept(intercept).threads(1).build();
        LinearModel dense = ridge.fit(d.denseDesign(), y, w);
        LinearModel sparse = ridge.fit(d.csc(), y, w);
        assertEquals(Convergence.Criterion.RELATIVE_RESIDUAL, sparse.convergence().criterion());
        assertTrue(sparse.convergence().converged(), sparse.convergence().message());
        double scale = 1;
        for (double v : dense.coef()) scale = Math.max(scale, Math.abs(v));
        for (int j = 0; j < d.p(); j++) assertEquals(dense.coef(j), sparse.coef(j), 1e-8 * scale, "coefficient " + j);
        assertEquals(dense.intercept(), sparse.intercept(), 1e-8 * (1 + Math.abs(dense.intercept())));
        assertEquals(0.0, sparse.coef(1), "the all-zero column");
    }

    @Test
    void conjugateGradientsGiveTheDirectSolution() {
        Random r = new Random(3);
        int p = dev.shrink.solvers.internal.Thresholds.SPARSE_RIDGE_GRAM + 100;
        for (int n : new int[] {150, 2200}) {
            SparseData d = SparseData.random(r, n, p, 0.01, 0.5, 1, 2);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = d.dense()[i * p] - d.dense()[i * p + 7] + r.nextGaussian();
            same(d, y, null, true);
            if (n > p) continue; // the dense reference of the tall case is a p×p Cholesky: once is enough
            same(d, y, TestData.weights(r, n), true);
            same(d, y, null, false);
        }
    }

    @Test
    void nonConvergenceIsReportedAndStrictThrows() {
        Random r = new Random(4);
        int p = dev.shrink.solvers.internal.Thresholds.SPARSE_RIDGE_GRAM + 10;
        SparseData d = SparseData.random(r, 100, p, 0.02, 0.5, 1, 2);
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) y[i] = r.nextGaussian();
        LinearModel m = Ridge.builder().alpha(1e-3).maxIter(2).build().fit(d.csc(), y);
        assertFalse(m.convergence().converged());
        assertTrue(m.convergence().message().contains("not converged after maxIter = 2"), m.convergence().message());
        assertThrows(ConvergenceException.class, () -> Ridge.builder().alpha(1e-3).maxIter(2).strict(true).build().fit(d.csc(), y));
    }
}
