package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;
import dev.shrink.solvers.BayesianRidge;
import dev.shrink.solvers.BayesianRidgeModel;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.Lasso;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.PoissonModel;
import dev.shrink.solvers.PoissonRegressor;
import dev.shrink.solvers.MultiTaskElasticNet;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.Ridge;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.ElasticNetCV;
import dev.shrink.solvers.cv.RidgeCV;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PoissonPath;
import dev.shrink.solvers.path.GroupLassoPath;
import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;
import dev.shrink.solvers.path.PathResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * shrink's fit of each workload through the public solver API, with the libraries' default tolerances (the same
 * defaults scikit-learn ships: tol = 1e-4), so that the times compare what a user gets out of the box.
 */
public final class Fits {
    private Fits() {}

    /**
     * What a fit produced: one coefficient vector per penalty (one for single fits), the penalties, the solver's own
     * accuracy figure and a note (e.g. the chosen alpha of a CV).
     */
    public record Result(List<double[]> coefs, double[] intercepts, double[] alphas, double solverCriterion, String note) {}

    /**
     * The tolerances the report also times shrink at on {@code w}, beside its default (empty: only the default).
     * <ul>
     *   <li>A looser one, where shrink's default is tighter than the comparison asks: the issues compare every side at
     *   its fastest setting that reaches the same objective, the peers at each of their settings (scikit-learn's
     *   solvers, glmnet's two {@code thresh}) — 100× the default tolerance in the estimator's own units (max|gradient|
     *   for the smooth logistic fits, default 1e-4; the duality gap per λ of glmnet's paths, default 1e-8), 10× for the
     *   L1 logistic fit's relative duality gap (default 1e-4). The binomial and multinomial paths are also timed at
     *   10⁴× (1e-4): measured on their workloads, that stays within 1e-7 of the best objective, closer than glmnet's
     *   default thresh comes (the Poisson path gains nothing from it). The report counts each only where its objective
     *   is the same.</li>
     *   <li>A tighter one, where an issue asks for a certificate beyond the default: issue 16 times the wide
     *   equicorrelated lasso path at a duality gap ≤ 1e-6 (over ‖y − ȳ‖²) at every λ, so that row is fitted at tol 1e-6
     *   as well (the default, 1e-4, is scikit-learn's).</li>
     * </ul>
     * The model decides, except for the named workload: a toy copy of a workload gives the same answer.
     */
    public static List<Double> tolSettings(Workload w) {
        if (w.name().equals("lasso-path-wide-equi")) return List.of(CERTIFIED_GAP);
        return switch (w.model()) {
            // not Poisson: its default stops after ~5 L-BFGS iterations and 1e-2 (mean-scaled gradient) is 3e-5 off
            case "logistic", "multinomial" -> List.of(1e-2);
            case "logistic_penalized" -> List.of(1e-3);
            case "logistic_path", "multinomial_path" -> List.of(1e-6, 1e-4);
            case "poisson_path" -> List.of(1e-6);
            default -> List.of();
        };
    }

    /** The duality gap (relative to ‖y − ȳ‖², at every λ) issue 16 asks the wide equicorrelated lasso path to reach. */
    public static final double CERTIFIED_GAP = 1e-6;

    /** Fits and returns only something that depends on the result (for JMH's blackhole); single thread, like the peers. */
    public static Object fitOnly(Workload w) {
        return fitOnly(w, Double.NaN);
    }

