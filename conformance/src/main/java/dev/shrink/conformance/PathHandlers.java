package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PoissonPath;
import dev.shrink.solvers.path.PathResult;

import java.util.Locale;

/** Handlers of the regularisation paths {@code elasticnet_path} (both sources) and {@code logistic_path} (glmnet). */
final class PathHandlers {
    private PathHandlers() {}

    static CaseResult elasticNetPath(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double l1Ratio = c.number("l1_ratio");
        double[] alphas = c.alphas();
        boolean glmnet = c.isGlmnet();
        PathResult r = ElasticNetPath.builder()
                .dialect(glmnet ? ElasticNetPath.Dialect.GLMNET : ElasticNetPath.Dialect.SCIKIT_LEARN)
                .standardize(glmnet && c.standardize())
                .l1Ratio(l1Ratio).alphas(alphas).fitIntercept(c.fitIntercept())
                .penaltyFactors(c.bool("penalty_factor") ? c.matrix("penalty_factor.csv")[0] : null)
                .lowerLimits(c.bool("limits") ? c.matrix("lower_limits.csv")[0] : null)
                .upperLimits(c.bool("limits") ? c.matrix("upper_limits.csv")[0] : null)
                .tol(SingleFitHandlers.CD_TOL).maxIter(SingleFitHandlers.CD_MAX_ITER).build()
                .fit(x, y, s);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        double[] d = glmnet && c.standardize() ? Objectives.columnScales(x) : null;
        double[] factors = c.bool("penalty_factor") ? Objectives.glmnetPenaltyFactors(c.matrix("penalty_factor.csv")[0]) : null;
        double yScale = glmnet ? (c.has("y_scale") ? c.number("y_scale") : Objectives.yScale(y)) : Double.NaN;
        Comparison cmp = new Comparison(c);
        int sweeps = 0;
        for (int k = 0; k < alphas.length; k++) {
            double[] w = r.coef(k);
            cmp.coef(coef[k], b[k], w, r.intercept(k));
            if (c.bool("limits")) cmp.check(Objectives.withinLimits(w, c.matrix("lower_limits.csv")[0], c.matrix("upper_limits.csv")[0]),
                    "alphas[" + k + "]: a coefficient is outside its limits");
            double value = glmnet
                    ? Objectives.glmnetGaussian(x, y, w, r.intercept(k), alphas[k], l1Ratio, d, yScale, factors)
                    : Objectives.elasticNet(x, y, s, w, r.intercept(k), alphas[k], l1Ratio);
            cmp.objective(obj[k], value);
            sweeps += r.convergence(k).iterations();
        }
        return cmp.note(alphas.length + " alphas, " + sweeps + " sweeps").result();
    }

    static CaseResult logisticPath(ConformanceCase c) throws Exception {
        if (!c.isGlmnet()) return CaseResult.skipped(c.id(), "logistic_path from " + c.source() + " is not supported (glmnet only)");
        Design x = c.design();
        double[] y = c.y();
        double[] lambdas = c.alphas();
        double alpha = c.number("l1_ratio");
        double[] pf = c.bool("penalty_factor") ? c.matrix("penalty_factor.csv")[0] : null;
        double[] lower = c.bool("limits") ? c.matrix("lower_limits.csv")[0] : null;
        double[] upper = c.bool("limits") ? c.matrix("upper_limits.csv")[0] : null;
        PathResult r = LogisticPath.builder().l1Ratio(alpha).lambdas(lambdas).standardize(c.standardize()).fitIntercept(c.fitIntercept())
                .penaltyFactors(pf).lowerLimits(lower).upperLimits(upper)
                .tol(alpha == 0 && pf == null && lower == null ? SingleFitHandlers.NEWTON_TOL : GLM_TOL).maxIter(200).build().fit(x, y);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        double[] d = c.standardize() ? Objectives.columnScales(x) : null;
        double[] factors = pf == null ? null : Objectives.glmnetPenaltyFactors(pf);
        Comparison cmp = new Comparison(c);
        int steps = 0;
        for (int k = 0; k < lambdas.length; k++) {
            double[] w = r.coef(k);
            cmp.coef(coef[k], b[k], w, r.intercept(k));
            if (lower != null) cmp.check(Objectives.withinLimits(w, lower, upper), "lambdas[" + k + "]: a coefficient is outside its limits");
            cmp.objective(obj[k], Objectives.glmnetBinomial(x, y, w, r.intercept(k), lambdas[k], alpha, d, factors));
            steps += r.convergence(k).iterations();
        }
        return cmp.note(String.format(Locale.ROOT, "%d lambdas, %d Newton steps", lambdas.length, steps)).result();
    }

    /** Duality-gap tolerance of the GLM paths (the objectives are weighted means of the loss). */
    static final double GLM_TOL = 1e-14;

    static CaseResult poissonPath(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] lambdas = c.alphas();
        double alpha = c.number("l1_ratio");
        double[] pf = c.bool("penalty_factor") ? c.matrix("penalty_factor.csv")[0] : null;
        PathResult r = PoissonPath.builder().l1Ratio(alpha).lambdas(lambdas).standardize(c.standardize()).fitIntercept(c.fitIntercept())
                .penaltyFactors(pf).tol(GLM_TOL).maxIter(200).build().fit(x, y);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        double[] d = c.standardize() ? Objectives.columnScales(x) : null;
        double[] factors = pf == null ? null : Objectives.glmnetPenaltyFactors(pf);
        Comparison cmp = new Comparison(c);
        int steps = 0;
        for (int k = 0; k < lambdas.length; k++) {
            double[] w = r.coef(k);
            cmp.coef(coef[k], b[k], w, r.intercept(k));
            cmp.objective(obj[k], Objectives.glmnetPoisson(x, y, w, r.intercept(k), lambdas[k], alpha, d, factors));
            steps += r.convergence(k).iterations();
        }
        return cmp.note(String.format(Locale.ROOT, "%d lambdas, %d Newton steps", lambdas.length, steps)).result();
    }

    static CaseResult multinomialPath(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] lambdas = c.alphas();
        double alpha = c.number("l1_ratio");
        boolean grouped = c.string("type_multinomial").equals("grouped");
        int k = (int) c.number("n_classes");
        PathResult r = MultinomialPath.builder().l1Ratio(alpha).grouped(grouped).lambdas(lambdas).standardize(c.standardize())
                .fitIntercept(c.fitIntercept()).tol(GLM_TOL).maxIter(200).build().fit(x, y);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        double[] d = c.standardize() ? Objectives.columnScales(x) : null;
        Comparison cmp = new Comparison(c);
        int steps = 0;
        for (int l = 0; l < lambdas.length; l++) {
            double[][] w = new double[k][];
            double[] bb = new double[k];
            double[] ref = new double[k];
            for (int cl = 0; cl < k; cl++) {
                w[cl] = r.coef(l, cl);
                bb[cl] = r.intercept(l, cl);
                ref[cl] = b[l * k + cl];
            }
            for (int cl = 0; cl < k; cl++) {
                cmp.coef(coef[l * k + cl], ref[cl] - SingleFitHandlers.mean(ref), w[cl], bb[cl] - SingleFitHandlers.mean(bb));
            }
            cmp.objective(obj[l], Objectives.glmnetMultinomial(x, y, w, bb, lambdas[l], alpha, d, grouped));
            steps += r.convergence(l).iterations();
        }
        return cmp.note(String.format(Locale.ROOT, "%d lambdas, %d Newton steps", lambdas.length, steps)).result();
    }
}
