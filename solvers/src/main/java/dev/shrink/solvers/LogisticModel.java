package dev.shrink.solvers;

import dev.shrink.solvers.proximal.LogisticLoss;

/**
 * A fitted binary logistic model: P(y = positive | x) = σ(x·w + b). Immutable. The labels are the two values seen in
 * training, {@code negativeLabel() < positiveLabel()}.
 */
public final class LogisticModel {
    private final LinearModel linear;
    private final double negativeLabel;
    private final double positiveLabel;

    public LogisticModel(double[] coef, double intercept, double negativeLabel, double positiveLabel, Convergence convergence) {
        this.linear = new LinearModel(coef, intercept, convergence);
        this.negativeLabel = negativeLabel;
        this.positiveLabel = positiveLabel;
    }

    public double[] coef() {
        return linear.coef();
    }

    public double intercept() {
        return linear.intercept();
    }

    public Convergence convergence() {
        return linear.convergence();
    }

    public double negativeLabel() {
        return negativeLabel;
    }

    public double positiveLabel() {
        return positiveLabel;
    }

    /** Decision values x·w + b (log-odds of the positive label). */
    public double[] decisionFunction(Design x) {
        return linear.predict(x);
    }

    /** P(y = positiveLabel) per row. */
    public double[] predictProbability(Design x) {
        double[] z = decisionFunction(x);
        for (int i = 0; i < z.length; i++) z[i] = LogisticLoss.sigmoid(z[i]);
        return z;
    }

    public double[] predictProbability(double[][] x) {
        return predictProbability(Design.of(x));
    }

    /** Predicted labels (positive when the log-odds are > 0). */
    public double[] predict(Design x) {
        double[] z = decisionFunction(x);
        for (int i = 0; i < z.length; i++) z[i] = z[i] > 0 ? positiveLabel : negativeLabel;
        return z;
    }

    public double[] predict(double[][] x) {
        return predict(Design.of(x));
    }

    /** Equal linear part and labels. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && linear.equals(m.linear) && Double.compare(negativeLabel, m.negativeLabel) == 0
                && Double.compare(positiveLabel, m.positiveLabel) == 0;
    }

    @Override
    public int hashCode() {
        return linear.hashCode() * 31 + Double.hashCode(positiveLabel);
    }

    @Override
    public String toString() {
        return "LogisticModel[labels " + negativeLabel + "/" + positiveLabel + ", " + linear + "]";
    }
}
