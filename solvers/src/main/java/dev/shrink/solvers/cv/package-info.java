/**
 * Choosing the penalty by cross-validation, with the conventions of scikit-learn and glmnet. Every estimator here
 * returns a {@link dev.shrink.solvers.cv.CvResult}: the {@link dev.shrink.solvers.cv.CvScores} over the grid (mean
 * and standard error per penalty, the minimum and glmnet's one-standard-error choice) and the model refitted on all
 * rows.
 *
 * <ul>
 *   <li>{@link dev.shrink.solvers.cv.RidgeCV}: exact leave-one-out for a whole α grid from one symmetric
 *       eigendecomposition, scikit-learn's {@code RidgeCV};</li>
 *   <li>{@link dev.shrink.solvers.cv.ElasticNetCV}: K-fold over (α, l1Ratio) on per-fold sufficient statistics
 *       (training = total − fold, one pass over the rows), scikit-learn's {@code ElasticNetCV};</li>
 *   <li>{@link dev.shrink.solvers.cv.LogisticRegressionCV}: K-fold over C with the mean log-loss, scikit-learn's
 *       {@code LogisticRegressionCV(scoring='neg_log_loss')};</li>
 *   <li>{@link dev.shrink.solvers.cv.Folds}: explicit folds or scikit-learn's {@code KFold}.</li>
 * </ul>
 * Folds run in parallel ({@code threads(n)}); the results are identical to a sequential run.
 */
package dev.shrink.solvers.cv;
