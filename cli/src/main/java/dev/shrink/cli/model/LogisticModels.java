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

/** Binary logistic regression for the registry (L2 penalty: the L1 and elastic-net penalties come with their issue). */
final class LogisticModels {
    private LogisticModels() {}

    private static final String L1_NOT_YET = "L1 and elastic-net logistic regression are not in the solvers yet (only l2)";

    static Fitter logistic(Params p) {
        p.choice("penalty", "l2", Set.of("l2"), L1_NOT_YET);
        double c = p.number("C", 1.0);
        LogisticRegression est = LogisticRegression.builder().C(c).fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100))
                .tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Binary b = Labels.binary(d);
            LogisticModel m = est.fit(d.x(), b.y01(), d.weights());
            return Fitted.logistic(m, b.classes(), Objectives.logistic(d.x(), b.y01(), d.weights(), m.coef(), m.intercept(), c));
        };
    }

    static CvRunner logisticCv(Params p) {
        p.choice("penalty", "l2", Set.of("l2"), L1_NOT_YET);
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

    /** glmnet's alpha for the binomial family: 0 (ridge) is what the solvers have. */
    private static void ridgeOnly(Params p) {
        double alpha = p.number("alpha", 0.0);
        if (alpha != 0) throw new UsageException("--alpha " + alpha + ": the glmnet binomial family with alpha > 0 (L1) is not in the solvers yet (only alpha = 0)");
    }

    static Fitter glmnetBinomial(Params p) {
        ridgeOnly(p);
        double lambda = Choices.lambda(p, "logistic");
        boolean standardize = p.flag("standardize", true);
        LogisticPath path = LogisticPath.builder().lambdas(new double[] {lambda}).standardize(standardize).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-8)).threads(p.threads()).build();
        return d -> {
            Labels.Binary b = Labels.binary(d);
            PathResult r = path.fit(d.x(), b.y01());
            LogisticModel m = model(r, 0);
            return Fitted.logistic(m, b.classes(), Objectives.glmnetBinomial(d.x(), b.y01(), m.coef(), m.intercept(), lambda,
                    standardize ? Objectives.columnScales(d.x()) : null));
        };
    }

    static PathRunner glmnetBinomialPath(Params p) {
        ridgeOnly(p);
        LogisticPath.Builder builder = LogisticPath.builder();
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
