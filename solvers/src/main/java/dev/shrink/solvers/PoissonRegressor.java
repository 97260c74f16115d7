package dev.shrink.solvers;

import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.glm.PoissonObjective;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.quasinewton.Lbfgs;

/**
 * Poisson regression with the log link, scikit-learn's {@code PoissonRegressor(alpha)}: minimises
 * {@code (1/(2S))·Σᵢsᵢ·dev(yᵢ, μᵢ) + ½·alpha·Σⱼwⱼ²}, μᵢ = exp(xᵢ·w + b), dev(y, μ) = 2(y·log(y/μ) − y + μ), S = Σsᵢ
 * (the weights are normalised); b is not penalised. y: counts ≥ 0 (non-integer values are allowed, as in scikit-learn),
 * not all 0 with an intercept.
 *
 * <p>{@code solver} as scikit-learn's: "lbfgs" (default; a dense X) runs L-BFGS, one fused pass over X per
 * evaluation (Xw and Xᵀr together), from scikit-learn's start (w = 0, b = log of the weighted mean of y), and stops as
 * scikit-learn's lbfgs does when max|∇F| ≤ tol for the objective F above
 * ({@link Convergence.Criterion#OBJECTIVE_GRADIENT}; SciPy's additional stop on a small relative decrease is not used).
 * "newton-cholesky" (and any sparse X) runs Newton's method with Cholesky solves of the weighted Gram matrix (the
 * smooth case of the proximal Newton engine) and a line search, stopping when the duality gap (in the objective's
 * units) is ≤ tol. Immutable; build with {@link #builder()}.
 */
public final class PoissonRegressor {
    private final double alpha;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;
    private final String solver;

    private PoissonRegressor(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
        if (!"lbfgs".equals(b.solver) && !"newton-cholesky".equals(b.solver)) {
            throw new IllegalArgumentException("solver must be one of lbfgs, newton-cholesky, got " + (b.solver == null ? "null" : "'" + b.solver + "'"));
        }
        this.solver = b.solver;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this estimator's settings. */
    public Builder toBuilder() {
        return new Builder().alpha(alpha).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).threads(threads).solver(solver);
    }

    public double alpha() { return alpha; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }
    public String solver() { return solver; }

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
     * @throws ConvergenceException     in strict mode when the stopping rule is not met
     */
    public PoissonModel fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.counts(y, x.n(), fitIntercept);
        double sum = Inputs.weights(sampleWeight, x.n());
        double[] rows = new double[x.n()];
        for (int i = 0; i < rows.length; i++) rows[i] = (sampleWeight == null ? 1.0 : sampleWeight[i]) / sum;
        if (solver.equals("lbfgs") && x instanceof DenseDesign dense) {
            DesignPasses passes = new DesignPasses(dense.view(), threads);
            DesignPasses float32 = passes.float32IfLarge();
            PoissonObjective f = new PoissonObjective(passes, y, rows, alpha, fitIntercept);
            PoissonObjective rough = float32 == null ? null : new PoissonObjective(float32, y, rows, alpha, fitIntercept);
            double[] theta = f.start();
            Lbfgs.Result r = Lbfgs.minimize(rough, f, theta, tol, maxIter, Thresholds.LBFGS_MEMORY, null);
            Convergence c = Convergence.iterative(Convergence.Criterion.OBJECTIVE_GRADIENT, "L-BFGS iterations", r.iterations(), r.gradientNorm(),
                    tol, r.converged(), maxIter);
            if (strict) c.requireConverged();
            return new PoissonModel(java.util.Arrays.copyOf(theta, x.p()), fitIntercept ? theta[x.p()] : 0.0, c);
        }
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
        return "PoissonRegressor[alpha=" + alpha + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads + ", solver=" + solver + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, fitIntercept, maxIter 100, tol 1e-4, solver "lbfgs". */
    public static final class Builder {
        private double alpha = 1.0;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();
        private String solver = "lbfgs";

        private Builder() {}

        /** L2 penalty strength, finite and ≥ 0 (default 1; 0: none). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most L-BFGS iterations or Newton steps (default 100). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when max|∇F| ("lbfgs") or the duality gap ("newton-cholesky") is ≤ tol in the objective's units (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the fused passes or of each Newton step's weighted Gram XᵀDX, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }
        /** "lbfgs" (default) or "newton-cholesky", as scikit-learn's {@code solver} (a sparse X always takes the Newton engine). */
        public Builder solver(String solver) { this.solver = solver; return this; }

        public PoissonRegressor build() {
            return new PoissonRegressor(this);
        }
    }
}
