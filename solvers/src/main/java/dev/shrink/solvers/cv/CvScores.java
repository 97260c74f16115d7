package dev.shrink.solvers.cv;

import java.util.Arrays;

/**
 * Cross-validated errors over a penalty grid and the two usual choices. Immutable; array accessors return copies.
 *
 * <ul>
 *   <li>{@code mean[k]}: the mean over the folds of the validation error at {@code grid[k]} — the plain mean
 *       (scikit-learn's {@code mse_path_.mean(axis=-1)}) or weighted by fold weights such as the fold sizes (glmnet's
 *       {@code cvm});</li>
 *   <li>{@code standardError[k]}: its standard error, {@code sqrt(Σ_f w_f(e_fk − mean_k)² / Σw_f / (F − 1))}
 *       (glmnet's {@code cvsd}; with equal weights the sample standard deviation over the F folds divided by √F);</li>
 *   <li>{@code indexMin}: the smallest mean, the first in grid order on ties (scikit-learn); NaN counts as +Inf;</li>
 *   <li>{@code index1se}: glmnet's {@code lambda.1se}, the strongest penalty whose mean is ≤ mean[indexMin] +
 *       standardError[indexMin].</li>
 * </ul>
 *
 * @param grid              the penalty values (α, or C for logistic regression), in the order used
 * @param mean              mean error per grid value
 * @param standardError     standard error of the mean per grid value
 * @param indexMin          index of the minimum mean
 * @param index1se          index of the one-standard-error choice
 * @param largerIsStronger  true when a larger grid value penalises more (α); false for C
 */
public record CvScores(double[] grid, double[] mean, double[] standardError, int indexMin, int index1se, boolean largerIsStronger) {

    public CvScores {
        if (grid.length == 0 || mean.length != grid.length || standardError.length != grid.length) {
            throw new IllegalArgumentException("grid, mean and standardError must have one (and the same) length > 0");
        }
        grid = grid.clone();
        mean = mean.clone();
        standardError = standardError.clone();
    }

    /** Summarises per-fold errors {@code foldErrors[f][k]} (F ≥ 2 folds) with the plain mean over folds. */
    public static CvScores of(double[] grid, double[][] foldErrors, boolean largerIsStronger) {
        double[] ones = new double[foldErrors.length];
        Arrays.fill(ones, 1.0);
        return weighted(grid, foldErrors, ones, largerIsStronger);
    }

    /** Summarises per-fold errors with fold weights {@code foldWeights[f] > 0} (glmnet: the fold sizes). */
    public static CvScores weighted(double[] grid, double[][] foldErrors, double[] foldWeights, boolean largerIsStronger) {
        int folds = foldErrors.length;
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds of errors, got " + folds);
        if (foldWeights.length != folds) throw new IllegalArgumentException("foldWeights has " + foldWeights.length + " values, there are " + folds + " folds");
        int m = grid.length;
        double total = 0;
        for (double w : foldWeights) total += w;
        double[] mean = new double[m];
        double[] se = new double[m];
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int f = 0; f < folds; f++) s += foldWeights[f] * foldErrors[f][k];
            double mk = s / total;
            double ss = 0;
            for (int f = 0; f < folds; f++) ss += foldWeights[f] * (foldErrors[f][k] - mk) * (foldErrors[f][k] - mk);
            mean[k] = mk;
            se[k] = Math.sqrt(ss / total / (folds - 1));
        }
        return of(grid, mean, se, largerIsStronger);
    }

    /** Scores from means and standard errors computed elsewhere (e.g. leave-one-out in closed form). */
    public static CvScores of(double[] grid, double[] mean, double[] standardError, boolean largerIsStronger) {
        int min = argMin(mean);
        double threshold = mean[min] + standardError[min];
        int oneSe = min;
        for (int k = 0; k < mean.length; k++) {
            if (mean[k] <= threshold) {
                boolean stronger = largerIsStronger ? grid[k] > grid[oneSe] : grid[k] < grid[oneSe];
                if (stronger) oneSe = k;
            }
        }
        return new CvScores(grid, mean, standardError, min, oneSe, largerIsStronger);
    }

    /** Index of the smallest value, first on ties; NaN counts as +Inf (index 0 if all are NaN). */
    static int argMin(double[] values) {
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

    /** The grid (a copy). */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** Mean error per grid value (a copy). */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Standard error per grid value (a copy). */
    @Override
    public double[] standardError() {
        return standardError.clone();
    }

    /** The smallest mean error. */
    public double minMean() {
        return mean[indexMin];
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
    public boolean equals(Object o) {
        return o instanceof CvScores c && Arrays.equals(grid, c.grid) && Arrays.equals(mean, c.mean)
                && Arrays.equals(standardError, c.standardError) && indexMin == c.indexMin && index1se == c.index1se
                && largerIsStronger == c.largerIsStronger;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + indexMin;
    }

    @Override
    public String toString() {
        return "CvScores[min=" + valueMin() + " (index " + indexMin + "), 1se=" + value1se() + " (index " + index1se
                + "), mean=" + Arrays.toString(mean) + "]";
    }
}
