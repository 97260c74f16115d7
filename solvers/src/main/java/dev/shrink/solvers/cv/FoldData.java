package dev.shrink.solvers.cv;

import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

/**
 * What a least-squares cross-validation needs from the data: the path on a fold's training rows, the validation
 * error of a fitted model on a fold, and scikit-learn's α_max on all rows. Two forms: per-fold sufficient
 * statistics ({@link FoldStatistics}, covariance mode, n ≥ p) and the rows themselves ({@link FoldRows}, p &gt; n,
 * where p×p Gram matrices would cost more than the data).
 */
interface FoldData {

    Folds folds();

    /** The path on the training rows of fold f (f = −1: all rows); coefficients on the scale of X. */
    PathResult trainingPath(int fold, ElasticNetPath path);

    /** Mean squared error on the rows of fold f of (w, b) as returned by {@link #trainingPath}. */
    double validationMse(int fold, double[] w, double b, double[] scratch);

    /** The intercept on the original scale for (w, b) as returned by {@link #trainingPath}. */
    double originalIntercept(double[] w, double b);

    /** scikit-learn's α_max on all rows: max_j |Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ)|/(n·l1Ratio), uncentred without intercept. */
    double alphaMax(double l1Ratio);
}
