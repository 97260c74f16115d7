package dev.shrink.solvers;

import dev.shrink.solvers.bayes.EvidenceMaximization;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Bayesian ridge regression, scikit-learn 1.2.1's {@code BayesianRidge}: the ridge penalty is not given but estimated
 * by maximising the evidence. Model y = Xw + b + noise, noise precision α, prior w ~ N(0, I/λ), Gamma hyper-priors
 * (shape, rate) (α₁, α₂) on α and (λ₁, λ₂) on λ; the intercept by centring. The returned coefficients minimise
 * {@code Σᵢ(yᵢ − xᵢ·w − b)² + (λ/α)·Σⱼwⱼ²} at the estimated (α, λ), the fixed point of MacKay's updates reached from
 * scikit-learn's start (α = 1/var(y), λ = 1) with scikit-learn's stop (Σ|w − w_previous| &lt; tol).
 *
 * <p>One eigendecomposition of XᵀX (n &gt; p; of XXᵀ otherwise) through the symmetric eigen kernel, after which every
 * iteration costs O(min(n, p)) ({@link EvidenceMaximization}) where scikit-learn's costs O(n·p). Sample weights
 * rescale rows by √sᵢ, as scikit-learn's. A {@link SparseDesign} is never centred or densified: X̃ᵀX̃ is the centred
 * Gram of its stored entries (n &gt; p), X̃X̃ᵀ is built a row at a time (p ≥ n). Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * BayesianRidgeModel m = BayesianRidge.builder().computeScore(true).build().fit(x, y);
 * double noise = 1 / m.alpha(), penalty = m.lambda() / m.alpha();
 * double[] mean = m.predict(xNew), sd = m.predictStd(xNew);
 * }</pre>
 */
public final class BayesianRidge {
    private final int maxIter;
    private final double tol;
    private final double alpha1;
    private final double alpha2;
    private final double lambda1;
    private final double lambda2;
    private final double alphaInit;
    private final double lambdaInit;
    private final boolean computeScore;
    private final boolean fitIntercept;
    private final boolean strict;
    private final int threads;

    private BayesianRidge(Builder b) {
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.nonNegative("tol", b.tol);
        this.alpha1 = Inputs.nonNegative("alpha1", b.alpha1);
        this.alpha2 = Inputs.nonNegative("alpha2", b.alpha2);
        this.lambda1 = Inputs.nonNegative("lambda1", b.lambda1);
        this.lambda2 = Inputs.nonNegative("lambda2", b.lambda2);
        this.alphaInit = Double.isNaN(b.alphaInit) ? Double.NaN : Inputs.positive("alphaInit", b.alphaInit);
        this.lambdaInit = Double.isNaN(b.lambdaInit) ? Double.NaN : Inputs.positive("lambdaInit", b.lambdaInit);
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
    public boolean computeScore() { return computeScore; }
    public boolean fitIntercept() { return fitIntercept; }
    public int threads() { return threads; }

    public BayesianRidgeModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public BayesianRidgeModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public BayesianRidgeModel fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * @throws IllegalArgumentException on bad input, naming the argument and the position
     * @throws ConvergenceException     in strict mode when Σ|Δw| does not fall below tol within maxIter iterations
     */
    public BayesianRidgeModel fit(Design x, double[] y, double[] sampleWeight) {
        EvidenceMaximization evidence = EvidenceMaximization.of(x.matrix(), y, sampleWeight, fitIntercept, threads);
        EvidenceMaximization.Result r = evidence.fit(alphaInit, lambdaInit, new EvidenceMaximization.Priors(alpha1, alpha2, lambda1, lambda2), tol,
                maxIter, computeScore);
        double[] w = evidence.coefficients(r.alpha(), r.lambda());
        EvidenceMaximization.Posterior post = evidence.posterior(r.alpha(), r.lambda());
        Convergence c = Convergence.iterative(Convergence.Criterion.COEFFICIENT_CHANGE, "iterations", r.iterations(), r.lastChange(), tol,
                r.converged(), maxIter);
        if (strict) c.requireConverged();
        return new BayesianRidgeModel(w, evidence.intercept(w), r.alpha(), r.lambda(), r.scores(), post.k(), post.basis(), post.d(), post.c(), c);
    }

    @Override
    public String toString() {
        return "BayesianRidge[maxIter=" + maxIter + ", tol=" + tol + ", alpha1=" + alpha1 + ", alpha2=" + alpha2 + ", lambda1=" + lambda1
                + ", lambda2=" + lambda2 + ", computeScore=" + computeScore + ", fitIntercept=" + fitIntercept + ", threads=" + threads + "]";
    }

    /** Builder with scikit-learn 1.2.1's defaults: n_iter 300, tol 1e-3, all hyper-prior parameters 1e-6, fitIntercept. */
    public static final class Builder {
        private int maxIter = 300;
        private double tol = 1e-3;
        private double alpha1 = 1e-6;
        private double alpha2 = 1e-6;
        private double lambda1 = 1e-6;
        private double lambda2 = 1e-6;
        private double alphaInit = Double.NaN;
        private double lambdaInit = Double.NaN;
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
        /** Shape of the Gamma prior on λ (default 1e-6). */
        public Builder lambda1(double v) { this.lambda1 = v; return this; }
        /** Rate of the Gamma prior on λ (default 1e-6). */
        public Builder lambda2(double v) { this.lambda2 = v; return this; }
        /** Starting α, &gt; 0 (default NaN: 1/(var(y) + ε), scikit-learn's). */
        public Builder alphaInit(double v) { this.alphaInit = v; return this; }
        /** Starting λ, &gt; 0 (default NaN: 1). */
        public Builder lambdaInit(double v) { this.lambdaInit = v; return this; }
        /** Record the log marginal likelihood at every iteration ({@link BayesianRidgeModel#scores()}; default false). */
        public Builder computeScore(boolean v) { this.computeScore = v; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the Gram pass, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public BayesianRidge build() {
            return new BayesianRidge(this);
        }
    }
}
