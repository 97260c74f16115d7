package dev.shrink.solvers;

import dev.shrink.solvers.group.MultiTaskProblem;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Responses;
import dev.shrink.solvers.internal.Threads;

/**
 * Multi-task elastic net, scikit-learn's {@code MultiTaskElasticNet}: for Y with T columns (tasks) minimises
 * {@code (1/(2n))·Σᵢ Σₜ(Yᵢₜ − xᵢ·wₜ − bₜ)² + alpha·l1Ratio·Σⱼ sqrt(Σₜ wₜⱼ²) + ½·alpha·(1 − l1Ratio)·Σₜ Σⱼ wₜⱼ²} — the
 * L2,1 penalty selects each feature for all tasks or for none; the intercepts bₜ are not penalised.
 *
 * <p>Block coordinate descent on the rows of W (one feature across the tasks) in covariance mode on the Gram of a
 * working set of features (their columns gathered; violators admitted after a full gradient, one pass over X): one
 * Gram row updates the state of all T tasks ({@link MultiTaskProblem}); scikit-learn's duality gap and stop
 * ({@code gap ≤ tol·‖Y − Ȳ‖²_F}). A {@link SparseDesign} is read in place, never densified or centred: the working
 * set's Gram comes from its stored entries with the centring implicit. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * MultiTaskModel m = MultiTaskElasticNet.builder().alpha(0.1).l1Ratio(0.5).build().fit(x, Y);   // Y: n×T
 * double[][] w = m.coef();   // T×p
 * }</pre>
 */
public final class MultiTaskElasticNet {
    private final double alpha;
    private final double l1Ratio;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private MultiTaskElasticNet(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    public double alpha() { return alpha; }
    public double l1Ratio() { return l1Ratio; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }

    public MultiTaskModel fit(double[][] x, double[][] y) {
        return fit(Design.of(x), y);
    }

    /**
     * @param y n rows of T values (Y[i][t] = task t at row i)
     * @throws IllegalArgumentException on bad input ("Y has NaN at row 3, column 1", …)
     * @throws ConvergenceException     in strict mode when the duality gap does not reach the tolerance
     */
    public MultiTaskModel fit(Design x, double[][] y) {
        double[] flat = Responses.matrix(y, x.n());
        int tasks = y[0].length;
        MultiTaskProblem problem = MultiTaskProblem.gathered(x.matrix(), flat, tasks, fitIntercept, threads);
        double[] w = new double[x.p() * tasks];
        double gapTol = tol * problem.yNorm2();
        MultiTaskProblem.Solution s = problem.solve(w, alpha * l1Ratio * problem.n(), alpha * (1 - l1Ratio) * problem.n(), gapTol, maxIter);
        Convergence c = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", s.sweeps(), s.gap(), gapTol, s.converged(), maxIter);
        if (strict) c.requireConverged();
        return new MultiTaskModel(problem.taskCoefficients(w), problem.intercepts(w), c);
    }

    @Override
    public String toString() {
        return "MultiTaskElasticNet[alpha=" + alpha + ", l1Ratio=" + l1Ratio + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter
                + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, l1Ratio 0.5, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private double alpha = 1.0;
        private double l1Ratio = 0.5;
        private boolean fitIntercept = true;
        private int maxIter = 1000;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Share of the L2,1 penalty, in [0, 1] (default 0.5; 1 is {@link MultiTaskLasso}). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Fit an unpenalised intercept per task (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most sweeps (default 1000, scikit-learn's max_iter). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when the duality gap is ≤ tol·‖Y − Ȳ‖²_F (default 1e-4, scikit-learn's). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the Gram pass, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public MultiTaskElasticNet build() {
            return new MultiTaskElasticNet(this);
        }
    }
}
