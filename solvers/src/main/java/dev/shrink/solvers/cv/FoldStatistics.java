package dev.shrink.solvers.cv;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.SufficientStats;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

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
final class FoldStatistics implements FoldData {
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
        double[] row = new double[p];
        boolean rowMajor = data.layout() == Layout.ROW_MAJOR;
        double[] source = rowMajor ? data.data() : row; // row-major rows are read in place, others gathered into row
        double ys = 0;
        if (fitIntercept) {
            for (int i = 0; i < n; i++) {
                ys += response[i];
                int from = rowMajor ? data.offset() + i * data.ld() : 0;
                if (!rowMajor) readRow(data, i, row);
                for (int j = 0; j < p; j++) xShift[j] += source[from + j];
            }
            for (int j = 0; j < p; j++) xShift[j] /= n;
            ys /= n;
        }
        this.yShift = ys;
        int k = folds.count();
        this.start = new int[k + 1];
        for (int f = 0; f < k; f++) start[f + 1] = start[f] + folds.size(f);
        this.x = new double[Math.max(1, Checks.elements("the fold rows", n, p))];
        this.y = new double[n];
        this.perFold = new SufficientStats[k];
        SufficientStats total = null;
        for (int f = 0; f < k; f++) {
            // copy the fold's rows, shifted, and sum them on the way; then one Gram pass over the block (Xᵀy with it)
            double[] sumX = new double[p];
            double sumY = 0;
            double sumYY = 0;
            int r = start[f];
            for (int i : folds.validationRows(f)) {
                int from = rowMajor ? data.offset() + i * data.ld() : 0;
                if (!rowMajor) readRow(data, i, row);
                int at = r * p;
                for (int j = 0; j < p; j++) {
                    double v = source[from + j] - xShift[j];
                    x[at + j] = v;
                    sumX[j] += v;
                }
                double v = response[i] - yShift;
                y[r] = v;
                sumY += v;
                sumYY += v * v;
                r++;
            }
            int rows = start[f + 1] - start[f];
            MatrixView block = new MatrixView(x, start[f] * p, rows, p, Math.max(1, p), Layout.ROW_MAJOR);
            double[] g = new double[Checks.elements("the Gram matrix", p, p)];
            double[] xty = new double[p];
            kernels.gram().gram(block, null, Arrays.copyOfRange(y, start[f], start[f + 1]), g, 0, Math.max(1, p), xty, 0);
            perFold[f] = SufficientStats.ofSums(rows, rows, sumX, sumY, sumYY, g, xty);
            total = total == null ? perFold[f] : total.plus(perFold[f]);
        }
        this.total = total;
    }

    /** Row i of a column-major view into out (a strided gather). */
    private static void readRow(MatrixView v, int i, double[] out) {
        for (int j = 0; j < out.length; j++) out[j] = v.data()[v.offset() + i + j * v.ld()];
    }

    /** Statistics of the rows outside fold f (training set of fold f, in shifted coordinates); f = −1 for all rows. */
    SufficientStats training(int fold) {
        return fold < 0 ? total : total.minus(perFold[fold]);
    }

    @Override
    public Folds folds() {
        return folds;
    }

    /** The path on total − fold statistics (covariance mode); coefficients and intercept in shifted coordinates. */
    @Override
    public PathResult trainingPath(int fold, ElasticNetPath path) {
        return path.fit(training(fold));
    }

    /**
     * Mean squared error on the rows of fold f of the model (w, b) fitted on shifted data: the shifts of X and y
     * cancel in the residuals yᵢ − b − xᵢ·w. From the fold's statistics (O(|support|·p), no pass over its rows), unless
     * that would cancel too many digits ({@link SufficientStats#residualSumOfSquares}): then from the rows.
     */
    @Override
    public double validationMse(int fold, double[] w, double b, double[] scratch) {
        int rows = start[fold + 1] - start[fold];
        double rss = perFold[fold].residualSumOfSquares(w, b);
        if (!Double.isNaN(rss)) return rss / rows;
        kernels.matrixVector().multiply(new MatrixView(x, start[fold] * p, rows, p, p, Layout.ROW_MAJOR), w, 0, scratch, 0);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double e = y[start[fold] + r] - b - scratch[r];
            sum += e * e;
        }
        return sum / rows;
    }

    /** The intercept on the original scale for (w, b) fitted on shifted data: b + ȳ − x̄·w (0 without intercept). */
    @Override
    public double originalIntercept(double[] w, double b) {
        if (!fitIntercept) return 0;
        double out = yShift + b;
        for (int j = 0; j < p; j++) out -= xShift[j] * w[j];
        return out;
    }

    @Override
    public double alphaMax(double l1Ratio) {
        double[] c = fitIntercept ? total.centeredXty() : total.xty();
        double max = 0;
        for (double v : c) max = Math.max(max, Math.abs(v));
        return max / (n * l1Ratio);
    }
}
