package dev.shrink.solvers;

import dev.shrink.solvers.group.GroupLogistic;
import dev.shrink.solvers.group.Groups;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Group lasso (and sparse-group lasso) with logistic loss, for two labels: minimises
 * {@code (1/n)·Σᵢ log(1 + exp(−tᵢ(xᵢ·w + b))) + alpha·(1 − l1Ratio)·Σ_g ω_g‖w_g‖₂ + alpha·l1Ratio·‖w‖₁}, tᵢ = ±1
 * for the larger / smaller label, groups and ω_g as {@link GroupLasso} (the conformance README's binomial group lasso
 * for l1Ratio = 0). With sample weights the loss is {@code (1/S)·Σᵢsᵢ·log(…)}, S = Σsᵢ; b is not penalised.
 *
 * <p>Proximal Newton on a working set of groups, each step a weighted group lasso solved by block coordinate descent;
 * gap-safe screening; stops when the duality gap is ≤ tol·F₀, F₀ the loss of the intercept-only model (n times the
 * labels' entropy). A {@link SparseDesign} is read in place, never densified: the Newton model's Gram comes from the
 * working set's stored entries, centred implicitly. Immutable; build with {@link #builder()}.
 */
public final class LogisticGroupLasso {
    private final double alpha;
    private final double l1Ratio;
    private final int[] groups;
    private final double[] groupWeights;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private LogisticGroupLasso(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        if (b.groups == null) throw new IllegalArgumentException("groups must be given: the group of every column");
        this.groups = b.groups.clone();
        this.groupWeights = b.groupWeights == null ? null : b.groupWeights.clone();
        Groups.of(groups, groups.length, groupWeights);
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
     * @throws IllegalArgumentException on bad input (labels not exactly two values, bad groups, …), naming the argument
     * @throws ConvergenceException     in strict mode when the duality gap does not reach the tolerance
     */
    public LogisticModel fit(Design x, double[] y, double[] sampleWeight) {
        double[] labels = Inputs.twoLabels(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        double[] y01 = new double[y.length];
        for (int i = 0; i < y.length; i++) y01[i] = y[i] == labels[1] ? 1.0 : 0.0;
        GroupLogistic problem = GroupLogistic.of(x.matrix(), y01, sampleWeight, fitIntercept, Groups.of(groups, x.p(), groupWeights), threads);
        double[] w = new double[x.p()];
        double lambda = problem.n() * alpha * (1 - l1Ratio);
        double l1 = problem.n() * alpha * l1Ratio;
        double gapTol = tol * problem.nullLoss();
        GroupLogistic.Solution s = problem.solve(w, lambda, l1, lambda, gapTol, maxIter);
        Convergence c = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "Newton steps", s.steps(), s.gap(), gapTol, s.converged(), maxIter);
        if (strict) c.requireConverged();
        return new LogisticModel(w, problem.intercept(), labels[0], labels[1], c);
    }

    @Override
    public String toString() {
        return "LogisticGroupLasso[alpha=" + alpha + ", l1Ratio=" + l1Ratio + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter
                + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /** Builder; defaults: alpha 1, l1Ratio 0, ω_g = √p_g, fitIntercept, maxIter 100 Newton steps, tol 1e-6. */
    public static final class Builder {
        private double alpha = 1.0;
        private double l1Ratio;
        private int[] groups;
        private double[] groupWeights;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-6;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Share of the L1 penalty inside the groups, in [0, 1] (default 0: the group lasso). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** The group of every column: ids 0 .. G−1, each used, one per column of X (required). */
        public Builder groups(int... groupOfColumn) { this.groups = groupOfColumn == null ? null : groupOfColumn.clone(); return this; }
        /** Penalty weight ω_g of each group, finite and ≥ 0 (default √p_g). */
        public Builder groupWeights(double... weights) { this.groupWeights = weights == null ? null : weights.clone(); return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most proximal Newton steps (default 100). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when the duality gap is ≤ tol·F₀, F₀ the intercept-only loss (default 1e-6). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the passes over X, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public LogisticGroupLasso build() {
            return new LogisticGroupLasso(this);
        }
    }
}
