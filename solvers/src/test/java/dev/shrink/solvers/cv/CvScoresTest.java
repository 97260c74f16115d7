package dev.shrink.solvers.cv;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.LinearModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known answers for the fold summary, computed by hand, and the immutability of the results. */
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
        assertEquals(2.0, s.minMean());
        // The same errors over a C grid: the strongest penalty is the smallest C.
        CvScores c = CvScores.of(new double[] {0.1, 1, 10}, new double[][] {{2, 1, 5}, {4, 3, 5}}, false);
        assertEquals(1, c.indexMin());
        assertEquals(0, c.index1se()); // mean (3, 2, 5), SE (1, 1, 0): threshold 3 admits C = 0.1
    }

    /**
     * Fold weights (glmnet: the fold sizes). Errors (1, 2, 4) with weights (1, 1, 2): mean = (1 + 2 + 8)/4 = 2.75;
     * Σw(e − m)² = 3.0625 + 0.5625 + 2·1.5625 = 6.75; SE = √(6.75/4/(3 − 1)) = √0.84375. With equal weights the weighted
     * rule is the plain one: mean 7/3, SE = √((16/9 + 1/9 + 25/9)/3/2) = √(7/9).
     */
    @Test
    void weightedMeanAndStandardError() {
        double[][] errors = {{1, 10}, {2, 10}, {4, 13}};
        CvScores weighted = CvScores.weighted(new double[] {2, 1}, errors, new double[] {1, 1, 2}, true);
        assertEquals(2.75, weighted.mean()[0], 1e-15);
        assertEquals(Math.sqrt(0.84375), weighted.standardError()[0], 1e-15);
        assertEquals(11.5, weighted.mean()[1], 1e-15); // (10 + 10 + 26)/4; Σw(e − m)² = 2.25 + 2.25 + 2·2.25 = 9
        assertEquals(Math.sqrt(9.0 / 4 / 2), weighted.standardError()[1], 1e-15);
        CvScores plain = CvScores.of(new double[] {2, 1}, errors, true);
        assertEquals(7.0 / 3, plain.mean()[0], 1e-15);
        assertEquals(Math.sqrt(7.0 / 9), plain.standardError()[0], 1e-15);
        CvScores equal = CvScores.weighted(new double[] {2, 1}, errors, new double[] {2.5, 2.5, 2.5}, true);
        assertArrayEquals(plain.mean(), equal.mean(), 1e-15 * 12);
        assertArrayEquals(plain.standardError(), equal.standardError(), 1e-15 * 12);
        assertEquals(plain.indexMin(), equal.indexMin());
        assertEquals(plain.index1se(), equal.index1se());
        assertEquals("foldWeights has 2 values, there are 3 folds",
                assertThrows(IllegalArgumentException.class, () -> CvScores.weighted(new double[] {2, 1}, errors, new double[] {1, 1}, true)).getMessage());
    }

    @Test
    void argMinTakesTheFirstOnTiesAndSkipsNaN() {
        assertEquals(0, CvScores.argMin(new double[] {1, 1, 2}));
        assertEquals(1, CvScores.argMin(new double[] {3, 1, 2, 1}));
        assertEquals(2, CvScores.argMin(new double[] {Double.NaN, 2, 1}));
        assertEquals(0, CvScores.argMin(new double[] {Double.NaN, Double.NaN}));
        assertEquals(1, CvScores.argMin(new double[] {Double.POSITIVE_INFINITY, 7, 7}));
        assertEquals(1, CvScores.argMin(new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
    }

    /**
     * The 1se rule takes the strongest penalty whose mean is within one SE of the minimum (ties with the threshold
     * included), in either grid direction and whatever the grid order; with SE 0 it is the minimum itself.
     */
    @Test
    void oneStandardErrorRule() {
        double[] mean = {4, 2.5, 2, 2.1, 3};
        double[] se = {0.1, 0.1, 0.5, 0.1, 0.1};
        // α grid, decreasing: the threshold 2.5 admits indices 1, 2, 3; the strongest (largest α) is index 1
        assertEquals(1, CvScores.of(new double[] {5, 4, 3, 2, 1}, mean, se, true).index1se());
        // the same grid in increasing order: the largest α among 1, 2, 3 is now index 3
        assertEquals(3, CvScores.of(new double[] {1, 2, 3, 4, 5}, mean, se, true).index1se());
        // a C grid (smaller is stronger), increasing: index 1
        assertEquals(1, CvScores.of(new double[] {0.1, 1, 10, 100, 1000}, mean, se, false).index1se());
        // no standard error: only the minimum qualifies
        assertEquals(2, CvScores.of(new double[] {5, 4, 3, 2, 1}, mean, new double[5], true).index1se());
        // a NaN mean never qualifies; the minimum skips it
        CvScores nan = CvScores.of(new double[] {3, 2, 1}, new double[] {Double.NaN, 1, 2}, new double[] {0, 5, 0}, true);
        assertEquals(1, nan.indexMin());
        assertEquals(1, nan.index1se());
    }

    @Test
    void oneFoldIsRejected() {
        assertEquals("need at least 2 folds of errors, got 1",
                assertThrows(IllegalArgumentException.class, () -> CvScores.of(new double[] {1}, new double[][] {{1}}, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CvScores.of(new double[] {1, 2}, new double[] {1}, new double[] {1}, true));
    }

    /** Scores and results copy arrays in and out: changing what went in or came out changes nothing. */
    @Test
    void accessorsReturnCopies() {
        double[] grid = {3, 2, 1};
        double[] mean = {5, 3, 2};
        double[] se = {0, 1, 1};
        CvScores s = CvScores.of(grid, mean, se, true);
        grid[0] = 99;
        mean[0] = 99;
        se[0] = 99;
        assertArrayEquals(new double[] {3, 2, 1}, s.grid());
        assertArrayEquals(new double[] {5, 3, 2}, s.mean());
        assertArrayEquals(new double[] {0, 1, 1}, s.standardError());
        s.grid()[1] = 99;
        s.mean()[1] = 99;
        s.standardError()[1] = 99;
        assertArrayEquals(new double[] {3, 2, 1}, s.grid());
        assertArrayEquals(new double[] {5, 3, 2}, s.mean());
        assertArrayEquals(new double[] {0, 1, 1}, s.standardError());
        assertEquals(s, CvScores.of(new double[] {3, 2, 1}, new double[] {5, 3, 2}, new double[] {0, 1, 1}, true));

        double[] ratios = {0.5, 1.0};
        CvScores other = CvScores.of(new double[] {3, 2, 1}, new double[] {1, 2, 3}, new double[3], true);
        LinearModel model = new LinearModel(new double[] {1, 2}, 0.5, Convergence.direct("test"));
        java.util.ArrayList<CvScores> list = new java.util.ArrayList<>(List.of(s, other));
        CvResult<LinearModel> r = new CvResult<>(ratios, list, 1, model, true);
        ratios[0] = 99;
        list.clear();
        assertArrayEquals(new double[] {0.5, 1.0}, r.l1Ratios());
        assertEquals(2, r.scoresByL1Ratio().size());
        r.l1Ratios()[0] = 99;
        r.grid()[0] = 99;
        assertArrayEquals(new double[] {0.5, 1.0}, r.l1Ratios());
        assertArrayEquals(new double[] {3, 2, 1}, r.grid());
        assertThrows(UnsupportedOperationException.class, () -> r.scoresByL1Ratio().add(s));
        assertEquals(1.0, r.l1Ratio());
        assertEquals(other, r.scores());
        assertEquals(0, r.indexMin());
        assertEquals(3.0, r.valueMin());
        assertEquals(other.index1se(), r.index1se());
        assertEquals(other.value1se(), r.value1se());
        assertNotEquals(s, other);
        assertThrows(IllegalArgumentException.class, () -> new CvResult<>(new double[] {0.5}, List.of(s, other), 0, model, true));
    }
}
