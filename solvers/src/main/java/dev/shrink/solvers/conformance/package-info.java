/**
 * The conformance runner: {@link dev.shrink.solvers.conformance.ConformanceCase} reads a case folder,
 * {@link dev.shrink.solvers.conformance.CaseHandlers} maps a {@code model} to its
 * {@link dev.shrink.solvers.conformance.CaseHandler}, {@link dev.shrink.solvers.conformance.Comparison} applies the
 * README's tolerances, and {@link dev.shrink.solvers.conformance.ConformanceCommand} is {@code ./shrink conformance}.
 */
package dev.shrink.solvers.conformance;
