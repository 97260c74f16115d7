package dev.shrink.solvers;

import dev.shrink.solvers.bayes.RelevanceDetermination;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Automatic relevance determination regression, scikit-learn 1.2.1's {@code ARDRegression}: {@link BayesianRidge}
 * with one prior precision λⱼ per weight instead of one for all, each estimated by evidence maximisation; weights
 * whose λⱼ reaches {@code thresholdLambda} are pruned to 0, which makes the fit sparse. The returned coefficients are
 * the posterior mean αΣX̃ᵀỹ, Σ = (diag(λ) + αX̃ᵀX̃)⁻¹ over the kept features, at the estimated (α, λ), reached from
 * scikit-learn's start (α = 1/var(y), λ = 1) with its stop (Σ|w − w_previous| &lt; tol) and its iteration count.
 *
 * <p>One pass over X for the centred Gram, then per iteration a Cholesky factorisation of the kept block and one pass
 * over X for the residual ({@link RelevanceDetermination}). A {@link SparseDesign} goes through the centred Gram of its
 * stored entries (p×p, as for dense X), never centred or densified. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * ARDRegressionModel m = ARDRegression.builder().build().fit(x, y);
 * int[] relevant = m.keptFeatures();  double[] sd = m.predictStd(xNew);
 * }</pre>
 */
public final class ARDRegression {
    private final int maxIter;
    private final double tol;
    private final double alpha1;
    private final double alpha2;
    private final double lambda1;
    private final double lambda2;
    private final double thresholdLambda;
    private final boolean computeScore;
    private final boolean fitIntercept;
    private final boolean strict;
    private final int threads;

    private ARDRegression(Builder b) {
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.nonNegative("tol", b.tol);
        this.alpha1 = Inputs.nonNegative("alpha1", b.alpha1);
        this.alpha2 = Inputs.nonNegative("alpha2", b.alpha2);
        this.lambda1 = Inputs.nonNegative("lambda1", b.lambda1);
        this.lambda2 = Inputs.nonNegative("lambda2", b.lambda2);
        this.thresholdLambda = Inputs.positive("thresholdLambda", b.thresholdLambda);
        this.computeScore = b.computeScore;
        this.fitIntercept = b.fitIntercept;
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public double thresholdLambda() { return thresholdLambda; }
    public boolean computeScore() { return computeScore; }
    public boolean fitIntercept() { return fitIntercept; }
    public int threads() { return threads; }

    public ARDRegressionModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y);
    }

    /**
     * @throws IllegalArgumentException on bad input, naming the argument and the position
     * @throws ConvergenceException     in strict mode when Σ|Δw| does not fall below tol within maxIter iterations
     */
    public ARDRegressionModel fit(Design x, double[] y) {
        RelevanceDetermination ard = RelevanceDetermination.of(x.matrix(), y, fitIntercept, threads);
        RelevanceDetermination.Result r = ard.fit(new RelevanceDetermination.Priors(alpha1, alpha2, lambda1, lambda2), thresholdLambda, tol,
                maxIter, computeScore);
        Convergence c = Convergence.iterative(Convergence.Criterion.COEFFICIENT_CHANGE, "iterations", r.iterations(), r.lastChange(), tol,
                r.converged(), maxIter);
        if (strict) c.requireConverged();
        return new ARDRegressionModel(new LinearModel(r.coef(), ard.intercept(r.coef()), c), r.alpha(), r.lambda(), r.kept(), r.sigma(),
                r.scores());
    }

    @Override
    public String toString() {
        return "ARDRegression[maxIter=" + maxIter + ", tol=" + tol + ", alpha1=" + alpha1 + ", alpha2=" + alpha2 + ", lambda1=" + lambda1
                + ", lambda2=" + lambda2 + ", thresholdLambda=" + thresholdLambda + ", computeScore=" + computeScore + ", fitIntercept="
                + fitIntercept + ", threads=" + threads + "]";
    }

    /** Builder with scikit-learn 1.2.1's defaults: n_iter 300, tol 1e-3, hyper-priors 1e-6, threshold_lambda 1e4, fitIntercept. */
    public static final class Builder {
        private int maxIter = 300;
        private double tol = 1e-3;
        private double alpha1 = 1e-6;
        private double alpha2 = 1e-6;
        private double lambda1 = 1e-6;
        private double lambda2 = 1e-6;
        private double thresholdLambda = 1e4;
        private boolean computeScore;
        private boolean fitIntercept = true;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Most iterations (scikit-learn's {@code n_iter}, default 300). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when Σⱼ|wⱼ − wⱼ_previous| &lt; tol (default 1e-3, scikit-learn's). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Shape of the Gamma prior on α (default 1e-6). */
        public Builder alpha1(double v) { this.alpha1 = v; return this; }
        /** Rate of the Gamma prior on α (default 1e-6). */
        public Builder alpha2(double v) { this.alpha2 = v; return this; }
        /** Shape of the Gamma prior on every λⱼ (default 1e-6). */
        public Builder lambda1(double v) { this.lambda1 = v; return this; }
        /** Rate of the Gamma prior on every λⱼ (default 1e-6). */
        public Builder lambda2(double v) { this.lambda2 = v; return this; }
        /** Prune weight j (wⱼ = 0 from then on) once λⱼ ≥ this, &gt; 0 (default 1e4, scikit-learn's). */
        public Builder thresholdLambda(double v) { this.thresholdLambda = v; return this; }
        /** Record the log marginal likelihood at every iteration ({@link ARDRegressionModel#scores()}; default false). */
        public Builder computeScore(boolean v) { this.computeScore = v; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the Gram pass, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public ARDRegression build() {
            return new ARDRegression(this);
        }
    }
}
