package dev.shrink.solvers;

import java.util.Arrays;

/**
 * A fitted logistic model over the class labels seen in training, {@code classes()} in increasing order. Two classes:
 * one coefficient vector, P(y = positive | x) = σ(x·w + b) with the larger label positive (scikit-learn's binary
 * parametrisation). More classes: one vector per class, P(y = c | x) = softmax_c(x·w_c + b_c) (scikit-learn's
 * multinomial, glmnet's multinomial). Immutable; accessors return copies.
 */
public final class LogisticModel {
    private final double[] classes;
    private final double[][] coefs;
    private final double[] intercepts;
    private final Convergence convergence;

    /** A binary model: coefficients, intercept, the two labels (negative &lt; positive) and how the fit ended. */
    public LogisticModel(double[] coef, double intercept, double negativeLabel, double positiveLabel, Convergence convergence) {
        this(new double[] {negativeLabel, positiveLabel}, new double[][] {coef.clone()}, new double[] {intercept}, convergence);
    }

    private LogisticModel(double[] classes, double[][] coefs, double[] intercepts, Convergence convergence) {
        this.classes = classes;
        this.coefs = coefs;
        this.intercepts = intercepts;
        this.convergence = convergence;
    }

    /**
     * A multinomial model: {@code classes.length ≥ 3} labels in increasing order, one coefficient vector and intercept per
     * class (arrays copied).
     */
    public static LogisticModel multinomial(double[] classes, double[][] coef, double[] intercepts, Convergence convergence) {
        if (classes.length < 3 || coef.length != classes.length || intercepts.length != classes.length) {
            throw new IllegalArgumentException("a multinomial model needs ≥ 3 classes and one coefficient vector and intercept per class");
        }
        double[][] c = new double[coef.length][];
        for (int k = 0; k < c.length; k++) {
            if (coef[k].length != coef[0].length) throw new IllegalArgumentException("coefficient vectors differ in length");
            c[k] = coef[k].clone();
        }
        return new LogisticModel(classes.clone(), c, intercepts.clone(), convergence);
    }

    /** The class labels, increasing (a copy). */
    public double[] classes() {
        return classes.clone();
    }

    /** Whether this is a multinomial model (more than two classes: one coefficient vector per class). */
    public boolean isMultinomial() {
        return coefs.length > 1;
    }

    /** The coefficients of a binary model. @throws IllegalStateException for a multinomial model (use {@link #coef(int)}) */
    public double[] coef() {
        if (isMultinomial()) throw new IllegalStateException("a multinomial model has one coefficient vector per class: use coef(c)");
        return coefs[0].clone();
    }

    /** The intercept of a binary model. @throws IllegalStateException for a multinomial model */
    public double intercept() {
        if (isMultinomial()) throw new IllegalStateException("a multinomial model has one intercept per class: use intercept(c)");
        return intercepts[0];
    }

    /** The coefficients of class c (index into {@link #classes()}; a binary model has only c = 0, the positive class's). */
    public double[] coef(int c) {
        return coefs[c].clone();
    }

    /** The intercept of class c (multinomial: they sum to 0). */
    public double intercept(int c) {
        return intercepts[c];
    }

    public Convergence convergence() {
        return convergence;
    }

    /** The smaller label of a binary model. */
    public double negativeLabel() {
        return classes[0];
    }

    /** The larger label of a binary model. */
    public double positiveLabel() {
        return classes[classes.length - 1];
    }

    /** Decision values x·w + b of a binary model (log-odds of the positive label). */
    public double[] decisionFunction(Design x) {
        if (isMultinomial()) throw new IllegalStateException("a multinomial model has one decision value per class: use decisionFunctions");
        return Predictions.linear(x, coefs[0], intercepts[0]);
    }

    /** Decision values per row and coefficient vector: x·w_c + b_c (binary: one column). */
    public double[][] decisionFunctions(Design x) {
        double[][] out = new double[x.n()][coefs.length];
        for (int c = 0; c < coefs.length; c++) {
            double[] z = Predictions.linear(x, coefs[c], intercepts[c]);
            for (int i = 0; i < z.length; i++) out[i][c] = z[i];
        }
        return out;
    }

    /** P(y = positiveLabel) per row of a binary model. */
    public double[] predictProbability(Design x) {
        double[] z = decisionFunction(x);
        for (int i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
        return z;
    }

    public double[] predictProbability(double[][] x) {
        return predictProbability(Design.of(x));
    }

    /** Per row, the probability of each class in the order of {@link #classes()} (scikit-learn's predict_proba). */
    public double[][] predictProbabilities(Design x) {
        double[][] z = decisionFunctions(x);
        double[][] out = new double[z.length][classes.length];
        for (int i = 0; i < z.length; i++) {
            if (!isMultinomial()) {
                double p1 = sigmoid(z[i][0]);
                out[i][0] = 1 - p1;
                out[i][1] = p1;
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[i]) max = Math.max(max, v);
            double sum = 0;
            for (int c = 0; c < classes.length; c++) sum += out[i][c] = Math.exp(z[i][c] - max);
            for (int c = 0; c < classes.length; c++) out[i][c] /= sum;
        }
        return out;
    }

    public double[][] predictProbabilities(double[][] x) {
        return predictProbabilities(Design.of(x));
    }

    /** Predicted labels: the most probable class (binary: positive when the log-odds are &gt; 0). */
    public double[] predict(Design x) {
        double[][] z = decisionFunctions(x);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (!isMultinomial()) {
                out[i] = z[i][0] > 0 ? classes[1] : classes[0];
                continue;
            }
            int best = 0;
            for (int c = 1; c < classes.length; c++) if (z[i][c] > z[i][best]) best = c;
            out[i] = classes[best];
        }
        return out;
    }

    public double[] predict(double[][] x) {
        return predict(Design.of(x));
    }

    private static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** Equal labels, coefficients, intercepts and convergence. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && Arrays.equals(classes, m.classes) && Arrays.deepEquals(coefs, m.coefs)
                && Arrays.equals(intercepts, m.intercepts) && convergence.equals(m.convergence);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(coefs) * 31 + Arrays.hashCode(classes);
    }

    @Override
    public String toString() {
        return "LogisticModel[classes " + Arrays.toString(classes) + ", " + (isMultinomial() ? coefs.length + " coefficient vectors" : "coef "
                + Arrays.toString(coefs[0]) + ", intercept " + intercepts[0]) + ", " + convergence.message() + "]";
    }
}
