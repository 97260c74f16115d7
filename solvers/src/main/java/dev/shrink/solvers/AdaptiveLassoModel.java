package dev.shrink.solvers;

import java.util.Arrays;

/**
 * A fitted adaptive lasso (Zou 2006), with both of its stages: the first-stage fit ŵ that set the penalty factors,
 * the factors fⱼ = 1/|ŵⱼ|^γ (+∞ where ŵⱼ = 0: the feature is left out), and the second-stage weighted lasso / elastic
 * net that gives the coefficients. Immutable (arrays are copied in and out).
 */
public final class AdaptiveLassoModel {
    private final LinearModel model;
    private final LinearModel firstStage;
    private final AdaptiveLasso.FirstStage firstStageKind;
    private final double gamma;
    private final double[] penaltyFactors;

    AdaptiveLassoModel(LinearModel model, LinearModel firstStage, AdaptiveLasso.FirstStage firstStageKind, double gamma, double[] penaltyFactors) {
        this.model = model;
        this.firstStage = firstStage;
        this.firstStageKind = firstStageKind;
        this.gamma = gamma;
        this.penaltyFactors = penaltyFactors.clone();
    }

    /** The second-stage coefficients (a copy): the adaptive lasso's answer. */
    public double[] coef() {
        return model.coef();
    }

    public double intercept() {
        return model.intercept();
    }

    /** How the second stage (the weighted lasso) ended. */
    public Convergence convergence() {
        return model.convergence();
    }

    /** The second stage as a plain linear model. */
    public LinearModel model() {
        return model;
    }

    /** Stage 1: the fit whose coefficients set the penalty factors. */
    public LinearModel firstStage() {
        return firstStage;
    }

    /** Which estimator stage 1 was. */
    public AdaptiveLasso.FirstStage firstStageKind() {
        return firstStageKind;
    }

    /** The exponent γ of the factors. */
    public double gamma() {
        return gamma;
    }

    /** Stage 2's penalty factors fⱼ = 1/|ŵⱼ|^γ, +∞ for the features stage 1 set to 0 (a copy). */
    public double[] penaltyFactors() {
        return penaltyFactors.clone();
    }

    public double[] predict(Design x) {
        return model.predict(x);
    }

    public double[] predict(double[][] x) {
        return model.predict(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdaptiveLassoModel m && model.equals(m.model) && firstStage.equals(m.firstStage) && firstStageKind == m.firstStageKind
                && Double.compare(gamma, m.gamma) == 0 && Arrays.equals(penaltyFactors, m.penaltyFactors);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + firstStage.hashCode();
    }

    @Override
    public String toString() {
        return "AdaptiveLassoModel[stage 1: " + firstStageKind + " (" + firstStage.convergence().message() + "), factors 1/|ŵ|^" + gamma
                + ", stage 2: " + model + "]";
    }
}
