package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;

/**
 * Per-fold sufficient statistics from one pass over the data: for each fold f its Gram matrix X_fᵀX_f, X_fᵀy_f,
 * column sums, Σy and Σy². The statistics of a training set are then differences, total − fold, in O(p²) — no
 * second pass over the rows.
 *
 * <p>Cancellation: with an intercept, X and y are first shifted by their means over all rows, so the training
 * means that are subtracted afterwards are small (the folds are samples of the same rows) and the centred Gram
 * G − n·x̄x̄ᵀ loses almost nothing. The rows are stored grouped by fold, so that the Gram kernel reads each fold as
 * one contiguous block and validation predictions are one matrix–vector product per fold.
 */
final class FoldStatistics {
    final int n;
    final int p;
    final boolean fitIntercept;
    final Folds folds;
    /** n×p row-major, the rows of fold f at [start[f], start[f+1]), shifted by xShift. */
    final double[] x;
    /** The responses in the same order, shifted by yShift. */
    final double[] y;
    final int[] start;
    final double[] xShift;
    final double yShift;
    private final double[][] gram;
    private final double[][] xty;
    private final double[][] sumX;
    private final double[] sumY;
    private final double[] sumYY;
    private final KernelProvider kernels;

    FoldStatistics(MatrixView data, double[] response, Folds folds, boolean fitIntercept, KernelProvider kernels) {
        this.kernels = kernels;
        this.n = data.rows();
        this.p = data.cols();
        this.folds = folds;
        this.fitIntercept = fitIntercept;
        this.xShift = new double[p];
        double ys = 0;
        if (fitIntercept) {
            for (int i = 0; i < n; i++) {
                ys += response[i];
                for (int j = 0; j < p; j++) xShift[j] += data.get(i, j);
            }
            for (int j = 0; j < p; j++) xShift[j] /= n;
            ys /= n;
        }
        this.yShift = ys;
        int k = folds.count();
        this.start = new int[k + 1];
        for (int f = 0; f < k; f++) start[f + 1] = start[f] + folds.size(f);
        this.x = new double[Math.max(1, n * p)];
        this.y = new double[n];
        for (int f = 0; f < k; f++) {
            int r = start[f];
            for (int i : folds.validationRows(f)) {
                for (int j = 0; j < p; j++) x[r * p + j] = data.get(i, j) - xShift[j];
                y[r] = response[i] - yShift;
                r++;
            }
        }
        this.gram = new double[k + 1][];
        this.xty = new double[k + 1][];
        this.sumX = new double[k + 1][];
        this.sumY = new double[k + 1];
        this.sumYY = new double[k + 1];
        gram[k] = new double[p * p];
        xty[k] = new double[p];
        sumX[k] = new double[p];
        for (int f = 0; f < k; f++) {
            int rows = start[f + 1] - start[f];
            gram[f] = new double[p * p];
            xty[f] = new double[p];
            sumX[f] = new double[p];
            if (p > 0) {
                MatrixView block = new MatrixView(x, start[f] * p, rows, p, p, dev.shrink.kernels.Layout.ROW_MAJOR);
                double[] yBlock = java.util.Arrays.copyOfRange(y, start[f], start[f + 1]);
                kernels.gram().gram(block, null, yBlock, gram[f], 0, p, xty[f], 0);
            }
            for (int r = start[f]; r < start[f + 1]; r++) {
                for (int j = 0; j < p; j++) sumX[f][j] += x[r * p + j];
                sumY[f] += y[r];
                sumYY[f] += y[r] * y[r];
            }
            for (int e = 0; e < p * p; e++) gram[k][e] += gram[f][e];
            for (int j = 0; j < p; j++) {
                xty[k][j] += xty[f][j];
                sumX[k][j] += sumX[f][j];
            }
            sumY[k] += sumY[f];
            sumYY[k] += sumYY[f];
        }
    }

    /** Statistics of the rows outside fold f (training set of fold f); f = −1 for all rows. */
    Stats training(int fold) {
        int k = folds.count();
        int m = fold < 0 ? n : n - folds.size(fold);
        double[] g = gram[k].clone();
        double[] c = xty[k].clone();
        double[] sx = sumX[k].clone();
        double sy = sumY[k];
        double syy = sumYY[k];
        if (fold >= 0) {
            for (int e = 0; e < p * p; e++) g[e] -= gram[fold][e];
            for (int j = 0; j < p; j++) {
                c[j] -= xty[fold][j];
                sx[j] -= sumX[fold][j];
            }
            sy -= sumY[fold];
            syy -= sumYY[fold];
        }
        double[] xMean = new double[p];
        double yMean = 0;
        if (fitIntercept) {
            for (int j = 0; j < p; j++) xMean[j] = sx[j] / m;
            yMean = sy / m;
            // Centre: G − m·x̄x̄ᵀ, c − m·x̄ȳ, Σy² − m·ȳ².
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) g[i * p + j] -= m * xMean[i] * xMean[j];
                c[i] -= m * xMean[i] * yMean;
            }
            syy -= m * yMean * yMean;
        }
        return new Stats(m, p, g, c, Math.max(syy, 0), xMean, yMean);
    }

    /**
     * Mean squared error on the rows of fold f of the model w with the intercept that goes with the training
     * statistics s (in shifted coordinates the intercept is ȳ − x̄·w; the shifts cancel in the residuals).
     */
    double validationMse(int fold, Stats s, double[] w, double[] scratch) {
        int rows = start[fold + 1] - start[fold];
        double b = s.intercept(w);
        if (p > 0) {
            kernels.matrixVector().multiply(new MatrixView(x, start[fold] * p, rows, p, p, dev.shrink.kernels.Layout.ROW_MAJOR),
                    w, 0, scratch, 0);
        } else {
            java.util.Arrays.fill(scratch, 0, rows, 0.0);
        }
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double e = y[start[fold] + r] - b - scratch[r];
            sum += e * e;
        }
        return sum / rows;
    }

    /** Intercept on the original scale for coefficients w fitted on statistics s. */
    double originalIntercept(Stats s, double[] w) {
        double b = yShift + s.intercept(w);
        for (int j = 0; j < p; j++) b -= xShift[j] * w[j];
        return fitIntercept ? b : 0;
    }

    /**
     * Centred sufficient statistics of one training set.
     *
     * @param n     number of rows
     * @param gram  p×p centred Gram matrix (uncentred without intercept)
     * @param xty   centred Xᵀy
     * @param yy    centred Σy²
     * @param xMean column means (in shifted coordinates; zeros without intercept)
     * @param yMean mean response (shifted)
     */
    record Stats(int n, int p, double[] gram, double[] xty, double yy, double[] xMean, double yMean) {
        double intercept(double[] w) {
            double b = yMean;
            for (int j = 0; j < p; j++) b -= xMean[j] * w[j];
            return b;
        }
    }
}
