package dev.shrink.solvers.cv;

import java.util.Arrays;

/**
 * Validation errors of a K-fold cross-validation over a penalty grid, and the two usual choices.
 *
 * <ul>
 *   <li>{@code mean[k]}: plain mean over the folds of the per-fold validation error at {@code grid[k]}
 *       (scikit-learn's {@code mse_path_.mean(axis=-1)}, glmnet's {@code cvm} with equal folds);</li>
 *   <li>{@code standardError[k]}: the standard error of that mean, sd/√K with the K−1 sample standard deviation
 *       over the folds (glmnet's {@code cvsd} with equal fold weights);</li>
 *   <li>{@code indexMin}: smallest mean, the first in grid order on ties (scikit-learn); NaN counts as +Inf;</li>
 *   <li>{@code index1se}: glmnet's {@code lambda.1se}: the strongest penalty whose mean is ≤ mean[indexMin] +
 *       standardError[indexMin].</li>
 * </ul>
 *
 * @param grid              the penalty values (α, or C for logistic regression), in the order used
 * @param foldErrors        {@code foldErrors[f][k]}: validation error of fold f at grid[k]
 * @param mean              mean over folds per grid value
 * @param standardError     standard error of the mean per grid value
 * @param indexMin          index of the minimum mean
 * @param index1se          index of the one-standard-error choice
 * @param largerIsStronger  true when a larger grid value penalises more (α); false for C
 */
public record CvScores(double[] grid, double[][] foldErrors, double[] mean, double[] standardError, int indexMin,
                       int index1se, boolean largerIsStronger) {

    /** Summarises per-fold errors {@code foldErrors[f][k]} (K ≥ 2 folds, each row as long as the grid). */
    public static CvScores of(double[] grid, double[][] foldErrors, boolean largerIsStronger) {
        int folds = foldErrors.length;
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds of errors, got " + folds);
        int m = grid.length;
        double[] mean = new double[m];
        double[] se = new double[m];
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (double[] fold : foldErrors) s += fold[k];
            double mk = s / folds;
            double ss = 0;
            for (double[] fold : foldErrors) ss += (fold[k] - mk) * (fold[k] - mk);
            mean[k] = mk;
            se[k] = Math.sqrt(ss / ((double) folds * (folds - 1)));
        }
        int min = argMin(mean);
        double threshold = mean[min] + se[min];
        int oneSe = min;
        for (int k = 0; k < m; k++) {
            if (mean[k] <= threshold) {
                boolean stronger = largerIsStronger ? grid[k] > grid[oneSe] : grid[k] < grid[oneSe];
                if (stronger) oneSe = k;
            }
        }
        double[][] copy = new double[folds][];
        for (int f = 0; f < folds; f++) copy[f] = foldErrors[f].clone();
        return new CvScores(grid.clone(), copy, mean, se, min, oneSe, largerIsStronger);
    }

    /** Index of the smallest value, first on ties; NaN counts as +Inf (index 0 if all are NaN). */
    public static int argMin(double[] values) {
        int best = 0;
        double bestValue = Double.NaN;
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(bestValue) || v < bestValue) {
                best = k;
                bestValue = v;
            }
        }
        return best;
    }

    /** Number of folds. */
    public int folds() {
        return foldErrors.length;
    }

    /** The grid value with the smallest mean error. */
    public double valueMin() {
        return grid[indexMin];
    }

    /** The one-standard-error grid value. */
    public double value1se() {
        return grid[index1se];
    }

    @Override
    public String toString() {
        return "CvScores[min=" + valueMin() + " (index " + indexMin + "), 1se=" + value1se() + " (index " + index1se
                + "), mean=" + Arrays.toString(mean) + "]";
    }
}
