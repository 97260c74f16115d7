package dev.shrink.solvers;

import java.util.Arrays;

/**
 * A fitted logistic adaptive lasso ({@link LogisticAdaptiveLasso}), with both of its stages: the first-stage logistic
 * fit ŵ that set the penalty factors, the factors fⱼ = 1/|ŵⱼ|^γ (+∞ where ŵⱼ = 0: the feature is left out), and the
 * second-stage L1 / elastic-net logistic regression with those factors that gives the coefficients. Immutable (arrays
 * are copied in and out).
 */
public final class LogisticAdaptiveLassoModel {
    private final LogisticModel model;
    private final LogisticModel firstStage;
    private final AdaptiveLasso.FirstStage firstStageKind;
    private final double gamma;
    private final double[] penaltyFactors;

    LogisticAdaptiveLassoModel(LogisticModel model, LogisticModel firstStage, AdaptiveLasso.FirstStage firstStageKind, double gamma,
                               double[] penaltyFactors) {
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

    /** How the second stage ended. */
    public Convergence convergence() {
        return model.convergence();
    }

    /** The second stage as a plain logistic model. */
    public LogisticModel model() {
        return model;
    }

    /** Stage 1: the logistic fit whose coefficients set the penalty factors. */
    public LogisticModel firstStage() {
        return firstStage;
    }

    /** Which fit stage 1 was (RIDGE: L2, OLS: unpenalised, LASSO: L1). */
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

    /** x·w + b per row. */
    public double[] decisionFunction(Design x) {
        return model.decisionFunction(x);
    }

    /** P(y = positive label | x) per row. */
    public double[] predictProbability(Design x) {
        return model.predictProbability(x);
    }

    public double[] predictProbability(double[][] x) {
        return model.predictProbability(x);
    }

    /** The more probable label per row. */
    public double[] predict(Design x) {
        return model.predict(x);
    }

    public double[] predict(double[][] x) {
        return model.predict(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticAdaptiveLassoModel m && model.equals(m.model) && firstStage.equals(m.firstStage)
                && firstStageKind == m.firstStageKind && Double.compare(gamma, m.gamma) == 0 && Arrays.equals(penaltyFactors, m.penaltyFactors);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + firstStage.hashCode();
    }

    @Override
    public String toString() {
        return "LogisticAdaptiveLassoModel[stage 1: " + firstStageKind + " (" + firstStage.convergence().message() + "), factors 1/|ŵ|^" + gamma
                + ", stage 2: " + model + "]";
    }
}
