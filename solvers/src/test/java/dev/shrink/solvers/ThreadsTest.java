package dev.shrink.solvers;

import dev.shrink.kernels.ParallelKernels;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The threads option of Ridge and LogisticRegression: n·p² = 6000·60² ≈ 2.2e7 is above
 * {@link ParallelKernels#DEFAULT_MIN_FLOPS} (asserted), so these fits really split the Gram pass into row chunks. A
 * given thread count gives identical bits on every run; a different count changes the order of the chunk sums, so the
 * bits differ (the evidence that the pass was split), but only by rounding, bounded here by 1e-9 relative to the
 * coefficient scale (the Gram error bound (2n + T)·ε·Σ|xx| times the condition number of these well-conditioned
 * problems is far below).
 */
class ThreadsTest {
    private static final int N = 6000;
    private static final int P = 60;

    @Test
    void theProblemIsLargeEnoughToBeSplit() {
        assertTrue((long) N * P * P >= ParallelKernels.DEFAULT_MIN_FLOPS, "n·p² = " + (long) N * P * P + " < " + ParallelKernels.DEFAULT_MIN_FLOPS);
    }

    @Test
    void ridgeIsDeterministicPerThreadCountAndAgreesAcrossCounts() {
        Random r = new Random(11);
        double[] x = TestData.design(r, N, P, 0.5, 0);
        double[] y = TestData.response(r, x, N, P, 5, 0.5);
        double[] s = TestData.weights(r, N);
        Design d = Design.rowMajor(x, N, P);
        LinearModel one = Ridge.builder().alpha(2.0).threads(1).build().fit(d, y, s);
        LinearModel four = Ridge.builder().alpha(2.0).threads(4).build().fit(d, y, s);
        LinearModel fourAgain = Ridge.builder().alpha(2.0).threads(4).build().fit(d, y, s);
        assertArrayEquals(four.coef(), fourAgain.coef(), 0.0);
        assertEquals(four.intercept(), fourAgain.intercept(), 0.0);
        assertTrue(TestData.differBitwise(one.coef(), four.coef()), "threads(4) gave the bits of threads(1): the Gram pass was not split");
        double scale = TestData.maxAbs(one.coef());
        assertArrayEquals(one.coef(), four.coef(), 1e-9 * scale);
        assertEquals(one.intercept(), four.intercept(), 1e-9 * (scale + Math.abs(one.intercept())));
    }

    @Test
    void logisticIsDeterministicPerThreadCountAndAgreesAcrossCounts() {
        Random r = new Random(12);
        double[] x = TestData.design(r, N, P, 0.3, 0);
        double[] y = TestData.labels(r, x, N, P);
        Design d = Design.rowMajor(x, N, P);
        LogisticModel one = LogisticRegression.builder().C(0.5).tol(1e-10).threads(1).build().fit(d, y);
        LogisticModel three = LogisticRegression.builder().C(0.5).tol(1e-10).threads(3).build().fit(d, y);
        LogisticModel threeAgain = LogisticRegression.builder().C(0.5).tol(1e-10).threads(3).build().fit(d, y);
        assertArrayEquals(three.coef(), threeAgain.coef(), 0.0);
        assertEquals(three.intercept(), threeAgain.intercept(), 0.0);
        assertTrue(TestData.differBitwise(one.coef(), three.coef()), "threads(3) gave the bits of threads(1): the XᵀDX pass was not split");
        double scale = TestData.maxAbs(one.coef());
        assertArrayEquals(one.coef(), three.coef(), 1e-9 * scale);
        assertEquals(one.intercept(), three.intercept(), 1e-9 * (scale + Math.abs(one.intercept())));
    }

    @Test
    void threadsBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ridge.builder().threads(0).build());
        assertEquals("threads must be ≥ 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.builder().threads(-2).build());
        assertThrows(IllegalArgumentException.class, () -> ElasticNet.builder().threads(0).build());
    }
}
