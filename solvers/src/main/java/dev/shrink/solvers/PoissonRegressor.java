package dev.shrink.solvers;

import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Poisson regression with the log link, scikit-learn's {@code PoissonRegressor(alpha)}: minimises
 * {@code (1/(2S))·Σᵢsᵢ·dev(yᵢ, μᵢ) + ½·alpha·Σⱼwⱼ²}, μᵢ = exp(xᵢ·w + b), dev(y, μ) = 2(y·log(y/μ) − y + μ), S = Σsᵢ
 * (the weights are normalised); b is not penalised. y: counts ≥ 0 (non-integer values are allowed, as in scikit-learn),
 * not all 0 with an intercept.
 *
 * <p>Newton's method with Cholesky solves of the weighted Gram matrix (the smooth case of the proximal Newton engine)
 * and a line search; stops when the duality gap (in the objective's units) is ≤ tol. Immutable; build with
 * {@link #builder()}.
 */
public final class PoissonRegressor {
    private final double alpha;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private PoissonRegressor(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this estimator's settings. */
    public Builder toBuilder() {
        return new Builder().alpha(alpha).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).threads(threads);
    }

    public double alpha() { return alpha; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }

    public PoissonModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public PoissonModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public PoissonModel fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * @throws IllegalArgumentException on bad input (a negative count names its row; weights, shapes)
     * @throws ConvergenceException     in strict mode when the gap does not reach the tolerance
     */
    public PoissonModel fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.counts(y, x.n(), fitIntercept);
        double sum = Inputs.weights(sampleWeight, x.n());
        double[] rows = new double[x.n()];
        for (int i = 0; i < rows.length; i++) rows[i] = (sampleWeight == null ? 1.0 : sampleWeight[i]) / sum;
        GlmProblem problem = new GlmProblem(GlmProblem.Kind.POISSON, x.matrix(), y.clone(), 1, rows, sampleWeight,
                GlmProblem.Options.plain(fitIntercept, threads));
        GlmProblem.Solution s = problem.solve(0.0, alpha, 0.0, tol, maxIter);
        Convergence c = Convergence.iterative(Convergence.Criterion.RELATIVE_DUALITY_GAP, "Newton steps", s.iterations(), s.gap(), tol,
                s.converged(), maxIter);
        if (strict) c.requireConverged();
        return new PoissonModel(problem.coef()[0], problem.intercepts()[0], c);
    }

    @Override
    public String toString() {
        return "PoissonRegressor[alpha=" + alpha + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, fitIntercept, maxIter 100, tol 1e-4. */
    public static final class Builder {
        private double alpha = 1.0;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** L2 penalty strength, finite and ≥ 0 (default 1; 0: none). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most Newton steps (default 100). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when the duality gap is ≤ tol in the objective's units (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of each Newton step's weighted Gram XᵀDX, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        public PoissonRegressor build() {
            return new PoissonRegressor(this);
        }
    }
}
