package dev.shrink.solvers.cv;

import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.AdaptiveLassoModel;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.path.AdaptiveLassoPath;
import dev.shrink.solvers.path.PathResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The adaptive lasso with (γ, α) chosen by K-fold cross-validation. For each fold both stages run on its training rows
 * — stage 1 ({@link AdaptiveLasso#firstStageFit}) gives that fold's factors 1/|ŵⱼ|^γ, stage 2 its warm-started path
 * ({@link AdaptiveLassoPath}) — so that the validation rows never influence the weights; the score of (γ, α) is the
 * plain mean over folds of the validation mean squared error. The α grid of each γ is computed on all rows (stage 1
 * on all rows, then scikit-learn's rule with the factors). The chosen pair has the smallest score (first γ, then
 * first α on ties), and the returned model is both stages refitted on all rows there.
 *
 * <pre>{@code
 * AdaptiveLassoCvResult<AdaptiveLassoModel> r = AdaptiveLassoCV.builder().gammas(0.5, 1, 2).folds(5).build().fit(x, y);
 * r.gamma(); r.valueMin(); r.model().firstStage(); r.model().coef();
 * }</pre>
 */
public final class AdaptiveLassoCV {
    private final AdaptiveLasso estimator;
    private final double[] gammas;
    private final int nAlphas;
    private final double eps;
    private final FoldPlan plan;

    private AdaptiveLassoCV(Builder b) {
        this.gammas = CvInputs.positiveGrid("gammas", b.gammas);
        if (b.nAlphas < 1) throw new IllegalArgumentException("nAlphas must be ≥ 1, got " + b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.nAlphas = b.nAlphas;
        this.eps = b.eps;
        this.plan = b.plan();
        if (b.estimator == null) throw new IllegalArgumentException("estimator must not be null");
        this.estimator = b.estimator.toBuilder().fitIntercept(plan.fitIntercept()).threads(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public AdaptiveLassoCvResult<AdaptiveLassoModel> fit(double[][] x, double[] y) {
        return fit(Design.of(x), y);
    }

    public AdaptiveLassoCvResult<AdaptiveLassoModel> fit(Design x, double[] y) {
        int n = x.n();
        Inputs.response(y, n);
        Folds f = plan.forRows(n);
        LinearModel first = estimator.firstStageFit(x, y, null);
        double[][] grids = new double[gammas.length][];
        for (int g = 0; g < gammas.length; g++) {
            PathResult all = AdaptiveLassoPath.builder().estimator(estimator).nAlphas(nAlphas).eps(eps).build()
                    .secondStage(x, y, null, AdaptiveLasso.penaltyFactors(first.coef(), gammas[g]));
            grids[g] = all.penalties();
        }
        List<FoldResult> perFold = plan.run(f, fold -> foldErrors(x, y, f, fold, grids));
        List<CvScores> scores = new ArrayList<>();
        int best = 0;
        boolean converged = true;
        for (FoldResult r : perFold) converged &= r.converged();
        for (int g = 0; g < gammas.length; g++) {
            double[][] errors = new double[f.count()][];
            for (int fold = 0; fold < f.count(); fold++) errors[fold] = perFold.get(fold).errors()[g];
            CvScores s = CvScores.of(grids[g], errors, true);
            scores.add(s);
            if (s.minMean() < scores.get(best).minMean()) best = g;
        }
        AdaptiveLassoModel model = estimator.toBuilder().gamma(gammas[best]).alpha(scores.get(best).valueMin()).build().fit(x, y);
        converged &= model.convergence().converged();
        return new AdaptiveLassoCvResult<>(gammas, scores, best, model, converged);
    }

    private record FoldResult(double[][] errors, boolean converged) {}

    /** Both stages on the fold's training rows for every γ; the validation mean squared error at every α. */
    private FoldResult foldErrors(Design x, double[] y, Folds f, int fold, double[][] grids) {
        int[] train = f.trainingRows(fold);
        int[] valid = f.validationRows(fold);
        Design xt = x.rows(train);
        Design xv = x.rows(valid);
        double[] yt = new double[train.length];
        for (int r = 0; r < train.length; r++) yt[r] = y[train[r]];
        LinearModel first = estimator.firstStageFit(xt, yt, null);
        double[][] errors = new double[gammas.length][];
        double[] scratch = new double[valid.length];
        DesignMatrix validation = DesignMatrix.of(xv.matrix(), 1); // dense or sparse rows
        boolean converged = first.convergence().converged();
        for (int g = 0; g < gammas.length; g++) {
            PathResult path = AdaptiveLassoPath.builder().estimator(estimator).alphas(grids[g]).build()
                    .secondStage(xt, yt, null, AdaptiveLasso.penaltyFactors(first.coef(), gammas[g]));
            converged &= path.allConverged();
            errors[g] = new double[grids[g].length];
            for (int a = 0; a < grids[g].length; a++) {
                validation.multiply(path.coef(a), scratch);
                double sum = 0;
                for (int r = 0; r < valid.length; r++) {
                    double e = y[valid[r]] - path.intercept(a) - scratch[r];
                    sum += e * e;
                }
                errors[g][a] = sum / valid.length;
            }
        }
        return new FoldResult(errors, converged);
    }

    /** Builder; defaults: gammas {0.5, 1, 2}, ridge first stage (alpha 1), lasso second stage, 100 alphas, eps 1e-3, 5 folds. */
    public static final class Builder extends CvBuilder<Builder> {
        private AdaptiveLasso estimator = AdaptiveLasso.builder().build();
        private double[] gammas = {0.5, 1, 2};
        private int nAlphas = 100;
        private double eps = 1e-3;

        private Builder() {}

        /** The stage settings (first stage and its alpha, l1Ratio, tol, maxIter); its alpha and gamma are chosen here. */
        public Builder estimator(AdaptiveLasso estimator) {
            this.estimator = estimator;
            return this;
        }

        /** γ grid, each finite and &gt; 0 (default {0.5, 1, 2}). */
        public Builder gammas(double... gammas) {
            this.gammas = gammas == null ? null : gammas.clone();
            return this;
        }

        /** Length of each computed α grid, ≥ 1 (default 100). */
        public Builder nAlphas(int nAlphas) {
            this.nAlphas = nAlphas;
            return this;
        }

        /** Ratio α_min/α_max of the computed grids, in (0, 1); default 1e-3. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad parameter */
        public AdaptiveLassoCV build() {
            return new AdaptiveLassoCV(this);
        }
    }
}
