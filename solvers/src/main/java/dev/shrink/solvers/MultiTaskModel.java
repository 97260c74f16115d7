package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;

import java.util.Arrays;

/**
 * A fitted multi-output linear model Ŷ = XWᵀ + b: one coefficient vector and one intercept per task (scikit-learn's
 * {@code coef_} of shape (n_tasks, n_features) and {@code intercept_}). Immutable (arrays are copied in and out).
 */
public final class MultiTaskModel {
    private final double[][] coef;
    private final double[] intercepts;
    private final Convergence convergence;

    /** @param coef T rows of p coefficients (task t's in row t) */
    public MultiTaskModel(double[][] coef, double[] intercepts, Convergence convergence) {
        if (coef.length != intercepts.length) throw new IllegalArgumentException(coef.length + " coefficient rows, " + intercepts.length + " intercepts");
        this.coef = new double[coef.length][];
        for (int t = 0; t < coef.length; t++) this.coef[t] = coef[t].clone();
        this.intercepts = intercepts.clone();
        this.convergence = convergence;
    }

    /** Number of tasks T. */
    public int tasks() {
        return coef.length;
    }

    /** Number of features p. */
    public int p() {
        return coef[0].length;
    }

    /** Coefficients, T rows of p (a copy). */
    public double[][] coef() {
        double[][] out = new double[coef.length][];
        for (int t = 0; t < coef.length; t++) out[t] = coef[t].clone();
        return out;
    }

    /** Coefficients of task t (a copy). */
    public double[] coef(int t) {
        return coef[t].clone();
    }

    /** Intercepts, one per task (a copy; 0 when not fitted). */
    public double[] intercepts() {
        return intercepts.clone();
    }

    public Convergence convergence() {
        return convergence;
    }

    /** Predictions: n rows of T values. */
    public double[][] predict(Design x) {
        if (x.p() != p()) throw new IllegalArgumentException("X has " + x.p() + " columns, the model has " + p() + " coefficients");
        double[][] out = new double[x.n()][coef.length];
        for (int t = 0; t < coef.length; t++) {
            double[] column = Predictions.linear(x, coef[t], intercepts[t]);
            for (int i = 0; i < x.n(); i++) out[i][t] = column[i];
        }
        return out;
    }

    public double[][] predict(double[][] x) {
        return predict(Design.of(x));
    }

    /** Prediction for one row: T values. */
    public double[] predict(double[] row) {
        if (row.length != p()) throw new IllegalArgumentException("row has " + row.length + " values, the model has " + p() + " coefficients");
        double[] out = new double[coef.length];
        for (int t = 0; t < coef.length; t++) out[t] = KernelProvider.get().level1().dot(row.length, row, 0, coef[t], 0) + intercepts[t];
        return out;
    }

    /** Equal coefficients, intercepts and convergence record. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MultiTaskModel m && Arrays.deepEquals(coef, m.coef) && Arrays.equals(intercepts, m.intercepts)
                && convergence.equals(m.convergence);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(coef) * 31 + Arrays.hashCode(intercepts);
    }

    @Override
    public String toString() {
        return "MultiTaskModel[T=" + tasks() + ", p=" + p() + ", intercepts=" + Arrays.toString(intercepts) + ", " + convergence.message() + "]";
    }
}
