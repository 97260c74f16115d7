package dev.shrink.conformance;

/** Runs one case of a model type and compares it with the stored solution; registered in {@link CaseHandlers}. */
@FunctionalInterface
public interface CaseHandler {
    CaseResult run(ConformanceCase c) throws Exception;
}
