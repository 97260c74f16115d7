package dev.shrink.solvers.conformance;

/** Handlers of the regularisation paths {@code elasticnet_path} and {@code logistic_path}. */
final class PathHandlers {
    private PathHandlers() {}

    static CaseResult elasticNetPath(ConformanceCase c) {
        return CaseResult.skipped(c.id(), "elasticnet_path: not implemented yet");
    }

    static CaseResult logisticPath(ConformanceCase c) {
        return CaseResult.skipped(c.id(), "logistic_path: not implemented yet");
    }
}
