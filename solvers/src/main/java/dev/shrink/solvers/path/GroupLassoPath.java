package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.group.GroupLeastSquares;
import dev.shrink.solvers.group.GroupLogistic;
import dev.shrink.solvers.group.Groups;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Warm-started group lasso (and sparse-group lasso) paths: at each alpha minimises the objective of
 * {@link dev.shrink.solvers.GroupLasso}, {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·(1 − l1Ratio)·Σ_g ω_g‖w_g‖₂
 * + alpha·l1Ratio·‖w‖₁}, or with {@link Builder#logistic} that of {@link dev.shrink.solvers.LogisticGroupLasso}. Grid: {@code alphas[k] = alpha_max·eps^(k/(nAlphas − 1))} with
 * {@code alpha_max = max_g ‖X_gᵀ(y − ȳ)‖₂/(n·ω_g)} (for l1Ratio = 0, the smallest alpha with w = 0; with the default
 * ω_g = √p_g this is the conformance README's rule). Block coordinate descent from the previous solution at each
 * alpha, the sequential strong rule (Tibshirani et al. 2012, over groups) choosing the initial working set, working
 * sets, gap-safe screening and a duality-gap stop per alpha. A sparse design is read in place (as the two
 * estimators do), never densified. Immutable; build with {@link #builder()}.
 */
public final class GroupLassoPath {
    private final int[] groups;
    private final double[] groupWeights;
    private final double l1Ratio;
    private final int nAlphas;
    private final double eps;
    private final double[] alphas;
    private final boolean fitIntercept;
    private final double tol;
    private final int maxIter;
    private final boolean screening;
    private final boolean logistic;
    private final int threads;

    private GroupLassoPath(Builder b) {
        if (b.groups == null) throw new IllegalArgumentException("groups must be given: the group of every column");
        this.groups = b.groups.clone();
        this.groupWeights = b.groupWeights == null ? null : b.groupWeights.clone();
        Groups.of(groups, groups.length, groupWeights);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        if (l1Ratio == 1) throw new IllegalArgumentException("l1Ratio = 1 is the lasso: use ElasticNetPath");
        this.nAlphas = Inputs.positive("nAlphas", b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.eps = b.eps;
        this.alphas = b.alphas == null ? null : ElasticNetPath.checkGrid("alphas", b.alphas);
        this.fitIntercept = b.fitIntercept;
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.screening = b.screening;
        this.logistic = b.logistic;
        this.threads = Threads.check(b.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The grid {@code alphaMax·eps^(k/(nAlphas − 1))}, k = 0 .. nAlphas − 1. */
    public static double[] grid(double alphaMax, int nAlphas, double eps) {
        double[] a = new double[nAlphas];
        for (int k = 0; k < nAlphas; k++) a[k] = nAlphas == 1 ? alphaMax : alphaMax * Math.pow(eps, (double) k / (nAlphas - 1));
        return a;
    }

    public PathResult fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public PathResult fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public PathResult fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /** @throws IllegalArgumentException on bad input, naming the argument and the position */
    public PathResult fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.weights(sampleWeight, x.n());
        Groups g = Groups.of(groups, x.p(), groupWeights);
        return logistic ? logisticPath(x, y, sampleWeight, g) : squaredPath(x, y, sampleWeight, g);
    }

    private PathResult squaredPath(Design x, double[] y, double[] sampleWeight, Groups g) {
        Inputs.response(y, x.n());
        GroupLeastSquares problem = GroupLeastSquares.of(x.matrix(), y, sampleWeight, fitIntercept, g, threads);
        double alphaMax = problem.alphaMax(l1Ratio);
        double gapTol = tol * problem.yNorm2();
        return run(x.p(), problem.n(), alphaMax, gapTol, "sweeps", (w, lambda, l1, strong) -> {
            GroupLeastSquares.Solution s = problem.solve(w, lambda, l1, strong, gapTol, maxIter);
            return new Step(problem.intercept(w), s.sweeps(), s.gap(), s.converged());
        });
    }

    private PathResult logisticPath(Design x, double[] y, double[] sampleWeight, Groups g) {
        double[] labels = Inputs.twoLabels(y, x.n());
        double[] y01 = new double[y.length];
        for (int i = 0; i < y.length; i++) y01[i] = y[i] == labels[1] ? 1.0 : 0.0;
        GroupLogistic problem = GroupLogistic.of(x.matrix(), y01, sampleWeight, fitIntercept, g, threads);
        double alphaMax = problem.alphaMax(l1Ratio);
        double gapTol = tol * problem.nullLoss();
        return run(x.p(), problem.n(), alphaMax, gapTol, "Newton steps", (w, lambda, l1, strong) -> {
            GroupLogistic.Solution s = problem.solve(w, lambda, l1, strong, gapTol, maxIter);
            return new Step(problem.intercept(), s.steps(), s.gap(), s.converged());
        });
    }

    /** One warm-started solve of either loss: w in and out, the intercept and how it ended. */
    private interface Solver {
        Step solve(double[] w, double lambda, double l1, double strongLambda);
    }

    private record Step(double intercept, int iterations, double gap, boolean converged) {}

    /** The path over the grid (explicit, or from alphaMax): warm starts and the sequential strong rule. */
    private PathResult run(int p, int n, double alphaMax, double gapTol, String steps, Solver solver) {
        double[] grid = alphas != null ? alphas.clone() : grid(alphaMax > 0 ? alphaMax : Double.MIN_NORMAL / eps, nAlphas, eps);
        double[] w = new double[p];
        double previous = n * alphaMax * (1 - l1Ratio);
        int k = grid.length;
        double[][] coefs = new double[k][];
        double[] intercepts = new double[k];
        Convergence[] convergence = new Convergence[k];
        for (int i = 0; i < k; i++) {
            double lambda = n * grid[i] * (1 - l1Ratio);
            double l1 = n * grid[i] * l1Ratio;
            double strong = screening ? Math.max(0, 2 * lambda - previous) : lambda;
            Step s = solver.solve(w, lambda, l1, strong);
            coefs[i] = w.clone();
            intercepts[i] = s.intercept();
            convergence[i] = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, steps, s.iterations(), s.gap(), gapTol, s.converged(), maxIter);
            previous = lambda;
        }
        return new PathResult(grid, coefs, intercepts, convergence);
    }

    /** Builder; defaults: l1Ratio 0, ω_g = √p_g, nAlphas 100, eps 1e-3, fitIntercept, tol 1e-4, maxIter 1000. */
    public static final class Builder {
        private int[] groups;
        private double[] groupWeights;
        private double l1Ratio;
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double[] alphas;
        private boolean fitIntercept = true;
        private double tol = 1e-4;
        private int maxIter = 1000;
        private boolean screening = true;
        private boolean logistic;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** The group of every column: ids 0 .. G−1, each used, one per column of X (required). */
        public Builder groups(int... groupOfColumn) { this.groups = groupOfColumn == null ? null : groupOfColumn.clone(); return this; }
        /** Penalty weight ω_g of each group, finite and ≥ 0 (default √p_g). */
        public Builder groupWeights(double... weights) { this.groupWeights = weights == null ? null : weights.clone(); return this; }
        /** Share of the L1 penalty inside the groups, in [0, 1) (default 0: the group lasso). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Length of the computed grid, ≥ 1 (default 100). */
        public Builder nAlphas(int nAlphas) { this.nAlphas = nAlphas; return this; }
        /** alpha_min / alpha_max of the computed grid, in (0, 1) (default 1e-3). */
        public Builder eps(double eps) { this.eps = eps; return this; }
        /** Explicit alphas, strongest first (default: computed from alpha_max, nAlphas and eps). */
        public Builder alphas(double... alphas) { this.alphas = alphas == null ? null : alphas.clone(); return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Stop each fit when its duality gap is ≤ tol·‖y − ȳ‖² (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Most sweeps per alpha (default 1000). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /**
         * Logistic loss (the objective of {@link dev.shrink.solvers.LogisticGroupLasso}, two labels; each fit stops when
         * its duality gap is ≤ tol·F₀, F₀ the intercept-only loss; maxIter counts Newton steps) instead of squared loss
         * (default false).
         */
        public Builder logistic(boolean logistic) { this.logistic = logistic; return this; }
        /** Sequential strong rule for the initial working set (default on; results do not depend on it). */
        public Builder screening(boolean screening) { this.screening = screening; return this; }
        /** Row chunks (threads) of the passes over X, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public GroupLassoPath build() {
            return new GroupLassoPath(this);
        }
    }
}
