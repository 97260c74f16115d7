package dev.shrink.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The registry, fixed at class load: for each value of {@code model} in case.properties, the handler that runs such
 * cases and everything it understands — the keys (with the values it accepts) and the files. A case is run only when
 * every key it has and every file in its folder is understood; otherwise it is skipped with the first thing that is
 * not, so a case of a family that is not built yet (an L1 logistic fit, a sparse X, box constraints) is never fitted
 * as something else.
 */
public final class CaseHandlers {
    private CaseHandlers() {}

    /** Keys every case has and every handler reads the same way (metadata and the comparison tolerances). */
    static final Set<String> COMMON_KEYS = Set.of("model", "source", "n", "p", "description", "objective", "objective_value",
            "coef_atol", "objective_rtol", "unique", "fit_intercept");

    /**
     * A model's handler and what it understands.
     *
     * @param model the value of {@code model}
     * @param keys  the keys besides {@link #COMMON_KEYS}, each with the values accepted
     * @param files the files it reads besides case.properties
     * @param run   runs one case
     */
    record Handler(String model, Map<String, Predicate<String>> keys, Set<String> files, CaseHandler run) {
        /** Null when this handler understands every key and file of the case, else what it does not. */
        String unsupported(ConformanceCase c, List<String> caseFiles) {
            for (String key : c.properties().stringPropertyNames().stream().sorted().toList()) {
                if (COMMON_KEYS.contains(key)) continue;
                Predicate<String> accepted = keys.get(key);
                String value = c.properties().getProperty(key).trim();
                if (accepted == null) return "key '" + key + "' (= " + value + ") is not understood by the " + model + " handler";
                if (!accepted.test(value)) return key + "=" + value + " is not supported by the " + model + " handler yet";
            }
            for (String f : caseFiles) {
                if (!f.equals("case.properties") && !files.contains(f)) return "file " + f + " is not read by the " + model + " handler yet";
            }
            return null;
        }
    }

    private static final Predicate<String> ANY = v -> true;
    private static final Predicate<String> FALSE = v -> v.equals("false");
    private static final Predicate<String> ZERO = v -> Double.parseDouble(v) == 0;
    /** scikit-learn's penalty names (absent: l2). */
    private static final Predicate<String> PENALTY = v -> v.equals("l2") || v.equals("l1") || v.equals("elasticnet");
    /** x_format: X.mtx (Matrix Market), read as a sparse design ({@link ConformanceCase#design()}). */
    private static final Predicate<String> MATRIX_MARKET = v -> v.equals("matrix-market");

    private static final Set<String> SINGLE_FIT_FILES = Set.of("X.csv", "y.csv", "sample_weight.csv", "coef.csv", "intercept.csv");
    private static final Set<String> PATH_FILES = Set.of("X.csv", "y.csv", "sample_weight.csv", "coef.csv", "intercept.csv", "alphas.csv",
            "objective_values.csv");

