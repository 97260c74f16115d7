package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.group.MultiTaskProblem;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Responses;
import dev.shrink.solvers.internal.Threads;

/**
 * Warm-started multi-task elastic-net paths, scikit-learn's {@code enet_path} with a multi-output Y: at each alpha
 * minimises the objective of {@link dev.shrink.solvers.MultiTaskElasticNet}; grid {@code nAlphas} log-spaced values
 * from alpha_max = maxⱼ‖X̃ⱼᵀỸ‖₂/(n·l1Ratio) down to eps·alpha_max. The Gram matrix is formed once for the whole path
 * ({@link MultiTaskProblem}; for a sparse design from its stored entries, and only when p² ≤ its stored entries, else
 * a working set as the single fit's); each alpha starts from the previous solution. Immutable; build with {@link #builder()}.
 */
public final class MultiTaskElasticNetPath {
    private final double l1Ratio;
    private final int nAlphas;
    private final double eps;
    private final double[] alphas;
    private final boolean fitIntercept;
    private final double tol;
    private final int maxIter;
    private final int threads;

    private MultiTaskElasticNetPath(Builder b) {
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        this.nAlphas = Inputs.positive("nAlphas", b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.eps = b.eps;
        this.alphas = b.alphas == null ? null : ElasticNetPath.checkGrid("alphas", b.alphas);
        if (alphas == null && l1Ratio == 0) throw new IllegalArgumentException("l1Ratio = 0 has no alpha_max: give explicit alphas");
        this.fitIntercept = b.fitIntercept;
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.threads = Threads.check(b.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    public MultiTaskPathResult fit(double[][] x, double[][] y) {
        return fit(Design.of(x), y);
    }

    /**
     * @param y n rows of T values
     * @throws IllegalArgumentException on bad input, naming the argument and the position
     */
    public MultiTaskPathResult fit(Design x, double[][] y) {
        double[] flat = Responses.matrix(y, x.n());
        int tasks = y[0].length;
        return fit(MultiTaskProblem.of(x.matrix(), flat, tasks, fitIntercept, threads, true));
    }

    /** The path on a prepared problem (cross-validation's folds). */
    MultiTaskPathResult fit(MultiTaskProblem problem) {
        int n = problem.n();
        double[] grid = alphas != null ? alphas.clone() : grid(problem);
        double gapTol = tol * problem.yNorm2();
        double[] w = new double[problem.p() * problem.tasks()];
        MultiTaskModel[] models = new MultiTaskModel[grid.length];
        for (int k = 0; k < grid.length; k++) {
            MultiTaskProblem.Solution s = problem.solve(w, n * grid[k] * l1Ratio, n * grid[k] * (1 - l1Ratio), gapTol, maxIter);
            Convergence c = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", s.sweeps(), s.gap(), gapTol, s.converged(), maxIter);
            models[k] = new MultiTaskModel(problem.taskCoefficients(w), problem.intercepts(w), c);
        }
        return new MultiTaskPathResult(grid, models);
    }

    /** scikit-learn's grid for this problem (alpha_max from X̃ᵀỸ). */
    double[] grid(MultiTaskProblem problem) {
        double max = problem.correlationMax() / (problem.n() * l1Ratio);
        if (!(max > 0)) max = Double.MIN_NORMAL / eps; // Y orthogonal to every column: w = 0 throughout
        return ElasticNetPath.scikitLearnGrid(max, nAlphas, eps);
    }

    /** Builder; defaults as scikit-learn's: l1Ratio 0.5, nAlphas 100, eps 1e-3, fitIntercept, tol 1e-4, maxIter 1000. */
    public static final class Builder {
        private double l1Ratio = 0.5;
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double[] alphas;
        private boolean fitIntercept = true;
        private double tol = 1e-4;
        private int maxIter = 1000;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Share of the L2,1 penalty, in [0, 1] (default 0.5). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Length of the computed grid, ≥ 1 (default 100). */
        public Builder nAlphas(int nAlphas) { this.nAlphas = nAlphas; return this; }
        /** alpha_min / alpha_max, in (0, 1) (default 1e-3). */
        public Builder eps(double eps) { this.eps = eps; return this; }
        /** Explicit alphas, strongest first. */
        public Builder alphas(double... alphas) { this.alphas = alphas == null ? null : alphas.clone(); return this; }
        /** Fit an unpenalised intercept per task (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Stop each fit when its duality gap is ≤ tol·‖Y − Ȳ‖²_F (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Most sweeps per alpha (default 1000). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Row chunks (threads) of the Gram pass, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public MultiTaskElasticNetPath build() {
            return new MultiTaskElasticNetPath(this);
        }
    }
}
