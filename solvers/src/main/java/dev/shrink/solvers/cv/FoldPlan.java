package dev.shrink.solvers.cv;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The fold settings every K-fold cross-validation here shares, fixed when an estimator is built: explicit folds or
 * K contiguous ones, whether an intercept is fitted, and how many folds run at once.
 */
record FoldPlan(Folds folds, int k, boolean fitIntercept, int threads) {
    FoldPlan {
        if (folds == null && k < 2) throw new IllegalArgumentException("k (number of folds) must be ≥ 2, got " + k);
    }

    /** The folds of n rows: the explicit ones (checked against n) or K contiguous blocks (scikit-learn KFold). */
    Folds forRows(int n) {
        if (folds == null) return Folds.contiguous(n, k);
        folds.requireRows(n);
        return folds;
    }

    /** Runs {@code task(fold)} for every fold of f ({@link FoldRunner}); results in fold order. */
    <R> List<R> run(Folds f, IntFunction<R> task) {
        return FoldRunner.run(f.count(), threads, task);
    }
}
