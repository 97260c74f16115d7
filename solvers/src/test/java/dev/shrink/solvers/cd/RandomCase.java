package dev.shrink.solvers.cd;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;

import java.util.Random;

/**
 * A random lasso or elastic-net problem for the property tests of this package: a design with column correlation ρ
 * (0, 0.5 or 0.9: random to equicorrelated), a sparse true β, sample weights half the time. {@code kind} in [0, 6)
 * picks ρ = {0, 0.5, 0.9}[kind % 3] and the lasso (kind &lt; 3) or l1Ratio 0.5.
 */
record RandomCase(Random random, int n, int p, double rho, double l1Ratio, double[] x, double[] y, double[] weights, MatrixView view) {
    static RandomCase of(long seed, int n, int p, int kind, int nonzeros) {
        Random r = new Random(seed);
        double rho = new double[] {0, 0.5, 0.9}[kind % 3];
        double l1Ratio = kind < 3 ? 1.0 : 0.5;
        double[] x = TestData.design(r, n, p, rho, 0.5);
        double[] y = TestData.response(r, x, n, p, nonzeros, 0.5);
        double[] s = r.nextBoolean() ? TestData.weights(r, n) : null;
        return new RandomCase(r, n, p, rho, l1Ratio, x, y, s, MatrixView.rowMajor(x, n, p));
    }

    /** The problem in a representation, with an intercept. */
    LeastSquaresProblem problem(LeastSquaresProblem.Mode mode) {
        return LeastSquaresProblem.of(view, y, weights, true, false, mode, 1);
    }
}
