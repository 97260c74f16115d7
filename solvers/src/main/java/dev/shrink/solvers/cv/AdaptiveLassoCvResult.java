package dev.shrink.solvers.cv;

import java.util.Arrays;
import java.util.List;

/**
 * What {@link AdaptiveLassoCV} (M = {@code AdaptiveLassoModel}, the grid α) or {@link LogisticAdaptiveLassoCV}
 * (M = {@code LogisticAdaptiveLassoModel}, the grid C) found: the scores over the penalty grid for each γ tried, which
 * γ won, and the model (both stages) refitted on all rows at the winning (γ, penalty). The same shape as
 * {@link CvResult} with γ in place of l1Ratio. Immutable; array accessors return copies.
 *
 * @param <M> the model type
 * @param gammas        the γ grid
 * @param scoresByGamma scores per γ, in the order of {@code gammas}
 * @param gammaIndex    index of the chosen γ (the smallest mean error over all pairs, first on ties)
 * @param model         the fit on all rows at ({@link #valueMin()}, {@link #gamma()})
 * @param converged     whether every fold fit and the refit met their tolerance
 */
public record AdaptiveLassoCvResult<M>(double[] gammas, List<CvScores> scoresByGamma, int gammaIndex, M model, boolean converged) {

    public AdaptiveLassoCvResult {
        gammas = gammas.clone();
        scoresByGamma = List.copyOf(scoresByGamma);
        if (scoresByGamma.size() != gammas.length) throw new IllegalArgumentException("one CvScores per gamma expected");
    }

    /** The γ grid (a copy). */
    @Override
    public double[] gammas() {
        return gammas.clone();
    }

    /** The chosen γ. */
    public double gamma() {
        return gammas[gammaIndex];
    }

    /** Scores of the chosen γ: grid, mean and standard error per penalty value, both choices. */
    public CvScores scores() {
        return scoresByGamma.get(gammaIndex);
    }

    /** The α (or C) with the smallest mean error at the chosen γ. */
    public double valueMin() {
        return scores().valueMin();
    }

    /** The one-standard-error α (or C) at the chosen γ. */
    public double value1se() {
        return scores().value1se();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdaptiveLassoCvResult<?> r && Arrays.equals(gammas, r.gammas) && scoresByGamma.equals(r.scoresByGamma)
                && gammaIndex == r.gammaIndex && model.equals(r.model) && converged == r.converged;
    }

    @Override
    public int hashCode() {
        return scoresByGamma.hashCode() * 31 + gammaIndex;
    }

    @Override
    public String toString() {
        return "AdaptiveLassoCvResult[gamma=" + gamma() + ", alpha=" + valueMin() + ", converged=" + converged + ", model=" + model + "]";
    }
}
