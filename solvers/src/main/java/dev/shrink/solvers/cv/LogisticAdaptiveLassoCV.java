package dev.shrink.solvers.cv;

import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticAdaptiveLasso;
import dev.shrink.solvers.LogisticAdaptiveLassoModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.path.LogisticAdaptiveLassoPath;
import dev.shrink.solvers.path.PathResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The logistic adaptive lasso with (γ, C) chosen by K-fold cross-validation on the mean log-loss, as
 * {@link LogisticRegressionCV} scores. For each fold both stages run on its training rows — stage 1
 * ({@link LogisticAdaptiveLasso#firstStageFit}) gives that fold's factors 1/|ŵⱼ|^γ, stage 2 its warm-started path over
 * C ({@link LogisticAdaptiveLassoPath}) — so that the validation rows never influence the weights; the score of
 * (γ, C) is the plain mean over folds of the validation mean log-loss {@code log(1 + exp(zᵢ)) − tᵢ·zᵢ}. The C grid of
 * each γ is computed on all rows (stage 1 on all rows, then the path's rule with the factors). The chosen pair has the
 * smallest score (first γ, then first C on ties), and the returned model is both stages refitted on all rows there.
 * Both labels must occur in the training rows of every fold.
 *
 * <pre>{@code
 * AdaptiveLassoCvResult<LogisticAdaptiveLassoModel> r = LogisticAdaptiveLassoCV.builder().gammas(0.5, 1, 2).build().fit(x, y);
 * r.gamma(); r.valueMin(); r.model().firstStage(); r.model().coef();
 * }</pre>
 */
public final class LogisticAdaptiveLassoCV {
    private final LogisticAdaptiveLasso estimator;
    private final double[] gammas;
    private final int nCs;
    private final double eps;
    private final FoldPlan plan;

    private LogisticAdaptiveLassoCV(Builder b) {
        this.gammas = CvInputs.positiveGrid("gammas", b.gammas);
        this.nCs = Inputs.positive("nCs", b.nCs);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.eps = b.eps;
        this.plan = b.plan();
        if (b.estimator == null) throw new IllegalArgumentException("estimator must not be null");
        this.estimator = b.estimator.toBuilder().fitIntercept(plan.fitIntercept()).threads(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public AdaptiveLassoCvResult<LogisticAdaptiveLassoModel> fit(double[][] x, double[] y) {
        return fit(Design.of(x), y);
    }

    /** @throws IllegalArgumentException on bad input, or when a label is absent from the training rows of a fold */
    public AdaptiveLassoCvResult<LogisticAdaptiveLassoModel> fit(Design x, double[] y) {
        int n = x.n();
        double[] labels = Inputs.twoLabels(y, n);
        double[] index = Inputs.classIndices(y, labels);
        Folds f = plan.forRows(n);
        for (int fold = 0; fold < f.count(); fold++) LogisticRegressionCV.requireEveryClass(index, labels, f.trainingRows(fold), fold);
        LogisticModel first = estimator.firstStageFit(x, y, null);
        double[][] grids = new double[gammas.length][];
        for (int g = 0; g < gammas.length; g++) {
            grids[g] = LogisticAdaptiveLassoPath.builder().estimator(estimator).nCs(nCs).eps(eps).build()
                    .secondStage(x, y, null, AdaptiveLasso.penaltyFactors(first.coef(), gammas[g])).penalties();
        }
        List<FoldResult> perFold = plan.run(f, fold -> foldLosses(x, y, index, f, fold, grids));
        List<CvScores> scores = new ArrayList<>();
        int best = 0;
        boolean converged = true;
        for (FoldResult r : perFold) converged &= r.converged();
        for (int g = 0; g < gammas.length; g++) {
            double[][] losses = new double[f.count()][];
            for (int fold = 0; fold < f.count(); fold++) losses[fold] = perFold.get(fold).losses()[g];
            CvScores s = CvScores.of(grids[g], losses, false);
            scores.add(s);
            if (s.minMean() < scores.get(best).minMean()) best = g;
        }
        LogisticAdaptiveLassoModel model = estimator.toBuilder().gamma(gammas[best]).C(scores.get(best).valueMin()).build().fit(x, y);
        converged &= model.convergence().converged();
        return new AdaptiveLassoCvResult<>(gammas, scores, best, model, converged);
    }

    private record FoldResult(double[][] losses, boolean converged) {}

    /** Both stages on the fold's training rows for every γ; the validation mean log-loss at every C. */
    private FoldResult foldLosses(Design x, double[] y, double[] index, Folds f, int fold, double[][] grids) {
        int[] train = f.trainingRows(fold);
        int[] valid = f.validationRows(fold);
        Design xt = x.rows(train);
        Design xv = x.rows(valid);
        double[] yt = new double[train.length];
        for (int r = 0; r < train.length; r++) yt[r] = y[train[r]];
        double[] ones = new double[y.length];
        Arrays.fill(ones, 1.0);
        LogisticModel first = estimator.firstStageFit(xt, yt, null);
        boolean converged = first.convergence().converged();
        double[][] losses = new double[gammas.length][];
        for (int g = 0; g < gammas.length; g++) {
            PathResult path = LogisticAdaptiveLassoPath.builder().estimator(estimator).Cs(grids[g]).build()
                    .secondStage(xt, yt, null, AdaptiveLasso.penaltyFactors(first.coef(), gammas[g]));
            converged &= path.allConverged();
            losses[g] = new double[grids[g].length];
            for (int c = 0; c < grids[g].length; c++) {
                losses[g][c] = LogisticRegressionCV.meanLogLoss(xv, valid, index, ones, new double[][] {path.coef(c)}, new double[] {path.intercept(c)});
            }
        }
        return new FoldResult(losses, converged);
    }

    /** Builder; defaults: gammas {0.5, 1, 2}, an L2 logistic first stage (C 1), L1 second stage, 20 Cs, eps 1e-3, 5 folds. */
    public static final class Builder extends CvBuilder<Builder> {
        private LogisticAdaptiveLasso estimator = LogisticAdaptiveLasso.builder().build();
        private double[] gammas = {0.5, 1, 2};
        private int nCs = 20;
        private double eps = 1e-3;

        private Builder() {}

        /** The stage settings (first stage and its C, l1Ratio, tol, maxIter); its C and gamma are chosen here. */
        public Builder estimator(LogisticAdaptiveLasso estimator) {
            this.estimator = estimator;
            return this;
        }

        /** γ grid, each finite and &gt; 0 (default {0.5, 1, 2}). */
        public Builder gammas(double... gammas) {
            this.gammas = gammas == null ? null : gammas.clone();
            return this;
        }

        /** Length of each computed C grid, ≥ 1 (default 20: each point is a logistic fit). */
        public Builder nCs(int nCs) {
            this.nCs = nCs;
            return this;
        }

        /** Ratio C_min/C_max of the computed grids, in (0, 1); default 1e-3. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad parameter */
        public LogisticAdaptiveLassoCV build() {
            return new LogisticAdaptiveLassoCV(this);
        }
    }
}
