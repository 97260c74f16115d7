package dev.shrink.cli.model;

import dev.shrink.cli.model.Entry.CvRunner;
import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.cli.model.Entry.PathRunner;
import dev.shrink.conformance.Objectives;
import dev.shrink.solvers.MultiTaskElasticNet;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.MultiTaskElasticNetCV;
import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The multi-task elastic net and lasso (scikit-learn's MultiTaskElasticNet, MultiTaskLasso, their path and
 * MultiTaskElasticNetCV) for the registry. The response has T columns: {@code --target y1,y2,…} in a CSV file, or a
 * {@code --y} file of T values per line (or a 2-D .npy); the output has {@code coef_by_task}, one coefficient object per
 * task. {@code fixedL1} is 1 for the multi-task lasso, null when --l1-ratio is read.
 */
final class MultiTaskModels {
    private MultiTaskModels() {}

    static Fitter fit(Params p, Double fixedL1) {
        double alpha = p.number("alpha", 1.0);
        double l1Ratio = Choices.mixing(p, fixedL1);
        MultiTaskElasticNet est = MultiTaskElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 1000)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        return d -> {
            Labels.Tasks y = Labels.tasks(d);
            MultiTaskModel m = est.fit(d.x(), y.y());
            return model(m, y.names(), Objectives.multiTaskElasticNet(d.x(), y.y(), m.coef(), m.intercepts(), alpha, l1Ratio));
        };
    }

    static PathRunner path(Params p, Double fixedL1) {
        MultiTaskElasticNetPath.Builder b = MultiTaskElasticNetPath.builder().l1Ratio(Choices.mixing(p, fixedL1));
        Choices.Grid grid = Choices.grid(p, "alphas", 100);
        if (grid.explicit()) b.alphas(grid.values());
        else b.nAlphas(grid.count()).eps(p.number("eps", 1e-3));
        MultiTaskElasticNetPath path = b.fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 1000)).tol(p.number("tol", 1e-4))
                .threads(p.threads()).build();
        return d -> {
            Labels.Tasks y = Labels.tasks(d);
            return points(path.fit(d.x(), y.y()), y.names());
        };
    }

    static CvRunner cv(Params p, Double fixedL1) {
        Choices.CdCv s = Choices.cdCv(p, fixedL1);
        return d -> {
            Labels.Tasks y = Labels.tasks(d);
            Folds f = s.folds().of(d);
            MultiTaskElasticNetCV.Builder b = MultiTaskElasticNetCV.builder().l1Ratios(s.l1Ratios()).folds(f).fitIntercept(s.intercept())
                    .maxIter(s.maxIter()).tol(s.tol()).threads(s.threads());
            if (s.grid().explicit()) b.alphas(s.grid().values());
            else b.nAlphas(s.grid().count()).eps(s.eps());
            CvResult<MultiTaskModel> r = b.build().fit(d.x(), y.y());
            MultiTaskModel m = r.model();
            Fitted model = model(m, y.names(), Objectives.multiTaskElasticNet(d.x(), y.y(), m.coef(), m.intercepts(), r.valueMin(), r.l1Ratio()));
            // the top axis of the plot: features in the fit on all rows at each grid value (one more warm-started path)
            MultiTaskPathResult all = MultiTaskElasticNetPath.builder().l1Ratio(r.l1Ratio()).alphas(r.grid()).fitIntercept(s.intercept())
                    .maxIter(s.maxIter()).tol(s.tol()).threads(s.threads()).build().fit(d.x(), y.y());
            int[] nonZero = new int[all.size()];
            for (int k = 0; k < nonZero.length; k++) nonZero[k] = model(all.model(k), y.names(), Double.NaN).nonZero();
            return LeastSquaresModels.summary("alpha", "mse", f.count(), r.scores(), s.l1Ratios().length > 1 ? s.l1Ratios() : null,
                    fixedL1 != null ? Double.NaN : r.l1Ratio(), nonZero, r.converged(), model);
        };
    }

    static Fitted model(MultiTaskModel m, List<String> tasks, double objective) {
        return new Fitted(Link.IDENTITY, m.coef(), m.intercepts(), null, tasks, objective, m.convergence());
    }

    private static PathFitted points(MultiTaskPathResult r, List<String> tasks) {
        List<Fitted> points = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) points.add(model(r.model(k), tasks, Double.NaN));
        return new PathFitted("alpha", r.penalties(), points);
    }
}
