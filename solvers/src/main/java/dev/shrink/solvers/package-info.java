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
 *
 * <p>Variants chosen by size, all thresholds in one list:
 * <ul>
 *   <li>Ridge: Cholesky of the p×p Gram when n ≥ p, of the n×n kernel XXᵀ when p &gt; n ({@link dev.shrink.solvers.Ridge});
 *   a pivot below 1e-12 of its diagonal element is reported as singular.</li>
 *   <li>Coordinate descent: single fits ({@link dev.shrink.solvers.ElasticNet}, {@link dev.shrink.solvers.Lasso}) on
 *   the Gram of the working set only (WorkingSetProblem; {@link dev.shrink.solvers.LeastSquaresProblem.Mode#WORKING_SET}):
 *   64 violators admitted at first, then as many as the set holds; paths and CV in covariance mode when n ≥ p, naive
 *   mode otherwise ({@link dev.shrink.solvers.LeastSquaresProblem.Mode#AUTO}).</li>
 *   <li>Covariance mode: the whole Gram through the SYRK kernel when the problem is prepared (with {@code threads} row
 *   chunks on paths), or Gram columns one by one when a column's mean is too large to subtract safely (LazyGramColumns); Gram-product updates restricted to the working
 *   set while it holds at most p/3 features (CovarianceProblem).</li>
 *   <li>Gap checks: after every sweep in covariance mode; in naive mode when the largest coefficient change falls below
 *   tol relative to the largest coefficient; in working-set mode the set's gap after every sweep, a full check when it
 *   falls below 1% of the tolerance, or once the round's sweeps cost as much as a full check, or after as many sweeps
 *   again as the solve had when the set's gap first met the tolerance (CoordinateDescent).</li>
 *   <li>Anderson extrapolation of coordinate descent every 5 sweeps, kept only when it lowers the objective (measured
 *   through −½·dᵀ(g₀ + g₁) on Gram-based problems).</li>
 *   <li>Newton–Cholesky: Armijo constant 1e-4, step halving up to 40 times; full step accepted when the predicted
 *   decrease is below 1e-10 of the objective (rounding regime).</li>
 * </ul>
 */
package dev.shrink.solvers;
