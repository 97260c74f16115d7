package dev.shrink.solvers;

import dev.shrink.solvers.group.GroupLeastSquares;
import dev.shrink.solvers.group.Groups;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Group lasso (and sparse-group lasso) with squared loss: minimises
 * {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·(1 − l1Ratio)·Σ_g ω_g·‖w_g‖₂ + alpha·l1Ratio·Σⱼ|wⱼ|}, groups g of columns
 * given by {@link Builder#groups}, ω_g = √p_g unless given ({@link Builder#groupWeights}); l1Ratio = 0 (default) is
 * the group lasso of the conformance README ({@code alpha·Σ_g √p_g‖w_g‖₂}), l1Ratio &gt; 0 the sparse-group lasso
 * (Simon, Friedman, Hastie &amp; Tibshirani 2013). With sample weights the loss is {@code (1/(2S))·Σᵢsᵢ(…)²}, S = Σsᵢ;
 * b is not penalised. A group's coefficients enter or leave the model together.
 *
 * <p>Block coordinate descent with the exact group proximal step, working sets over groups, gap-safe screening and a
 * duality-gap stop ({@code gap ≤ tol·‖y − ȳ‖²}, scikit-learn's rule for its lasso); the Gram matrix when n ≥ p, the
 * working set's columns otherwise. A {@link SparseDesign} is read in place, never densified or centred: the working
 * set's Gram comes from its stored entries with the centring implicit (x̃ⱼᵀx̃ₖ = xⱼᵀVxₖ − S·x̄ⱼx̄ₖ). Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * LinearModel m = GroupLasso.builder().groups(0, 0, 0, 1, 1, 2).alpha(0.1).build().fit(x, y);
 * }</pre>
 */
public final class GroupLasso {
    private final double alpha;
    private final double l1Ratio;
    private final int[] groups;
    private final double[] groupWeights;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private GroupLasso(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        if (b.groups == null) throw new IllegalArgumentException("groups must be given: the group of every column");
        this.groups = b.groups.clone();
        this.groupWeights = b.groupWeights == null ? null : b.groupWeights.clone();
        Groups.of(groups, groups.length, groupWeights); // ids and weights now; the count of columns at fit
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
    /** The group of every column (a copy). */
    public int[] groups() { return groups.clone(); }
    /** The group weights ω_g, or null for √p_g (a copy). */
    public double[] groupWeights() { return groupWeights == null ? null : groupWeights.clone(); }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }

    public LinearModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null, null);
    }

    public LinearModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight, null);
    }

    public LinearModel fit(Design x, double[] y) {
        return fit(x, y, null, null);
    }

    public LinearModel fit(Design x, double[] y, double[] sampleWeight) {
        return fit(x, y, sampleWeight, null);
    }

    /**
     * Fits from the given starting coefficients (warm start; null = zeros).
     *
     * @throws IllegalArgumentException on bad input (groups that do not cover every column, an empty group, a negative
     *                                  group weight, …), naming the argument and the position
     * @throws ConvergenceException     in strict mode when the duality gap does not reach the tolerance
     */
    public LinearModel fit(Design x, double[] y, double[] sampleWeight, double[] initialCoef) {
        Inputs.response(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        Inputs.coefficients("initialCoef", initialCoef, x.p());
        Groups g = Groups.of(groups, x.p(), groupWeights);
        GroupLeastSquares problem = GroupLeastSquares.of(x.matrix(), y, sampleWeight, fitIntercept, g, threads);
        double[] w = initialCoef == null ? new double[x.p()] : initialCoef.clone();
        double lambda = problem.n() * alpha * (1 - l1Ratio);
        double l1 = problem.n() * alpha * l1Ratio;
        double gapTol = tol * problem.yNorm2();
        GroupLeastSquares.Solution s = problem.solve(w, lambda, l1, lambda, gapTol, maxIter);
        Convergence c = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", s.sweeps(), s.gap(), gapTol, s.converged(), maxIter);
        if (strict) c.requireConverged();
        return new LinearModel(w, problem.intercept(w), c);
    }

    @Override
    public String toString() {
        return "GroupLasso[alpha=" + alpha + ", l1Ratio=" + l1Ratio + ", groups=" + Groups.of(groups, groups.length, groupWeights).count()
                + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /** Builder; defaults: alpha 1, l1Ratio 0 (group lasso), ω_g = √p_g, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private double alpha = 1.0;
        private double l1Ratio;
        private int[] groups;
        private double[] groupWeights;
        private boolean fitIntercept = true;
        private int maxIter = 1000;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Share of the L1 penalty inside the groups, in [0, 1] (default 0: the group lasso; &gt; 0: sparse-group lasso). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** The group of every column: ids 0 .. G−1, each used, one per column of X (required). */
        public Builder groups(int... groupOfColumn) { this.groups = groupOfColumn == null ? null : groupOfColumn.clone(); return this; }
        /** Penalty weight ω_g of each group, finite and ≥ 0 (default √p_g; 0 leaves a group unpenalised). */
        public Builder groupWeights(double... weights) { this.groupWeights = weights == null ? null : weights.clone(); return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most block-coordinate-descent sweeps (default 1000). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when the duality gap is ≤ tol·‖y − ȳ‖² (default 1e-4, as scikit-learn's lasso). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the passes over X, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public GroupLasso build() {
            return new GroupLasso(this);
        }
    }
}
