package dev.shrink.solvers.newton;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.internal.DesignPasses;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Newton through XXᵀ takes the steps of Newton–Cholesky on the (p+1)×(p+1) Hessian (Woodbury), for p &gt; n. */
class DualNewtonTest {

    /** After each of the first Newton steps the two methods stand at the same point. */
    @Test
    void theDualStepsAreThePrimalSteps() {
        Random r = new Random(12);
        int n = 30;
        int p = 70;
        double[] x = TestData.design(r, n, p, 0.4, 0.5);
        double[] y01 = TestData.labels(r, x, n, p);
        double[] s = TestData.weights(r, n);
        for (boolean intercept : new boolean[] {true, false}) {
            for (int steps = 1; steps <= 3; steps++) {
                LogisticObjective f = new LogisticObjective(new DesignPasses(MatrixView.rowMajor(x, n, p), 1), y01, s, 3.0, intercept);
                double[] primal = new double[f.dimension()];
                double[] dual = new double[f.dimension()];
                NewtonLogistic.Result a = new NewtonLogistic(f).solve(primal, 0, steps);
                DualNewton.Result b = new DualNewton(f).solve(dual, 0, steps);
                assertEquals(steps, a.iterations());
                assertEquals(steps, b.iterations());
                double scale = TestData.maxAbs(primal);
                assertEquals(0, TestData.maxAbsDiff(primal, dual), 1e-9 * scale, "after " + steps + " steps, intercept " + intercept);
            }
        }
    }

    /** The shape rule: the dual for p &gt; n (up to the n×n limit), Newton–Cholesky for few features, L-BFGS otherwise. */
    @Test
    void theMethodFollowsTheShape() {
        assertEquals(LogisticSolver.Method.NEWTON_CHOLESKY, LogisticSolver.choose(50, 10000));
        assertEquals(LogisticSolver.Method.NEWTON_CHOLESKY, LogisticSolver.choose(20000, 20));
        assertEquals(LogisticSolver.Method.NEWTON_CHOLESKY, LogisticSolver.choose(20000, 64));
        assertEquals(LogisticSolver.Method.LBFGS, LogisticSolver.choose(20000, 200));
        assertEquals(LogisticSolver.Method.LBFGS, LogisticSolver.choose(20000, 1000));
        assertEquals(LogisticSolver.Method.LBFGS, LogisticSolver.choose(100000, 200000));
        assertTrue(LogisticSolver.choose(10, 11) == LogisticSolver.Method.NEWTON_CHOLESKY);
    }
}
