/**
 * The conformance harness: {@link dev.shrink.conformance.ConformanceCase} reads a case folder (README of
 * {@code shared/conformance}), {@link dev.shrink.conformance.CaseHandlers} decides from every key and file of a case
 * whether a handler understands it and runs it through the solvers' public API, {@link dev.shrink.conformance.Comparison}
 * applies the README's tolerances, {@link dev.shrink.conformance.Objectives} writes the objectives out term by term,
 * and {@link dev.shrink.conformance.ConformanceCommand} is {@code ./shrink conformance}.
 */
package dev.shrink.conformance;
