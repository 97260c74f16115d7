/**
 * The penalised-GLM engine (not exported): proximal Newton for the binomial, multinomial and Poisson losses with L1,
 * L2, elastic-net or grouped penalties, per-feature weights (penalty factors, standardisation) and box constraints,
 * certified by a duality gap ({@link dev.shrink.solvers.glm.ProximalNewton}). {@link dev.shrink.solvers.glm.GlmProblem}
 * is the entry point of the estimators, paths and cross-validation.
 *
 * <p>The design is read only through {@link dev.shrink.solvers.glm.DesignOps} and its
 * {@link dev.shrink.solvers.glm.ColumnBlock} (products with X̃, X̃ᵀ, the working set's weighted Gram): a sparse design
 * is a second implementation of those two interfaces.
 *
 * <p>Screening hooks: the working set starts from the sequential strong rule ({@code screenL1} of a solve), features
 * are added when a full pass finds them violating the optimality conditions, and
 * {@code ProximalNewton.discard(j)} lets a safe rule remove a feature from a solve. Unbounded binomial problems carry
 * gap-safe screening ({@link dev.shrink.solvers.glm.GlmGapSafeScreening}, the radius derived there), applied with the
 * dual point of exact gaps of the whole problem: sequentially at the start of each solve along a path (the last
 * solve's dual point, rescaled; off by default: {@code shrink.glm.screening.sequential=true}) and dynamically whenever
 * a full check's exact gap fails the tolerance. Dual extrapolation of the predictors
 * ({@link dev.shrink.solvers.glm.GlmDualExtrapolation}, off by default: {@code shrink.glm.extrapolation=true}) offers a
 * second dual point at full checks whose gap fails by at most
 * {@value dev.shrink.solvers.internal.Thresholds#GLM_EXTRAPOLATION_REACH}× the tolerance.
 */
package dev.shrink.solvers.glm;
