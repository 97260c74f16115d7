package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.Precompute;
import dev.shrink.solvers.SufficientStats;
import dev.shrink.solvers.cd.Box;
import dev.shrink.solvers.cd.LeastSquaresProblem;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Warm-started elastic-net / lasso paths in two dialects.
 *
 * <ul>
 *   <li>{@link Dialect#SCIKIT_LEARN} ({@code enet_path}): at each alpha minimises
 *   {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·l1Ratio·Σⱼfⱼ|wⱼ| + ½·alpha·(1 − l1Ratio)·Σⱼfⱼwⱼ²} (fⱼ = 1 unless
 *   penalty factors are given); grid {@code nAlphas} log-spaced values from alpha_max = max|X̃ᵀỹ|/(n·l1Ratio) down to
 *   {@code eps·alpha_max}.</li>
 *   <li>{@link Dialect#GLMNET} (Gaussian family): at each λ minimises
 *   {@code (1/(2n))·Σᵢ(yᵢ − b − xᵢ·w)² + λ·Σⱼfⱼ(l1Ratio·dⱼ|wⱼ| + (1 − l1Ratio)/(2·yScale)·dⱼ²wⱼ²)} with dⱼ the 1/n
 *   standard deviation of column j when standardising (else 1), yScale the 1/n standard deviation of y, fⱼ the penalty
 *   factors rescaled to sum to p; grid λ_max·r^(k/(K−1)), λ_max = max|X̃ᵀỹ|/(n·max(l1Ratio, 0.001)),
 *   r = lambdaMinRatio (default 1e-4 if n ≥ p, else 0.01).</li>
 * </ul>
 * Coordinate descent from the previous solution at each value (warm start; in covariance mode from the first-order
 * prediction of the last two solutions, {@link LeastSquaresProblem#predictNext}), with the sequential strong rule
 * (Tibshirani et al. 2012, "Strong rules for discarding predictors in lasso-type problems") choosing the initial
 * working set and a full KKT check before the duality-gap stop. Box constraints ({@code positive}, glmnet's
 * {@code lowerLimits} / {@code upperLimits}, on the original scale of X) clip every coordinate update; the grid does not
 * depend on them (as in glmnet). On a {@link dev.shrink.solvers.SparseDesign} the path runs on its columns with the
 * centring implicit (residual updates unless the p×p Gram is no larger than the stored entries) in at most twice the
 * CSC arrays plus O(n + p + |working set|²) heap besides the result. Immutable; build with {@link #builder()}.
 */
public final class ElasticNetPath {
    /** Whose objective and grid. */
    public enum Dialect { SCIKIT_LEARN, GLMNET }

    private final Dialect dialect;
    private final double l1Ratio;
    private final int nAlphas;
    private final double eps;
    private final double lambdaMinRatio;
    private final double[] alphas;
    private final boolean fitIntercept;
    private final boolean standardize;
    private final double[] penaltyFactors;
    private final double[] lowerLimits;
    private final double[] upperLimits;
    private final boolean positive;
    private final double tol;
    private final int maxIter;
    private final boolean screening;
    private final Precompute precompute;
    private final int threads;

    private ElasticNetPath(Builder b) {
        this.dialect = b.dialect;
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        this.nAlphas = Inputs.positive("nAlphas", b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.eps = b.eps;
        if (!Double.isNaN(b.lambdaMinRatio) && !(b.lambdaMinRatio > 0 && b.lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambdaMinRatio must be in (0, 1), got " + b.lambdaMinRatio);
        }
        this.lambdaMinRatio = b.lambdaMinRatio;
        this.alphas = b.alphas == null ? null : checkGrid("alphas", b.alphas);
        this.fitIntercept = b.fitIntercept;
        if (b.standardize && dialect != Dialect.GLMNET) throw new IllegalArgumentException("standardize is glmnet's option: use dialect(GLMNET)");
        this.standardize = b.standardize;
        this.penaltyFactors = b.penaltyFactors == null ? null : checkFactors(b.penaltyFactors);
        if (b.positive && (b.lowerLimits != null || b.upperLimits != null)) {
            throw new IllegalArgumentException("positive and lowerLimits/upperLimits exclude each other: positive is lowerLimits 0");
        }
        this.positive = b.positive;
        this.lowerLimits = b.lowerLimits == null ? null : b.lowerLimits.clone();
        this.upperLimits = b.upperLimits == null ? null : b.upperLimits.clone();
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.screening = b.screening;
        if (b.precompute == null) throw new IllegalArgumentException("precompute must not be null");
        this.precompute = b.precompute;
        this.threads = Threads.check(b.threads);
        if (alphas == null && dialect == Dialect.SCIKIT_LEARN && l1Ratio == 0) {
            throw new IllegalArgumentException("l1Ratio = 0 has no alpha_max: give explicit alphas (as scikit-learn requires)");
        }
    }

    /** A grid of penalty strengths: non-empty, finite, ≥ 0, in decreasing order. Returns a copy. */
    public static double[] checkGrid(String name, double[] grid) {
        if (grid == null || grid.length == 0) throw new IllegalArgumentException(name + " must not be empty");
        for (int k = 0; k < grid.length; k++) {
            if (!(grid[k] >= 0) || grid[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + k + "] must be finite and ≥ 0, got " + grid[k]);
            }
            if (k > 0 && grid[k] > grid[k - 1]) {
                throw new IllegalArgumentException(name + " must be in decreasing order (strongest penalty first): " + name + "[" + k + "] = "
                        + grid[k] + " > " + name + "[" + (k - 1) + "] = " + grid[k - 1]);
            }
        }
        return grid.clone();
    }

    private static double[] checkFactors(double[] f) {
        double sum = 0;
        for (int j = 0; j < f.length; j++) {
            if (!(f[j] >= 0) || f[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("penaltyFactors[" + j + "] must be finite and ≥ 0, got " + f[j]);
            }
            sum += f[j];
        }
        if (!(sum > 0)) throw new IllegalArgumentException("penaltyFactors are all zero: at least one feature must be penalised");
        return f.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** scikit-learn's grid: {@code alphas[k] = 10^(log10(alphaMax) − k·(log10(alphaMax) − log10(eps·alphaMax))/(nAlphas − 1))}. */
    public static double[] scikitLearnGrid(double alphaMax, int nAlphas, double eps) {
        double[] a = new double[nAlphas];
        if (nAlphas == 1) {
            a[0] = alphaMax;
            return a;
        }
        double hi = Math.log10(alphaMax);
        double lo = Math.log10(eps * alphaMax);
        for (int k = 0; k < nAlphas; k++) a[k] = Math.pow(10, hi - k * (hi - lo) / (nAlphas - 1));
        return a;
    }

    /** glmnet's grid: {@code lambdaMax·ratio^(k/(K−1))}. */
    public static double[] glmnetGrid(double lambdaMax, int nLambdas, double ratio) {
        double[] a = new double[nLambdas];
        for (int k = 0; k < nLambdas; k++) a[k] = nLambdas == 1 ? lambdaMax : lambdaMax * Math.pow(ratio, (double) k / (nLambdas - 1));
        return a;
    }

    public PathResult fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public PathResult fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    public PathResult fit(Design x, double[] y, double[] sampleWeight) {
        if (penaltyFactors != null && penaltyFactors.length != x.p()) {
            throw new IllegalArgumentException("penaltyFactors has " + penaltyFactors.length + " values, X has " + x.p() + " columns");
        }
        box(x.p());
        return fit(LeastSquaresProblem.of(DesignMatrix.of(x.matrix(), threads), y, sampleWeight, fitIntercept, standardize,
                LeastSquaresProblem.Mode.of(precompute.name())));
    }

    /** The path on precomputed statistics (covariance mode; not with standardize). */
    public PathResult fit(SufficientStats stats) {
        if (standardize) throw new IllegalArgumentException("standardize is not available on precomputed statistics");
        box(stats.p());
        return fit(LeastSquaresProblem.ofSums(stats.rows(), stats.sumWeights(), stats.xSums(), stats.ySum(), stats.yty(), stats.gram(), stats.xty(),
                fitIntercept));
    }

    /** The grid this path uses on a prepared problem (explicit alphas, else the dialect's rule). Resets its state. */
    private double[] grid(LeastSquaresProblem problem) {
        if (alphas != null) return alphas.clone();
        double max = l1Max(problem, factors(problem.p()), problem.box(box(problem.p())));
        int n = problem.n();
        if (!(max > 0)) {
            // y is constant (or orthogonal to every column): w = 0 for every penalty; scikit-learn then returns a grid of
            // its float resolution, 1e-15
            double[] flat = new double[nAlphas];
            java.util.Arrays.fill(flat, 1e-15);
            return flat;
        }
        if (dialect == Dialect.SCIKIT_LEARN) return scikitLearnGrid(max / (n * l1Ratio), nAlphas, eps);
        double ratio = Double.isNaN(lambdaMinRatio) ? (n >= problem.p() ? 1e-4 : 1e-2) : lambdaMinRatio;
        return glmnetGrid(max / (n * Math.max(l1Ratio, 1e-3)), nAlphas, ratio);
    }

    /**
     * The smallest l1 weight at which every penalised coefficient is 0: max |X̃ᵀR|ⱼ/fⱼ over penalised features, with R
     * the residual after fitting the unpenalised ones (fⱼ = 0), as glmnet does. Leaves the problem at that point.
     */
    private double l1Max(LeastSquaresProblem problem, double[] f, Box box) {
        double[] g = problem.correlations();
        boolean unpenalised = false;
        if (f != null) for (double v : f) unpenalised |= v == 0;
        if (unpenalised) {
            double[] w = new double[problem.p()];
            problem.solve(w, Double.MAX_VALUE, 0.0, f, box, Double.MAX_VALUE, 1e-14 * problem.yNorm2(), 1e-12, 100_000);
            g = problem.gradient();
        }
        double max = 0;
        for (int j = 0; j < g.length; j++) {
            double fj = f == null ? 1.0 : f[j];
            if (fj > 0) max = Math.max(max, Math.abs(g[j]) / fj);
        }
        return max;
    }

    /** The bounds on the original scale (null: none), validated against p: positive is lower 0, upper +∞. */
    private Box box(int p) {
        if (lowerLimits == null && upperLimits == null && !positive) return null;
        double[] lo = positive ? new double[p] : lowerLimits;
        Inputs.limits(lo, upperLimits, p);
        double[] l = new double[p];
        double[] u = new double[p];
        for (int j = 0; j < p; j++) {
            l[j] = lo == null ? Double.NEGATIVE_INFINITY : lo[j];
            u[j] = upperLimits == null ? Double.POSITIVE_INFINITY : upperLimits[j];
        }
        return new Box(l, u);
    }

    /** Penalty factors as used: glmnet rescales them to sum to p. */
    private double[] factors(int p) {
        if (penaltyFactors == null) return null;
        if (penaltyFactors.length != p) throw new IllegalArgumentException("penaltyFactors has " + penaltyFactors.length + " values, X has " + p + " columns");
        if (dialect == Dialect.SCIKIT_LEARN) return penaltyFactors.clone();
        double sum = 0;
        for (double v : penaltyFactors) sum += v;
        double[] f = new double[p];
        for (int j = 0; j < p; j++) f[j] = penaltyFactors[j] * p / sum;
        return f;
    }

    /** Runs the path on a prepared problem (its standardisation and weights are the problem's). */
    private PathResult fit(LeastSquaresProblem problem) {
        double[] grid = grid(problem);
        int p = problem.p();
        int n = problem.n();
        double[] f = factors(p);
        double yNorm2 = problem.yNorm2();
        double l2Scale = dialect == Dialect.GLMNET ? 1 / Math.sqrt(yNorm2 / n) : 1.0;
        if (!Double.isFinite(l2Scale)) l2Scale = 1.0; // constant y: the solution is 0 whatever the L2 weight
        double gapTol = tol * yNorm2;
        double[] w = new double[p];
        Box original = box(p);
        Box box = problem.box(original);
        // strong rule reference: the smallest l1 at which the penalised coefficients are all 0
        double prevL1 = l1Max(problem, f, box);
        int k = grid.length;
        double[][] coefs = new double[k][];
        double[] intercepts = new double[k];
        Convergence[] convergence = new Convergence[k];
        for (int i = 0; i < k; i++) {
            // predictor step from the last two solutions (covariance mode; see LeastSquaresProblem.predictNext)
            if (i >= 2 && grid[i - 1] != grid[i - 2]) problem.predictNext(w, (grid[i] - grid[i - 1]) / (grid[i - 1] - grid[i - 2]));
            double l1 = n * grid[i] * l1Ratio;
            double l2 = n * grid[i] * (1 - l1Ratio) * l2Scale;
            double screen = screening ? Math.max(0, 2 * l1 - prevL1) : l1;
            LeastSquaresProblem.Solution s = problem.solve(w, l1, l2, f, box, screen, gapTol, tol, maxIter);
            coefs[i] = problem.originalCoef(w, original);
            intercepts[i] = problem.intercept(coefs[i]);
            convergence[i] = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", s.iterations(), s.gap(), gapTol, s.converged(), maxIter);
            prevL1 = l1;
        }
        return new PathResult(grid, coefs, intercepts, convergence);
    }

    /** Builder; defaults as scikit-learn's {@code enet_path}: l1Ratio 0.5, nAlphas 100, eps 1e-3, tol 1e-4, maxIter 1000. */
    public static final class Builder {
        private Dialect dialect = Dialect.SCIKIT_LEARN;
        private double l1Ratio = 0.5;
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double lambdaMinRatio = Double.NaN;
        private double[] alphas;
        private boolean fitIntercept = true;
        private boolean standardize;
        private double[] penaltyFactors;
        private double[] lowerLimits;
        private double[] upperLimits;
        private boolean positive;
        private double tol = 1e-4;
        private int maxIter = 1000;
        private boolean screening = true;
        private Precompute precompute = Precompute.AUTO;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Whose objective and grid: scikit-learn's (default) or glmnet's Gaussian family. */
        public Builder dialect(Dialect dialect) { this.dialect = dialect; return this; }
        /** Share of the L1 penalty, in [0, 1] (glmnet's alpha; default 0.5). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Length of the computed grid, ≥ 1 (default 100). */
        public Builder nAlphas(int nAlphas) { this.nAlphas = nAlphas; return this; }
        /** scikit-learn grid: alpha_min / alpha_max, in (0, 1). */
        public Builder eps(double eps) { this.eps = eps; return this; }
        /** glmnet grid: lambda.min.ratio, in (0, 1); default 1e-4 if n ≥ p, else 0.01. */
        public Builder lambdaMinRatio(double r) { this.lambdaMinRatio = r; return this; }
        /** Explicit penalty values (alpha, or λ for glmnet), strongest first. */
        public Builder alphas(double[] alphas) { this.alphas = alphas == null ? null : alphas.clone(); return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** glmnet's standardize (default false here; glmnet's own default is true). */
        public Builder standardize(boolean standardize) { this.standardize = standardize; return this; }
        /** Per-feature penalty factors (glmnet's penalty.factor; rescaled to sum to p in the glmnet dialect). */
        public Builder penaltyFactors(double[] f) { this.penaltyFactors = f == null ? null : f.clone(); return this; }
        /**
         * glmnet's {@code lower.limits}: wⱼ ≥ lowerLimits[j] on the original scale of X (values ≤ 0, −∞ for none; null:
         * none, the default).
         */
        public Builder lowerLimits(double[] lower) { this.lowerLimits = lower == null ? null : lower.clone(); return this; }
        /** glmnet's {@code upper.limits}: wⱼ ≤ upperLimits[j] (values ≥ 0, +∞ for none; null: none, the default). */
        public Builder upperLimits(double[] upper) { this.upperLimits = upper == null ? null : upper.clone(); return this; }
        /** scikit-learn's {@code positive}: every coefficient ≥ 0 (default false). */
        public Builder positive(boolean positive) { this.positive = positive; return this; }
        /** Stop each fit when its duality gap is ≤ tol·‖y − ȳ‖² (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Maximum sweeps per penalty value. */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Sequential strong rule for the initial working set (default on; results do not depend on it). */
        public Builder screening(boolean screening) { this.screening = screening; return this; }
        /** How coordinate descent reads the data (default {@link Precompute#AUTO}: the Gram matrix when n ≥ p). */
        public Builder precompute(Precompute precompute) { this.precompute = precompute; return this; }
        /**
         * Row chunks (threads of the common ForkJoinPool) for covariance mode's Gram pass, ≥ 1. Default: the common pool's
         * parallelism + 1, as scikit-learn's Gram goes through a multithreaded BLAS; for a given count the result is
         * the same on every run, and {@code threads(1)} is single-threaded.
         */
        public Builder threads(int threads) { this.threads = threads; return this; }

        public ElasticNetPath build() {
            return new ElasticNetPath(this);
        }
    }
}
