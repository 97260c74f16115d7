package dev.shrink.cli.model;

import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.model.Entry.CvRunner;
import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.cli.model.Entry.PathRunner;
import dev.shrink.conformance.Objectives;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.PoissonModel;
import dev.shrink.solvers.PoissonRegressor;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.GlmnetCV;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.path.GlmnetOptions;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PathResult;
import dev.shrink.solvers.path.PoissonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The GLM families beyond binary L2 logistic regression, for the registry: multinomial logistic regression
 * (scikit-learn's LogisticRegression with three or more classes; glmnet's multinomial family), Poisson regression
 * (scikit-learn's PoissonRegressor; glmnet's Poisson family), scikit-learn's LogisticRegressionCV with the L1 and
 * elastic-net penalties, and glmnet's {@code cv.glmnet} for the binomial, multinomial and Poisson families. glmnet's
 * options are read once for every family ({@link #glmnet}): {@code --alpha} (the L1 share), {@code --lambda},
 * {@code --[no-]standardize}, {@code --penalty-factor}, {@code --lower-limits}, {@code --upper-limits}.
 */
final class GlmModels {
    private GlmModels() {}

    // ---- scikit-learn: the logistic penalty ----

    /** --penalty l2|l1|elasticnet and, for elasticnet, --l1-ratio (one value; cv: a list). */
    record LogisticPenalty(String name, LogisticRegression.Penalty penalty, double[] l1Ratios) {
        double l1Ratio() {
            return l1Ratios[0];
        }
    }

    static LogisticPenalty logisticPenalty(Params p, boolean list) {
        String name = p.choice("penalty", "l2", Set.of("l2", "l1", "elasticnet"), "the penalties are l2, l1 and elasticnet");
        return switch (name) {
            case "l1" -> new LogisticPenalty(name, LogisticRegression.Penalty.L1, new double[] {1.0});
            case "elasticnet" -> new LogisticPenalty(name, LogisticRegression.Penalty.ELASTICNET,
                    list ? p.numbers("l1-ratio", new double[] {0.5}) : new double[] {p.number("l1-ratio", 0.5)});
            default -> new LogisticPenalty(name, LogisticRegression.Penalty.L2, new double[] {0.0});
        };
    }

    /** scikit-learn's objective of a (binary or multinomial) logistic model at C and l1Ratio. */
    private static double logisticObjective(DataSet d, Labels.Indexed y, LogisticModel m, double c, double l1Ratio) {
        if (!m.isMultinomial()) return Objectives.logisticPenalized(d.x(), y.index(), d.weights(), m.coef(), m.intercept(), c, l1Ratio);
        return Objectives.multinomial(d.x(), y.index(), d.weights(), coefs(m), intercepts(m), c, l1Ratio);
    }

    // ---- multinomial ----

    static Fitter multinomial(Params p) {
        LogisticPenalty pen = logisticPenalty(p, false);
        double c = p.number("C", 1.0);
        LogisticRegression est = LogisticRegression.builder().C(c).penalty(pen.penalty()).l1Ratio(pen.l1Ratio()).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Indexed y = Labels.atLeastThree(d);
            LogisticModel m = est.fit(d.x(), y.index(), d.weights());
            return softmax(m, y.classes(), logisticObjective(d, y, m, c, pen.l1Ratio()));
        };
    }

    static CvRunner multinomialCv(Params p) {
        return logisticCv(p, true);
    }

    /**
     * scikit-learn's LogisticRegressionCV over Cs (and l1 ratios for elasticnet): binary for {@code logistic}, three
     * or more classes for {@code multinomial}.
     */
    static CvRunner logisticCv(Params p, boolean multinomial) {
        LogisticPenalty pen = logisticPenalty(p, true);
        Choices.Grid grid = Choices.grid(p, "Cs", 10);
        Choices.FoldChoice folds = Choices.folds(p);
        boolean intercept = p.fitIntercept();
        int maxIter = p.integer("max-iter", 100);
        double tol = p.number("tol", 1e-8);
        int threads = p.threads();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Indexed y = multinomial ? Labels.atLeastThree(d) : Labels.two(d);
            double[] cs = grid.explicit() ? grid.values() : LogisticRegressionCV.logspaceCs(grid.count());
            Folds f = folds.of(d);
            LogisticRegressionCV.Builder b = LogisticRegressionCV.builder().Cs(cs).penalty(pen.penalty()).folds(f).fitIntercept(intercept)
                    .maxIter(maxIter).tol(tol).threads(threads);
            if (pen.penalty() == LogisticRegression.Penalty.ELASTICNET) b.l1Ratios(pen.l1Ratios());
            CvResult<LogisticModel> r = b.build().fit(d.x(), y.index(), d.weights());
            LogisticModel m = r.model();
            double l1Ratio = pen.penalty() == LogisticRegression.Penalty.ELASTICNET ? r.l1Ratio() : pen.l1Ratio();
            double objective = logisticObjective(d, y, m, r.valueMin(), l1Ratio);
            Fitted model = m.isMultinomial() ? softmax(m, y.classes(), objective) : Fitted.logistic(m, y.classes(), objective);
            boolean several = pen.l1Ratios().length > 1;
            return LeastSquaresModels.summary("C", "log_loss", f.count(), r.scores(), several ? pen.l1Ratios() : null,
                    pen.penalty() == LogisticRegression.Penalty.ELASTICNET ? r.l1Ratio() : Double.NaN, null, r.converged(), model);
        };
    }

    static Fitted softmax(LogisticModel m, Classes classes, double objective) {
        return new Fitted(Link.SOFTMAX, coefs(m), intercepts(m), classes, null, objective, m.convergence());
    }

    private static double[][] coefs(LogisticModel m) {
        double[][] w = new double[m.classes().length][];
        for (int c = 0; c < w.length; c++) w[c] = m.coef(c);
        return w;
    }

    private static double[] intercepts(LogisticModel m) {
        double[] b = new double[m.classes().length];
        for (int c = 0; c < b.length; c++) b[c] = m.intercept(c);
        return b;
    }

    // ---- Poisson ----

    static Fitter poisson(Params p) {
        double alpha = p.number("alpha", 1.0);
        PoissonRegressor est = PoissonRegressor.builder().alpha(alpha).fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100))
                .tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.counts(d);
            PoissonModel m = est.fit(d.x(), y, d.weights());
            return new Fitted(Link.LOG, new double[][] {m.coef()}, new double[] {m.intercept()}, null, null,
                    Objectives.poisson(d.x(), y, d.weights(), m.coef(), m.intercept(), alpha), m.convergence());
        };
    }

    // ---- glmnet: binomial, multinomial, Poisson ----

    /** The glmnet options every GLM family reads, set on a path builder; {@code fixedLambda}: a single fit's λ, else the grid. */
    record Glmnet(double alpha, boolean standardize, double[] factors, double[] lower, double[] upper) {
        double[] scales(DataSet d) {
            return standardize ? Objectives.columnScales(d.x()) : null;
        }

        double[] pf() {
            return factors == null ? null : Objectives.glmnetPenaltyFactors(factors);
        }
    }

    static <B extends GlmnetOptions<B>> Glmnet glmnet(Params p, B b, double defaultAlpha, boolean single, String model) {
        double alpha = p.number("alpha", defaultAlpha);
        if (!(alpha >= 0 && alpha <= 1)) throw new UsageException("--alpha " + alpha + ": glmnet's alpha must be in [0, 1]");
        if (single) {
            b.lambdas(new double[] {Choices.lambda(p, model)});
        } else {
            Choices.Grid grid = Choices.grid(p, "lambda", 100);
            if (grid.explicit()) b.lambdas(grid.values());
            else b.nLambdas(grid.count()).lambdaMinRatio(p.number("lambda-min-ratio", Double.NaN));
        }
        Glmnet g = new Glmnet(alpha, p.flag("standardize", true), p.numbers("penalty-factor", null), p.numbers("lower-limits", null),
                p.numbers("upper-limits", null));
        b.l1Ratio(alpha).standardize(g.standardize()).penaltyFactors(g.factors()).lowerLimits(g.lower()).upperLimits(g.upper())
                .fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-8)).threads(p.threads());
        return g;
    }

    /** glmnet's multinomial family at one λ (--grouped: type.multinomial = "grouped"). */
    static Fitter glmnetMultinomial(Params p) {
        MultinomialPath.Builder b = MultinomialPath.builder();
        Glmnet g = glmnet(p, b, 1.0, true, "multinomial");
        boolean grouped = p.flag("grouped", false);
        MultinomialPath path = b.grouped(grouped).build();
        return d -> {
            Labels.Indexed y = Labels.classIndex(d);
            PathResult r = path.fit(d.x(), y.index());
            Fitted f = softmaxPoint(r, 0, y.classes());
            double objective = g.factors() == null ? Objectives.glmnetMultinomial(d.x(), y.index(), f.coef(), f.intercept(), r.penalty(0), g.alpha(),
                    g.scales(d), grouped) : Double.NaN;
            return new Fitted(Link.SOFTMAX, f.coef(), f.intercept(), f.classes(), null, objective, f.convergence());
        };
    }

    static PathRunner glmnetMultinomialPath(Params p) {
        MultinomialPath.Builder b = MultinomialPath.builder();
        glmnet(p, b, 1.0, false, "multinomial");
        MultinomialPath path = b.grouped(p.flag("grouped", false)).build();
        return d -> {
            Labels.Indexed y = Labels.classIndex(d);
            return points(path.fit(d.x(), y.index()), k -> softmaxPointOf(k, y.classes()));
        };
    }

    static Fitter glmnetPoisson(Params p) {
        PoissonPath.Builder b = PoissonPath.builder();
        Glmnet g = glmnet(p, b, 1.0, true, "poisson");
        PoissonPath path = b.build();
        return d -> {
            double[] y = Labels.counts(d);
            PathResult r = path.fit(d.x(), y);
            double lambda = r.penalty(0);
            return new Fitted(Link.LOG, new double[][] {r.coef(0)}, new double[] {r.intercept(0)}, null, null,
                    Objectives.glmnetPoisson(d.x(), y, r.coef(0), r.intercept(0), lambda, g.alpha(), g.scales(d), g.pf()), r.convergence(0));
        };
    }

    static PathRunner glmnetPoissonPath(Params p) {
        PoissonPath.Builder b = PoissonPath.builder();
        glmnet(p, b, 1.0, false, "poisson");
        PoissonPath path = b.build();
        return d -> points(path.fit(d.x(), Labels.counts(d)), k -> r -> new Fitted(Link.LOG, new double[][] {r.coef(k)},
                new double[] {r.intercept(k)}, null, null, Double.NaN, r.convergence(k)));
    }

    /** glmnet's binomial family at one λ, any alpha, with factors and limits. */
    static Fitter glmnetBinomial(Params p) {
        LogisticPath.Builder b = LogisticPath.builder();
        Glmnet g = glmnet(p, b, 0.0, true, "logistic");
        LogisticPath path = b.build();
        return d -> {
            Labels.Indexed y = Labels.two(d);
            PathResult r = path.fit(d.x(), y.index());
            LogisticModel m = binary(r, 0);
            return Fitted.logistic(m, y.classes(), Objectives.glmnetBinomial(d.x(), y.index(), m.coef(), m.intercept(), r.penalty(0), g.alpha(),
                    g.scales(d), g.pf()));
        };
    }

    static PathRunner glmnetBinomialPath(Params p) {
        LogisticPath.Builder b = LogisticPath.builder();
        glmnet(p, b, 0.0, false, "logistic");
        LogisticPath path = b.build();
        return d -> {
            Labels.Indexed y = Labels.two(d);
            return points(path.fit(d.x(), y.index()), k -> r -> Fitted.logistic(binary(r, k), y.classes(), Double.NaN));
        };
    }

    /**
     * glmnet's cv.glmnet for a family: the path on all rows fixes the λ grid, each fold's path is scored on its rows
     * (--measure deviance, or class for the classifiers), and the model written is the path's point at λ_min.
     */
    static CvRunner glmnetCv(Params p, GlmnetCV.Family family) {
        GlmnetCV.Builder b = GlmnetCV.builder().family(family);
        double alpha = p.number("alpha", family == GlmnetCV.Family.BINOMIAL ? 0.0 : 1.0);
        if (!(alpha >= 0 && alpha <= 1)) throw new UsageException("--alpha " + alpha + ": glmnet's alpha must be in [0, 1]");
        Choices.Grid grid = Choices.grid(p, "lambda", 100);
        if (grid.explicit()) b.lambdas(grid.values());
        else b.nLambdas(grid.count()).lambdaMinRatio(p.number("lambda-min-ratio", Double.NaN));
        String measure = p.choice("measure", "deviance", family == GlmnetCV.Family.POISSON ? Set.of("deviance") : Set.of("deviance", "class"),
                family == GlmnetCV.Family.POISSON ? "the Poisson family is measured by deviance" : "the measures are deviance and class");
        b.measure(measure.equals("class") ? GlmnetCV.Measure.MISCLASSIFICATION : GlmnetCV.Measure.DEVIANCE);
        b.l1Ratio(alpha).standardize(p.flag("standardize", true)).penaltyFactors(p.numbers("penalty-factor", null))
                .lowerLimits(p.numbers("lower-limits", null)).upperLimits(p.numbers("upper-limits", null));
        if (family == GlmnetCV.Family.MULTINOMIAL) b.grouped(p.flag("grouped", false));
        b.fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-8)).threads(p.threads());
        Choices.FoldChoice folds = Choices.folds(p);
        return d -> {
            Labels.Indexed y = switch (family) {
                case BINOMIAL -> Labels.two(d);
                case MULTINOMIAL -> Labels.classIndex(d);
                case POISSON -> null;
            };
            double[] response = y != null ? y.index() : Labels.counts(d);
            Folds f = folds.of(d);
            CvResult<PathResult> r = b.folds(f).build().fit(d.x(), response);
            PathResult all = r.model();
            Function<Integer, Function<PathResult, Fitted>> point = switch (family) {
                case BINOMIAL -> k -> q -> Fitted.logistic(binary(q, k), y.classes(), Double.NaN);
                case MULTINOMIAL -> k -> softmaxPointOf(k, y.classes());
                case POISSON -> k -> q -> new Fitted(Link.LOG, new double[][] {q.coef(k)}, new double[] {q.intercept(k)}, null, null, Double.NaN,
                        q.convergence(k));
            };
            int[] nonZero = new int[all.size()];
            for (int k = 0; k < nonZero.length; k++) nonZero[k] = point.apply(k).apply(all).nonZero();
            Fitted model = point.apply(r.indexMin()).apply(all);
            return LeastSquaresModels.summary("lambda", measure.equals("class") ? "misclassification" : "deviance", f.count(), r.scores(), null,
                    Double.NaN, nonZero, r.converged(), model);
        };
    }

    // ---- shared ----

    private static LogisticModel binary(PathResult r, int k) {
        return new LogisticModel(r.coef(k), r.intercept(k), 0, 1, r.convergence(k));
    }

    private static Fitted softmaxPoint(PathResult r, int k, Classes classes) {
        return softmaxPointOf(k, classes).apply(r);
    }

    private static Function<PathResult, Fitted> softmaxPointOf(int k, Classes classes) {
        return r -> {
            double[][] w = new double[r.classes()][];
            double[] b = new double[r.classes()];
            for (int c = 0; c < w.length; c++) {
                w[c] = r.coef(k, c);
                b[c] = r.intercept(k, c);
            }
            return new Fitted(Link.SOFTMAX, w, b, classes, null, Double.NaN, r.convergence(k));
        };
    }

    private static PathFitted points(PathResult r, Function<Integer, Function<PathResult, Fitted>> point) {
        List<Fitted> points = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) points.add(point.apply(k).apply(r));
        return new PathFitted("lambda", r.penalties(), points);
    }
}
