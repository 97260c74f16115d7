package dev.shrink.solvers;

import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.newton.NewtonLogistic;

/**
 * Binary L2-penalised logistic regression, scikit-learn's {@code LogisticRegression(C, solver='newton-cholesky')}:
 * minimises {@code ½·Σⱼwⱼ² + C·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b)))}, tᵢ = ±1 for the two labels (weights used as
 * given); b is not penalised. Labels may be any two distinct values; the larger one is the positive class.
 *
 * <p>Newton–Cholesky with Armijo backtracking; stops when the largest gradient element divided by {@code C·Σsᵢ}
 * is ≤ tol. Immutable; build with {@link #builder()}.
 */
public final class LogisticRegression {
    private final double c;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private LogisticRegression(Builder b) {
        this.c = Inputs.positive("C", b.c);
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
        return new Builder().C(c).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).threads(threads);
    }

    public double C() { return c; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }

    public LogisticModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public LogisticModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public LogisticModel fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * @throws IllegalArgumentException on bad input (labels not exactly two values, weights, shapes)
     * @throws ConvergenceException     in strict mode when the gradient does not reach the tolerance
     */
    public LogisticModel fit(Design x, double[] y, double[] sampleWeight) {
        return fit(x, y, sampleWeight, null, 0.0);
    }

    /** Fits from a starting point (warm start; null coefficients = zeros). */
    public LogisticModel fit(Design x, double[] y, double[] sampleWeight, double[] initialCoef, double initialIntercept) {
        double[] labels = Inputs.twoLabels(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        Inputs.coefficients("initialCoef", initialCoef, x.p());
        double[] y01 = new double[y.length];
        for (int i = 0; i < y.length; i++) y01[i] = y[i] == labels[1] ? 1.0 : 0.0;
        double[] w = initialCoef == null ? new double[x.p()] : initialCoef.clone();
        double[] b = {fitIntercept ? initialIntercept : 0.0};
        NewtonLogistic.Result r = new NewtonLogistic(x.view(), y01, sampleWeight, fitIntercept, threads).solve(w, b, c, tol, maxIter);
        Convergence conv = convergence(r, tol, maxIter);
        if (strict) conv.requireConverged();
        return new LogisticModel(w, fitIntercept ? b[0] : 0.0, labels[0], labels[1], conv);
    }

    static Convergence convergence(NewtonLogistic.Result r, double tol, int maxIter) {
        return Convergence.iterative(Convergence.Criterion.SCALED_GRADIENT, "Newton steps", r.iterations(), r.gradientNorm(), tol,
                r.converged(), maxIter);
    }

    @Override
    public String toString() {
        return "LogisticRegression[C=" + c + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /** Builder with scikit-learn's defaults: C 1, fitIntercept, maxIter 100, tol 1e-4. */
    public static final class Builder {
        private double c = 1.0;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Inverse penalty strength, finite and &gt; 0 (default 1). */
        public Builder C(double c) { this.c = c; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most Newton steps (default 100). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when max|gradient|/(C·Σsᵢ) ≤ tol (default 1e-4, scikit-learn's). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }

        /**
         * Row chunks (threads on the common ForkJoinPool) of each Newton step's weighted Gram XᵀDX, ≥ 1. Default: the
         * common pool's parallelism + 1 (normally the processor count), as scikit-learn's multithreaded BLAS; the
         * result is the same on every run for a given count, and {@code threads(1)} is single-threaded and
         * machine-independent. Small problems (n·p² below ~1.7e7) run on the calling thread whatever the count.
         */
        public Builder threads(int threads) { this.threads = threads; return this; }

        public LogisticRegression build() {
            return new LogisticRegression(this);
        }
    }
}
