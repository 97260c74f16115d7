/**
 * Penalised linear models that reproduce scikit-learn 1.2.1: {@link dev.shrink.solvers.Ridge},
 * {@link dev.shrink.solvers.Lasso}, {@link dev.shrink.solvers.ElasticNet}, {@link dev.shrink.solvers.LogisticRegression},
 * and the generic {@link dev.shrink.solvers.ProximalGradient} (FISTA) for any {@link dev.shrink.solvers.SmoothLoss}
 * plus a {@link dev.shrink.solvers.Penalty}.
 *
 * <p>Data enter as a {@link dev.shrink.solvers.Design} (validated once, no copy for flat arrays); least-squares problems
 * can also start from {@link dev.shrink.solvers.SufficientStats} (mergeable: folds, chunks). Every fit returns an
 * immutable model with a {@link dev.shrink.solvers.Convergence} record; strict mode throws
 * {@link dev.shrink.solvers.ConvergenceException}. All arithmetic on arrays goes through
 * {@link dev.shrink.kernels.KernelProvider#get()}.
 */
package dev.shrink.solvers;
