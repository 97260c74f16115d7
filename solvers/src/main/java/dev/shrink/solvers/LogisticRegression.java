package dev.shrink.solvers;

import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.newton.LogisticSolver;

/**
 * Binary L2-penalised logistic regression, scikit-learn's {@code LogisticRegression(C)}: minimises
 * {@code ½·Σⱼwⱼ² + C·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b)))}, tᵢ = ±1 for the two labels (weights used as given); b is not
 * penalised. Labels may be any two distinct values; the larger one is the positive class.
 *
 * <p>{@code solver} names the method as scikit-learn does; the default, "auto", picks it by the shape of X (see the
 * package documentation for the rule and the measurements behind it):
 * <ul>
 *   <li>"lbfgs": L-BFGS, one fused pass over X per iteration (the forward and backward products together);</li>
 *   <li>"newton-cholesky": Newton's method with Cholesky solves of the (p+1)×(p+1) Hessian, or of an n×n system
 *   through XXᵀ when p &gt; n (the same steps; memory O(n·p + n²));</li>
 *   <li>"newton-cg": truncated Newton, conjugate gradients on Hessian-vector products.</li>
 * </ul>
 * The stopping test is scikit-learn's for that solver: "lbfgs", "newton-cg" and "auto" stop when
 * max|∇(Σsᵢℓᵢ + ‖w‖²/(2C))| ≤ tol (the objective scikit-learn's lbfgs and newton-cg minimise: the one above divided
 * by C, so the test means the same at every C; SciPy's additional stop on a small relative decrease is not used);
 * "newton-cholesky" stops when that gradient divided by Σsᵢ is ≤ tol (scikit-learn's newton-cholesky scaling).
 * Immutable; build with {@link #builder()}.
 */
public final class LogisticRegression {
    private final double c;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;
    private final LogisticSolver.Method solver;

    private LogisticRegression(Builder b) {
        this.c = Inputs.positive("C", b.c);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
        this.solver = LogisticSolver.Method.of(b.solver);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this estimator's settings. */
    public Builder toBuilder() {
        return new Builder().C(c).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).threads(threads).solver(solver());
    }

    public double C() { return c; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }
    public String solver() { return solver.sklearnName(); }

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
        int p = x.p();
        double[] theta = new double[fitIntercept ? p + 1 : p];
        if (initialCoef != null) System.arraycopy(initialCoef, 0, theta, 0, p);
        if (fitIntercept) theta[p] = initialIntercept;
        // scikit-learn's units: lbfgs and newton-cg see the objective divided by C, newton-cholesky by C·Σsᵢ
        boolean perWeight = solver == LogisticSolver.Method.NEWTON_CHOLESKY;
        double scale = perWeight ? c * sumOf(sampleWeight, x.n()) : c;
        LogisticSolver.Result r = LogisticSolver.solve(x.view(), y01, sampleWeight, fitIntercept, c, threads, solver, theta, tol * scale, maxIter);
        Convergence conv = Convergence.iterative(perWeight ? Convergence.Criterion.SCALED_GRADIENT : Convergence.Criterion.GRADIENT, r.steps(),
                r.iterations(), r.gradientNorm() / scale, tol, r.converged(), maxIter);
        if (strict) conv.requireConverged();
        return new LogisticModel(java.util.Arrays.copyOf(theta, p), fitIntercept ? theta[p] : 0.0, labels[0], labels[1], conv);
    }

    private static double sumOf(double[] sampleWeight, int n) {
        if (sampleWeight == null) return n;
        double sum = 0;
        for (double v : sampleWeight) sum += v;
        return sum;
    }

    @Override
    public String toString() {
        return "LogisticRegression[C=" + c + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads
                + ", solver=" + solver() + "]";
    }

    /** Builder with scikit-learn's defaults: C 1, fitIntercept, maxIter 100, tol 1e-4; solver "auto". */
    public static final class Builder {
        private double c = 1.0;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();
        private String solver = "auto";

        private Builder() {}

        /** Inverse penalty strength, finite and &gt; 0 (default 1). */
        public Builder C(double c) { this.c = c; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most iterations: Newton steps, or L-BFGS iterations (default 100, scikit-learn's {@code max_iter}). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Gradient tolerance in scikit-learn's units for the solver (see the class documentation; default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }

        /**
         * Row chunks (threads on the common ForkJoinPool) of the passes over X (the fused gradient pass, the weighted
         * Gram XᵀDX, the kernel XXᵀ), ≥ 1. Default: the common pool's parallelism + 1 (normally the processor count),
         * as scikit-learn's multithreaded BLAS; the result is the same on every run for a given count, and
         * {@code threads(1)} is single-threaded and machine-independent. Small problems run on the calling thread
         * whatever the count.
         */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** "auto" (default: chosen by the shape of X), "lbfgs", "newton-cholesky" or "newton-cg", as scikit-learn's {@code solver}. */
        public Builder solver(String solver) { this.solver = solver; return this; }

        public LogisticRegression build() {
            return new LogisticRegression(this);
        }
    }
}
