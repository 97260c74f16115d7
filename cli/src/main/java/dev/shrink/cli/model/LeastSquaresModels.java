package dev.shrink.cli.model;

import dev.shrink.cli.model.Entry.CvRunner;
import dev.shrink.conformance.Objectives;
import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.cli.model.Entry.PathRunner;
import dev.shrink.solvers.DenseDesign;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Ridge;
import dev.shrink.solvers.SufficientStats;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.CvScores;
import dev.shrink.solvers.cv.ElasticNetCV;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.RidgeCV;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Ridge, lasso and the elastic net (squared loss) for the registry: each function reads its options, builds the
 * solvers' estimator, and returns what fits it to a data set. {@code fixedL1} is the L1 share a model fixes (lasso 1,
 * ridge 0), or null when the elastic net reads it from the options.
 */
final class LeastSquaresModels {
    private LeastSquaresModels() {}

    /** A sparse design's p×p Gram (32 MB) is formed up to this many columns, as Ridge itself does. */
    private static final int SPARSE_GRAM_COLUMNS = 2048;

    // ---- scikit-learn ----

    static Fitter ridge(Params p) {
        Ridge est = Ridge.builder().alpha(p.number("alpha", 1.0)).fitIntercept(p.fitIntercept()).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            LinearModel m = est.fit(d.x(), y, d.weights());
            return Fitted.linear(m, Objectives.ridge(d.x(), y, d.weights(), m.coef(), m.intercept(), est.alpha()));
        };
    }

    static Fitter elasticNet(Params p, Double fixedL1) {
        double alpha = p.number("alpha", 1.0);
        double l1Ratio = Choices.mixing(p, fixedL1);
        ElasticNet est = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 1000))
                .tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            LinearModel m = est.fit(d.x(), y, d.weights());
            return Fitted.linear(m, Objectives.elasticNet(d.x(), y, d.weights(), m.coef(), m.intercept(), alpha, l1Ratio));
        };
    }

    /**
     * scikit-learn has no ridge path function: this is {@code Ridge(alpha)} at each alpha of the grid, from one pass of
     * sufficient statistics when n ≥ p (each alpha is then one p×p Cholesky).
     */
    static PathRunner ridgePath(Params p) {
        Choices.Grid grid = Choices.grid(p, "alphas", 50);
        boolean intercept = p.fitIntercept();
        int threads = p.threads();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            double[] alphas = grid.explicit() ? ElasticNetPath.checkGrid("--alphas", grid.values()) : ridgeGrid(d.x(), grid.count());
            // one Gram for every alpha; a sparse design with many columns is solved per alpha (conjugate gradients), as Ridge does
            boolean gram = d.n() >= d.p() && (d.x() instanceof DenseDesign || d.p() <= SPARSE_GRAM_COLUMNS);
            SufficientStats stats = gram ? SufficientStats.of(d.x(), y, d.weights(), threads) : null;
            List<Fitted> points = new ArrayList<>();
            for (double a : alphas) {
                Ridge r = Ridge.builder().alpha(a).fitIntercept(intercept).threads(threads).build();
                points.add(Fitted.linear(stats != null ? r.fit(stats) : r.fit(d.x(), y, d.weights()), Double.NaN));
            }
            return new PathFitted("alpha", alphas, points);
        };
    }

    static PathRunner elasticNetPath(Params p, Double fixedL1) {
        ElasticNetPath.Builder b = ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.SCIKIT_LEARN).l1Ratio(Choices.mixing(p, fixedL1));
        Choices.Grid grid = Choices.grid(p, "alphas", 100);
        if (grid.explicit()) b.alphas(grid.values());
        else b.nAlphas(grid.count()).eps(p.number("eps", 1e-3));
        ElasticNetPath path = b.fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 1000)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> points("alpha", path.fit(d.x(), Labels.numeric(d), d.weights()));
    }

    static CvRunner ridgeCv(Params p) {
        Choices.Grid grid = Choices.grid(p, "alphas", 50);
        boolean intercept = p.fitIntercept();
        int threads = p.threads();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            double[] alphas = grid.explicit() ? grid.values() : ridgeGrid(d.x(), grid.count());
            RidgeCV cv = RidgeCV.builder().alphas(alphas).fitIntercept(intercept).threads(threads).build();
            CvResult<LinearModel> r = cv.fit(d.x(), y, d.weights());
            LinearModel m = r.model();
            Fitted model = Fitted.linear(m, Objectives.ridge(d.x(), y, d.weights(), m.coef(), m.intercept(), r.valueMin()));
            return summary("alpha", "mse", d.n(), r.scores(), null, Double.NaN, null, r.converged(), model);
        };
    }

    static CvRunner elasticNetCv(Params p, Double fixedL1) {
        Choices.CdCv s = Choices.cdCv(p, fixedL1);
        double[] l1Ratios = s.l1Ratios();
        Choices.Grid grid = s.grid();
        double eps = s.eps();
        Choices.FoldChoice folds = s.folds();
        boolean intercept = s.intercept();
        int maxIter = s.maxIter();
        double tol = s.tol();
        int threads = s.threads();
        return d -> {
            double[] y = Labels.numeric(d);
            Folds f = folds.of(d);
            ElasticNetCV.Builder b = ElasticNetCV.builder().l1Ratios(l1Ratios).folds(f).fitIntercept(intercept).maxIter(maxIter).tol(tol).threads(threads);
            if (grid.explicit()) b.alphas(grid.values());
            else b.nAlphas(grid.count()).eps(eps);
            CvResult<LinearModel> r = b.build().fit(d.x(), y);
            LinearModel m = r.model();
            Fitted model = Fitted.linear(m, Objectives.elasticNet(d.x(), y, null, m.coef(), m.intercept(), r.valueMin(), r.l1Ratio()));
            // glmnet's top axis: non-zeros of the fit on all rows at each grid value, from one more (warm-started) path
            PathResult all = ElasticNetPath.builder().l1Ratio(r.l1Ratio()).alphas(r.grid()).fitIntercept(intercept).maxIter(maxIter).tol(tol)
                    .threads(threads).build().fit(d.x(), y);
            int[] nonZero = new int[all.size()];
            for (int k = 0; k < nonZero.length; k++) nonZero[k] = Fitted.linear(all.model(k), Double.NaN).nonZero();
            return summary("alpha", "mse", f.count(), r.scores(), l1Ratios.length > 1 ? l1Ratios : null,
                    fixedL1 != null ? Double.NaN : r.l1Ratio(), nonZero, r.converged(), model);
        };
    }

    // ---- glmnet (Gaussian family) ----

    static Fitter glmnetGaussian(Params p, Double fixedMixing, String model) {
        double lambda = Choices.lambda(p, model);
        double mixing = Choices.mixing(p, fixedMixing);
        boolean standardize = p.flag("standardize", true);
        double[] factors = p.numbers("penalty-factor", null);
        ElasticNetPath path = ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.GLMNET).l1Ratio(mixing).alphas(new double[] {lambda})
                .standardize(standardize).fitIntercept(p.fitIntercept()).penaltyFactors(factors).lowerLimits(p.numbers("lower-limits", null))
                .upperLimits(p.numbers("upper-limits", null)).maxIter(p.integer("max-iter", 1000))
                .tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        return d -> {
            double[] y = Labels.numeric(d);
            LinearModel m = path.fit(d.x(), y).model(0);
            double[] scales = standardize ? Objectives.columnScales(d.x()) : null;
            double[] pf = factors == null ? null : Objectives.glmnetPenaltyFactors(factors);
            return Fitted.linear(m, Objectives.glmnetGaussian(d.x(), y, m.coef(), m.intercept(), lambda, mixing, scales, Objectives.yScale(y), pf));
        };
    }

    static PathRunner glmnetGaussianPath(Params p, Double fixedMixing) {
        ElasticNetPath.Builder b = ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.GLMNET).l1Ratio(Choices.mixing(p, fixedMixing));
        Choices.Grid grid = Choices.grid(p, "lambda", 100);
        if (grid.explicit()) b.alphas(grid.values());
        else b.nAlphas(grid.count()).lambdaMinRatio(p.number("lambda-min-ratio", Double.NaN));
        ElasticNetPath path = b.standardize(p.flag("standardize", true)).fitIntercept(p.fitIntercept()).penaltyFactors(p.numbers("penalty-factor", null))
                .lowerLimits(p.numbers("lower-limits", null)).upperLimits(p.numbers("upper-limits", null))
                .maxIter(p.integer("max-iter", 1000)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        return d -> points("lambda", path.fit(d.x(), Labels.numeric(d)));
    }

    // ---- shared ----

    /** Every point of a path as a fitted model (no objective per point: that would cost a pass over X each). */
    static PathFitted points(String penaltyName, PathResult r) {
        List<Fitted> points = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) points.add(Fitted.linear(r.model(k), Double.NaN));
        return new PathFitted(penaltyName, r.penalties(), points);
    }

    static CvFitted summary(String penaltyName, String metric, int folds, CvScores s, double[] l1Ratios, double l1Ratio, int[] nonZero,
                            boolean converged, Fitted model) {
        return new CvFitted(penaltyName, metric, folds, s.grid(), s.mean(), s.standardError(), s.indexMin(), s.index1se(), s.largerIsStronger(),
                l1Ratios, l1Ratio, nonZero, converged, model);
    }

    /**
     * The default ridge grid: {@code count} values log-spaced from 100·s down to 1e-4·s, s = the mean centred sum of
     * squares of a column (the average eigenvalue of X̃ᵀX̃), so that the grid spans "all shrunk" to "barely shrunk"
     * whatever the scale and the number of rows.
     */
    static double[] ridgeGrid(Design x, int count) {
        double[] d = Objectives.columnScales(x);
        double s = 0;
        for (double v : d) s += v * v;
        s = s * x.n() / d.length;
        if (!(s > 0)) s = 1;
        double[] a = new double[count];
        for (int k = 0; k < count; k++) a[k] = s * Math.pow(10, count == 1 ? 0 : 2 - 6.0 * k / (count - 1));
        return a;
    }
}
