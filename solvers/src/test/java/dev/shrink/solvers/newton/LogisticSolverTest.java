package dev.shrink.solvers.newton;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** L-BFGS with a float32 first phase ends where plain L-BFGS ends, certified on X itself. */
class LogisticSolverTest {

    /**
     * Minimising first on the float32 copy of X and then on X stops at max|∇F| ≤ tol of F itself (checked here by a
     * fresh evaluation), at the minimiser plain L-BFGS reaches: both are within ‖∇F‖/λ_min(∇²F) ≤ tol·√m of it, and
     * λ_min ≥ 1 (the penalty ½‖w‖²; without an intercept).
     */
    @Test
    void theFloat32PhaseEndsAtTheSameMinimiserCertifiedOnX() {
        Random r = new Random(5);
        int n = 400;
        int p = 30;
        double[] x = TestData.design(r, n, p, 0.5, 0.3);
        double[] y01 = TestData.labels(r, x, n, p);
        double[] s = TestData.weights(r, n);
        for (double c : new double[] {0.1, 1.0, 100.0}) {
            DesignPasses passes = new DesignPasses(MatrixView.rowMajor(x, n, p), 1);
            LogisticObjective f = new LogisticObjective(passes, y01, s, c, false);
            LogisticObjective rough = new LogisticObjective(passes.float32(), y01, s, c, false);
            double tol = 1e-7 * c;
            double[] plain = new double[p];
            double[] mixed = new double[p];
            Lbfgs.Result a = LogisticSolver.lbfgs(f, null, y01, s, plain, tol, 500, 0);
            Lbfgs.Result b = LogisticSolver.lbfgs(f, rough, y01, s, mixed, tol, 500, 0);
            assertTrue(a.converged() && b.converged(), a + " / " + b);
            double[] g = new double[p];
            f.valueAndGradient(mixed, g);
            assertTrue(TestData.maxAbs(g) <= tol, "max|∇F| " + TestData.maxAbs(g) + " at C = " + c);
            assertEquals(0, TestData.maxAbsDiff(plain, mixed), 2 * tol * Math.sqrt(p), "C = " + c);
        }
    }

    /**
     * The sampled Hessian is kept only where it says more than its sampling noise: not for independent columns (its
     * condition number is the Marchenko–Pastur spread of k rows), yes for equicorrelated ones (ρ = 0.5: one eigenvalue
     * ~p/2 times the others).
     */
    @Test
    void theSampledHessianIsKeptOnlyWhereTheDesignIsIllConditioned() {
        Random r = new Random(9);
        int n = 4000;
        int p = 40;
        for (double rho : new double[] {0.0, 0.5}) {
            double[] x = new double[n * p];
            for (int i = 0; i < n; i++) {
                double common = r.nextGaussian();
                for (int j = 0; j < p; j++) x[i * p + j] = Math.sqrt(rho) * common + Math.sqrt(1 - rho) * r.nextGaussian();
            }
            double[] y01 = TestData.labels(r, x, n, p);
            LogisticObjective f = new LogisticObjective(new DesignPasses(MatrixView.rowMajor(x, n, p), 1), y01, null, 1.0, true);
            SampledHessian h = new SampledHessian(f, DesignPasses.evenlySpaced(n, 8 * p), y01, null);
            h.build(new double[p + 1]);
            assertEquals(rho > 0, h.informative(), "ρ = " + rho);
        }
    }
}
