package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;

import java.util.Arrays;

/**
 * A fitted Bayesian ridge model: the posterior mean w and the intercept b, the estimated noise precision α and weight
 * precision λ (scikit-learn's {@code alpha_}, {@code lambda_}; w is the ridge solution with penalty λ/α), the log
 * marginal likelihood per iteration when asked for ({@code scores_}), and the posterior covariance of w
 * ({@code sigma_}) for predictive standard deviations. Immutable (arrays are copied in and out).
 */
public final class BayesianRidgeModel {
    private final LinearModel linear;
    private final double alpha;
    private final double lambda;
    private final double[] scores;
    private final int p;
    private final int k;
    private final double[] basis;
    private final double[] weights;
    private final double base;

    /**
     * @param basis   the posterior covariance Σ = base·I + B·diag(weights)·Bᵀ in factored form: B p×k row-major,
     *                orthonormal columns
     * @param weights the k weights
     * @param base    the variance of the directions orthogonal to B (0 when B spans ℝᵖ)
     */
    BayesianRidgeModel(double[] coef, double intercept, double alpha, double lambda, double[] scores, int k, double[] basis, double[] weights,
                       double base, Convergence convergence) {
        this.linear = new LinearModel(coef, intercept, convergence);
        this.alpha = alpha;
        this.lambda = lambda;
        this.scores = scores.clone();
        this.p = coef.length;
        this.k = k;
        this.basis = basis.clone();
        this.weights = weights.clone();
        this.base = base;
    }

    /** The posterior mean of the coefficients (a copy). */
    public double[] coef() {
        return linear.coef();
    }

    public double intercept() {
        return linear.intercept();
    }

    /** The estimated precision of the noise (scikit-learn's {@code alpha_}). */
    public double alpha() {
        return alpha;
    }

    /** The estimated precision of the weights (scikit-learn's {@code lambda_}). */
    public double lambda() {
        return lambda;
    }

    /**
     * The log marginal likelihood at each iteration and at the end (scikit-learn's {@code scores_}); empty unless
     * computeScore. The last value is the evidence at the returned (α, λ); scikit-learn 1.2.1 forms its last one with
     * the previous iteration's ‖w‖², which differs by as much as that last step moved w.
     */
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

    /**
     * The posterior covariance of w, Σ = (λI + αX̃ᵀX̃)⁻¹, p×p (formed on each call): scikit-learn's {@code sigma_} when
     * n &gt; p; when p ≥ n it also holds the prior variance 1/λ of the directions the data do not reach, which
     * scikit-learn's leaves out.
     */
    public double[][] sigma() {
        double[][] s = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int q = 0; q < k; q++) v += basis[i * k + q] * weights[q] * basis[j * k + q];
                if (i == j) v += base;
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /** The predictive mean Xw + b. */
    public double[] predict(Design x) {
        return linear.predict(x);
    }

    public double[] predict(double[][] x) {
        return predict(Design.of(x));
    }

    /**
     * The predictive standard deviation per row, sqrt(xᵢᵀΣxᵢ + 1/α) with Σ = {@link #sigma()} and xᵢ the row as given
     * (not centred): scikit-learn 1.2.1's {@code predict(X, return_std=True)} when n &gt; p (for p ≥ n see
     * {@link #sigma()}).
     */
    public double[] predictStd(Design x) {
        if (x.p() != p) throw new IllegalArgumentException("X has " + x.p() + " columns, the model has " + p + " coefficients");
        double[] proj = new double[k];
        double[] out = new double[x.n()];
        if (x instanceof SparseDesign s) { // Bᵀxᵢ and ‖xᵢ‖² from the row's stored entries
            Predictions.rows(s, (i, columns, values, count) -> {
                java.util.Arrays.fill(proj, 0.0);
                double norm2 = 0;
                for (int e = 0; e < count; e++) {
                    int at = columns[e] * k;
                    for (int q = 0; q < k; q++) proj[q] += values[e] * basis[at + q];
                    norm2 += values[e] * values[e];
                }
                out[i] = std(proj, norm2);
            });
            return out;
        }
        var mv = KernelProvider.get().matrixVector();
        MatrixView b = MatrixView.rowMajor(basis, p, k);
        double[] row = new double[p];
        for (int i = 0; i < x.n(); i++) {
            for (int j = 0; j < p; j++) row[j] = x.get(i, j);
            mv.multiplyTransposed(b, row, 0, proj, 0);
            double norm2 = 0;
            if (base > 0) for (int j = 0; j < p; j++) norm2 += row[j] * row[j];
            out[i] = std(proj, norm2);
        }
        return out;
    }

    /** sqrt(xᵀΣx + 1/α) from proj = Bᵀx and ‖x‖²: Σ = c·I + B·diag(d)·Bᵀ. */
    private double std(double[] proj, double norm2) {
        double s = 0;
        for (int q = 0; q < k; q++) s += weights[q] * proj[q] * proj[q];
        if (base > 0) s = Math.max(0.0, s + base * norm2); // Σ ⪰ 0: a negative sum is rounding
        return Math.sqrt(s + 1 / alpha);
    }

    public double[] predictStd(double[][] x) {
        return predictStd(Design.of(x));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BayesianRidgeModel m && linear.equals(m.linear) && Double.compare(alpha, m.alpha) == 0
                && Double.compare(lambda, m.lambda) == 0 && Arrays.equals(scores, m.scores);
    }

    @Override
    public int hashCode() {
        return linear.hashCode() * 31 + Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "BayesianRidgeModel[alpha=" + alpha + ", lambda=" + lambda + ", intercept=" + intercept() + ", " + convergence().message() + "]";
    }
}