    /** As {@link #fitOnly(Workload)} at tolerance {@code tol}, one of {@link #tolSettings} (NaN: the default). */
    public static Object fitOnly(Workload w, double tol) {
        if (!Double.isNaN(tol) && !tolSettings(w).contains(tol)) throw new IllegalArgumentException("no tolerance setting " + tol + " for " + w.name());
        boolean set = !Double.isNaN(tol);
        Design x = w.design();
        return switch (w.model()) {
            case "ridge" -> Ridge.builder().alpha(w.number("alpha")).threads(1).build().fit(x, w.y());
            case "lasso" -> Lasso.builder().alpha(w.number("alpha")).threads(1).build().fit(x, w.y());
            case "elasticnet" -> ElasticNet.builder().alpha(w.number("alpha")).l1Ratio(w.number("l1_ratio")).threads(1).build().fit(x, w.y());
            case "logistic", "multinomial" -> {
                LogisticRegression.Builder b = LogisticRegression.builder().C(w.number("C")).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "elasticnet_path" -> {
                ElasticNetPath.Builder b = ElasticNetPath.builder().l1Ratio(w.number("l1_ratio")).nAlphas((int) w.number("n_alphas"))
                        .eps(w.number("eps")).alphas(w.settings().containsKey("alphas") ? w.numbers("alphas") : null).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "elasticnet_cv" -> ElasticNetCV.builder().l1Ratios(w.number("l1_ratio")).nAlphas((int) w.number("n_alphas"))
                    .eps(w.number("eps")).folds((int) w.number("n_folds")).tol(1e-4).threads(1).build()
                    .fit(x, w.y());
            case "ridge_cv" -> RidgeCV.builder().alphas(w.numbers("alphas")).threads(1).build().fit(x, w.y(), null);
            case "logistic_penalized" -> {
                LogisticRegression.Builder b = LogisticRegression.builder().C(w.number("C"))
                        .penalty(w.settings().get("penalty").equals("l1") ? LogisticRegression.Penalty.L1 : LogisticRegression.Penalty.ELASTICNET)
                        .l1Ratio(w.number("l1_ratio")).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "poisson" -> {
                PoissonRegressor.Builder b = PoissonRegressor.builder().alpha(w.number("alpha")).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "logistic_path" -> {
                LogisticPath.Builder b = LogisticPath.builder().l1Ratio(w.number("l1_ratio")).lambdas(w.numbers("lambdas"))
                        .standardize(!"false".equals(w.settings().get("standardize"))).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "multinomial_path" -> {
                MultinomialPath.Builder b = MultinomialPath.builder().l1Ratio(w.number("l1_ratio")).lambdas(w.numbers("lambdas")).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "poisson_path" -> {
                PoissonPath.Builder b = PoissonPath.builder().l1Ratio(w.number("l1_ratio")).lambdas(w.numbers("lambdas")).threads(1);
                yield (set ? b.tol(tol) : b).build().fit(x, w.y());
            }
            case "multitask_elasticnet" -> MultiTaskElasticNet.builder().alpha(w.number("alpha")).l1Ratio(w.number("l1_ratio")).threads(1).build()
                    .fit(x, tasks(w));
            case "multitask_elasticnet_path" -> MultiTaskElasticNetPath.builder().l1Ratio(w.number("l1_ratio")).nAlphas((int) w.number("n_alphas"))
                    .eps(w.number("eps")).threads(1).build().fit(x, tasks(w));
            case "group_lasso_path" -> GroupLassoPath.builder().groups(groups(w)).logistic(w.settings().get("loss").equals("logistic"))
                    .nAlphas((int) w.number("n_alphas")).eps(w.number("eps")).threads(1).build().fit(x, w.y());
            case "bayesian_ridge" -> BayesianRidge.builder().threads(1).build().fit(x, w.y());
            default -> throw new IllegalArgumentException("no shrink fit for model " + w.model());
        };
    }

    /** Y of a multi-task workload: n rows of T. */
    public static double[][] tasks(Workload w) {
        int tasks = (int) w.number("n_tasks");
        double[][] y = new double[w.n()][tasks];
        for (int i = 0; i < w.n(); i++) System.arraycopy(w.y(), i * tasks, y[i], 0, tasks);
        return y;
    }

    /** The group of every column: consecutive groups of {@code group_size}. */
    public static int[] groups(Workload w) {
        int size = (int) w.number("group_size");
        int[] g = new int[w.p()];
        for (int j = 0; j < g.length; j++) g[j] = j / size;
        return g;
    }

    public static Result fit(Workload w) {
        return result(fitOnly(w));
    }

    /** The coefficients, penalties and notes of what {@link #fitOnly} returned. */
    public static Result result(Object r) {
        return switch (r) {
            case LinearModel m -> new Result(List.of(m.coef()), new double[] {m.intercept()}, new double[] {Double.NaN},
                    m.convergence().value(), m.convergence().converged() ? "" : "not converged: " + m.convergence().message());
            case LogisticModel m -> {
                // one line per coefficient vector (a multinomial model: one per class)
                int k = m.isMultinomial() ? m.classes().length : 1;
                List<double[]> coefs = new ArrayList<>();
                double[] intercepts = new double[k];
                for (int c = 0; c < k; c++) {
                    coefs.add(m.coef(c));
                    intercepts[c] = m.intercept(c);
                }
                yield new Result(coefs, intercepts, new double[] {Double.NaN}, m.convergence().value(),
                        m.convergence().converged() ? "" : "not converged: " + m.convergence().message());
            }
            case PoissonModel m -> new Result(List.of(m.coef()), new double[] {m.intercept()}, new double[] {Double.NaN},
                    m.convergence().value(), m.convergence().converged() ? "" : "not converged: " + m.convergence().message());
            case PathResult path -> {
                // one line per penalty value, or per class of each penalty value (line k·K + c) for a multinomial path
                List<double[]> coefs = new ArrayList<>();
                int classes = path.classes();
                double[] intercepts = new double[path.size() * classes];
                double worst = 0;
                for (int k = 0; k < path.size(); k++) {
                    for (int c = 0; c < classes; c++) {
                        coefs.add(path.coef(k, c));
                        intercepts[k * classes + c] = path.intercept(k, c);
                    }
                    worst = Math.max(worst, path.convergence(k).value());
                }
                yield new Result(coefs, intercepts, path.penalties(), worst, path.allConverged() ? "" : "some alphas not converged");
            }
            case MultiTaskModel m -> new Result(List.of(m.coef()), m.intercepts(), new double[] {Double.NaN}, m.convergence().value(),
                    m.convergence().converged() ? "" : "not converged: " + m.convergence().message());
            case MultiTaskPathResult path -> {
                List<double[]> coefs = new ArrayList<>();
                List<Double> intercepts = new ArrayList<>();
                double worst = 0;
                for (int k = 0; k < path.size(); k++) {
                    coefs.addAll(List.of(path.coef(k)));
                    for (double b : path.intercepts(k)) intercepts.add(b);
                    worst = Math.max(worst, path.convergence(k).value());
                }
                yield new Result(coefs, intercepts.stream().mapToDouble(Double::doubleValue).toArray(), path.penalties(), worst,
                        path.allConverged() ? "" : "some alphas not converged");
            }
            case BayesianRidgeModel m -> new Result(List.of(m.coef()), new double[] {m.intercept()}, new double[] {m.alpha(), m.lambda()},
                    m.convergence().value(), String.format(java.util.Locale.ROOT, "alpha_ %.17g, lambda_ %.17g, %d iterations", m.alpha(), m.lambda(),
                    m.convergence().iterations()));
            case CvResult<?> cv when cv.model() instanceof LinearModel m -> new Result(List.of(m.coef()), new double[] {m.intercept()},
                    new double[] {cv.valueMin()}, m.convergence().criterion() == Convergence.Criterion.DIRECT ? Double.NaN : m.convergence().value(),
                    "alpha chosen " + String.format(java.util.Locale.ROOT, "%.6g", cv.valueMin()));
            default -> throw new IllegalStateException("unexpected result " + r.getClass());
        };
    }

    /** Writes a result as the external peers do: coef-SIDE.csv, intercept-SIDE.csv, alphas-SIDE.csv, result-SIDE.properties. */
    public static void write(Result r, Path dir, String side) throws IOException {
        write(r, dir, side, "");
    }

    /** The tolerance setting's name in the report ("tol=0.01"), the side's files' suffix after "shrink-". */
    public static String settingName(double tol) {
        return "tol=" + tol;
    }

    /** As {@link #write(Result, Path, String)}, for shrink at a named setting ({@code side} "shrink-" + the setting). */
    public static void write(Result r, Path dir, String side, String setting) throws IOException {
        Files.createDirectories(dir);
        StringBuilder coefs = new StringBuilder();
        for (double[] c : r.coefs()) {
            for (int j = 0; j < c.length; j++) coefs.append(j == 0 ? "" : ",").append(c[j]);
            coefs.append('\n');
        }
        Files.writeString(dir.resolve("coef-" + side + ".csv"), coefs);
        StringBuilder b = new StringBuilder();
        for (double v : r.intercepts()) b.append(v).append('\n');
        Files.writeString(dir.resolve("intercept-" + side + ".csv"), b);
        StringBuilder a = new StringBuilder();
        for (double v : r.alphas()) a.append(v).append('\n');
        Files.writeString(dir.resolve("alphas-" + side + ".csv"), a);
        Files.writeString(dir.resolve("result-" + side + ".properties"), "criterion=" + r.solverCriterion() + "\nnote="
                + r.note().replace('\n', ' ') + "\n" + (setting.isEmpty() ? "" : "peer=shrink\nsetting=" + setting + "\n"));
    }
}
