package dev.shrink.solvers;

import java.util.Arrays;

/** A fitted Poisson model with the log link: E[y | x] = exp(x·w + b). Immutable (arrays are copied in and out). */
public final class PoissonModel {
    private final LinearModel linear;

    public PoissonModel(double[] coef, double intercept, Convergence convergence) {
        this.linear = new LinearModel(coef, intercept, convergence);
    }

    /** Coefficients w (a copy). */
    public double[] coef() {
        return linear.coef();
    }

    /** The intercept b (0 when not fitted). */
    public double intercept() {
        return linear.intercept();
    }

    public Convergence convergence() {
        return linear.convergence();
    }

    /** The linear predictor x·w + b (the log of the mean) per row. */
    public double[] linearPredictor(Design x) {
        return Predictions.linear(x, linear.coef(), linear.intercept());
    }

    /** The predicted means exp(x·w + b) per row (scikit-learn's predict). */
    public double[] predict(Design x) {
        double[] z = linearPredictor(x);
        for (int i = 0; i < z.length; i++) z[i] = Math.exp(z[i]);
        return z;
    }

    public double[] predict(double[][] x) {
        return predict(Design.of(x));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoissonModel m && linear.equals(m.linear);
    }

    @Override
    public int hashCode() {
        return linear.hashCode();
    }

    @Override
    public String toString() {
        return "PoissonModel[coef " + Arrays.toString(linear.coef()) + ", intercept " + linear.intercept() + ", " + linear.convergence().message() + "]";
    }
}