    private static final Map<String, Handler> HANDLERS = index(List.of(
            new Handler("ridge", Map.of("alpha", ANY, "l1_ratio", ZERO, "standardize", FALSE, "weighted", ANY, "x_format", MATRIX_MARKET),
                    union(SINGLE_FIT_FILES, "X.mtx"), SingleFitHandlers::ridge),
            new Handler("lasso", Map.of("alpha", ANY, "l1_ratio", v -> Double.parseDouble(v) == 1, "standardize", FALSE, "weighted", ANY,
                    "positive", ANY, "x_format", MATRIX_MARKET), union(SINGLE_FIT_FILES, "X.mtx"), SingleFitHandlers::elasticNet),
            new Handler("elasticnet", Map.of("alpha", ANY, "l1_ratio", ANY, "standardize", FALSE, "weighted", ANY, "positive", ANY),
                    SINGLE_FIT_FILES, SingleFitHandlers::elasticNet),
            new Handler("logistic", Map.of("C", ANY, "l1_ratio", ANY, "penalty", PENALTY, "standardize", FALSE,
                    "weighted", ANY, "x_format", MATRIX_MARKET), union(SINGLE_FIT_FILES, "X.mtx"), SingleFitHandlers::logistic),
            new Handler("poisson", Map.of("alpha", ANY, "l1_ratio", ZERO, "standardize", FALSE, "weighted", ANY), SINGLE_FIT_FILES,
                    SingleFitHandlers::poisson),
            new Handler("multinomial", Map.of("C", ANY, "l1_ratio", ANY, "penalty", PENALTY, "standardize", FALSE,
                    "weighted", ANY, "n_classes", ANY), SINGLE_FIT_FILES, SingleFitHandlers::multinomial),
            new Handler("elasticnet_path", Map.of("l1_ratio", ANY, "standardize", ANY, "weighted", ANY, "eps", ANY, "n_alphas", ANY,
                    "y_scale", ANY, "penalty_factor", ANY, "limits", ANY, "x_format", MATRIX_MARKET),
                    union(PATH_FILES, "penalty_factor.csv", "lower_limits.csv", "upper_limits.csv", "X.mtx"),
                    PathHandlers::elasticNetPath),
            new Handler("logistic_path", Map.of("l1_ratio", ANY, "standardize", ANY, "weighted", FALSE, "n_alphas", ANY, "limits", ANY,
                    "penalty_factor", ANY), union(PATH_FILES, "lower_limits.csv", "upper_limits.csv", "penalty_factor.csv"), PathHandlers::logisticPath),
            new Handler("poisson_path", Map.of("l1_ratio", ANY, "standardize", ANY, "weighted", FALSE, "n_alphas", ANY, "penalty_factor", ANY),
                    union(PATH_FILES, "penalty_factor.csv"), PathHandlers::poissonPath),
            new Handler("multinomial_path", Map.of("l1_ratio", ANY, "standardize", ANY, "weighted", FALSE, "n_alphas", ANY, "n_classes", ANY,
                    "type_multinomial", v -> v.equals("ungrouped") || v.equals("grouped")), PATH_FILES, PathHandlers::multinomialPath),
            new Handler("ridge_cv", Map.of("l1_ratio", ZERO, "standardize", FALSE, "weighted", ANY, "cv", v -> v.equals("leave-one-out"),
                    "n_folds", ANY, "alpha_chosen", ANY, "alpha_chosen_index", ANY, "cv_rtol", ANY),
                    union(SINGLE_FIT_FILES, "alphas.csv", "folds.csv", "cv_mse.csv"), CvHandlers::ridgeCv),
            new Handler("elasticnet_cv", Map.ofEntries(Map.entry("l1_ratio", ANY), Map.entry("standardize", FALSE), Map.entry("weighted", FALSE),
                    Map.entry("cv", v -> v.equals("explicit-folds")), Map.entry("eps", ANY), Map.entry("n_alphas", ANY), Map.entry("n_folds", ANY),
                    Map.entry("alpha_chosen", ANY), Map.entry("alpha_chosen_index", ANY), Map.entry("cv_rtol", ANY)),
                    union(SINGLE_FIT_FILES, "alphas.csv", "folds.csv", "cv_mse.csv"), CvHandlers::elasticNetCv),
            new Handler("logistic_cv", Map.ofEntries(Map.entry("l1_ratio", ANY), Map.entry("penalty", v -> v.equals("l2") || v.equals("elasticnet")),
                    Map.entry("standardize", FALSE), Map.entry("weighted", ANY), Map.entry("cv", v -> v.equals("explicit-folds")), Map.entry("n_folds", ANY),
                    Map.entry("C_chosen", ANY), Map.entry("C_chosen_index", ANY), Map.entry("cv_rtol", ANY), Map.entry("l1_ratio_chosen", ANY),
                    Map.entry("l1_ratio_chosen_index", ANY)),
                    union(SINGLE_FIT_FILES, "Cs.csv", "folds.csv", "cv_logloss.csv", "l1_ratios.csv"), CvHandlers::logisticCv),
            new Handler("logistic_path_cv", Map.ofEntries(Map.entry("l1_ratio", ANY), Map.entry("standardize", ANY), Map.entry("weighted", FALSE),
                    Map.entry("cv", v -> v.equals("explicit-folds")), Map.entry("n_folds", ANY), Map.entry("n_alphas", ANY), Map.entry("cv_rtol", ANY),
                    Map.entry("lambda_min", ANY), Map.entry("lambda_min_index", ANY), Map.entry("lambda_1se", ANY), Map.entry("lambda_1se_index", ANY)),
                    union(PATH_FILES, "folds.csv", "cv_deviance.csv", "cv_deviance_sd.csv"), CvHandlers::logisticPathCv),
            new Handler("group_lasso", Map.of("alpha", ANY, "standardize", FALSE, "weighted", FALSE, "loss", v -> v.equals("squared") || v.equals("logistic"),
                    "n_groups", ANY, "x_format", MATRIX_MARKET), union(SINGLE_FIT_FILES, "groups.csv", "X.mtx"), GroupHandlers::groupLasso),
            new Handler("group_lasso_path", Map.of("standardize", FALSE, "weighted", FALSE, "loss", v -> v.equals("squared"),
                    "n_groups", ANY, "eps", ANY, "n_alphas", ANY, "x_format", MATRIX_MARKET), union(PATH_FILES, "groups.csv", "X.mtx"),
                    GroupHandlers::groupLassoPath),
            new Handler("multitask_elasticnet", Map.of("alpha", ANY, "l1_ratio", ANY, "standardize", FALSE, "weighted", FALSE, "n_tasks", ANY,
                    "x_format", MATRIX_MARKET), Set.of("X.csv", "X.mtx", "Y.csv", "coef.csv", "intercept.csv"), GroupHandlers::multiTaskElasticNet),
            new Handler("bayesian_ridge", Map.ofEntries(Map.entry("l1_ratio", ZERO), Map.entry("standardize", FALSE), Map.entry("weighted", FALSE),
                    Map.entry("alpha_", ANY), Map.entry("lambda_", ANY), Map.entry("alpha_1", ANY), Map.entry("alpha_2", ANY),
                    Map.entry("lambda_1", ANY), Map.entry("lambda_2", ANY), Map.entry("n_iter", ANY), Map.entry("tol", ANY),
                    Map.entry("n_iter_done", ANY), Map.entry("log_marginal_likelihood", ANY), Map.entry("hyper_rtol", ANY),
                    Map.entry("x_format", MATRIX_MARKET)), union(SINGLE_FIT_FILES, "X.mtx"), GroupHandlers::bayesianRidge)));

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> s = new java.util.HashSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }

    private static Map<String, Handler> index(List<Handler> handlers) {
        return handlers.stream().collect(Collectors.toUnmodifiableMap(Handler::model, h -> h));
    }

    /** The handler of a model name, if any. */
    static Optional<Handler> forModel(String model) {
        return Optional.ofNullable(HANDLERS.get(model));
    }

    /** The model names with a handler, sorted. */
    public static List<String> models() {
        return HANDLERS.keySet().stream().sorted().toList();
    }

    /** Runs one case: skipped when no handler understands all of it, its handler's result otherwise; an exception fails it. */
    public static CaseResult run(ConformanceCase c) {
        String model;
        List<String> files;
        try {
            model = c.model();
            files = listFiles(c.dir());
        } catch (RuntimeException | IOException e) {
            return CaseResult.failed(c.id(), "cannot read case: " + e.getMessage());
        }
        Optional<Handler> h = forModel(model);
        if (h.isEmpty()) return CaseResult.skipped(c.id(), "model '" + model + "' is not supported yet (supported: " + String.join(", ", models()) + ")");
        String unsupported;
        try {
            unsupported = h.get().unsupported(c, files);
        } catch (RuntimeException e) {
            return CaseResult.failed(c.id(), "cannot read case.properties: " + e.getMessage());
        }
        if (unsupported != null) return CaseResult.skipped(c.id(), unsupported);
        try {
            return h.get().run().run(c);
        } catch (Exception | StackOverflowError e) {
            return CaseResult.failed(c.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<String> listFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().forEach(out::add);
        }
        return out;
    }
}
