package dev.shrink.cli.model;

/**
 * What cross-validation found, as the command line writes it and plots it.
 *
 * @param penaltyName      the grid's parameter: "alpha" or "C"
 * @param metric           the validation error averaged over folds: "mse" or "log_loss"
 * @param folds            the number of folds
 * @param grid             the penalty grid of the chosen l1 ratio, in the order fitted
 * @param mean             mean validation error per grid value
 * @param standardError    its standard error
 * @param indexMin         the grid index with the smallest mean error
 * @param index1se         the one-standard-error grid index (the strongest penalty within one SE of the minimum)
 * @param largerIsStronger true when a larger grid value penalises more (alpha); false for C
 * @param l1Ratios         the l1 ratios searched (elastic net), or null
 * @param l1Ratio          the chosen l1 ratio, or NaN
 * @param nonZero          non-zero coefficients of the fit on all rows at each grid value (L1 models), or null
 * @param converged        whether every fit of every fold and the refit converged
 * @param model            the fit on all rows at the chosen value
 */
public record CvFitted(String penaltyName, String metric, int folds, double[] grid, double[] mean, double[] standardError, int indexMin,
                       int index1se, boolean largerIsStronger, double[] l1Ratios, double l1Ratio, int[] nonZero, boolean converged, Fitted model) {
    public CvFitted {
        grid = grid.clone();
        mean = mean.clone();
        standardError = standardError.clone();
        l1Ratios = l1Ratios == null ? null : l1Ratios.clone();
        nonZero = nonZero == null ? null : nonZero.clone();
    }

    public double valueMin() {
        return grid[indexMin];
    }

    public double value1se() {
        return grid[index1se];
    }
}
