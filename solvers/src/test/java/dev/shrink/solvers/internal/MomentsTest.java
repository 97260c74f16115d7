package dev.shrink.solvers.internal;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.SparseData;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.matrix.DesignMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The weighted moments shared by the statistics and the covariance-mode problems, against direct two-pass sums. */
class MomentsTest {

    @Test
    void centringRawSumsEqualsSummingCentredRows() {
        Random r = new Random(1);
        int n = 40;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.3, 2);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        double[] s = TestData.weights(r, n);
        double sumW = 0;
        double sumWy = 0;
        double sumWyy = 0;
        double[] sumWx = new double[p];
        double[] gram = new double[p * p];
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            sumW += s[i];
            sumWy += s[i] * y[i];
            sumWyy += s[i] * y[i] * y[i];
            for (int j = 0; j < p; j++) {
                sumWx[j] += s[i] * x[i * p + j];
                xty[j] += s[i] * x[i * p + j] * y[i];
                for (int k = 0; k < p; k++) gram[j * p + k] += s[i] * x[i * p + j] * x[i * p + k];
            }
        }
        double[] mean = DesignMatrix.of(MatrixView.rowMajor(x, n, p), 1).columnMeans(s);
        double[] sparseMean = DesignMatrix.of(SparseData.of(n, p, x).csc().matrix(), 1).columnMeans(s);
        double ybar = Moments.mean(y, s);
        for (int j = 0; j < p; j++) {
            assertEquals(sumWx[j] / sumW, mean[j], 1e-13 * (1 + Math.abs(mean[j])));
            assertEquals(sumWx[j] / sumW, sparseMean[j], 1e-13 * (1 + Math.abs(mean[j])));
        }
        assertEquals(sumWy / sumW, ybar, 1e-13 * Math.abs(ybar));
        // two-pass references: Σsᵢ(xᵢ − x̄)(xᵢ − x̄)ᵀ, Σsᵢ(xᵢ − x̄)(yᵢ − ȳ), Σsᵢ(yᵢ − ȳ)²
        double[] g = new double[p * p];
        double[] c = new double[p];
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double dy = y[i] - ybar;
            yy += s[i] * dy * dy;
            for (int j = 0; j < p; j++) {
                double dj = x[i * p + j] - mean[j];
                c[j] += s[i] * dj * dy;
                for (int k = 0; k < p; k++) g[j * p + k] += s[i] * dj * (x[i * p + k] - mean[k]);
            }
        }
        double scale = TestData.maxAbs(gram);
        assertArrayEquals(g, Moments.centeredGram(gram, sumWx, sumW, 1.0), 1e-12 * scale);
        double[] twice = Moments.centeredGram(gram, sumWx, sumW, 2.0);
        for (int k = 0; k < g.length; k++) assertEquals(2 * g[k], twice[k], 2e-12 * scale);
        assertArrayEquals(c, Moments.centeredXty(xty, sumWx, sumW, sumWy), 1e-12 * TestData.maxAbs(xty));
        assertEquals(yy, Moments.centeredYty(sumWyy, sumWy, sumW), 1e-12 * sumWyy);
        double[] squares = DesignMatrix.of(MatrixView.rowMajor(x, n, p), 1).centeredSquares(s, mean);
        double[] squaresC = DesignMatrix.of(MatrixView.columnMajor(TestData.columnMajor(x, n, p), n, p), 1).centeredSquares(s, mean);
        // a sparse X with half of its entries zero: the zeros' share m²·Σ(weights of the unstored rows) included
        double[] half = x.clone();
        for (int k = 0; k < half.length; k += 2) half[k] = 0;
        double[] halfMean = DesignMatrix.of(MatrixView.rowMajor(half, n, p), 1).columnMeans(s);
        double[] squaresS = DesignMatrix.of(SparseData.of(n, p, half).csc().matrix(), 1).centeredSquares(s, halfMean);
        double[] squaresD = DesignMatrix.of(MatrixView.rowMajor(half, n, p), 1).centeredSquares(s, halfMean);
        for (int j = 0; j < p; j++) {
            assertEquals(g[j * p + j], squares[j], 1e-12 * g[j * p + j]);
            assertEquals(g[j * p + j], squaresC[j], 1e-12 * g[j * p + j]);
            assertEquals(squaresD[j], squaresS[j], 1e-12 * squaresD[j]);
        }
    }

    @Test
    void normalisedWeightsSumToTheRowCount() {
        assertNull(Moments.normalizedWeights(null, 3));
        double[] w = {1, 3, 4};
        double[] s = Moments.normalizedWeights(w, 3);
        assertArrayEquals(new double[] {0.375, 1.125, 1.5}, s, 1e-15);
        assertArrayEquals(new double[] {1, 3, 4}, w, 0.0, "the user's weights are not modified");
        assertEquals(0.0, Moments.centeredYty(3.999, 2, 1), "clipped at 0 against rounding");
    }
}
