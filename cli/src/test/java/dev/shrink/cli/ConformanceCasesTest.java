package dev.shrink.cli;

import dev.shrink.conformance.ConformanceCase;
import dev.shrink.conformance.Objectives;
import dev.shrink.solvers.BayesianRidge;
import dev.shrink.solvers.BayesianRidgeModel;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.GroupLasso;
import dev.shrink.solvers.LogisticGroupLasso;
import dev.shrink.solvers.MultiTaskElasticNet;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.Ridge;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.ElasticNetCV;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.cv.RidgeCV;
import dev.shrink.solvers.PoissonModel;
import dev.shrink.solvers.PoissonRegressor;
import dev.shrink.solvers.cv.GlmnetCV;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PoissonPath;
import dev.shrink.solvers.path.GroupLassoPath;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance cases, converted to CSV files (x1 .. xp, y, w, fold) or read as the cases' own X.mtx + y.csv, through
 * the command line: its coefficients, paths and CV scores equal the library's, called with the same settings, to the
 * last bit (the CSV text is the cases' own, so the doubles are the same); and they match the cases' references within
 * the cases' tolerances.
 */
class ConformanceCasesTest {
    @TempDir
    Path tmp;

    private static final String CD_TOL = "1e-14";
    private static final String CD_MAX_ITER = "200000";
    private static final String NEWTON_TOL = "1e-12";

    @TestFactory
    Stream<DynamicTest> everySupportedCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ConformanceCase.list(Cli.root().resolve("conformance/cases"))) {
            ConformanceCase c = ConformanceCase.load(dir);
            Check check = checkFor(c);
            if (check != null) tests.add(DynamicTest.dynamicTest(c.id(), () -> check.run(c)));
        }
        assertTrue(tests.size() >= 20, "only " + tests.size() + " cases are run");
        return tests.stream();
    }

    @FunctionalInterface
    interface Check {
        void run(ConformanceCase c) throws Exception;
    }

    /** The check for a case the command line supports (the version-1 families, L1 / elastic-net binary logistic, glmnet binomial paths, sparse X as .mtx), else null. */
    private Check checkFor(ConformanceCase c) {
        boolean penalized = c.has("penalty") && !c.string("penalty").equals("l2");
        boolean plain = !c.has("positive") && (!penalized || Set.of("logistic", "multinomial", "logistic_cv").contains(c.model()));
        if (!plain) return null;
        boolean mtx = c.has("x_format");
        return switch (c.model()) {
            case "ridge", "lasso", "elasticnet", "logistic" -> c.has("limits") ? null : this::singleFit;
            case "multinomial" -> this::multinomialFit;
            case "poisson" -> this::poissonFit;
            case "multinomial_path", "poisson_path" -> this::glmPath;
            case "logistic_path_cv" -> this::glmnetBinomialCv;
            case "elasticnet_path" -> this::elasticNetPath;
            case "logistic_path" -> c.isGlmnet() && !mtx ? this::logisticPath : null;
            case "ridge_cv" -> this::ridgeCv;
            case "elasticnet_cv" -> this::elasticNetCv;
            case "logistic_cv" -> this::logisticCv;
            case "group_lasso" -> this::groupLasso;
            case "group_lasso_path" -> this::groupLassoPath;
            case "multitask_elasticnet" -> this::multiTask;
            case "bayesian_ridge" -> this::bayesianRidge;
            default -> null;
        };
    }

    // ---- single fits ----

    private void singleFit(ConformanceCase c) throws Exception {
        Design x = design(c);
        double[] y = c.y();
        double[] s = c.sampleWeight();
        List<String> args = new ArrayList<>(List.of("fit", c.model()));
        args.addAll(data(c));
        String model = c.model();
        double[] w;
        double b;
        double objective;
        switch (model) {
            case "ridge" -> {
                double alpha = c.number("alpha");
                args.addAll(List.of("--alpha", c.string("alpha")));
                LinearModel m = Ridge.builder().alpha(alpha).fitIntercept(c.fitIntercept()).threads(1).build().fit(x, y, s);
                w = m.coef();
                b = m.intercept();
                objective = Objectives.ridge(x, y, s, w, b, alpha);
            }
            case "lasso", "elasticnet" -> {
                double alpha = c.number("alpha");
                double l1 = model.equals("lasso") ? 1 : c.number("l1_ratio");
                args.addAll(List.of("--alpha", c.string("alpha"), "--tol", CD_TOL, "--max-iter", CD_MAX_ITER));
                if (model.equals("elasticnet")) args.addAll(List.of("--l1-ratio", c.string("l1_ratio")));
                LinearModel m = ElasticNet.builder().alpha(alpha).l1Ratio(l1).fitIntercept(c.fitIntercept()).tol(1e-14).maxIter(200_000).threads(1).build()
                        .fit(x, y, s);
                w = m.coef();
                b = m.intercept();
                objective = Objectives.elasticNet(x, y, s, w, b, alpha, l1);
            }
            default -> {
                double cc = c.number("C");
                String penalty = c.has("penalty") ? c.string("penalty") : "l2";
                double l1 = c.number("l1_ratio");
                args.addAll(List.of("--C", c.string("C"), "--tol", NEWTON_TOL, "--max-iter", "200", "--penalty", penalty));
                if (penalty.equals("elasticnet")) args.addAll(List.of("--l1-ratio", c.string("l1_ratio")));
                LogisticModel m = LogisticRegression.builder().C(cc).fitIntercept(c.fitIntercept()).tol(1e-12).maxIter(200).threads(1)
                        .penalty(penalty.equals("l1") ? LogisticRegression.Penalty.L1 : penalty.equals("elasticnet") ? LogisticRegression.Penalty.ELASTICNET
                                : LogisticRegression.Penalty.L2).l1Ratio(l1).build().fit(x, y, s);
                w = m.coef();
                b = m.intercept();
                objective = penalty.equals("l2") ? Objectives.logistic(x, y, s, w, b, cc) : Objectives.logisticPenalized(x, y, s, w, b, cc, l1);
            }
        }
        JsonNode out = run(args);
        assertSame(w, Cli.coef(out, "coef"), "coef");
        assertEquals(b, out.get("intercept").doubleValue(), 0.0, "intercept");
        assertEquals(objective, out.get("objective").doubleValue(), 0.0, "objective");
        assertTrue(out.get("convergence").get("converged").booleanValue(), "converged");
        reference(c, c.coef()[0], c.intercept()[0], w, b);
        double rel = Math.abs(objective - c.objectiveValue()) / Math.abs(c.objectiveValue());
        assertTrue(rel <= c.objectiveRtol(), "objective relative error " + rel);
    }

    // ---- paths ----

    private void elasticNetPath(ConformanceCase c) throws Exception {
        Design x = design(c);
        double[] y = c.y();
        double[] s = c.sampleWeight();
        boolean glmnet = c.isGlmnet();
        double[] alphas = c.alphas();
        double[] factors = c.bool("penalty_factor") ? c.matrix("penalty_factor.csv")[0] : null;
        List<String> args = new ArrayList<>(List.of("path", "elasticnet"));
        args.addAll(data(c));
        args.addAll(List.of("--tol", CD_TOL, "--max-iter", CD_MAX_ITER));
        if (glmnet) {
            args.addAll(List.of("--dialect", "glmnet", "--alpha", c.string("l1_ratio"), "--lambda", list(alphas), c.standardize() ? "--standardize" : "--no-standardize"));
            if (factors != null) args.addAll(List.of("--penalty-factor", list(factors)));
            args.addAll(limits(c));
        } else {
            args.addAll(List.of("--l1-ratio", c.string("l1_ratio"), "--alphas", list(alphas)));
        }
        PathResult r = ElasticNetPath.builder().dialect(glmnet ? ElasticNetPath.Dialect.GLMNET : ElasticNetPath.Dialect.SCIKIT_LEARN)
                .standardize(glmnet && c.standardize()).l1Ratio(c.number("l1_ratio")).alphas(alphas).fitIntercept(c.fitIntercept())
                .penaltyFactors(factors).lowerLimits(lower(c)).upperLimits(upper(c)).tol(1e-14).maxIter(200_000).threads(1).build().fit(x, y, s);
        comparePath(c, run(args), r, glmnet ? "lambda" : "alpha");
    }

    private void logisticPath(ConformanceCase c) throws Exception {
        double[] lambdas = c.alphas();
        List<String> args = new ArrayList<>(List.of("path", "logistic"));
        args.addAll(data(c));
        args.addAll(List.of("--dialect", "glmnet", "--alpha", c.string("l1_ratio"), "--lambda", list(lambdas), c.standardize() ? "--standardize" : "--no-standardize",
                "--tol", NEWTON_TOL, "--max-iter", "200"));
        args.addAll(limits(c));
        PathResult r = LogisticPath.builder().l1Ratio(c.number("l1_ratio")).lambdas(lambdas).standardize(c.standardize()).fitIntercept(c.fitIntercept())
                .lowerLimits(lower(c)).upperLimits(upper(c)).tol(1e-12).maxIter(200).threads(1).build().fit(design(c), c.y());
        comparePath(c, run(args), r, "lambda");
    }

    private static double[] lower(ConformanceCase c) throws IOException {
        return c.bool("limits") ? c.matrix("lower_limits.csv")[0] : null;
    }

    private static double[] upper(ConformanceCase c) throws IOException {
        return c.bool("limits") ? c.matrix("upper_limits.csv")[0] : null;
    }

    /** --lower-limits and --upper-limits of a case with limits (none otherwise). */
    private static List<String> limits(ConformanceCase c) throws IOException {
        if (!c.bool("limits")) return List.of();
        return List.of("--lower-limits", list(lower(c)), "--upper-limits", list(upper(c)));
    }

    // ---- the GLM families (issue 11): multinomial, Poisson, glmnet's multinomial and Poisson paths, cv.glmnet ----

    private void multinomialFit(ConformanceCase c) throws Exception {
        String penalty = c.has("penalty") ? c.string("penalty") : "l2";
        List<String> args = new ArrayList<>(List.of("fit", "multinomial"));
        args.addAll(data(c));
        args.addAll(List.of("--C", c.string("C"), "--penalty", penalty, "--tol", "1e-14", "--max-iter", "500"));
        if (penalty.equals("elasticnet")) args.addAll(List.of("--l1-ratio", c.string("l1_ratio")));
        LogisticModel m = LogisticRegression.builder().C(c.number("C")).l1Ratio(c.number("l1_ratio")).fitIntercept(c.fitIntercept()).tol(1e-14)
                .maxIter(500).threads(1).penalty(penalty.equals("l1") ? LogisticRegression.Penalty.L1 : penalty.equals("elasticnet")
                        ? LogisticRegression.Penalty.ELASTICNET : LogisticRegression.Penalty.L2).build().fit(design(c), c.y(), c.sampleWeight());
        JsonNode out = run(args);
        JsonNode byClass = out.get("coef_by_class");
        List<String> classes = List.copyOf(byClass.propertyNames());
        assertEquals(m.classes().length, classes.size());
        for (int k = 0; k < classes.size(); k++) {
            assertSame(m.coef(k), Cli.coef(wrap(out, byClass.get(classes.get(k))), "coef"), "class " + k);
            assertEquals(m.intercept(k), out.get("intercept").get(classes.get(k)).doubleValue(), 0.0, "intercept of class " + k);
        }
        double objective = out.get("objective").doubleValue();
        assertTrue(Math.abs(objective - c.objectiveValue()) <= c.objectiveRtol() * Math.abs(c.objectiveValue()), "objective " + objective);
    }

    /** A copy of a coefficient object under the output's feature names, for {@link Cli#coef}. */
    private static JsonNode wrap(JsonNode out, JsonNode coef) {
        var node = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        node.set("features", out.get("features"));
        node.set("coef", coef);
        return node;
    }

    private void poissonFit(ConformanceCase c) throws Exception {
        List<String> args = new ArrayList<>(List.of("fit", "poisson"));
        args.addAll(data(c));
        args.addAll(List.of("--alpha", c.string("alpha"), "--tol", "1e-14", "--max-iter", "200"));
        PoissonModel m = PoissonRegressor.builder().alpha(c.number("alpha")).fitIntercept(c.fitIntercept()).tol(1e-14).maxIter(200).threads(1).build()
                .fit(design(c), c.y(), c.sampleWeight());
        JsonNode out = run(args);
        assertSame(m.coef(), Cli.coef(out, "coef"), "coef");
        assertEquals(m.intercept(), out.get("intercept").doubleValue(), 0.0);
        reference(c, c.coef()[0], c.intercept()[0], m.coef(), m.intercept());
        double objective = out.get("objective").doubleValue();
        assertTrue(Math.abs(objective - c.objectiveValue()) <= c.objectiveRtol() * Math.abs(c.objectiveValue()), "objective " + objective);
    }

    /** glmnet's multinomial (ungrouped or grouped) and Poisson paths. */
    private void glmPath(ConformanceCase c) throws Exception {
        boolean multinomial = c.model().equals("multinomial_path");
        double[] lambdas = c.alphas();
        double[] factors = c.bool("penalty_factor") ? c.matrix("penalty_factor.csv")[0] : null;
        List<String> args = new ArrayList<>(List.of("path", multinomial ? "multinomial" : "poisson"));
        args.addAll(data(c));
        args.addAll(List.of("--dialect", "glmnet", "--alpha", c.string("l1_ratio"), "--lambda", list(lambdas), c.standardize() ? "--standardize" : "--no-standardize",
                "--tol", "1e-14", "--max-iter", "200"));
        if (factors != null) args.addAll(List.of("--penalty-factor", list(factors)));
        boolean grouped = multinomial && c.string("type_multinomial").equals("grouped");
        if (grouped) args.add("--grouped");
        PathResult r = multinomial
                ? MultinomialPath.builder().l1Ratio(c.number("l1_ratio")).grouped(grouped).lambdas(lambdas).standardize(c.standardize())
                        .fitIntercept(c.fitIntercept()).penaltyFactors(factors).tol(1e-14).maxIter(200).threads(1).build().fit(design(c), c.y())
                : PoissonPath.builder().l1Ratio(c.number("l1_ratio")).lambdas(lambdas).standardize(c.standardize()).fitIntercept(c.fitIntercept())
                        .penaltyFactors(factors).tol(1e-14).maxIter(200).threads(1).build().fit(design(c), c.y());
        JsonNode out = run(args);
        if (!multinomial) {
            comparePath(c, out, r, "lambda");
            return;
        }
        JsonNode points = out.get("path");
        assertEquals(r.size(), points.size());
        for (int k = 0; k < r.size(); k++) {
            JsonNode byClass = points.get(k).get("coef_by_class");
            List<String> classes = List.copyOf(byClass.propertyNames());
            assertEquals(r.classes(), classes.size());
            for (int cl = 0; cl < classes.size(); cl++) {
                assertSame(r.coef(k, cl), Cli.coef(wrap(out, byClass.get(classes.get(cl))), "coef"), "class " + cl + " at point " + k);
                assertEquals(r.intercept(k, cl), points.get(k).get("intercept").get(classes.get(cl)).doubleValue(), 0.0);
            }
        }
    }

    /** cv.glmnet's binomial family: cvm, cvsd, lambda.min and lambda.1se, and the path's point at lambda.min. */
    private void glmnetBinomialCv(ConformanceCase c) throws Exception {
        double[] lambdas = c.alphas();
        List<String> args = new ArrayList<>(List.of("cv", "logistic"));
        args.addAll(data(c));
        args.addAll(List.of("--dialect", "glmnet", "--alpha", c.string("l1_ratio"), "--lambda", list(lambdas), c.standardize() ? "--standardize" : "--no-standardize",
                "--fold-col", "fold", "--tol", "1e-15", "--max-iter", "200"));
        CvResult<PathResult> r = GlmnetCV.builder().family(GlmnetCV.Family.BINOMIAL).l1Ratio(c.number("l1_ratio")).lambdas(lambdas)
                .standardize(c.standardize()).fitIntercept(c.fitIntercept()).folds(Folds.of(c.folds())).tol(1e-15).maxIter(200).threads(1).build()
                .fit(design(c), c.y());
        JsonNode out = run(args);
        assertArrayEquals(r.scores().mean(), Cli.numbers(out.get("mean")), "cvm");
        assertArrayEquals(r.scores().standardError(), Cli.numbers(out.get("standard_error")), "cvsd");
        assertEquals(Integer.parseInt(c.string("lambda_min_index")), out.get("index_min").intValue());
        assertEquals(Integer.parseInt(c.string("lambda_1se_index")), out.get("index_1se").intValue());
        assertSame(r.model().coef(r.indexMin()), Cli.coef(out, "coef"), "coef at lambda.min");
        double rtol = c.number("cv_rtol");
        double[] ref = c.vector("cv_deviance.csv");
        double[] mean = r.scores().mean();
        for (int k = 0; k < mean.length; k++) assertTrue(Math.abs(mean[k] - ref[k]) <= rtol * Math.abs(ref[k]), "cvm " + k);
    }

    private void comparePath(ConformanceCase c, JsonNode out, PathResult r, String penalty) throws IOException {
        JsonNode points = out.get("path");
        assertEquals(r.size(), points.size());
        assertArrayEquals(r.penalties(), Cli.numbers(out.get(penalty + "s")));
        double[][] ref = c.coef();
        double[] refB = c.intercept();
        for (int k = 0; k < r.size(); k++) {
            JsonNode p = points.get(k);
            assertEquals(r.penalty(k), p.get(penalty).doubleValue(), 0.0);
            double[] w = coef(out, p);
            assertSame(r.coef(k), w, "coef at point " + k);
            assertEquals(r.intercept(k), p.get("intercept").doubleValue(), 0.0, "intercept at point " + k);
            reference(c, ref[k], refB[k], w, r.intercept(k));
        }
    }

    // ---- group, multi-task and evidence families (issue 15) ----

    private static int[] groups(ConformanceCase c) throws IOException {
        double[] g = c.matrix("groups.csv")[0];
        int[] out = new int[g.length];
        for (int j = 0; j < g.length; j++) out[j] = (int) g[j];
        return out;
    }

    private void groupLasso(ConformanceCase c) throws Exception {
        boolean logistic = c.string("loss").equals("logistic");
        double alpha = c.number("alpha");
        int[] groups = groups(c);
        List<String> args = new ArrayList<>(List.of("fit", logistic ? "logistic-group-lasso" : "group-lasso"));
        args.addAll(data(c));
        args.addAll(List.of("--groups", c.dir().resolve("groups.csv").toString(), "--alpha", c.string("alpha"), "--tol", CD_TOL, "--max-iter",
                logistic ? "200" : CD_MAX_ITER));
        double[] w;
        double b;
        if (logistic) {
            LogisticModel m = LogisticGroupLasso.builder().groups(groups).alpha(alpha).fitIntercept(c.fitIntercept()).tol(1e-14).maxIter(200).threads(1)
                    .build().fit(design(c), c.y());
            w = m.coef();
            b = m.intercept();
        } else {
            LinearModel m = GroupLasso.builder().groups(groups).alpha(alpha).fitIntercept(c.fitIntercept()).tol(1e-14).maxIter(200_000).threads(1)
                    .build().fit(design(c), c.y());
            w = m.coef();
            b = m.intercept();
        }
        JsonNode out = run(args);
        assertSame(w, Cli.coef(out, "coef"), "coef");
        assertEquals(b, out.get("intercept").doubleValue(), 0.0, "intercept");
        double objective = Objectives.groupLasso(design(c), c.y(), groups, w, b, alpha, logistic);
        assertEquals(objective, out.get("objective").doubleValue(), 1e-14 * Math.abs(objective), "objective");
        reference(c, c.coef()[0], c.intercept()[0], w, b);
        assertTrue(Math.abs(objective - c.objectiveValue()) <= c.objectiveRtol() * Math.abs(c.objectiveValue()), "objective " + objective);
    }

    private void groupLassoPath(ConformanceCase c) throws Exception {
        double[] alphas = c.alphas();
        List<String> args = new ArrayList<>(List.of("path", "group-lasso"));
        args.addAll(data(c));
        args.addAll(List.of("--groups", c.dir().resolve("groups.csv").toString(), "--alphas", list(alphas), "--tol", CD_TOL, "--max-iter", CD_MAX_ITER));
        PathResult r = GroupLassoPath.builder().groups(groups(c)).alphas(alphas).fitIntercept(c.fitIntercept()).tol(1e-14).maxIter(200_000).threads(1)
                .build().fit(design(c), c.y());
        comparePath(c, run(args), r, "alpha");
    }

    private void multiTask(ConformanceCase c) throws Exception {
        double[][] y = c.matrix("Y.csv");
        int tasks = y[0].length;
        List<String> targets = new ArrayList<>();
        for (int t = 1; t <= tasks; t++) targets.add("y" + t);
        List<String> args = new ArrayList<>(List.of("fit", "multitask-elasticnet", csv(c).toString(), "--target", String.join(",", targets),
                "--threads", "1", "--quiet", "--alpha", c.string("alpha"), "--l1-ratio", c.string("l1_ratio"), "--tol", CD_TOL, "--max-iter", CD_MAX_ITER));
        if (!c.fitIntercept()) args.add("--no-intercept");
        MultiTaskModel m = MultiTaskElasticNet.builder().alpha(c.number("alpha")).l1Ratio(c.number("l1_ratio")).fitIntercept(c.fitIntercept()).tol(1e-14)
                .maxIter(200_000).threads(1).build().fit(design(c), y);
        JsonNode out = run(args);
        JsonNode names = out.get("features");
        for (int t = 0; t < tasks; t++) {
            double[] w = new double[names.size()];
            for (int j = 0; j < w.length; j++) w[j] = out.get("coef_by_task").get(targets.get(t)).get(names.get(j).stringValue()).doubleValue();
            assertSame(m.coef(t), w, "coef of task " + (t + 1));
            double b = out.get("intercept").get(targets.get(t)).doubleValue();
            assertEquals(m.intercepts()[t], b, 0.0, "intercept of task " + (t + 1));
            reference(c, c.coef()[t], c.intercept()[t], w, b);
        }
        double objective = out.get("objective").doubleValue();
        assertTrue(Math.abs(objective - c.objectiveValue()) <= c.objectiveRtol() * Math.abs(c.objectiveValue()), "objective " + objective);
    }

    private void bayesianRidge(ConformanceCase c) throws Exception {
        List<String> args = new ArrayList<>(List.of("fit", "bayesian-ridge"));
        args.addAll(data(c));
        args.addAll(List.of("--max-iter", c.string("n_iter"), "--tol", c.string("tol"), "--alpha-1", c.string("alpha_1"), "--alpha-2", c.string("alpha_2"),
                "--lambda-1", c.string("lambda_1"), "--lambda-2", c.string("lambda_2")));
        BayesianRidgeModel m = BayesianRidge.builder().maxIter((int) c.number("n_iter")).tol(c.number("tol")).alpha1(c.number("alpha_1"))
                .alpha2(c.number("alpha_2")).lambda1(c.number("lambda_1")).lambda2(c.number("lambda_2")).fitIntercept(c.fitIntercept()).threads(1)
                .build().fit(design(c), c.y());
        JsonNode out = run(args);
        assertSame(m.coef(), Cli.coef(out, "coef"), "coef");
        assertEquals(m.intercept(), out.get("intercept").doubleValue(), 0.0, "intercept");
        double rtol = c.number("hyper_rtol");
        double alpha = out.get("estimated").get("alpha").doubleValue();
        double lambda = out.get("estimated").get("lambda").doubleValue();
        assertEquals(m.alpha(), alpha, 0.0);
        assertTrue(Math.abs(alpha - c.number("alpha_")) <= rtol * c.number("alpha_"), "alpha_ " + alpha);
        assertTrue(Math.abs(lambda - c.number("lambda_")) <= rtol * c.number("lambda_"), "lambda_ " + lambda);
        reference(c, c.coef()[0], c.intercept()[0], m.coef(), m.intercept());
    }

    // ---- cross-validation ----

    private void ridgeCv(ConformanceCase c) throws Exception {
        List<String> args = new ArrayList<>(List.of("cv", "ridge"));
        args.addAll(data(c));
        args.addAll(List.of("--alphas", list(c.alphas())));
        CvResult<LinearModel> r = RidgeCV.builder().alphas(c.alphas()).fitIntercept(c.fitIntercept()).threads(1).build().fit(design(c), c.y(), c.sampleWeight());
        JsonNode out = run(args);
        compareCv(c, out, r.scores().mean(), r.indexMin(), r.model().coef(), r.model().intercept(), "alpha", c.cvMse(), "alpha_chosen_index");
    }

    private void elasticNetCv(ConformanceCase c) throws Exception {
        List<String> args = new ArrayList<>(List.of("cv", "elasticnet"));
        args.addAll(data(c));
        args.addAll(List.of("--l1-ratio", c.string("l1_ratio"), "--alphas", list(c.alphas()), "--fold-col", "fold", "--tol", CD_TOL, "--max-iter", "100000"));
        CvResult<LinearModel> r = ElasticNetCV.builder().l1Ratios(c.number("l1_ratio")).alphas(c.alphas()).folds(Folds.of(c.folds()))
                .fitIntercept(c.fitIntercept()).tol(1e-14).maxIter(100_000).threads(1).build().fit(design(c), c.y());
        JsonNode out = run(args);
        compareCv(c, out, r.scores().mean(), r.indexMin(), r.model().coef(), r.model().intercept(), "alpha", c.cvMse(), "alpha_chosen_index");
        assertEquals(c.alphas().length, out.get("n_nonzero").size());
    }

    private void logisticCv(ConformanceCase c) throws Exception {
        List<String> args = new ArrayList<>(List.of("cv", "logistic"));
        args.addAll(data(c));
        boolean elasticNet = c.has("penalty") && c.string("penalty").equals("elasticnet");
        args.addAll(List.of("--Cs", list(c.cs()), "--fold-col", "fold", "--tol", elasticNet ? "1e-14" : NEWTON_TOL));
        LogisticRegressionCV.Builder b = LogisticRegressionCV.builder().Cs(c.cs()).folds(Folds.of(c.folds())).fitIntercept(c.fitIntercept()).threads(1);
        if (elasticNet) {
            args.addAll(List.of("--penalty", "elasticnet", "--l1-ratio", list(c.vector("l1_ratios.csv")), "--max-iter", "500"));
            b.penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratios(c.vector("l1_ratios.csv")).tol(1e-14).maxIter(500);
        } else {
            b.tol(1e-12);
        }
        CvResult<LogisticModel> r = b.build().fit(design(c), c.y(), c.sampleWeight());
        JsonNode out = run(args);
        double[] refMean = c.cvLogloss();
        if (elasticNet) refMean = java.util.Arrays.copyOfRange(refMean, r.l1RatioIndex() * c.cs().length, (r.l1RatioIndex() + 1) * c.cs().length);
        compareCv(c, out, r.scores().mean(), r.indexMin(), r.model().coef(), r.model().intercept(), "C", refMean, "C_chosen_index");
    }

    private void compareCv(ConformanceCase c, JsonNode out, double[] mean, int indexMin, double[] w, double b, String penalty, double[] refMean,
                           String refIndex) {
        assertArrayEquals(mean, Cli.numbers(out.get("mean")), "mean validation error");
        assertEquals(indexMin, out.get("index_min").intValue());
        assertSame(w, Cli.coef(out, "coef"), "coef of the refit");
        assertEquals(b, out.get("intercept").doubleValue(), 0.0, "intercept of the refit");
        assertEquals(Integer.parseInt(c.string(refIndex)), indexMin, "chosen index");
        assertEquals(out.get(penalty + "s").get(indexMin).doubleValue(), out.get(penalty + "_min").doubleValue(), 0.0);
        double rtol = c.number("cv_rtol");
        for (int k = 0; k < mean.length; k++) {
            assertTrue(Math.abs(mean[k] - refMean[k]) <= rtol * Math.abs(refMean[k]), "cv error " + k + ": " + mean[k] + " vs " + refMean[k]);
        }
        try {
            reference(c, c.coef()[0], c.intercept()[0], w, b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- helpers ----

    /** The data arguments: a CSV built from the case (X.csv), or the case's own X.mtx with --y y.csv. */
    private List<String> data(ConformanceCase c) throws IOException {
        List<String> args = new ArrayList<>();
        if (c.has("x_format")) {
            args.addAll(List.of(c.dir().resolve("X.mtx").toString(), "--y", c.dir().resolve("y.csv").toString()));
            if (c.weighted()) args.addAll(List.of("--weights", c.dir().resolve("sample_weight.csv").toString()));
        } else {
            args.addAll(List.of(csv(c).toString(), "--target", "y"));
            if (c.weighted()) args.addAll(List.of("--weights", "w"));
        }
        args.addAll(List.of("--threads", "1", "--quiet"));
        if (!c.fitIntercept()) args.add("--no-intercept");
        return args;
    }

    /** X.csv, y.csv and, where used, sample_weight.csv and folds.csv side by side, under a header x1 .. xp, y, w, fold. */
    private Path csv(ConformanceCase c) throws IOException {
        List<String> x = lines(c.dir().resolve("X.csv"));
        boolean multiTask = Files.exists(c.dir().resolve("Y.csv"));
        List<String> y = lines(c.dir().resolve(multiTask ? "Y.csv" : "y.csv"));
        List<String> w = c.weighted() ? lines(c.dir().resolve("sample_weight.csv")) : null;
        // explicit folds as a column (ridge_cv's are leave-one-out, which RidgeCV computes itself)
        boolean folds = Set.of("elasticnet_cv", "logistic_cv", "logistic_path_cv").contains(c.model());
        List<String> f = folds ? lines(c.dir().resolve("folds.csv")) : null;
        StringBuilder text = new StringBuilder();
        for (int j = 1; j <= c.p(); j++) text.append('x').append(j).append(',');
        if (multiTask) {
            int tasks = y.getFirst().split(",").length;
            for (int t = 1; t <= tasks; t++) text.append('y').append(t).append(t < tasks ? "," : "");
        } else {
            text.append('y');
        }
        text.append(w != null ? ",w" : "").append(f != null ? ",fold" : "").append('\n');
        for (int i = 0; i < x.size(); i++) {
            text.append(x.get(i)).append(',').append(y.get(i));
            if (w != null) text.append(',').append(w.get(i));
            if (f != null) text.append(',').append(f.get(i));
            text.append('\n');
        }
        Path file = tmp.resolve(c.id() + ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    /**
     * The design as the library sees it: X.csv dense, X.mtx as the {@link dev.shrink.solvers.SparseDesign} the
     * library's own reader makes (the command line reads the file with its reader into the same compressed columns).
     */
    private static Design design(ConformanceCase c) throws IOException {
        return c.design();
    }

    private static String list(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) s.append(s.isEmpty() ? "" : ",").append(Double.toString(v)); // shortest round-trip form
        return s.toString();
    }

    private static JsonNode run(List<String> args) {
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), () -> "shrink " + String.join(" ", args) + "\n" + r.err());
        return r.json();
    }

    private static double[] coef(JsonNode out, JsonNode point) {
        JsonNode names = out.get("features");
        double[] w = new double[names.size()];
        for (int j = 0; j < w.length; j++) w[j] = point.get("coef").get(names.get(j).stringValue()).doubleValue();
        return w;
    }

    /** Equal to the last bit (−0 and 0 alike: the output writes −0 as 0). */
    private static void assertSame(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j] + 0.0, actual[j] + 0.0, 0.0, () -> what + ": " + Arrays.toString(expected) + " vs " + Arrays.toString(actual));
        }
    }

    /** Within the case's coef_atol of its reference (when the minimiser is unique). */
    private static void reference(ConformanceCase c, double[] ref, double refB, double[] w, double b) throws IOException {
        if (!c.unique()) return;
        double atol = c.coefAtol();
        for (int j = 0; j < w.length; j++) {
            int jj = j;
            assertTrue(Math.abs(w[j] - ref[j]) <= atol, () -> String.format(Locale.ROOT, "%s: coef %d = %.17g, reference %.17g, atol %.1e", c.id(), jj, w[jj], ref[jj], atol));
        }
        assertTrue(Math.abs(b - refB) <= atol, () -> String.format(Locale.ROOT, "%s: intercept %.17g, reference %.17g", c.id(), b, refB));
    }
}
