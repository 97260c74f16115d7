package dev.shrink.solvers.cd;

import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.Precompute;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Covariance mode's two Gram sources (whole SYRK pass, or exactly centred columns) and the path's thread option. */
class CovarianceModeTest {

    private static PathResult path(double[] x, int n, int p, double[] y, int threads) {
        return ElasticNetPath.builder().l1Ratio(0.7).nAlphas(12).eps(1e-2).tol(1e-14).maxIter(100_000)
                .precompute(Precompute.GRAM).threads(threads).build().fit(Design.rowMajor(x, n, p), y);
    }

    private static void assertSamePath(PathResult expected, PathResult actual, double tol) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            double[] a = expected.coef(k);
            double[] b = actual.coef(k);
            for (int j = 0; j < a.length; j++) assertEquals(a[j], b[j], tol * (1 + Math.abs(a[j])), "alpha " + k + ", coefficient " + j);
            assertEquals(expected.intercept(k), actual.intercept(k), tol * (1 + Math.abs(expected.intercept(k))), "intercept " + k);
        }
    }

    /**
     * Columns with means 1e6 times their spread: XᵀX − n·x̄x̄ᵀ would keep about 4 of 16 digits, so these columns are
     * centred exactly one by one. The path must equal the path on the same data centred beforehand (shifting columns
     * changes only the intercept).
     */
    @Test
    void offCentreColumnsAreCentredExactly() {
        int n = 300;
        int p = 12;
        Random r = new Random(21);
        double[] centred = TestData.design(r, n, p, 0.4, 0.0);
        double[] y = TestData.response(r, centred, n, p, 5, 0.3);
        double[] shifted = centred.clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) shifted[i * p + j] += 1e6 * (j % 2 == 0 ? 1 : -1);
        PathResult reference = path(centred, n, p, y, 1);
        PathResult offCentre = path(shifted, n, p, y, 1);
        assertTrue(reference.allConverged() && offCentre.allConverged());
        for (int k = 0; k < reference.size(); k++) {
            double[] a = reference.coef(k);
            double[] b = offCentre.coef(k);
            for (int j = 0; j < p; j++) assertEquals(a[j], b[j], 1e-8 * (1 + Math.abs(a[j])), "alpha " + k + ", coefficient " + j);
        }
        // and the problem on the shifted columns is the exact one: its curvatures ‖x̃ⱼ‖² and X̃ᵀỹ are those of the
        // centred data (XᵀX − n·x̄x̄ᵀ would have lost all but about 4 digits of the curvatures)
        LeastSquaresProblem exact = LeastSquaresProblem.of(MatrixView.rowMajor(shifted, n, p), y, null, true, false, LeastSquaresProblem.Mode.GRAM, 1);
        LeastSquaresProblem plain = LeastSquaresProblem.of(MatrixView.rowMajor(centred, n, p), y, null, true, false, LeastSquaresProblem.Mode.GRAM, 1);
        assertArrayEquals(plain.problem.diag, exact.problem.diag, 1e-8 * TestData.maxAbs(plain.problem.diag));
        assertArrayEquals(plain.correlations(), exact.correlations(), 1e-8 * TestData.maxAbs(plain.correlations()));
    }

    /**
     * threads(3) splits the Gram pass of covariance mode into three row chunks: n·p² = 4000·70² ≈ 2e7 is above the
     * parallel kernels' threshold (asserted). A given count gives identical bits on every run; 3 chunks add the
     * partial Gram matrices in another order than 1, so X̃ᵀỹ (computed in the same pass) and the path differ in their
     * last bits — the evidence that the rows were split — and agree to 1e-10 relative (the paths stop at a gap of
     * 1e-14·‖ỹ‖²; the Gram rounding (2n + T)·ε·Σ|xx| times the condition number is far below).
     */
    @Test
    void threadCountsAgree() {
        int n = 4000;
        int p = 70;
        assertTrue((long) n * p * p >= ParallelKernels.DEFAULT_MIN_FLOPS, "n·p² = " + (long) n * p * p + " is below the parallel threshold");
        Random r = new Random(22);
        double[] x = TestData.design(r, n, p, 0.5, 1.0);
        double[] y = TestData.response(r, x, n, p, 6, 0.5);
        double[] c1 = LeastSquaresProblem.of(MatrixView.rowMajor(x, n, p), y, null, true, false, LeastSquaresProblem.Mode.GRAM, 1).correlations();
        double[] c3 = LeastSquaresProblem.of(MatrixView.rowMajor(x, n, p), y, null, true, false, LeastSquaresProblem.Mode.GRAM, 3).correlations();
        assertTrue(TestData.differBitwise(c1, c3), "X̃ᵀỹ from 3 chunks has the bits of 1 chunk: the Gram pass was not split");
        assertArrayEquals(c1, c3, 1e-12 * TestData.maxAbs(c1));
        PathResult one = path(x, n, p, y, 1);
        PathResult three = path(x, n, p, y, 3);
        PathResult threeAgain = path(x, n, p, y, 3);
        assertTrue(one.allConverged() && three.allConverged());
        assertArrayEquals(three.coefs(), threeAgain.coefs(), "a given thread count gives the same bits on every run");
        assertArrayEquals(three.intercepts(), threeAgain.intercepts(), 0.0);
        boolean differ = false;
        for (int k = 0; k < one.size(); k++) differ |= TestData.differBitwise(one.coef(k), three.coef(k));
        assertTrue(differ, "the 3-thread path has the bits of the 1-thread path: the rows were not split");
        assertSamePath(one, three, 1e-10);
        assertThrows(IllegalArgumentException.class, () -> ElasticNetPath.builder().threads(0).build());
    }
}
