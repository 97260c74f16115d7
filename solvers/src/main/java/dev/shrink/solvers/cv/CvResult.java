package dev.shrink.solvers.cv;

import java.util.Arrays;
import java.util.List;

/**
 * What a cross-validation found, the same shape for every estimator of this package: the scores over the penalty grid
 * for each l1Ratio tried (one entry, l1Ratio 0, for ridge and L2 logistic regression), which l1Ratio won, and the
 * model refitted on all rows at the winning penalty. Immutable; array accessors return copies.
 *
 * @param l1Ratios         the l1Ratio grid
 * @param scoresByL1Ratio  scores per l1Ratio, in the order of {@code l1Ratios}
 * @param l1RatioIndex     index of the chosen l1Ratio (the smallest mean error over all pairs, first on ties)
 * @param model            the fit on all rows at ({@link #valueMin()}, {@link #l1Ratio()}), with its convergence
 * @param converged        whether every fold fit and the refit met their tolerance
 * @param <M>              the model type ({@code LinearModel}, {@code LogisticModel})
 */
public record CvResult<M>(double[] l1Ratios, List<CvScores> scoresByL1Ratio, int l1RatioIndex, M model, boolean converged) {

    public CvResult {
        l1Ratios = l1Ratios.clone();
        scoresByL1Ratio = List.copyOf(scoresByL1Ratio);
        if (scoresByL1Ratio.size() != l1Ratios.length) throw new IllegalArgumentException("one CvScores per l1Ratio expected");
    }

    /** The l1Ratio grid (a copy). */
    @Override
    public double[] l1Ratios() {
        return l1Ratios.clone();
    }

    /** The chosen l1Ratio. */
    public double l1Ratio() {
        return l1Ratios[l1RatioIndex];
    }

    /** Scores of the chosen l1Ratio: grid, mean and standard error per penalty, both choices. */
    public CvScores scores() {
        return scoresByL1Ratio.get(l1RatioIndex);
    }

    /** The penalty grid of the chosen l1Ratio (α, or C for logistic regression). */
    public double[] grid() {
        return scores().grid();
    }

    /** Index of the penalty with the smallest mean error. */
    public int indexMin() {
        return scores().indexMin();
    }

    /** The penalty with the smallest mean error (scikit-learn's {@code alpha_} / {@code C_}, glmnet's {@code lambda.min}). */
    public double valueMin() {
        return scores().valueMin();
    }

    /** Index of the one-standard-error penalty. */
    public int index1se() {
        return scores().index1se();
    }

    /** glmnet's {@code lambda.1se}: the strongest penalty whose mean error is within one standard error of the minimum. */
    public double value1se() {
        return scores().value1se();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CvResult<?> r && Arrays.equals(l1Ratios, r.l1Ratios) && scoresByL1Ratio.equals(r.scoresByL1Ratio)
                && l1RatioIndex == r.l1RatioIndex && model.equals(r.model) && converged == r.converged;
    }

    @Override
    public int hashCode() {
        return scoresByL1Ratio.hashCode() * 31 + l1RatioIndex;
    }

    @Override
    public String toString() {
        return "CvResult[l1Ratio=" + l1Ratio() + ", min=" + valueMin() + " (index " + indexMin() + "), 1se=" + value1se()
                + " (index " + index1se() + "), converged=" + converged + ", model=" + model + "]";
    }
}
