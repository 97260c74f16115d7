package dev.shrink.solvers;

import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.glm.MultinomialObjective;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.newton.DesignNewtonLogistic;
import dev.shrink.solvers.newton.LogisticSolver;
import dev.shrink.solvers.quasinewton.Lbfgs;

/**
 * Logistic regression, scikit-learn's {@code LogisticRegression(penalty, C, l1_ratio)}: minimises
 * {@code C·Σᵢsᵢ·ℓᵢ + l1Ratio·Σⱼ|wⱼ| + ½·(1 − l1Ratio)·Σⱼwⱼ²} (weights used as given; b is not penalised) with
 * {@code penalty} L2 (l1Ratio = 0), L1 (l1Ratio = 1), ELASTICNET (the given l1Ratio) or NONE (no penalty).
 * Two classes: ℓᵢ = log(1 + exp(−tᵢ(xᵢ·w + b))), tᵢ = ±1, one coefficient vector; labels may be any two distinct
 * values, the larger one is the positive class. More classes: the multinomial (softmax) loss
 * ℓᵢ = log Σ_c exp(z_ic) − z_{i,yᵢ}, z_ic = xᵢ·w_c + b_c, one coefficient vector per class, all penalised (scikit-learn's
 * symmetric parametrisation; intercepts returned summing to 0).
 *
 * <p>Multinomial with penalty L2 or NONE on a dense X: "auto" and "lbfgs" run L-BFGS (one fused pass over X for all
 * classes per evaluation), stopped as scikit-learn's lbfgs (below; {@link Convergence.Criterion#GRADIENT});
 * "newton-cholesky" and "newton-cg" select the proximal Newton engine. Every other fit but binary L2 (L1, elastic net,
 * a sparse X) is proximal Newton (IRLS weights, the weighted Gram of the working set, coordinate descent
 * on the penalised quadratic, line search; a Cholesky step when the model is smooth), stopping when the duality gap
 * divided by {@code C·Σsᵢ} is ≤ tol ({@link Convergence.Criterion#RELATIVE_DUALITY_GAP}); {@code solver} does not
 * apply to it. Binary L2: {@code solver} names the method as scikit-learn does; the default, "auto", picks it by the
 * shape of X (see the package documentation for the rule and the measurements behind it):
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
    /** scikit-learn's {@code penalty}. */
    public enum Penalty {
        /** ½·Σwⱼ² (scikit-learn's default). */
        L2,
        /** Σ|wⱼ|. */
        L1,
        /** l1Ratio·Σ|wⱼ| + ½·(1 − l1Ratio)·Σwⱼ². */
        ELASTICNET,
        /** No penalty (C is then irrelevant). */
        NONE
    }

    private final double c;
    private final Penalty penalty;
    private final double l1Ratio;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;
    private final LogisticSolver.Method solver;

    private LogisticRegression(Builder b) {
        this.c = Inputs.positive("C", b.c);
        if (b.penalty == null) throw new IllegalArgumentException("penalty must not be null");
        this.penalty = b.penalty;
        if (penalty == Penalty.ELASTICNET && Double.isNaN(b.l1Ratio)) {
            throw new IllegalArgumentException("l1Ratio must be set (in [0, 1]) for penalty ELASTICNET, as scikit-learn requires");
        }
        this.l1Ratio = switch (penalty) {
            case L2, NONE -> 0.0;
            case L1 -> 1.0;
            case ELASTICNET -> Inputs.ratio("l1Ratio", b.l1Ratio);
        };
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
        Builder b = new Builder().C(c).penalty(penalty).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).threads(threads)
                .solver(solver());
        return penalty == Penalty.ELASTICNET ? b.l1Ratio(l1Ratio) : b;
    }

    public double C() { return c; }
    public Penalty penalty() { return penalty; }
    /** The share of the L1 penalty as used: 0 for L2 and NONE, 1 for L1. */
    public double l1Ratio() { return l1Ratio; }
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
     * @throws IllegalArgumentException on bad input (fewer than two labels, weights, shapes)
     * @throws ConvergenceException     in strict mode when the stopping rule is not met
     */
    public LogisticModel fit(Design x, double[] y, double[] sampleWeight) {
        return fit(x, y, sampleWeight, null, 0.0);
    }

    /** Fits a binary model from a starting point (warm start; null coefficients = zeros). */
    public LogisticModel fit(Design x, double[] y, double[] sampleWeight, double[] initialCoef, double initialIntercept) {
        double[] labels = Inputs.classes(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        if (labels.length > 2) {
            if (initialCoef != null) throw new IllegalArgumentException("initialCoef is for binary models; y has " + labels.length + " classes");
            return multinomial(x, y, sampleWeight, labels);
        }
        Inputs.coefficients("initialCoef", initialCoef, x.p());
        double[] y01 = new double[y.length];
        for (int i = 0; i < y.length; i++) y01[i] = y[i] == labels[1] ? 1.0 : 0.0;
        if (penalty != Penalty.L2) {
            GlmProblem problem = problem(GlmProblem.Kind.BINOMIAL, x, y01, 2, sampleWeight);
            if (initialCoef != null) problem.start(new double[][] {initialCoef}, fitIntercept ? new double[] {initialIntercept} : null);
            Convergence conv = solve(problem, sampleWeight, x.n());
            return new LogisticModel(problem.coef()[0], problem.intercepts()[0], labels[0], labels[1], conv);
        }
        int p = x.p();
        double[] theta = new double[fitIntercept ? p + 1 : p];
        if (initialCoef != null) System.arraycopy(initialCoef, 0, theta, 0, p);
        if (fitIntercept) theta[p] = initialIntercept;
        if (x instanceof SparseDesign sparse) return fitSparse(sparse, y01, sampleWeight, theta, labels);
        // scikit-learn's units: lbfgs and newton-cg see the objective divided by C, newton-cholesky by C·Σsᵢ
        boolean perWeight = solver == LogisticSolver.Method.NEWTON_CHOLESKY;
        double scale = perWeight ? c * sumOf(sampleWeight, x.n()) : c;
        LogisticSolver.Result r = LogisticSolver.solve(((DenseDesign) x).view(), y01, sampleWeight, fitIntercept, c, threads, solver, theta, tol * scale, maxIter);
        Convergence conv = Convergence.iterative(perWeight ? Convergence.Criterion.SCALED_GRADIENT : Convergence.Criterion.GRADIENT, r.steps(),
                r.iterations(), r.gradientNorm() / scale, tol, r.converged(), maxIter);
        if (strict) conv.requireConverged();
        return new LogisticModel(java.util.Arrays.copyOf(theta, p), fitIntercept ? theta[p] : 0.0, labels[0], labels[1], conv);
    }

    /**
     * A sparse X: Newton–Cholesky on the compressed columns with the centring implicit, whatever {@code solver} says
     * (the Hessian's Gram pass reads only the stored entries); stopped by the same test as the dense solver named, in
     * the same units (max|∇|/(C·Σsᵢ) for "newton-cholesky", max|∇|/C otherwise).
     */
    private LogisticModel fitSparse(SparseDesign x, double[] y01, double[] sampleWeight, double[] theta, double[] labels) {
        int p = x.p();
        double[] w = java.util.Arrays.copyOf(theta, p);
        double[] b = {fitIntercept ? theta[p] : 0.0};
        boolean perWeight = solver == LogisticSolver.Method.NEWTON_CHOLESKY;
        double sumS = sumOf(sampleWeight, x.n());
        DesignNewtonLogistic.Result r = new DesignNewtonLogistic(DesignMatrix.of(x.matrix(), threads), y01, sampleWeight, fitIntercept)
                .solve(w, b, c, perWeight ? tol : tol / sumS, maxIter);
        Convergence conv = Convergence.iterative(perWeight ? Convergence.Criterion.SCALED_GRADIENT : Convergence.Criterion.GRADIENT,
                "Newton steps", r.iterations(), perWeight ? r.gradientNorm() : r.gradientNorm() * sumS, tol, r.converged(), maxIter);
        if (strict) conv.requireConverged();
        return new LogisticModel(w, fitIntercept ? b[0] : 0.0, labels[0], labels[1], conv);
    }

    private LogisticModel multinomial(Design x, double[] y, double[] sampleWeight, double[] classes) {
        boolean smooth = penalty == Penalty.L2 || penalty == Penalty.NONE;
        boolean quasiNewton = solver == LogisticSolver.Method.AUTO || solver == LogisticSolver.Method.LBFGS;
        if (smooth && quasiNewton && x instanceof DenseDesign dense) return multinomialLbfgs(dense, y, sampleWeight, classes);
        GlmProblem problem = problem(GlmProblem.Kind.MULTINOMIAL, x, Inputs.classIndices(y, classes), classes.length, sampleWeight);
        Convergence conv = solve(problem, sampleWeight, x.n());
        return LogisticModel.multinomial(classes, problem.coef(), problem.intercepts(), conv);
    }

    /**
     * Multinomial L2 (or unpenalised) by L-BFGS on {@code ½‖W‖² + C·Σsᵢℓᵢ} (one fused pass over X for all classes per
     * evaluation), stopped as scikit-learn's lbfgs: max|∇| ≤ tol in the units of {@code Σsᵢℓᵢ + ‖W‖²/(2C)}. The
     * intercepts, whose gradient sums to 0 over the classes, keep the sum they start with (0).
     */
    private LogisticModel multinomialLbfgs(DenseDesign x, double[] y, double[] sampleWeight, double[] classes) {
        int k = classes.length;
        int p = x.p();
        DesignPasses passes = new DesignPasses(x.view(), threads);
        DesignPasses float32 = passes.float32IfLarge();
        double[] labels = Inputs.classIndices(y, classes);
        double lambda = penalty == Penalty.NONE ? 0.0 : 1.0;
        MultinomialObjective f = new MultinomialObjective(passes, labels, k, sampleWeight, c, lambda, fitIntercept);
        MultinomialObjective rough = float32 == null ? null : new MultinomialObjective(float32, labels, k, sampleWeight, c, lambda, fitIntercept);
        double[] theta = new double[f.dimension()];
        Lbfgs.Result r = Lbfgs.minimize(rough, f, theta, tol * c, maxIter, Thresholds.LBFGS_MEMORY, null);
        Convergence conv = Convergence.iterative(Convergence.Criterion.GRADIENT, "L-BFGS iterations", r.iterations(), r.gradientNorm() / c, tol,
                r.converged(), maxIter);
        if (strict) conv.requireConverged();
        double[][] coef = new double[k][];
        double[] intercepts = new double[k];
        double mean = 0;
        for (int cl = 0; cl < k; cl++) {
            coef[cl] = java.util.Arrays.copyOfRange(theta, cl * p, (cl + 1) * p);
            if (fitIntercept) mean += theta[k * p + cl] / k;
        }
        if (fitIntercept) for (int cl = 0; cl < k; cl++) intercepts[cl] = theta[k * p + cl] - mean;
        return LogisticModel.multinomial(classes, coef, intercepts, conv);
    }

    /** The engine's problem in scikit-learn's scaling: row weights C·sᵢ, penalty strengths l1Ratio and 1 − l1Ratio. */
    private GlmProblem problem(GlmProblem.Kind kind, Design x, double[] y, int classes, double[] sampleWeight) {
        double[] rows = new double[x.n()];
        for (int i = 0; i < rows.length; i++) rows[i] = c * (sampleWeight == null ? 1.0 : sampleWeight[i]);
        return new GlmProblem(kind, x.matrix(),
                y, classes, rows, sampleWeight, GlmProblem.Options.plain(fitIntercept, threads));
    }

    private Convergence solve(GlmProblem problem, double[] sampleWeight, int n) {
        double scale = c * (sampleWeight == null ? n : Inputs.weights(sampleWeight, n));
        double l1 = penalty == Penalty.NONE ? 0.0 : l1Ratio;
        double l2 = penalty == Penalty.NONE ? 0.0 : 1 - l1Ratio;
        GlmProblem.Solution s = problem.solve(l1, l2, l1, tol * scale, maxIter);
        Convergence conv = Convergence.iterative(Convergence.Criterion.RELATIVE_DUALITY_GAP, "Newton steps", s.iterations(), s.gap() / scale,
                tol, s.converged(), maxIter);
        if (strict) conv.requireConverged();
        return conv;
    }

    private static double sumOf(double[] sampleWeight, int n) {
        if (sampleWeight == null) return n;
        double sum = 0;
        for (double v : sampleWeight) sum += v;
        return sum;
    }

    @Override
    public String toString() {
        return "LogisticRegression[penalty=" + penalty + (penalty == Penalty.ELASTICNET ? ", l1Ratio=" + l1Ratio : "") + ", C=" + c + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads
                + ", solver=" + solver() + "]";
    }

    /** Builder with scikit-learn's defaults: penalty L2, C 1, fitIntercept, maxIter 100, tol 1e-4; solver "auto". */
    public static final class Builder {
        private double c = 1.0;
        private Penalty penalty = Penalty.L2;
        private double l1Ratio = Double.NaN;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();
        private String solver = "auto";

        private Builder() {}

        /** Inverse penalty strength, finite and &gt; 0 (default 1). */
        public Builder C(double c) { this.c = c; return this; }
        /** The penalty: L2 (default), L1, ELASTICNET (with {@link #l1Ratio}) or NONE. */
        public Builder penalty(Penalty penalty) { this.penalty = penalty; return this; }
        /** Share of the L1 penalty in [0, 1] for penalty ELASTICNET (required there, ignored otherwise). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most iterations: Newton steps (proximal Newton steps for the other penalties and classes), or L-BFGS iterations (default 100, scikit-learn's {@code max_iter}). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /**
         * Stopping tolerance (default 1e-4, scikit-learn's): binary L2 and L-BFGS multinomial fits, the gradient in
         * scikit-learn's units for the solver; every other fit, its duality gap /(C·Σsᵢ) (see the class documentation).
         */
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

        /**
         * "auto" (default: chosen by the shape of X), "lbfgs", "newton-cholesky" or "newton-cg", as scikit-learn's
         * {@code solver}; binary L2, and multinomial L2 / NONE ("auto" = "lbfgs"; either Newton name: the proximal
         * Newton engine). The other penalties are proximal Newton.
         */
        public Builder solver(String solver) { this.solver = solver; return this; }

        public LogisticRegression build() {
            return new LogisticRegression(this);
        }
    }
}
