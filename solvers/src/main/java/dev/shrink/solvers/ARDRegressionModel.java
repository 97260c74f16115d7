package dev.shrink.solvers;

import java.util.Arrays;

/**
 * A fitted ARD regression: the posterior mean w (0 at pruned features) and intercept b, the noise precision α and the
 * weight precisions λⱼ (scikit-learn's {@code alpha_}, {@code lambda_}), the kept features, the posterior covariance
 * over them ({@code sigma_}) and the log marginal likelihood per iteration when asked for ({@code scores_}).
 * Immutable (arrays are copied in and out).
 */
public final class ARDRegressionModel {
    private final LinearModel linear;
    private final double alpha;
    private final double[] lambda;
    private final int[] kept;
    private final double[] sigma;
    private final double[] scores;

    ARDRegressionModel(LinearModel linear, double alpha, double[] lambda, int[] kept, double[] sigma, double[] scores) {
        this.linear = linear;
        this.alpha = alpha;
        this.lambda = lambda.clone();
        this.kept = kept.clone();
        this.sigma = sigma.clone();
        this.scores = scores.clone();
    }

    /** The posterior mean of the coefficients, 0 at pruned features (a copy). */
    public double[] coef() {
        return linear.coef();
    }

    public double intercept() {
        return linear.intercept();
    }

    /** The estimated noise precision (scikit-learn's {@code alpha_}). */
    public double alpha() {
        return alpha;
    }

    /** The estimated precision of each weight (scikit-learn's {@code lambda_}; pruned ones ≥ the threshold; a copy). */
    public double[] lambda() {
        return lambda.clone();
    }

    /** The features kept (λⱼ below the threshold), ascending (a copy). */
    public int[] keptFeatures() {
        return kept.clone();
    }

    /** The posterior covariance over the kept features, k×k in the order of {@link #keptFeatures()} (scikit-learn's {@code sigma_}). */
    public double[][] sigma() {
        int k = kept.length;
        double[][] s = new double[k][];
        for (int a = 0; a < k; a++) s[a] = Arrays.copyOfRange(sigma, a * k, a * k + k);
        return s;
    }

    /** The log marginal likelihood at each iteration (scikit-learn's {@code scores_}); empty unless computeScore. */
    public double[] scores() {
        return scores.clone();
    }

    /** The iterations and the last Σ|Δw| against tol (scikit-learn's {@code n_iter_}: {@code convergence().iterations()}). */
    public Convergence convergence() {
        return linear.convergence();
    }

    /** The fit as a plain linear model (the posterior mean). */
    public LinearModel linearModel() {
        return linear;
    }

    /** The predictive mean Xw + b. */
    public double[] predict(Design x) {
        return linear.predict(x);
    }

    public double[] predict(double[][] x) {
        return predict(Design.of(x));
    }

    /**
     * The predictive standard deviation per row, scikit-learn 1.2.1's {@code predict(X, return_std=True)}:
     * sqrt(x_Kᵀ·Σ·x_K + 1/α), x_K the row's kept features as given (not centred).
     */
    public double[] predictStd(Design x) {
        if (x.p() != linear.p()) throw new IllegalArgumentException("X has " + x.p() + " columns, the model has " + linear.p() + " coefficients");
        int k = kept.length;
        double[] out = new double[x.n()];
        double[] row = new double[k];
        if (x instanceof SparseDesign s) { // x_K from the row's stored entries
            int[] position = new int[linear.p()];
            java.util.Arrays.fill(position, -1);
            for (int a = 0; a < k; a++) position[kept[a]] = a;
            Predictions.rows(s, (i, columns, values, count) -> {
                java.util.Arrays.fill(row, 0.0);
                for (int e = 0; e < count; e++) if (position[columns[e]] >= 0) row[position[columns[e]]] = values[e];
                out[i] = std(row);
            });
            return out;
        }
        for (int i = 0; i < x.n(); i++) {
            for (int a = 0; a < k; a++) row[a] = x.get(i, kept[a]);
            out[i] = std(row);
        }
        return out;
    }

    /** sqrt(x_Kᵀ·Σ·x_K + 1/α). */
    private double std(double[] row) {
        int k = kept.length;
        double q = 0;
        for (int a = 0; a < k; a++) {
            double v = 0;
            for (int b = 0; b < k; b++) v += sigma[a * k + b] * row[b];
            q += row[a] * v;
        }
        return Math.sqrt(Math.max(0.0, q) + 1 / alpha);
    }

    public double[] predictStd(double[][] x) {
        return predictStd(Design.of(x));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ARDRegressionModel m && linear.equals(m.linear) && Double.compare(alpha, m.alpha) == 0 && Arrays.equals(lambda, m.lambda)
                && Arrays.equals(scores, m.scores);
    }

    @Override
    public int hashCode() {
        return linear.hashCode() * 31 + Arrays.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "ARDRegressionModel[alpha=" + alpha + ", kept=" + kept.length + " of " + lambda.length + ", intercept=" + intercept() + ", "
                + convergence().message() + "]";
    }
}
