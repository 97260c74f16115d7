package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.Inputs;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Elastic net with (α, l1Ratio) chosen by K-fold cross-validation, as scikit-learn's {@code ElasticNetCV}: each
 * fit minimises {@code (1/(2*n))*sum_i (y_i - x_i.w - b)^2 + alpha*l1_ratio*sum_j |w_j| + 0.5*alpha*(1 - l1_ratio)*sum_j w_j^2}
 * over the training rows of a fold (n their number, b unpenalised); the score of (α, l1Ratio) is the plain mean
 * over folds of the validation mean squared error; the chosen pair has the smallest score (first l1Ratio, then
 * first α on ties) and the returned model is the fit on all rows there. glmnet's one-standard-error α is reported too.
 *
 * <p>Covariance mode (n ≥ p by default): one pass over the rows computes per-fold sufficient statistics
 * ({@link FoldStatistics}); a fold's training statistics are total − fold, and its warm-started path
 * ({@link ElasticNetPath}, coordinate descent with strong rules and a duality-gap stop) runs on statistics only, and
 * so do the validation errors (Σ(y − b − Xw)² from the fold's statistics, falling back to its rows only where that
 * would cancel more than half the digits). For
 * p &gt; n each fold's path runs on its training rows instead ({@link FoldRows}). Folds run in parallel on an {@link Executor} when one is given, with results identical
 * to a sequential run.
 *
 * <pre>{@code
 * ElasticNetCV.Result r = ElasticNetCV.builder().l1Ratios(0.5).folds(5).build().fit(x, y);
 * r.alpha(); r.alpha1se(); r.scores().mean(); r.coef(); r.intercept();
 * }</pre>
 */
public final class ElasticNetCV {
    private final double[] l1Ratios;
    private final double[] alphas;
    private final int nAlphas;
    private final double eps;
    private final FoldPlan plan;
    private final boolean fitIntercept;
    private final double tol;
    private final int maxSweeps;
    private final KernelProvider kernels;
    private final Boolean precompute;

