package dev.shrink.cli.model;

import dev.shrink.cli.model.Entry.CvRunner;
import dev.shrink.conformance.Objectives;
import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.cli.model.Entry.PathRunner;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.PathResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binary logistic regression for the registry (L2, L1 or elastic-net penalty; the CV and the paths' grids: L2 / glmnet's alpha). */
final class LogisticModels {
    private LogisticModels() {}

    private static final String L1_CV_NOT_YET = "the command line's logistic CV is L2 only (the library has LogisticRegressionCV over Cs × l1Ratios)";

    static Fitter logistic(Params p) {
        String penalty = p.choice("penalty", "l2", Set.of("l2", "l1", "elasticnet"), "the penalties are l2, l1 and elasticnet");
        double c = p.number("C", 1.0);
        double l1Ratio = switch (penalty) {
            case "l1" -> 1.0;
            case "elasticnet" -> p.number("l1-ratio", 0.5);
            default -> 0.0;
        };
        LogisticRegression est = LogisticRegression.builder().C(c).l1Ratio(l1Ratio)
                .penalty(switch (penalty) {
                    case "l1" -> LogisticRegression.Penalty.L1;
                    case "elasticnet" -> LogisticRegression.Penalty.ELASTICNET;
                    default -> LogisticRegression.Penalty.L2;
                })
                .fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Binary b = Labels.binary(d);
            LogisticModel m = est.fit(d.x(), b.y01(), d.weights());
            double objective = penalty.equals("l2") ? Objectives.logistic(d.x(), b.y01(), d.weights(), m.coef(), m.intercept(), c)
                    : Objectives.logisticPenalized(d.x(), b.y01(), d.weights(), m.coef(), m.intercept(), c, l1Ratio);
            return Fitted.logistic(m, b.classes(), objective);
        };
    }

    static CvRunner logisticCv(Params p) {
        p.choice("penalty", "l2", Set.of("l2"), L1_CV_NOT_YET);
        Choices.Grid grid = Choices.grid(p, "Cs", 10);
        Choices.FoldChoice folds = Choices.folds(p);
        boolean intercept = p.fitIntercept();
        int maxIter = p.integer("max-iter", 100);
        double tol = p.number("tol", 1e-8);
        int threads = p.threads();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Binary b = Labels.binary(d);
            double[] cs = grid.explicit() ? grid.values() : LogisticRegressionCV.logspaceCs(grid.count());
            var f = folds.of(d);
            CvResult<LogisticModel> r = LogisticRegressionCV.builder().Cs(cs).folds(f).fitIntercept(intercept).maxIter(maxIter).tol(tol)
                    .threads(threads).build().fit(d.x(), b.y01(), d.weights());
            LogisticModel m = r.model();
            Fitted model = Fitted.logistic(m, b.classes(), Objectives.logistic(d.x(), b.y01(), d.weights(), m.coef(), m.intercept(), r.valueMin()));
            return LeastSquaresModels.summary("C", "log_loss", f.count(), r.scores(), null, Double.NaN, null, r.converged(), model);
        };
    }

    // ---- glmnet (binomial family) ----

    /** glmnet's alpha for the binomial family (0: ridge, 1: lasso; glmnet's default is 1, the command line's 0 as before). */
    private static double alpha(Params p) {
        double alpha = p.number("alpha", 0.0);
        if (!(alpha >= 0 && alpha <= 1)) throw new UsageException("--alpha " + alpha + ": glmnet's alpha must be in [0, 1]");
        return alpha;
    }

    static Fitter glmnetBinomial(Params p) {
        double alpha = alpha(p);
        double lambda = Choices.lambda(p, "logistic");
        boolean standardize = p.flag("standardize", true);
        LogisticPath path = LogisticPath.builder().l1Ratio(alpha).lambdas(new double[] {lambda}).standardize(standardize).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-8)).threads(p.threads()).build();
        return d -> {
            Labels.Binary b = Labels.binary(d);
            PathResult r = path.fit(d.x(), b.y01());
            LogisticModel m = model(r, 0);
            return Fitted.logistic(m, b.classes(), Objectives.glmnetBinomial(d.x(), b.y01(), m.coef(), m.intercept(), lambda, alpha,
                    standardize ? Objectives.columnScales(d.x()) : null, null));
        };
    }

    static PathRunner glmnetBinomialPath(Params p) {
        LogisticPath.Builder builder = LogisticPath.builder().l1Ratio(alpha(p));
        Choices.Grid grid = Choices.grid(p, "lambda", 100);
        if (grid.explicit()) builder.lambdas(grid.values());
        else builder.nLambdas(grid.count()).lambdaMinRatio(p.number("lambda-min-ratio", Double.NaN));
        LogisticPath path = builder.standardize(p.flag("standardize", true)).fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100))
                .tol(p.number("tol", 1e-8)).threads(p.threads()).build();
        return d -> {
            Labels.Binary b = Labels.binary(d);
            PathResult r = path.fit(d.x(), b.y01());
            List<Fitted> points = new ArrayList<>();
            for (int k = 0; k < r.size(); k++) points.add(Fitted.logistic(model(r, k), b.classes(), Double.NaN));
            return new PathFitted("lambda", r.penalties(), points);
        };
    }

    private static LogisticModel model(PathResult r, int k) {
        LinearModel m = r.model(k);
        return new LogisticModel(m.coef(), m.intercept(), 0, 1, m.convergence());
    }
}
