package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.SufficientStats;

import java.util.Arrays;

/**
 * Per-fold sufficient statistics ({@link SufficientStats}: Gram matrix X_fᵀX_f, X_fᵀy_f, column sums, Σy, Σy²)
 * from one pass over the data. The statistics of a training set are then differences, total − fold, in O(p²) — no
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
    private final SufficientStats[] perFold;
    private final SufficientStats total;
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
        this.perFold = new SufficientStats[k];
        SufficientStats total = null;
        for (int f = 0; f < k; f++) {
            MatrixView block = new MatrixView(x, start[f] * p, start[f + 1] - start[f], p, Math.max(1, p), Layout.ROW_MAJOR);
            perFold[f] = SufficientStats.of(Design.of(block), Arrays.copyOfRange(y, start[f], start[f + 1]), null);
            total = total == null ? perFold[f] : total.plus(perFold[f]);
        }
        this.total = total;
    }

    /** Statistics of the rows outside fold f (training set of fold f); f = −1 for all rows. */
    Stats training(int fold) {
        SufficientStats s = fold < 0 ? total : total.minus(perFold[fold]);
        if (!fitIntercept) return new Stats(s.rows(), p, s.gram(), s.xty(), s.yty(), new double[p], 0);
        return new Stats(s.rows(), p, s.centeredGram(), s.centeredXty(), s.centeredYty(), s.xMean(), s.yMean());
    }

    /**
     * Mean squared error on the rows of fold f of the model w with the intercept that goes with the training
     * statistics s (in shifted coordinates the intercept is ȳ − x̄·w; the shifts cancel in the residuals).
     */
    double validationMse(int fold, Stats s, double[] w, double[] scratch) {
        int rows = start[fold + 1] - start[fold];
        double b = s.intercept(w);
        if (p > 0) {
            kernels.matrixVector().multiply(new MatrixView(x, start[fold] * p, rows, p, p, Layout.ROW_MAJOR),
                    w, 0, scratch, 0);
        } else {
            Arrays.fill(scratch, 0, rows, 0.0);
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
