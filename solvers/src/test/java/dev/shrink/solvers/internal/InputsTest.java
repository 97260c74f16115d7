package dev.shrink.solvers.internal;

import dev.shrink.kernels.ParallelKernels;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The boundary checks and the thread-count option shared by every estimator. */
class InputsTest {

    @Test
    void labelsAreSortedAndCounted() {
        assertArrayEquals(new double[] {-3, 7}, Inputs.twoLabels(new double[] {7, -3, 7}, 3), 0.0);
        assertArrayEquals(new double[] {0, 1}, Inputs.twoLabels(new double[] {-0.0, 1, 0.0}, 3), 0.0, "-0.0 and 0.0 are one label");
        double[] many = new double[30];
        for (int i = 0; i < many.length; i++) many[i] = i;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inputs.twoLabels(many, 30));
        assertEquals("labels must take exactly two values, found more than 20: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] …",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Inputs.twoLabels(new double[] {0.5, 1, 2}, 3));
        assertEquals("labels must take exactly two values, found 3: [0.5, 1, 2]", e.getMessage());
    }

    /** The classes in increasing order, -0.0 as 0.0, for few labels (linear search) and many (sorted copy). */
    @Test
    void classesAreTheDistinctLabelsInOrder() {
        assertArrayEquals(new double[] {-1, 0, 2.5}, Inputs.classes(new double[] {2.5, -0.0, -1, 0.0, 2.5}, 5), 0.0);
        for (int k : new int[] {2, 15, 16, 17, 40}) {
            double[] y = new double[3 * k];
            for (int i = 0; i < y.length; i++) y[i] = (i * 7) % k - 3;
            double[] expected = new double[k];
            for (int c = 0; c < k; c++) expected[c] = c - 3;
            assertArrayEquals(expected, Inputs.classes(y, y.length), 0.0, k + " labels");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inputs.classes(new double[] {4, 4}, 2));
        assertEquals("labels must take at least two values, found one: 4", e.getMessage());
    }

    @Test
    void valuesAndCoefficients() {
        assertEquals("initialCoef has -Infinity at index 1",
                assertThrows(IllegalArgumentException.class, () -> Inputs.coefficients("initialCoef", new double[] {0, Double.NEGATIVE_INFINITY}, 2)).getMessage());
        assertEquals("y has +Infinity at row 2",
                assertThrows(IllegalArgumentException.class, () -> Inputs.response(new double[] {0, 1, Double.POSITIVE_INFINITY}, 3)).getMessage());
        assertEquals("y must not be null", assertThrows(IllegalArgumentException.class, () -> Inputs.response(null, 3)).getMessage());
        assertEquals(6.0, Inputs.weights(new double[] {1, 2, 3}, 3));
        assertEquals(4.0, Inputs.weights(null, 4));
        assertEquals("tol must be finite and > 0, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> Inputs.positive("tol", Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("l1Ratio must be in [0, 1], got NaN", assertThrows(IllegalArgumentException.class, () -> Inputs.ratio("l1Ratio", Double.NaN)).getMessage());
    }

    @Test
    void threadCounts() {
        assertEquals(ForkJoinPool.getCommonPoolParallelism() + 1, Threads.defaultCount());
        assertEquals("threads must be ≥ 1, got 0", assertThrows(IllegalArgumentException.class, () -> Threads.check(0)).getMessage());
        ParallelKernels k = Threads.kernels(3);
        assertEquals(3, k.tasks(), "the rows are cut into as many chunks as threads, whatever the machine");
        assertEquals(1, Threads.kernels(1).tasks());
    }
}
