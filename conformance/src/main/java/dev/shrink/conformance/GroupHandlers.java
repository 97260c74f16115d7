package dev.shrink.conformance;

import dev.shrink.solvers.BayesianRidge;
import dev.shrink.solvers.BayesianRidgeModel;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.GroupLasso;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticGroupLasso;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.MultiTaskElasticNet;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.path.GroupLassoPath;
import dev.shrink.solvers.path.PathResult;

/**
 * Handlers of the group-L2 and evidence families: {@code group_lasso}, {@code group_lasso_path},
 * {@code multitask_elasticnet}, {@code bayesian_ridge}.
 */
final class GroupHandlers {
    private GroupHandlers() {}

    /** groups.csv: one line of p group ids. */
    static int[] groups(ConformanceCase c) throws java.io.IOException {
        double[] g = c.matrix("groups.csv")[0];
        int[] out = new int[g.length];
        for (int j = 0; j < g.length; j++) out[j] = (int) g[j];
        return out;
    }

    static CaseResult groupLasso(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        int[] groups = groups(c);
        double alpha = c.number("alpha");
        boolean logistic = c.string("loss").equals("logistic");
        double[] coef;
        double intercept;
        String note;
        if (logistic) {
            LogisticModel m = LogisticGroupLasso.builder().groups(groups).alpha(alpha).fitIntercept(c.fitIntercept())
                    .tol(SingleFitHandlers.CD_TOL).maxIter(200).build().fit(x, y);
            coef = m.coef();
            intercept = m.intercept();
            note = m.convergence().iterations() + " Newton steps, gap " + String.format(java.util.Locale.ROOT, "%.1e", m.convergence().value());
        } else {
            LinearModel m = GroupLasso.builder().groups(groups).alpha(alpha).fitIntercept(c.fitIntercept())
                    .tol(SingleFitHandlers.CD_TOL).maxIter(SingleFitHandlers.CD_MAX_ITER).build().fit(x, y);
            coef = m.coef();
            intercept = m.intercept();
            note = m.convergence().iterations() + " sweeps, gap " + String.format(java.util.Locale.ROOT, "%.1e", m.convergence().value());
        }
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], coef, intercept)
                .objective(c.objectiveValue(), Objectives.groupLasso(x, y, groups, coef, intercept, alpha, logistic))
                .note(note)
                .result();
    }

    static CaseResult groupLassoPath(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        int[] groups = groups(c);
        double[] alphas = c.alphas();
        boolean logistic = c.string("loss").equals("logistic");
        PathResult r = GroupLassoPath.builder().groups(groups).alphas(alphas).fitIntercept(c.fitIntercept())
                .tol(SingleFitHandlers.CD_TOL).maxIter(SingleFitHandlers.CD_MAX_ITER).build().fit(x, y);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        Comparison cmp = new Comparison(c);
        int sweeps = 0;
        for (int k = 0; k < alphas.length; k++) {
            double[] w = r.coef(k);
            cmp.coef(coef[k], b[k], w, r.intercept(k));
            cmp.objective(obj[k], Objectives.groupLasso(x, y, groups, w, r.intercept(k), alphas[k], logistic));
            sweeps += r.convergence(k).iterations();
        }
        double[] grid = GroupLassoPath.grid(alphas[0], alphas.length, c.number("eps"));
        double gridError = 0;
        for (int k = 0; k < alphas.length; k++) gridError = Math.max(gridError, Math.abs(grid[k] - alphas[k]) / alphas[k]);
        cmp.check(gridError < 1e-13, "grid rule alpha_max·eps^(k/(n−1)) differs from alphas.csv by " + gridError);
        return cmp.note(alphas.length + " alphas, " + sweeps + " sweeps").result();
    }

    static CaseResult multiTaskElasticNet(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[][] y = c.matrix("Y.csv");
        double alpha = c.number("alpha");
        double l1Ratio = c.number("l1_ratio");
        MultiTaskModel m = MultiTaskElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).fitIntercept(c.fitIntercept())
                .tol(SingleFitHandlers.CD_TOL).maxIter(SingleFitHandlers.CD_MAX_ITER).build().fit(x, y);
        double[][] coef = c.coef();
        double[] b = c.intercept();
        Comparison cmp = new Comparison(c);
        for (int t = 0; t < m.tasks(); t++) cmp.coef(coef[t], b[t], m.coef(t), m.intercepts()[t]);
        cmp.check(coef.length == m.tasks(), "coef.csv has " + coef.length + " tasks, the fit " + m.tasks());
        return cmp.objective(c.objectiveValue(), Objectives.multiTaskElasticNet(x, y, m.coef(), m.intercepts(), alpha, l1Ratio))
                .note(m.convergence().iterations() + " sweeps, gap " + String.format(java.util.Locale.ROOT, "%.1e", m.convergence().value()))
                .result();
    }

    /**
     * bayesian_ridge: α and λ within hyper_rtol, the coefficients within coef_atol, the ridge objective at λ/α, and the
     * log marginal likelihood (the last score) within hyper_rtol. The case's own n_iter and tol are used (the reference
     * iterated to a fixed point).
     */
    static CaseResult bayesianRidge(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        BayesianRidgeModel m = BayesianRidge.builder().maxIter((int) c.number("n_iter")).tol(c.number("tol"))
                .alpha1(c.number("alpha_1")).alpha2(c.number("alpha_2")).lambda1(c.number("lambda_1")).lambda2(c.number("lambda_2"))
                .computeScore(true).fitIntercept(c.fitIntercept()).build().fit(x, y);
        double rtol = c.number("hyper_rtol");
        double alphaError = Math.abs(m.alpha() - c.number("alpha_")) / c.number("alpha_");
        double lambdaError = Math.abs(m.lambda() - c.number("lambda_")) / c.number("lambda_");
        double[] scores = m.scores();
        double lml = c.number("log_marginal_likelihood");
        double lmlError = Math.abs(scores[scores.length - 1] - lml) / Math.abs(lml);
        double penalty = c.number("lambda_") / c.number("alpha_");
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], m.coef(), m.intercept())
                .objective(c.objectiveValue(), Objectives.ridge(x, y, null, m.coef(), m.intercept(), penalty))
                .check(alphaError <= rtol, "alpha_ off by " + alphaError + " relative")
                .check(lambdaError <= rtol, "lambda_ off by " + lambdaError + " relative")
                .check(lmlError <= rtol, "log marginal likelihood off by " + lmlError + " relative")
                .note(String.format(java.util.Locale.ROOT, "%d iterations (reference %s), alpha_ %.1e, lambda_ %.1e, evidence %.1e off",
                        m.convergence().iterations(), c.string("n_iter_done"), alphaError, lambdaError, lmlError))
                .result();
    }
}
