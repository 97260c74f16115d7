package dev.shrink.solvers.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry: value of {@code model} in case.properties → the handler that runs such cases. */
public final class CaseHandlers {
    private CaseHandlers() {}

    private static final Map<String, CaseHandler> HANDLERS = new LinkedHashMap<>();

    static {
        register("ridge", SingleFitHandlers::ridge);
        register("lasso", SingleFitHandlers::elasticNet);
        register("elasticnet", SingleFitHandlers::elasticNet);
        register("logistic", SingleFitHandlers::logistic);
        register("elasticnet_path", PathHandlers::elasticNetPath);
        register("logistic_path", PathHandlers::logisticPath);
        // cross-validation handlers (package dev.shrink.solvers.cv) register here, one line each
        register("ridge_cv", dev.shrink.solvers.cv.CvHandlers::ridgeCv);
        register("elasticnet_cv", dev.shrink.solvers.cv.CvHandlers::elasticNetCv);
        register("logistic_cv", dev.shrink.solvers.cv.CvHandlers::logisticCv);
    }

    /** Adds or replaces the handler for a model name. */
    public static synchronized void register(String model, CaseHandler handler) {
        HANDLERS.put(model, handler);
    }

    public static synchronized Optional<CaseHandler> forModel(String model) {
        return Optional.ofNullable(HANDLERS.get(model));
    }

    public static synchronized Set<String> models() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(HANDLERS.keySet()));
    }

    /** Runs one case: its handler, or skipped when none; an exception is a failure naming it. */
    public static CaseResult run(ConformanceCase c) {
        String model;
        try {
            model = c.model();
        } catch (RuntimeException e) {
            return CaseResult.failed(c.id(), e.getMessage());
        }
        Optional<CaseHandler> h = forModel(model);
        if (h.isEmpty()) return CaseResult.skipped(c.id(), "model '" + model + "' is not supported yet (supported: " + String.join(", ", models()) + ")");
        try {
            return h.get().run(c);
        } catch (Exception | StackOverflowError e) {
            return CaseResult.failed(c.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
