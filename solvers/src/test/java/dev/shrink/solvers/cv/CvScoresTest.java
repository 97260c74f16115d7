package dev.shrink.solvers.cv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known answers for the fold summary, computed by hand. */
class CvScoresTest {

    @Test
    void meanStandardErrorMinimumAndOneStandardError() {
        // Two folds: means (5, 3, 2); SE = sd/√K = √(Σ(e − m)²/(K(K−1))): (0, 1, 1). Minimum at index 2 (mean 2);
        // threshold 2 + 1 = 3, met by indices 1 and 2; the strongest of them is α = 2 (index 1).
        CvScores s = CvScores.of(new double[] {3, 2, 1}, new double[][] {{5, 2, 1}, {5, 4, 3}}, true);
        assertArrayEquals(new double[] {5, 3, 2}, s.mean());
        assertArrayEquals(new double[] {0, 1, 1}, s.standardError());
        assertEquals(2, s.indexMin());
        assertEquals(1, s.index1se());
        assertEquals(1.0, s.valueMin());
        assertEquals(2.0, s.value1se());
        // The same errors over a C grid: the strongest penalty is the smallest C.
        CvScores c = CvScores.of(new double[] {0.1, 1, 10}, new double[][] {{2, 1, 5}, {4, 3, 5}}, false);
        assertEquals(1, c.indexMin());
        assertEquals(0, c.index1se()); // mean (3, 2, 5), SE (1, 1, 0): threshold 3 admits C = 0.1
    }

    @Test
    void argMinTakesTheFirstOnTiesAndSkipsNaN() {
        assertEquals(0, CvScores.argMin(new double[] {1, 1, 2}));
        assertEquals(2, CvScores.argMin(new double[] {Double.NaN, 2, 1}));
        assertEquals(0, CvScores.argMin(new double[] {Double.NaN, Double.NaN}));
        assertEquals(1, CvScores.argMin(new double[] {Double.POSITIVE_INFINITY, 7, 7}));
    }

    @Test
    void oneFoldIsRejected() {
        assertEquals("need at least 2 folds of errors, got 1",
                assertThrows(IllegalArgumentException.class, () -> CvScores.of(new double[] {1}, new double[][] {{1}}, true)).getMessage());
    }
}
