package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;

import java.util.Arrays;

/**
 * A fitted linear model ŷ = Xw + b: immutable (arrays are copied in and out). Its numbers are finite: a NaN or an
 * infinity never leaves a solver as a model (the inputs are bounded up front so that none can arise; the constructor
 * refuses one all the same).
 */
public final class LinearModel {
    private final double[] coef;
    private final double intercept;
    private final Convergence convergence;

    /** @throws IllegalArgumentException when a coefficient or the intercept is NaN or infinite */
    public LinearModel(double[] coef, double intercept, Convergence convergence) {
        this.coef = coef.clone();
        this.intercept = intercept;
        this.convergence = convergence;
        for (int j = 0; j < this.coef.length; j++) {
            if (!Double.isFinite(this.coef[j])) throw new IllegalArgumentException("coefficient " + j + " is " + this.coef[j] + ": " + convergence.message());
        }
        if (!Double.isFinite(intercept)) throw new IllegalArgumentException("the intercept is " + intercept + ": " + convergence.message());
    }

    /** Coefficients w (a copy). */
    public double[] coef() {
        return coef.clone();
    }

    /** Coefficient j. */
    public double coef(int j) {
        return coef[j];
    }

    public int p() {
        return coef.length;
    }

    /** The intercept b (0 when not fitted). */
    public double intercept() {
        return intercept;
    }

    public Convergence convergence() {
        return convergence;
    }

    /** Predictions Xw + b, one per row. */
    public double[] predict(Design x) {
        return Predictions.linear(x, coef, intercept);
    }

    public double[] predict(double[][] x) {
        return predict(Design.of(x));
    }

    /** Prediction for one row. */
    public double predict(double[] row) {
        if (row.length != coef.length) throw new IllegalArgumentException("row has " + row.length + " values, the model has " + coef.length + " coefficients");
        return KernelProvider.get().level1().dot(coef.length, row, 0, coef, 0) + intercept;
    }

    /** Equal coefficients, intercept and convergence record. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel m && Arrays.equals(coef, m.coef) && Double.compare(intercept, m.intercept) == 0
                && convergence.equals(m.convergence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coef) * 31 + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return "LinearModel[coef=" + Arrays.toString(coef) + ", intercept=" + intercept + ", " + convergence.message() + "]";
    }
}
