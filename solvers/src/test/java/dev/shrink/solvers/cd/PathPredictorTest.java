package dev.shrink.solvers.cd;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The path predictor of {@link LeastSquaresProblem#predictNext}: the prediction, its state, and when it declines. */
class PathPredictorTest {
    private static final int N = 200;
    private static final int P = 30;

    private static double[] solveAt(LeastSquaresProblem problem, double[] w, double alpha) {
        double l1 = N * alpha * 0.5;
        double l2 = N * alpha * 0.5;
        LeastSquaresProblem.Solution s = problem.solve(w, l1, l2, null, l1, 1e-15 * problem.yNorm2(), 1e-12, 100_000);
        assertTrue(s.converged());
        return w.clone();
    }

    /** X̃ᵀ(ỹ − X̃w) with X̃, ỹ centred, computed directly. */
    private static double[] gradientAt(double[] x, double[] y, double[] w) {
        double[] mean = new double[P];
        double ybar = 0;
        for (int i = 0; i < N; i++) {
            ybar += y[i] / N;
            for (int j = 0; j < P; j++) mean[j] += x[i * P + j] / N;
        }
        double[] g = new double[P];
        for (int i = 0; i < N; i++) {
            double r = y[i] - ybar;
            for (int j = 0; j < P; j++) r -= (x[i * P + j] - mean[j]) * w[j];
            for (int j = 0; j < P; j++) g[j] += (x[i * P + j] - mean[j]) * r;
        }
        return g;
    }

    @Test
    void predictionExtrapolatesTheSupportAndItsStateIsExact() {
        Random r = new Random(5);
        double[] x = TestData.design(r, N, P, 0.5, 1.0);
        double[] y = TestData.response(r, x, N, P, 12, 0.5);
        MatrixView d = MatrixView.rowMajor(x, N, P);
        LeastSquaresProblem problem = LeastSquaresProblem.of(d, y, null, true, false, LeastSquaresProblem.Mode.GRAM, 1);
        double alphaMax = 0;
        for (double c : problem.correlations()) alphaMax = Math.max(alphaMax, Math.abs(c) / (N * 0.5));
        double[] grid = {0.3 * alphaMax, 0.2 * alphaMax, 0.12 * alphaMax};
        double[] w = new double[P];
        assertFalse(problem.predictNext(w, 1.0), "no solutions yet");
        double[] w0 = solveAt(problem, w, grid[0]);
        assertFalse(problem.predictNext(w, 1.0), "one solution is not enough");
        double[] w1 = solveAt(problem, w, grid[1]);
        assertFalse(problem.predictNext(w, 2.5), "r outside (0, 2]");
        double ratio = (grid[2] - grid[1]) / (grid[1] - grid[0]);
        assertTrue(problem.predictNext(w, ratio));
        int extrapolated = 0;
        for (int j = 0; j < P; j++) {
            double linear = w1[j] + ratio * (w1[j] - w0[j]);
            boolean sameSign = w1[j] != 0 && Math.signum(w0[j]) == Math.signum(w1[j]) && Math.signum(linear) == Math.signum(w1[j]);
            assertEquals(sameSign ? linear : w1[j], w[j], 0.0, "coefficient " + j);
            if (sameSign && linear != w1[j]) extrapolated++;
        }
        assertTrue(extrapolated > 0, "the test should move some coefficients");
        assertFalse(problem.predictNext(w, ratio), "w is no longer the last solution");
        // the problem's state (H = X̃ᵀX̃w, kept in O(p)) is that of the predicted w
        double[] expected = gradientAt(x, y, w);
        double[] actual = problem.gradient();
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        assertArrayEquals(expected, actual, 1e-10 * scale);
        // and the next solve from there reaches the same minimiser as a cold one
        double[] predicted = solveAt(problem, w, grid[2]);
        LeastSquaresProblem cold = LeastSquaresProblem.of(d, y, null, true, false, LeastSquaresProblem.Mode.GRAM, 1);
        double[] reference = solveAt(cold, new double[P], grid[2]);
        assertArrayEquals(reference, predicted, 1e-9);
    }

    @Test
    void naiveModeKeepsTheWarmStart() {
        Random r = new Random(6);
        double[] x = TestData.design(r, N, P, 0.3, 0.0);
        double[] y = TestData.response(r, x, N, P, 8, 0.5);
        LeastSquaresProblem problem = LeastSquaresProblem.of(MatrixView.rowMajor(x, N, P), y, null, true, false, LeastSquaresProblem.Mode.NONE, 1);
        double[] w = new double[P];
        solveAt(problem, w, 0.5);
        double[] w1 = solveAt(problem, w, 0.3);
        assertFalse(problem.predictNext(w, 1.0), "no affine state in naive mode");
        assertArrayEquals(w1, w, 0.0);
    }
}
