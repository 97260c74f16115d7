package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.LogisticPath;
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
        PathResult r = LogisticPath.builder().lambdas(lambdas).standardize(c.standardize()).fitIntercept(c.fitIntercept())
                .tol(SingleFitHandlers.NEWTON_TOL).maxIter(200).build().fit(x, y);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        double[] d = c.standardize() ? Objectives.columnScales(x) : null;
        Comparison cmp = new Comparison(c);
        int steps = 0;
        for (int k = 0; k < lambdas.length; k++) {
            double[] w = r.coef(k);
            cmp.coef(coef[k], b[k], w, r.intercept(k));
            cmp.objective(obj[k], Objectives.glmnetBinomial(x, y, w, r.intercept(k), lambdas[k], d));
            steps += r.convergence(k).iterations();
        }
        return cmp.note(String.format(Locale.ROOT, "%d lambdas, %d Newton steps", lambdas.length, steps)).result();
    }
}