    private ElasticNetCV(Builder b) {
        if (b.l1Ratios == null || b.l1Ratios.length == 0) throw new IllegalArgumentException("l1Ratios must not be empty");
        for (int i = 0; i < b.l1Ratios.length; i++) {
            double r = b.l1Ratios[i];
            if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException("l1Ratios[" + i + "] must be in [0, 1], got " + r);
            if (b.alphas == null && r == 0) {
                throw new IllegalArgumentException("l1Ratios[" + i + "] is 0: the automatic α grid needs l1Ratio > 0; give alphas explicitly");
            }
        }
        this.l1Ratios = b.l1Ratios.clone();
        this.alphas = b.alphas == null ? null : CvInputs.decreasingGrid("alphas", b.alphas);
        if (b.nAlphas < 1) throw new IllegalArgumentException("nAlphas must be ≥ 1, got " + b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        if (!(b.tol > 0)) throw new IllegalArgumentException("tol must be > 0, got " + b.tol);
        if (b.maxSweeps < 1) throw new IllegalArgumentException("maxSweeps must be ≥ 1, got " + b.maxSweeps);
        this.nAlphas = b.nAlphas;
        this.eps = b.eps;
        this.plan = b.plan();
        this.fitIntercept = plan.fitIntercept();
        this.tol = b.tol;
        this.maxSweeps = b.maxSweeps;
        this.kernels = b.kernels;
        this.precompute = b.precompute;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Result fit(double[][] x, double[] y) {
        return fit(Design.of(x), y);
    }

    /** Fits on a validated design of either layout (read, never written). */
    public Result fit(Design x, double[] y) {
        int n = x.n();
        Inputs.response(y, n);
        Folds f = plan.forRows(n);
        boolean covariance = precompute != null ? precompute : n >= x.p();
        FoldData stats = covariance ? new FoldStatistics(x.view(), y, f, fitIntercept, kernels) : new FoldRows(x, y, f, fitIntercept, kernels);
        double[][] grids = new double[l1Ratios.length][];
        for (int l = 0; l < l1Ratios.length; l++) {
            grids[l] = alphas != null ? alphas.clone() : grid(stats.alphaMax(l1Ratios[l]), nAlphas, eps);
        }

        int nFolds = f.count();
        List<FoldResult> perFold = plan.run(f, fold -> fitFold(stats, fold, grids));
        List<CvScores> scores = new ArrayList<>();
        int bestL1 = 0;
        boolean converged = true;
        double maxGap = 0;
        for (FoldResult r : perFold) {
            converged &= r.converged;
            maxGap = Math.max(maxGap, r.maxGap);
        }
        for (int l = 0; l < l1Ratios.length; l++) {
            double[][] errors = new double[nFolds][];
            for (int fold = 0; fold < nFolds; fold++) errors[fold] = perFold.get(fold).errors[l];
            CvScores s = CvScores.of(grids[l], errors, true);
            scores.add(s);
            if (s.mean()[s.indexMin()] < scores.get(bestL1).mean()[scores.get(bestL1).indexMin()]) bestL1 = l;
        }
        CvScores best = scores.get(bestL1);
        int index = best.indexMin();
        // Refit on all rows, warm-started along the grid down to the chosen α (the same path a fold runs).
        PathResult refit = stats.trainingPath(-1, path(l1Ratios[bestL1], Arrays.copyOf(grids[bestL1], index + 1)));
        double[] coef = refit.coef(index);
        converged &= refit.allConverged();
        return new Result(l1Ratios.clone(), List.copyOf(scores), bestL1, l1Ratios[bestL1], best.valueMin(), best.value1se(),
                coef, stats.originalIntercept(coef, refit.intercept(index)), refit.gap(index), maxGap, converged);
    }

    /** The warm-started path of the solvers ({@link ElasticNetPath}) on a grid. */
    private ElasticNetPath path(double l1Ratio, double[] grid) {
        return ElasticNetPath.builder().l1Ratio(l1Ratio).alphas(grid).fitIntercept(fitIntercept).tol(tol).maxIter(maxSweeps).build();
    }

    private FoldResult fitFold(FoldData stats, int fold, double[][] grids) {
        double[][] errors = new double[grids.length][];
        double[] scratch = new double[stats.folds().size(fold)];
        boolean converged = true;
        double maxGap = 0;
        for (int l = 0; l < grids.length; l++) {
            PathResult path = stats.trainingPath(fold, path(l1Ratios[l], grids[l]));
            converged &= path.allConverged();
            errors[l] = new double[grids[l].length];
            for (int a = 0; a < grids[l].length; a++) {
                errors[l][a] = stats.validationMse(fold, path.coef(a), path.intercept(a), scratch);
                maxGap = Math.max(maxGap, path.gap(a));
            }
        }
        return new FoldResult(errors, converged, maxGap);
    }

    private record FoldResult(double[][] errors, boolean converged, double maxGap) {}

    /** scikit-learn's grid: nAlphas values log-spaced from α_max down to eps·α_max (α_max on all rows). */
    static double[] grid(double alphaMax, int nAlphas, double eps) {
        if (!(alphaMax > 0)) alphaMax = Double.MIN_NORMAL / eps; // y orthogonal to every column: any grid gives w = 0
        return ElasticNetPath.scikitLearnGrid(alphaMax, nAlphas, eps);
    }

    /**
     * What {@link #fit} found.
     *
     * @param l1Ratios       the l1Ratio grid
     * @param scores         cross-validation scores per l1Ratio (each with its α grid)
     * @param bestL1Index    index of the chosen l1Ratio
     * @param l1Ratio        the chosen l1Ratio
     * @param alpha          the chosen α (smallest mean error)
     * @param alpha1se       glmnet's one-standard-error α for the chosen l1Ratio
     * @param coef           coefficients of the fit on all rows at (α, l1Ratio)
     * @param intercept      its intercept
     * @param dualityGap     duality gap of that fit (as {@link PathResult#gap})
     * @param maxFoldGap     the largest duality gap over all fold fits
     * @param converged      whether every fit met the tolerance
     */
    public record Result(double[] l1Ratios, List<CvScores> scores, int bestL1Index, double l1Ratio, double alpha,
                         double alpha1se, double[] coef, double intercept, double dualityGap, double maxFoldGap,
                         boolean converged) {
        /** Scores of the chosen l1Ratio. */
        public CvScores bestScores() {
            return scores.get(bestL1Index);
        }

        /** glmnet's name for the chosen α ({@code lambda.min}): the same as {@link #alpha()}. */
        public double alphaMin() {
            return alpha;
        }

        /** Index of the chosen α in its grid. */
        public int alphaIndex() {
            return bestScores().indexMin();
        }
    }

    public static final class Builder extends CvBuilder<Builder> {
        private double[] l1Ratios = {0.5};
        private double[] alphas;
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double tol = 1e-4;
        private int maxSweeps = 1000;
        private KernelProvider kernels = KernelProvider.get();
        private Boolean precompute;

        private Builder() {}

        /**
         * Covariance mode (true: per-fold Gram statistics, training = total − fold) or row mode (false: each fold's
         * path on its training rows). Default: covariance mode when n ≥ p, as scikit-learn's {@code precompute='auto'}.
         */
        public Builder precompute(boolean precompute) {
            this.precompute = precompute;
            return this;
        }

        /** l1Ratio grid, each in [0, 1] (default {0.5}); grid search over (α, l1Ratio) when several. */
        public Builder l1Ratios(double... l1Ratios) {
            this.l1Ratios = l1Ratios == null ? null : l1Ratios.clone();
            return this;
        }

        /** Explicit α grid, strictly decreasing, used for every l1Ratio (default: computed, see nAlphas and eps). */
        public Builder alphas(double... alphas) {
            this.alphas = alphas == null ? null : alphas.clone();
            return this;
        }

        public Builder nAlphas(int nAlphas) {
            this.nAlphas = nAlphas;
            return this;
        }

        /** Ratio α_min/α_max of the computed grid, in (0, 1); default 1e-3. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Each fit stops when its duality gap is ≤ tol·‖y − ȳ‖², scikit-learn's criterion and default (1e-4): the
         * same accuracy as {@code ElasticNetCV}. Lower it (e.g. 1e-12) for scores exact to many digits.
         */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        /**
         * Maximum coordinate-descent sweeps per penalty value: default 1000, scikit-learn's {@code max_iter} and the
         * {@link ElasticNetPath} default, so that a fold path costs what the same path on all rows costs (a fit that
         * stops at the cap is reported in {@link Result#converged()}).
         */
        public Builder maxSweeps(int maxSweeps) {
            this.maxSweeps = maxSweeps;
            return this;
        }

        public Builder kernels(KernelProvider kernels) {
            if (kernels == null) throw new IllegalArgumentException("kernels must not be null");
            this.kernels = kernels;
            return this;
        }

        public ElasticNetCV build() {
            return new ElasticNetCV(this);
        }
    }
}
