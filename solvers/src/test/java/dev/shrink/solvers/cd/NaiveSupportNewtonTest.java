package dev.shrink.solvers.cd;

import dev.shrink.kernels.CscView;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.SparseData;
import dev.shrink.solvers.matrix.DesignMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Naive mode (dense and sparse X, centring, weights and scaling implicit) takes the support Newton step through its
 * Gram cache: the cached entries are the centred Gram matrix's, and one step from a point with the optimum's signs lands
 * on the optimum of the sign-fixed problem (x̃ⱼᵀR = l2·wⱼ + l1·sign(wⱼ) on the support, within 1e-9 relative).
 */
class NaiveSupportNewtonTest {
    private static final int N = 60;
    private static final int P = 8;

    /** Half the entries zero (so the sparse storage skips some), columns with non-zero means and different scales. */
    private static double[] rowMajor(Random r) {
        double[] x = new double[N * P];
        for (int i = 0; i < N; i++) for (int j = 0; j < P; j++) if (r.nextBoolean()) x[i * P + j] = 1.0 + j + r.nextGaussian() * (1 + j);
        return x;
    }

    private static DesignMatrix design(double[] x, boolean sparse) {
        if (!sparse) return DesignMatrix.of(MatrixView.rowMajor(x, N, P), 1);
        SparseData d = SparseData.of(N, P, x);
        return DesignMatrix.of(new CscView(N, P, d.colStarts(), d.rowIndices(), d.colValues()), 1);
    }

    /** A problem with an intercept, sample weights and column scaling (each transformation exercised). */
    private static NaiveProblem problem(boolean sparse, long seed, double[] beta) {
        Random r = new Random(seed);
        double[] x = rowMajor(r);
        double[] s = new double[N];
        double total = 0;
        for (int i = 0; i < N; i++) total += s[i] = 0.5 + r.nextDouble();
        for (int i = 0; i < N; i++) s[i] *= N / total;
        double[] mean = new double[P];
        double[] scale = new double[P];
        for (int j = 0; j < P; j++) {
            for (int i = 0; i < N; i++) mean[j] += s[i] * x[i * P + j] / N;
            scale[j] = 1.0 / (1 + j);
        }
        double[] y = new double[N];
        double ybar = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) y[i] += (x[i * P + j] - mean[j]) * scale[j] * beta[j];
            y[i] += 3.0 + 0.01 * r.nextGaussian();
            ybar += s[i] * y[i] / N;
        }
        return NaiveProblem.of(design(x, sparse), y, s, mean, ybar, scale);
    }

    private static double[] beta() {
        double[] beta = new double[P];
        for (int j = 0; j < P; j++) beta[j] = (j % 2 == 0 ? 1 : -1) * (2.0 + j);
        return beta;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void cachedGramIsTheCentredGram(boolean sparse) {
        NaiveProblem problem = problem(sparse, 17, beta());
        assertTrue(problem.hasGram());
        int[] support = {5, 1, 6, 2};
        problem.prepareGram(support, 3);
        problem.prepareGram(support, 4); // grows by one column
        for (int a : support) {
            double[] column = new double[P];
            problem.gramColumn(a, column);
            for (int b : support) assertEquals(column[b], problem.gram(a, b), 1e-12 * Math.abs(column[a]), "entry " + a + ", " + b);
            assertEquals(problem.diag[a], problem.gram(a, a), 1e-12 * problem.diag[a], "diagonal " + a);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void oneStepReachesTheSignFixedOptimum(boolean sparse) {
        double[] beta = beta();
        NaiveProblem problem = problem(sparse, 29, beta);
        double l1 = 0.3;
        double l2 = 0.05;
        double[] w = new double[P];
        for (int j = 0; j < P; j++) {
            w[j] = 0.5 * beta[j];
            problem.move(j, w[j]);
        }
        int[] set = {0, 1, 2, 3, 4, 5, 6, 7};
        CdProblem.NewtonStep step = problem.supportNewton(w, set, P, l1, l2, null, Double.POSITIVE_INFINITY);
        assertTrue(step.moved(), "naive mode took no support Newton step");
        for (int j = 0; j < P; j++) {
            assertEquals(Math.signum(beta[j]), Math.signum(w[j]), "sign of " + j); // no cut: the step went all the way
            double stationarity = problem.xtr(j) - l2 * w[j] - l1 * Math.signum(w[j]);
            assertEquals(0.0, stationarity, 1e-9 * problem.diag[j] * Math.abs(w[j]), "optimality at " + j);
        }
    }
}
