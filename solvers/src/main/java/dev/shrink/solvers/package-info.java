/**
 * Penalised linear models with scikit-learn 1.2.1's objectives and names: the estimators {@link dev.shrink.solvers.Ridge},
 * {@link dev.shrink.solvers.Lasso}, {@link dev.shrink.solvers.ElasticNet}, {@link dev.shrink.solvers.LogisticRegression}
 * (binary or multinomial; L2, L1, elastic net or no penalty) and {@link dev.shrink.solvers.PoissonRegressor};
 * group L2 and adaptive regularisation: {@link dev.shrink.solvers.GroupLasso}, {@link dev.shrink.solvers.LogisticGroupLasso},
 * {@link dev.shrink.solvers.MultiTaskElasticNet}, {@link dev.shrink.solvers.MultiTaskLasso},
 * {@link dev.shrink.solvers.AdaptiveLasso}, {@link dev.shrink.solvers.LogisticAdaptiveLasso}, {@link dev.shrink.solvers.BayesianRidge} and
 * {@link dev.shrink.solvers.ARDRegression};
 * the fitted {@link dev.shrink.solvers.LinearModel}, {@link dev.shrink.solvers.LogisticModel},
 * {@link dev.shrink.solvers.PoissonModel}, {@link dev.shrink.solvers.MultiTaskModel}, {@link dev.shrink.solvers.AdaptiveLassoModel},
 * {@link dev.shrink.solvers.LogisticAdaptiveLassoModel},
 * {@link dev.shrink.solvers.BayesianRidgeModel} and {@link dev.shrink.solvers.ARDRegressionModel}; the inputs
 * {@link dev.shrink.solvers.Design} (validated once; flat double or float32 arrays and {@code double[][]} rows kept as
 * they are — which fits read them in place and which copy once is listed there) and {@link dev.shrink.solvers.SufficientStats}
 * (mergeable: folds, chunks of rows, machines); {@link dev.shrink.solvers.Precompute}; and how every fit ended,
 * {@link dev.shrink.solvers.Convergence} (strict mode throws {@link dev.shrink.solvers.ConvergenceException}). Paths are
 * in {@code dev.shrink.solvers.path}, cross-validation in {@code dev.shrink.solvers.cv}. All arithmetic on arrays goes
 * through {@link dev.shrink.kernels.KernelProvider#get()}.
 *
 * <p>Variants chosen by size, every threshold quoted from the one class that holds them:
 * <ul>
 *   <li>Ridge: Cholesky of the p×p Gram when n ≥ p, of the n×n kernel XXᵀ when p &gt; n; a pivot below
 *   {@value dev.shrink.solvers.internal.Thresholds#SINGULAR_PIVOT} of its diagonal element is reported as singular.
 *   With n ≥ p, alpha &gt; 0, p ≥ {@value dev.shrink.solvers.internal.Thresholds#REFINEMENT_MIN_COLUMNS} and n·p² ≥
 *   {@value dev.shrink.solvers.internal.Thresholds#REFINEMENT_MIN_FLOPS}, mixed precision: float32 Gram and Cholesky,
 *   then float64 iterative refinement (one pass for X̃w and one for X̃ᵀr per step) to the float64 solve's backward error;
 *   at most {@value dev.shrink.solvers.internal.Thresholds#REFINEMENT_MAX_STEPS} steps, each shrinking the gradient to
 *   at most {@value dev.shrink.solvers.internal.Thresholds#REFINEMENT_CONTRACTION} of the previous one, else the float64
 *   path answers and {@link dev.shrink.solvers.Convergence} says so ({@code -Dshrink.ridge.refinement=on|off} overrides
 *   the rule). A {@link dev.shrink.solvers.SparseDesign}: the Gram (sparse products) up to
 *   {@value dev.shrink.solvers.internal.Thresholds#SPARSE_RIDGE_GRAM} columns, conjugate gradients beyond.</li>
 *   <li>Sparse designs: coordinate descent by residual updates on the columns (single fits, and paths unless n ≥ p
 *   and p² ≤ the stored entries); centring and scaling implicit; cross-validation folds are row masks. The group-lasso,
 *   multi-task and Bayesian estimators form their Gram blocks from the stored entries, centred afterwards
 *   (XᵀVX − S·x̄x̄ᵀ) unless a column's mean dwarfs its spread (the {@code CENTRING_LIMIT} rule below), then column by
 *   column; the multi-task path keeps the whole Gram only when p ≤
 *   {@value dev.shrink.solvers.internal.Thresholds#SPARSE_RIDGE_GRAM} or p² ≤ the stored entries.</li>
 *   <li>Coordinate descent: single fits ({@link dev.shrink.solvers.ElasticNet}, {@link dev.shrink.solvers.Lasso}) on the
 *   Gram of the working set only ({@link dev.shrink.solvers.Precompute#WORKING_SET}):
 *   {@value dev.shrink.solvers.internal.Thresholds#FIRST_BATCH} violators admitted at first, then as many as the set
 *   holds; paths and cross-validation on the whole Gram when n ≥ p, on residuals otherwise
 *   ({@link dev.shrink.solvers.Precompute#AUTO}).</li>
 *   <li>Whole Gram ("covariance mode"): one pass of the blocked SYRK kernel (with {@code threads} row chunks), centred
 *   afterwards unless a column has n·x̄² &gt; {@value dev.shrink.solvers.internal.Thresholds#CENTRING_LIMIT}·Σ(x − x̄)²,
 *   when columns are centred one by one instead; Gram-product updates restricted to the working set while it holds at
 *   most 1/{@value dev.shrink.solvers.internal.Thresholds#SMALL_SET_DIVISOR} of the features; a sign-fixed Newton step
 *   on the support after 2, 4, 8, … sweeps while k² ≤ {@value dev.shrink.solvers.internal.Thresholds#SUPPORT_NEWTON_BUDGET}·sweeps·p.</li>
 *   <li>Gap checks: after every sweep on the whole Gram; on residuals when the largest coefficient change falls below
 *   tol relative to the largest coefficient; on the working set's Gram the set's gap after every sweep, a full check when
 *   it falls below {@value dev.shrink.solvers.internal.Thresholds#INNER_SHARE} of the tolerance, once the round's sweeps
 *   cost as much as a full check, or after as many sweeps again as the solve had when the set's gap first met the
 *   tolerance.</li>
 *   <li>Anderson extrapolation of coordinate descent every {@value dev.shrink.solvers.internal.Thresholds#ANDERSON_DEPTH}
 *   sweeps, kept only when it lowers the objective.</li>
 *   <li>Naive mode: dual extrapolation of the residuals of the last
 *   {@value dev.shrink.solvers.internal.Thresholds#EXTRAPOLATION_DEPTH} sweeps' differences (Massias, Gramfort &amp; Salmon
 *   2018, "Celer"), once a sweep costs at least as much as keeping them: the best of the residual's, the extrapolated
 *   and the previous dual point certifies the gap; full checks read only the columns the drift bounds cannot rule out
 *   (on sparse X also Hölder's bound through each column's Σ|xᵢⱼ| and the residual change's largest entry), from a
 *   float32 copy of a dense X first; the support Newton step continues past a sign change on the smaller
 *   support.</li>
 *   <li>Group lasso: the whole Gram when n ≥ p, the working set's columns otherwise; working sets over groups admit at
 *   most max({@value dev.shrink.solvers.internal.Thresholds#FIRST_BATCH}, set size) columns' worth of violators at a
 *   time and are solved to {@value dev.shrink.solvers.internal.Thresholds#INNER_SHARE} of the tolerance before the next
 *   full gradient; multi-task elastic net: the whole Gram when n ≥ p, Gram columns on first use otherwise; Bayesian
 *   ridge: the eigendecomposition of XᵀX when n &gt; p, of XXᵀ otherwise.</li>
 *   <li>Logistic group lasso (proximal Newton on the working set): the IRLS curvature X̃ᵀD̃X̃ is kept while each step cuts
 *   the set's gap to {@value dev.shrink.solvers.internal.Thresholds#CURVATURE_REUSE} of the previous one; up to
 *   {@value dev.shrink.solvers.internal.Thresholds#CURVATURE_EXTEND_LIMIT} new columns extend it, more rebuild it; weights
 *   are floored at {@value dev.shrink.solvers.internal.Thresholds#IRLS_WEIGHT_FLOOR}·sᵢ.</li>
 *   <li>Logistic group lasso's backtracking: Armijo constant {@value dev.shrink.solvers.internal.Thresholds#ARMIJO},
 *   at most {@value dev.shrink.solvers.internal.Thresholds#MAX_HALVINGS} step halvings; the full step is taken when the
 *   predicted decrease is below {@value dev.shrink.solvers.internal.Thresholds#ROUNDING_REGIME} of the objective.</li>
 *   <li>Logistic regression (L-BFGS, Newton–Cholesky, Newton-CG): strong Wolfe line searches (c₁ =
 *   {@value dev.shrink.solvers.internal.Thresholds#ARMIJO}, c₂ = {@value dev.shrink.solvers.internal.Thresholds#WOLFE_CURVATURE});
 *   Newton–Cholesky up to {@value dev.shrink.solvers.internal.Thresholds#NEWTON_MAX_FEATURES} features (measured
 *   crossover with L-BFGS between 40 and 100 features at n = 20000; the table is in Thresholds), through XXᵀ when
 *   p &gt; n up to {@value dev.shrink.solvers.internal.Thresholds#DUAL_MAX_ROWS} rows, L-BFGS otherwise; L-BFGS starts
 *   from the Hessian of {@value dev.shrink.solvers.internal.Thresholds#PRECONDITIONER_ROWS_PER_FEATURE}·p sampled rows
 *   when its condition number exceeds {@value dev.shrink.solvers.internal.Thresholds#PRECONDITIONER_CONDITION} times
 *   the spread of its sampling noise (Marchenko–Pastur), from the scaled identity otherwise.</li>
 *   <li>Proximal Newton (every penalised GLM but binary L2 logistic regression): working set by the strong rule, its
 *   weighted Gram per outer step, the penalised model solved by coordinate descent until no coordinate changes it by
 *   more than {@value dev.shrink.solvers.internal.Thresholds#GLM_INNER_SHARE}·gap·(gap/loss) (at least
 *   {@value dev.shrink.solvers.internal.Thresholds#GLM_INNER_FLOOR} of the tolerance; at most
 *   {@value dev.shrink.solvers.internal.Thresholds#GLM_MAX_SWEEPS} sweeps), and until no coordinate's optimality residual
 *   exceeds {@value dev.shrink.solvers.internal.Thresholds#GLM_RESIDUAL_SHARE}·gap/(1 + ‖w‖₁); the Gram form of the model when it costs less than
 *   the residual form (Gram kernel {@value dev.shrink.solvers.internal.Thresholds#GRAM_SPEEDUP}× faster per flop than a
 *   column pass) or the model is smooth; by one Cholesky solve when the model is
 *   smooth. Backtracking as the logistic group lasso's, a full step in the rounding regime raising the objective by at most
 *   {@value dev.shrink.solvers.internal.Thresholds#ROUNDING_SLACK} of it, and the solve stops at the rounding floor after
 *   {@value dev.shrink.solvers.internal.Thresholds#GLM_ROUNDING_STEPS} such steps that do not halve the gap. Intercepts
 *   and unpenalised features are refitted by Newton's method (at most
 *   {@value dev.shrink.solvers.internal.Thresholds#GLM_PROFILE_STEPS} steps, until their gradient is below
 *   {@value dev.shrink.solvers.internal.Thresholds#PROFILE_GRADIENT} of Σ|∇F|) before each gap.</li>
 * </ul>
 */
package dev.shrink.solvers;
