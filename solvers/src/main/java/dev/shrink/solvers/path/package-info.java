/**
 * Warm-started regularisation paths: {@link dev.shrink.solvers.path.ElasticNetPath} (scikit-learn's {@code enet_path}
 * and glmnet's Gaussian family, with standardisation, penalty factors and glmnet's λ grid) and
 * {@link dev.shrink.solvers.path.LogisticPath} (glmnet's binomial ridge path), both returning a
 * {@link dev.shrink.solvers.path.PathResult}.
 */
package dev.shrink.solvers.path;
