package dev.shrink.cli.model;

import dev.shrink.cli.model.Entry.CvRunner;
import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.cli.model.Entry.PathRunner;
import dev.shrink.conformance.Objectives;
import dev.shrink.solvers.ARDRegression;
import dev.shrink.solvers.ARDRegressionModel;
import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.AdaptiveLassoModel;
import dev.shrink.solvers.BayesianRidge;
import dev.shrink.solvers.BayesianRidgeModel;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.cv.AdaptiveLassoCV;
import dev.shrink.solvers.cv.AdaptiveLassoCvResult;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.path.AdaptiveLassoPath;
import dev.shrink.solvers.path.PathResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Penalties adapted from the data, for the registry: the adaptive lasso (Zou 2006: a first fit sets penalty factors
 * 1/|ŵⱼ|^γ for a weighted lasso; fit, path, and CV over (γ, α)) and Bayesian ridge (scikit-learn's BayesianRidge: the
 * ridge penalty λ/α chosen by evidence maximisation). What they estimate beside the coefficients is written under
 * {@code estimated}.
 */
final class AdaptiveModels {
    private AdaptiveModels() {}

    // ---- adaptive lasso ----

    /** The stage settings common to fit, path and cv (its alpha and gamma are set by the caller). */
    private static AdaptiveLasso.Builder stages(Params p) {
        String first = p.choice("first-stage", "ridge", Set.of("ridge", "ols", "lasso"), "the first stage is ridge, ols or lasso");
        return AdaptiveLasso.builder().firstStage(AdaptiveLasso.FirstStage.valueOf(first.toUpperCase(Locale.ROOT)))
                .firstStageAlpha(p.number("first-stage-alpha", 1.0)).l1Ratio(p.number("l1-ratio", 1.0)).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 1000)).tol(p.number("tol", 1e-4)).threads(p.threads());
    }

    static Fitter adaptiveLasso(Params p) {
        double alpha = p.number("alpha", 1.0);
        double gamma = p.number("gamma", 1.0);
        AdaptiveLasso est = stages(p).alpha(alpha).gamma(gamma).build();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            AdaptiveLassoModel m = est.fit(d.x(), y, d.weights());
            return adaptive(m, objective(d.x(), y, d.weights(), m, alpha, est.l1Ratio()));
        };
    }

    static PathRunner adaptiveLassoPath(Params p) {
        AdaptiveLassoPath.Builder b = AdaptiveLassoPath.builder().estimator(stages(p).gamma(p.number("gamma", 1.0)).build());
        Choices.Grid grid = Choices.grid(p, "alphas", 100);
        if (grid.explicit()) b.alphas(grid.values());
        else b.nAlphas(grid.count()).eps(p.number("eps", 1e-3));
        AdaptiveLassoPath path = b.build();
        Choices.acceptWeights(p);
        return d -> {
            PathResult r = path.fit(d.x(), Labels.numeric(d), d.weights());
            return LeastSquaresModels.points("alpha", r);
        };
    }

    static CvRunner adaptiveLassoCv(Params p) {
        AdaptiveLasso est = stages(p).build();
        double[] gammas = p.numbers("gamma", new double[] {0.5, 1, 2});
        Choices.Grid grid = Choices.grid(p, "alphas", 100);
        if (grid.explicit()) throw new UsageException("--alphas: the adaptive lasso's CV lays out each γ's grid from the data; give --n-alphas and --eps");
        double eps = p.number("eps", 1e-3);
        Choices.FoldChoice folds = Choices.folds(p);
        return d -> {
            double[] y = Labels.numeric(d);
            Folds f = folds.of(d);
            AdaptiveLassoCvResult<AdaptiveLassoModel> r = AdaptiveLassoCV.builder().estimator(est).gammas(gammas).nAlphas(grid.count()).eps(eps).folds(f)
                    .fitIntercept(est.fitIntercept()).threads(est.threads()).build().fit(d.x(), y);
            AdaptiveLassoModel m = r.model();
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put("gammas", r.gammas());
            chosen.put("gamma", r.gamma());
            Fitted model = adaptive(m, objective(d.x(), y, null, m, r.valueMin(), est.l1Ratio())).with(chosen);
            // the top axis of the plot: non-zeros on all rows at each α of the chosen γ (stage 2 along the grid)
            PathResult all = AdaptiveLassoPath.builder().estimator(est.toBuilder().gamma(r.gamma()).build()).alphas(r.scores().grid()).build()
                    .secondStage(d.x(), y, null, m.penaltyFactors());
            int[] nonZero = new int[all.size()];
            for (int k = 0; k < nonZero.length; k++) nonZero[k] = Fitted.linear(all.model(k), Double.NaN).nonZero();
            return LeastSquaresModels.summary("alpha", "mse", f.count(), r.scores(), null, Double.NaN, nonZero, r.converged(), model);
        };
    }

    /** The second stage as the model, with the first stage and the factors under {@code estimated}. */
    private static Fitted adaptive(AdaptiveLassoModel m, double objective) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("first_stage", m.firstStageKind().name().toLowerCase(Locale.ROOT));
        details.put("first_stage_coef", m.firstStage().coef());
        details.put("first_stage_intercept", m.firstStage().intercept());
        details.put("penalty_factors", m.penaltyFactors());
        return Fitted.linear(m.model(), objective).with(details);
    }

    /**
     * Stage 2's objective, {@code (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼfⱼ(l1Ratio·|wⱼ| + ½(1 − l1Ratio)·wⱼ²)}, a
     * feature with fⱼ = +∞ (left out, wⱼ = 0) adding nothing.
     */
    static double objective(Design x, double[] y, double[] s, AdaptiveLassoModel m, double alpha, double l1Ratio) {
        double[] w = m.coef();
        double[] f = m.penaltyFactors();
        double loss = Objectives.elasticNet(x, y, s, w, m.intercept(), 0, l1Ratio);
        double penalty = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) penalty += f[j] * (l1Ratio * Math.abs(w[j]) + 0.5 * (1 - l1Ratio) * w[j] * w[j]);
        }
        return loss + alpha * penalty;
    }

    // ---- Bayesian ridge and ARD ----

    /** scikit-learn's settings of evidence maximisation: iterations, tol, the Gamma hyper-priors, compute_score. */
    record Evidence(int maxIter, double tol, double alpha1, double alpha2, double lambda1, double lambda2, boolean computeScore) {}

    static Evidence evidence(Params p) {
        return new Evidence(p.integer("max-iter", 300), p.number("tol", 1e-3), p.number("alpha-1", 1e-6), p.number("alpha-2", 1e-6),
                p.number("lambda-1", 1e-6), p.number("lambda-2", 1e-6), p.flag("compute-score", false));
    }

    static Fitter bayesianRidge(Params p) {
        Evidence e = evidence(p);
        BayesianRidge.Builder b = BayesianRidge.builder().maxIter(e.maxIter()).tol(e.tol()).alpha1(e.alpha1()).alpha2(e.alpha2()).lambda1(e.lambda1())
                .lambda2(e.lambda2()).computeScore(e.computeScore()).fitIntercept(p.fitIntercept()).threads(p.threads());
        if (p.has("alpha-init")) b.alphaInit(p.number("alpha-init", Double.NaN));
        else p.consume("alpha-init");
        if (p.has("lambda-init")) b.lambdaInit(p.number("lambda-init", Double.NaN));
        else p.consume("lambda-init");
        BayesianRidge est = b.build();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            BayesianRidgeModel m = est.fit(d.x(), y, d.weights());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("alpha", m.alpha());
            details.put("lambda", m.lambda());
            details.put("penalty", m.lambda() / m.alpha());
            if (est.computeScore()) details.put("scores", m.scores());
            return Fitted.linear(m.linearModel(), Objectives.ridge(d.x(), y, d.weights(), m.coef(), m.intercept(), m.lambda() / m.alpha())).with(details);
        };
    }

    /** scikit-learn's ARDRegression: one precision λⱼ per weight; features whose λⱼ reaches --threshold-lambda are pruned. */
    static Fitter ardRegression(Params p) {
        Evidence e = evidence(p);
        ARDRegression est = ARDRegression.builder().maxIter(e.maxIter()).tol(e.tol()).alpha1(e.alpha1()).alpha2(e.alpha2()).lambda1(e.lambda1())
                .lambda2(e.lambda2()).computeScore(e.computeScore()).thresholdLambda(p.number("threshold-lambda", 1e4)).fitIntercept(p.fitIntercept())
                .threads(p.threads()).build();
        return d -> {
            double[] y = Labels.numeric(d);
            ARDRegressionModel m = est.fit(d.x(), y);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("alpha", m.alpha());
            details.put("lambda", m.lambda());
            details.put("kept_features", java.util.Arrays.stream(m.keptFeatures()).mapToDouble(j -> j).toArray());
            if (est.computeScore()) details.put("scores", m.scores());
            return Fitted.linear(m.linearModel(), ardObjective(d.x(), y, m)).with(details);
        };
    }

    /** ARD's objective at its estimates: Σᵢ(yᵢ − xᵢ·w − b)² + Σⱼ(λⱼ/α)·wⱼ² (pruned features have wⱼ = 0). */
    static double ardObjective(Design x, double[] y, ARDRegressionModel m) {
        double[] w = m.coef();
        double[] lambda = m.lambda();
        double penalty = 0;
        for (int j = 0; j < w.length; j++) if (w[j] != 0) penalty += lambda[j] / m.alpha() * w[j] * w[j];
        return Objectives.ridge(x, y, null, w, m.intercept(), 0) + penalty;
    }
}
