/**
 * Choosing the penalty by cross-validation, with the conventions of scikit-learn and glmnet.
 *
 * <ul>
 *   <li>{@link dev.shrink.solvers.cv.RidgeCV}: exact leave-one-out for a whole α grid from one symmetric
 *       eigendecomposition ({@link dev.shrink.kernels.SymmetricEigen}), scikit-learn's {@code RidgeCV};</li>
 *   <li>{@link dev.shrink.solvers.cv.ElasticNetCV}: K-fold over (α, l1Ratio) on per-fold sufficient statistics
 *       (training = total − fold, one pass over the rows), scikit-learn's {@code ElasticNetCV};</li>
 *   <li>{@link dev.shrink.solvers.cv.LogisticRegressionCV}: K-fold over C with the mean log-loss, scikit-learn's
 *       {@code LogisticRegressionCV(scoring='neg_log_loss')};</li>
 *   <li>{@link dev.shrink.solvers.cv.Folds} (explicit or scikit-learn {@code KFold} folds) and
 *       {@link dev.shrink.solvers.cv.CvScores} (per-penalty mean and standard error, the minimum and glmnet's
 *       one-standard-error choice).</li>
 * </ul>
 * Folds run in parallel on an {@link java.util.concurrent.Executor} when one is given; results are identical to a
 * sequential run. {@link dev.shrink.solvers.cv.CvHandlers} runs the {@code ridge_cv}, {@code elasticnet_cv} and
 * {@code logistic_cv} conformance cases.
 */
package dev.shrink.solvers.cv;
