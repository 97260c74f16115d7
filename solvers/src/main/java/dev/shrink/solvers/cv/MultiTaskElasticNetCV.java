package dev.shrink.solvers.cv;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.group.MultiTaskProblem;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Responses;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multi-task elastic net with (α, l1Ratio) chosen by K-fold cross-validation, as scikit-learn's
 * {@code MultiTaskElasticNetCV}: each fold fits the objective of {@link dev.shrink.solvers.MultiTaskElasticNet} on
 * its training rows along the α grid (warm-started, {@link MultiTaskElasticNetPath}); the score of (α, l1Ratio) is the
 * plain mean over folds of the validation mean squared error over rows and tasks; the chosen pair has the smallest
 * score (first l1Ratio, then first α on ties) and the returned model is the fit on all rows there. The grid for each
 * l1Ratio is scikit-learn's, computed on all rows. Folds run in parallel ({@link CvBuilder#threads}) with results
 * identical to a sequential run. A sparse design stays sparse (folds are row subsets of its compressed arrays).
 *
 * <pre>{@code
 * CvResult<MultiTaskModel> r = MultiTaskElasticNetCV.builder().l1Ratios(0.5, 0.9).folds(5).build().fit(x, Y);
 * r.valueMin(); r.l1Ratio(); r.model().coef();
 * }</pre>
 */
public final class MultiTaskElasticNetCV {
    private final double[] l1Ratios;
    private final double[] alphas;
    private final int nAlphas;
    private final double eps;
    private final FoldPlan plan;
    private final double tol;
    private final int maxIter;

    private MultiTaskElasticNetCV(Builder b) {
        if (b.l1Ratios == null || b.l1Ratios.length == 0) throw new IllegalArgumentException("l1Ratios must not be empty");
        for (int i = 0; i < b.l1Ratios.length; i++) {
            double r = b.l1Ratios[i];
            if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException("l1Ratios[" + i + "] must be in [0, 1], got " + r);
            if (b.alphas == null && r == 0) throw new IllegalArgumentException("l1Ratios[" + i + "] is 0: the automatic α grid needs l1Ratio > 0");
        }
        this.l1Ratios = b.l1Ratios.clone();
        this.alphas = b.alphas == null ? null : CvInputs.decreasingGrid("alphas", b.alphas);
        if (b.nAlphas < 1) throw new IllegalArgumentException("nAlphas must be ≥ 1, got " + b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.nAlphas = b.nAlphas;
        this.eps = b.eps;
        this.plan = b.plan();
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
    }

    public static Builder builder() {
        return new Builder();
    }

    public CvResult<MultiTaskModel> fit(double[][] x, double[][] y) {
        return fit(Design.of(x), y);
    }

    /** @param y n rows of T values */
    public CvResult<MultiTaskModel> fit(Design x, double[][] y) {
        int n = x.n();
        double[] flat = Responses.matrix(y, n);
        int tasks = y[0].length;
        Folds f = plan.forRows(n);
        MultiTaskProblem all = MultiTaskProblem.gathered(x.matrix(), flat, tasks, plan.fitIntercept(), 1);
        double[][] grids = new double[l1Ratios.length][];
        for (int l = 0; l < l1Ratios.length; l++) {
            double max = all.correlationMax() / (n * l1Ratios[l]);
            grids[l] = alphas != null ? alphas.clone() : ElasticNetPath.scikitLearnGrid(max > 0 ? max : Double.MIN_NORMAL / eps, nAlphas, eps);
        }
        List<FoldResult> perFold = plan.run(f, fold -> foldErrors(x, flat, tasks, f, fold, grids));
        List<CvScores> scores = new ArrayList<>();
        int best = 0;
        for (int l = 0; l < l1Ratios.length; l++) {
            double[][] errors = new double[f.count()][];
            for (int fold = 0; fold < f.count(); fold++) errors[fold] = perFold.get(fold).errors()[l];
            CvScores s = CvScores.of(grids[l], errors, true);
            scores.add(s);
            if (s.minMean() < scores.get(best).minMean()) best = l;
        }
        int index = scores.get(best).indexMin();
        MultiTaskPathResult refit = path(l1Ratios[best], Arrays.copyOf(grids[best], index + 1)).fit(x, y);
        boolean converged = refit.allConverged();
        for (FoldResult r : perFold) converged &= r.converged();
        return new CvResult<>(l1Ratios, scores, best, refit.model(index), converged);
    }

    /** One fold's validation errors, {@code errors[l][a]} at l1Ratios[l] and α = grids[l][a], and whether every fit converged. */
    private record FoldResult(double[][] errors, boolean converged) {}

    /** The mean squared error over the fold's validation rows and the tasks, at every (l1Ratio, α). */
    private FoldResult foldErrors(Design x, double[] y, int tasks, Folds f, int fold, double[][] grids) {
        int[] train = f.trainingRows(fold);
        int[] valid = f.validationRows(fold);
        Design xt = x.rows(train);
        Design xv = x.rows(valid);
        double[][] yt = new double[train.length][tasks];
        for (int r = 0; r < train.length; r++) for (int t = 0; t < tasks; t++) yt[r][t] = y[train[r] * tasks + t];
        double[][] out = new double[l1Ratios.length][];
        boolean converged = true;
        double[] scratch = new double[valid.length];
        DesignMatrix validation = DesignMatrix.of(xv.matrix(), 1); // dense or sparse rows
        for (int l = 0; l < l1Ratios.length; l++) {
            MultiTaskPathResult path = path(l1Ratios[l], grids[l]).fit(xt, yt);
            converged &= path.allConverged();
            out[l] = new double[grids[l].length];
            for (int a = 0; a < grids[l].length; a++) {
                double sum = 0;
                double[][] w = path.coef(a);
                double[] b = path.intercepts(a);
                for (int t = 0; t < tasks; t++) {
                    validation.multiply(w[t], scratch);
                    for (int r = 0; r < valid.length; r++) {
                        double e = y[valid[r] * tasks + t] - b[t] - scratch[r];
                        sum += e * e;
                    }
                }
                out[l][a] = sum / ((double) valid.length * tasks);
            }
        }
        return new FoldResult(out, converged);
    }

    private MultiTaskElasticNetPath path(double l1Ratio, double[] grid) {
        return MultiTaskElasticNetPath.builder().l1Ratio(l1Ratio).alphas(grid).fitIntercept(plan.fitIntercept()).tol(tol).maxIter(maxIter)
                .threads(1).build();
    }

    /** Builder with scikit-learn's defaults: l1Ratios {0.5}, 100 alphas, eps 1e-3, 5 folds, tol 1e-4, maxIter 1000. */
    public static final class Builder extends CvBuilder<Builder> {
        private double[] l1Ratios = {0.5};
        private double[] alphas;
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double tol = 1e-4;
        private int maxIter = 1000;

        private Builder() {}

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

        /** Each fit stops when its duality gap is ≤ tol·‖Y − Ȳ‖²_F (default 1e-4, scikit-learn's). */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        /** Most sweeps per α (default 1000). */
        public Builder maxIter(int maxIter) {
            this.maxIter = maxIter;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad parameter */
        public MultiTaskElasticNetCV build() {
            return new MultiTaskElasticNetCV(this);
        }
    }
}
