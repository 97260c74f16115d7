package dev.shrink.solvers.glm;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.quasinewton.DifferentiableFunction;
import dev.shrink.solvers.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multinomial and Poisson L-BFGS objectives with a float32 first phase ({@link Lbfgs#minimize(DifferentiableFunction,
 * DifferentiableFunction, double[], double, int, int, dev.shrink.solvers.quasinewton.Preconditioner)}) stop at max|∇F| ≤ tol
 * of F on X itself (a fresh evaluation), at the minimiser plain L-BFGS reaches: both lie within ‖∇F‖/λ_min ≤ tol·√m of
 * it, λ_min ≥ 1 from the penalty ½‖w‖² (no intercept).
 */
class Float32PhaseTest {

    private static void sameMinimiser(DifferentiableFunction f, DifferentiableFunction rough, double tol, String what) {
        int m = f.dimension();
        double[] plain = new double[m];
        double[] mixed = new double[m];
        Lbfgs.Result a = Lbfgs.minimize(null, f, plain, tol, 500, 10, null);
        Lbfgs.Result b = Lbfgs.minimize(rough, f, mixed, tol, 500, 10, null);
        assertTrue(a.converged() && b.converged(), what + ": " + a + " / " + b);
        double[] g = new double[m];
        f.valueAndGradient(mixed, g);
        assertTrue(TestData.maxAbs(g) <= tol, what + ": max|∇F| " + TestData.maxAbs(g));
        assertEquals(0, TestData.maxAbsDiff(plain, mixed), 2 * tol * Math.sqrt(m), what);
    }

    @Test
    void multinomialAndPoissonEndCertifiedOnX() {
        Random r = new Random(21);
        int n = 500;
        int p = 12;
        int k = 4;
        double[] x = TestData.design(r, n, p, 0.4, 0.2);
        double[] classes = new double[n];
        double[] counts = new double[n];
        double[] rho = new double[n];
        for (int i = 0; i < n; i++) {
            classes[i] = r.nextInt(k);
            counts[i] = r.nextInt(6);
            rho[i] = 1.0 / n;
        }
        double[] s = TestData.weights(r, n);
        DesignPasses passes = new DesignPasses(MatrixView.rowMajor(x, n, p), 1);
        DesignPasses float32 = passes.float32();
        for (double c : new double[] {0.1, 10.0}) {
            sameMinimiser(new MultinomialObjective(passes, classes, k, s, c, 1.0, false),
                    new MultinomialObjective(float32, classes, k, s, c, 1.0, false), 1e-7 * c, "multinomial C = " + c);
        }
        sameMinimiser(new PoissonObjective(passes, counts, rho, 1.0, false), new PoissonObjective(float32, counts, rho, 1.0, false), 1e-9,
                "Poisson");
    }
}
