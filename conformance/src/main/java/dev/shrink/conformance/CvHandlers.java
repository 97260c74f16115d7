package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.ElasticNetCV;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.GlmnetCV;
import dev.shrink.solvers.path.PathResult;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.cv.RidgeCV;

import java.io.IOException;
import java.util.Locale;

/**
 * Conformance handlers of the cross-validation cases ({@code ridge_cv}, {@code elasticnet_cv}, {@code logistic_cv}):
 * cross-validated errors relative to {@code cv_rtol}, the chosen index exactly, the refit's coefficients against
 * {@code coef_atol} and its objective against {@code objective_rtol} (conformance README, "Comparing").
 */
final class CvHandlers {
    private CvHandlers() {}

    /** Solver tolerances far below the cases' comparison tolerances (the references are converged to ~1e-13). */
    static final double CD_TOL = 1e-14;
    static final double NEWTON_TOL = 1e-12;

    static CaseResult ridgeCv(ConformanceCase c) throws IOException {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        int[] folds = c.folds();
        boolean leaveOneOut = true;
        for (int i = 0; i < folds.length; i++) leaveOneOut &= folds[i] == i;
        CvResult<LinearModel> r = RidgeCV.builder().alphas(c.alphas()).fitIntercept(c.fitIntercept()).build().fit(x, y, s);
        Comparison cmp = new Comparison(c).check(leaveOneOut, "folds.csv is not leave-one-out (RidgeCV computes leave-one-out only)");
        return scores(cmp, c, c.cvMse(), r.scores().mean(), "cv_mse", Integer.parseInt(c.string("alpha_chosen_index")), r.indexMin())
                .coef(c.coef()[0], c.intercept()[0], r.model().coef(), r.model().intercept())
                .objective(c.objectiveValue(), Objectives.ridge(x, y, s, r.model().coef(), r.model().intercept(), r.valueMin()))
                .result();
    }

    static CaseResult elasticNetCv(ConformanceCase c) throws IOException {
        Design x = c.design();
        double[] y = c.y();
        double l1Ratio = c.number("l1_ratio");
        CvResult<LinearModel> r = ElasticNetCV.builder().l1Ratios(l1Ratio).alphas(c.alphas()).folds(Folds.of(c.folds()))
                .fitIntercept(c.fitIntercept()).tol(CD_TOL).maxIter(100_000).build().fit(x, y);
        return scores(new Comparison(c), c, c.cvMse(), r.scores().mean(), "cv_mse", Integer.parseInt(c.string("alpha_chosen_index")), r.indexMin())
                .check(r.converged(), "a fold fit did not converge")
                .coef(c.coef()[0], c.intercept()[0], r.model().coef(), r.model().intercept())
                .objective(c.objectiveValue(), Objectives.elasticNet(x, y, null, r.model().coef(), r.model().intercept(), r.valueMin(), l1Ratio))
                .result();
    }

    static CaseResult logisticCv(ConformanceCase c) throws IOException {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        boolean elasticNet = SingleFitHandlers.penalized(c);
        LogisticRegressionCV.Builder b = LogisticRegressionCV.builder().Cs(c.cs()).folds(Folds.of(c.folds())).fitIntercept(c.fitIntercept());
        if (elasticNet) b.penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratios(c.vector("l1_ratios.csv")).tol(SingleFitHandlers.GAP_TOL).maxIter(500);
        else b.tol(NEWTON_TOL);
        CvResult<LogisticModel> r = b.build().fit(x, y, s);
        double[] means = new double[0];
        for (var scores : r.scoresByL1Ratio()) means = concat(means, scores.mean());
        Comparison cmp = scores(new Comparison(c), c, c.cvLogloss(), means, "cv_logloss", Integer.parseInt(c.string("C_chosen_index")), r.indexMin());
        if (elasticNet) {
            int expected = Integer.parseInt(c.string("l1_ratio_chosen_index"));
            cmp.check(expected == r.l1RatioIndex(), "chosen l1_ratio index " + r.l1RatioIndex() + ", expected " + expected);
        }
        double value = elasticNet
                ? Objectives.logisticPenalized(x, y, s, r.model().coef(), r.model().intercept(), r.valueMin(), r.l1Ratio())
                : Objectives.logistic(x, y, s, r.model().coef(), r.model().intercept(), r.valueMin());
        return cmp.check(r.converged(), "a fold fit did not converge")
                .coef(c.coef()[0], c.intercept()[0], r.model().coef(), r.model().intercept())
                .objective(c.objectiveValue(), value)
                .result();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code logistic_path_cv}: cv.glmnet binomial (deviance), the path on all rows, cvm, cvsd, lambda.min and lambda.1se. */
    static CaseResult logisticPathCv(ConformanceCase c) throws IOException {
        Design x = c.design();
        double[] y = c.y();
        double[] lambdas = c.alphas();
        double alpha = c.number("l1_ratio");
        CvResult<PathResult> r = GlmnetCV.builder().family(GlmnetCV.Family.BINOMIAL).l1Ratio(alpha).lambdas(lambdas).standardize(c.standardize())
                .fitIntercept(c.fitIntercept()).folds(Folds.of(c.folds())).tol(1e-15).maxIter(200).build().fit(x, y);
        Comparison cmp = scores(new Comparison(c), c, c.vector("cv_deviance.csv"), r.scores().mean(), "cv_deviance",
                Integer.parseInt(c.string("lambda_min_index")), r.indexMin());
        cmp = scores(cmp, c, c.vector("cv_deviance_sd.csv"), r.scores().standardError(), "cv_deviance_sd",
                Integer.parseInt(c.string("lambda_1se_index")), r.index1se());
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[] obj = c.objectiveValues();
        double[] d = c.standardize() ? Objectives.columnScales(x) : null;
        PathResult path = r.model();
        for (int k = 0; k < lambdas.length; k++) {
            cmp.coef(coef[k], b[k], path.coef(k), path.intercept(k));
            cmp.objective(obj[k], Objectives.glmnetBinomial(x, y, path.coef(k), path.intercept(k), lambdas[k], alpha, d, null));
        }
        return cmp.check(r.converged(), "a fold fit did not converge").result();
    }

    /** Cross-validated errors within cv_rtol (relative) and the chosen index exactly; notes the largest error. */
    private static Comparison scores(Comparison cmp, ConformanceCase c, double[] expected, double[] actual, String what,
                                     int expectedIndex, int actualIndex) {
        double rtol = c.number("cv_rtol");
        if (expected.length != actual.length) return cmp.check(false, what + ": expected " + expected.length + " values, got " + actual.length);
        double worst = 0;
        int at = 0;
        for (int k = 0; k < expected.length; k++) {
            double e = Math.abs(actual[k] - expected[k]) / Math.abs(expected[k]);
            if (!(e <= worst)) {
                worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                at = k;
            }
        }
        return cmp.check(worst <= rtol, String.format(Locale.ROOT, "%s[%d] relative error %.2e > cv_rtol %.1e", what, at, worst, rtol))
                .check(expectedIndex == actualIndex, "chosen index " + actualIndex + ", expected " + expectedIndex)
                .note(String.format(Locale.ROOT, "%s %.2e / %.1e, chosen index %d", what, worst, rtol, actualIndex));
    }
}
