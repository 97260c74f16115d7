package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.DenseDesign;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Precompute;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * p &gt; n each fold's path runs on its training rows instead ({@link FoldRows}). A {@link SparseDesign} is never
 * copied: each fold's path runs on all rows with weight 0 on the fold's validation rows ({@link FoldMasks}). Folds run in parallel
 * ({@link CvBuilder#threads}) with results identical to a sequential run.
 *
 * <pre>{@code
 * CvResult<LinearModel> r = ElasticNetCV.builder().l1Ratios(0.5).folds(5).build().fit(x, y);
 * r.valueMin(); r.value1se(); r.l1Ratio(); r.scores().mean(); r.model().coef();
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
    private final int maxIter;
    private final Precompute precompute;

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
        this.nAlphas = b.nAlphas;
        this.eps = b.eps;
        this.plan = b.plan();
        this.fitIntercept = plan.fitIntercept();
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        if (b.precompute == null) throw new IllegalArgumentException("precompute must not be null");
        this.precompute = b.precompute;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CvResult<LinearModel> fit(double[][] x, double[] y) {
        return fit(Design.of(x), y);
    }

    /** Fits on a validated design of either layout (read, never written). */
    public CvResult<LinearModel> fit(Design x, double[] y) {
        int n = x.n();
        Inputs.response(y, n);
        Folds f = plan.forRows(n);
        boolean covariance = precompute == Precompute.GRAM || (precompute == Precompute.AUTO && n >= x.p());
        KernelProvider kernels = KernelProvider.get();
        FoldData stats = switch (x) {
            case DenseDesign d when covariance -> new FoldStatistics(d.view(), y, f, fitIntercept, kernels);
            case DenseDesign d -> new FoldRows(d, y, f, fitIntercept, kernels);
            case SparseDesign s -> new FoldMasks(s, y, f, fitIntercept);
        };
        double[][] grids = new double[l1Ratios.length][];
        for (int l = 0; l < l1Ratios.length; l++) {
            grids[l] = alphas != null ? alphas.clone() : grid(stats.alphaMax(l1Ratios[l]), nAlphas, eps);
        }

        int nFolds = f.count();
        List<FoldResult> perFold = plan.run(f, fold -> fitFold(stats, fold, grids));
        List<CvScores> scores = new ArrayList<>();
        int bestL1 = 0;
        boolean converged = true;
        for (FoldResult r : perFold) converged &= r.converged;
        for (int l = 0; l < l1Ratios.length; l++) {
            double[][] errors = new double[nFolds][];
            for (int fold = 0; fold < nFolds; fold++) errors[fold] = perFold.get(fold).errors[l];
            CvScores s = CvScores.of(grids[l], errors, true);
            scores.add(s);
            if (s.minMean() < scores.get(bestL1).minMean()) bestL1 = l;
        }
        int index = scores.get(bestL1).indexMin();
        // Refit on all rows, warm-started along the grid down to the chosen α (the same path a fold runs).
        PathResult refit = stats.trainingPath(-1, path(l1Ratios[bestL1], Arrays.copyOf(grids[bestL1], index + 1)));
        double[] coef = refit.coef(index);
        converged &= refit.allConverged();
        LinearModel model = new LinearModel(coef, stats.originalIntercept(coef, refit.intercept(index)), refit.convergence(index));
        return new CvResult<>(l1Ratios, scores, bestL1, model, converged);
    }

    /** The warm-started path of the solvers ({@link ElasticNetPath}) on a grid. */
    private ElasticNetPath path(double l1Ratio, double[] grid) {
        return ElasticNetPath.builder().l1Ratio(l1Ratio).alphas(grid).fitIntercept(fitIntercept).tol(tol).maxIter(maxIter)
                .precompute(precompute == Precompute.GRAM ? Precompute.AUTO : precompute).threads(1).build();
    }

    private FoldResult fitFold(FoldData stats, int fold, double[][] grids) {
        double[][] errors = new double[grids.length][];
        double[] scratch = new double[stats.folds().size(fold)];
        boolean converged = true;
        for (int l = 0; l < grids.length; l++) {
            PathResult path = stats.trainingPath(fold, path(l1Ratios[l], grids[l]));
            converged &= path.allConverged();
            errors[l] = new double[grids[l].length];
            for (int a = 0; a < grids[l].length; a++) errors[l][a] = stats.validationMse(fold, path.coef(a), path.intercept(a), scratch);
        }
        return new FoldResult(errors, converged);
    }

    private record FoldResult(double[][] errors, boolean converged) {}

    /** scikit-learn's grid: nAlphas values log-spaced from α_max down to eps·α_max (α_max on all rows). */
    static double[] grid(double alphaMax, int nAlphas, double eps) {
        if (!(alphaMax > 0)) alphaMax = Double.MIN_NORMAL / eps; // y orthogonal to every column: any grid gives w = 0
        return ElasticNetPath.scikitLearnGrid(alphaMax, nAlphas, eps);
    }

    /** Builder with scikit-learn's defaults: l1Ratios {0.5}, 100 alphas, eps 1e-3, 5 folds, tol 1e-4, maxIter 1000. */
    public static final class Builder extends CvBuilder<Builder> {
        private double[] l1Ratios = {0.5};
        private double[] alphas;
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double tol = 1e-4;
        private int maxIter = 1000;
        private Precompute precompute = Precompute.AUTO;

        private Builder() {}

        /**
         * {@link Precompute#GRAM}: per-fold Gram statistics, training = total − fold, one pass over the rows;
         * {@link Precompute#NONE} or {@link Precompute#WORKING_SET}: each fold's path on its training rows in that mode.
         * Default {@link Precompute#AUTO}: GRAM when n ≥ p, as scikit-learn's {@code precompute='auto'}.
         */
        public Builder precompute(Precompute precompute) {
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

        /** Length of the computed α grid, ≥ 1 (default 100). */
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
         * Most coordinate-descent sweeps per penalty value: default 1000, scikit-learn's {@code max_iter} and the
         * {@link ElasticNetPath} default (a fit that stops at the cap is reported in {@link CvResult#converged()}).
         */
        public Builder maxIter(int maxIter) {
            this.maxIter = maxIter;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad parameter */
        public ElasticNetCV build() {
            return new ElasticNetCV(this);
        }
    }
}
