package dev.shrink.solvers.quasinewton;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * L-BFGS's first step, where no curvature pair is known: Cauchy's step gᵀg/dᵀ∇²f·d when the function knows its
 * curvature along d, else SciPy's step of length 1 in the max norm.
 */
class LbfgsFirstStepTest {

    /** f(x) = ½·Σ aᵢ(xᵢ − 1)², aᵢ from 100 to 1000: far from the unit scale that 1/‖g‖∞ assumes. */
    private static final class Quadratic implements DifferentiableFunction {
        private final double[] a;
        private final boolean knowsCurvature;
        int curvatureCalls;

        Quadratic(int m, boolean knowsCurvature) {
            this.a = new double[m];
            for (int i = 0; i < m; i++) a[i] = 100 + 900.0 * i / (m - 1);
            this.knowsCurvature = knowsCurvature;
        }

        @Override
        public int dimension() {
            return a.length;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double f = 0;
            for (int i = 0; i < a.length; i++) {
                double t = x[i] - 1;
                f += 0.5 * a[i] * t * t;
                gradient[i] = a[i] * t;
            }
            return f;
        }

        @Override
        public double curvature(double[] x, double[] d) {
            if (!knowsCurvature) return Double.NaN;
            curvatureCalls++;
            double q = 0;
            for (int i = 0; i < a.length; i++) q += a[i] * d[i] * d[i];
            return q;
        }
    }

    @Test
    void theFirstStepIsTheExactLineMinimumOfAQuadratic() {
        Quadratic f = new Quadratic(20, true);
        double[] x = new double[20];
        Lbfgs.Result r = Lbfgs.minimize(f, x, 1e-300, 1, 10);
        assertEquals(1, f.curvatureCalls);
        // the quadratic model along −g is f itself: the search accepts its first trial (|φ'(α)| = 0)
        assertEquals(2, r.evaluations(), r.toString());
        // and x is the minimiser along −g from 0: every xᵢ = α·aᵢ with α = Σaᵢ²/Σaᵢ³
        double sa2 = 0;
        double sa3 = 0;
        for (int i = 0; i < 20; i++) {
            sa2 += f.a[i] * f.a[i];
            sa3 += f.a[i] * f.a[i] * f.a[i];
        }
        for (int i = 0; i < 20; i++) assertEquals(f.a[i] * sa2 / sa3, x[i], 1e-12 * Math.abs(x[i]));
    }

    @Test
    void withoutCurvatureTheFirstStepHasLengthOneInTheMaxNorm() {
        Quadratic f = new Quadratic(20, false);
        double[] x = new double[20];
        Lbfgs.Result r = Lbfgs.minimize(f, x, 1e-300, 1, 10);
        // from 0, g = −a and ‖g‖∞ = 1000: the step 1/1000 undershoots the line minimum, and the Wolfe search takes it
        assertEquals(2, r.evaluations(), r.toString());
        for (int i = 0; i < 20; i++) assertEquals(f.a[i] / 1000, x[i], 1e-15);
    }

    @Test
    void bothReachTheSameMinimum() {
        for (boolean knows : new boolean[] {true, false}) {
            double[] x = new double[20];
            Lbfgs.Result r = Lbfgs.minimize(new Quadratic(20, knows), x, 1e-9, 200, 10);
            assertTrue(r.converged(), r.toString());
            for (double v : x) assertEquals(1.0, v, 1e-11);
        }
    }
}
