/**
 * Penalised linear models on the shrink kernels, with scikit-learn's and glmnet's objectives and names.
 *
 * <p>Exported: the estimators, fitted models and results ({@code dev.shrink.solvers}), regularisation paths
 * ({@code dev.shrink.solvers.path}) and cross-validation ({@code dev.shrink.solvers.cv}). The engines live in packages
 * that are not exported: coordinate descent and its problem variants ({@code .cd}), Newton's method ({@code .newton}),
 * proximal gradient ({@code .proximal}), block coordinate descent for group penalties — group lasso, multi-task L2,1
 * ({@code .group}), evidence maximisation for Bayesian ridge ({@code .bayes}), argument checks and thread counts
 * ({@code .internal}).
 */
module dev.shrink.solvers {
    requires transitive dev.shrink.kernels;
    exports dev.shrink.solvers;
    exports dev.shrink.solvers.path;
    exports dev.shrink.solvers.cv;
}
