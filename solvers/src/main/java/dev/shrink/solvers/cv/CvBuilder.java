package dev.shrink.solvers.cv;

import dev.shrink.solvers.internal.Threads;

/**
 * Builder options every cross-validation estimator of this package shares (folds, intercept, threads); each
 * estimator's builder extends it and adds its own grid and solver options.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract class CvBuilder<B extends CvBuilder<B>> {
    private Folds folds;
    private int k = 5;
    private boolean fitIntercept = true;
    private int threads = Threads.defaultCount();

    CvBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Explicit folds (their row count must match X). */
    public B folds(Folds folds) {
        this.folds = folds;
        return self();
    }

    /** K contiguous folds (scikit-learn KFold without shuffle); default 5. */
    public B folds(int k) {
        this.k = k;
        this.folds = null;
        return self();
    }

    /** Fit an unpenalised intercept (default true). */
    public B fitIntercept(boolean fitIntercept) {
        this.fitIntercept = fitIntercept;
        return self();
    }

    /**
     * Folds fitted at once, ≥ 1 (default: all processors); the results are identical to a sequential run
     * ({@code threads(1)}).
     */
    public B threads(int threads) {
        this.threads = threads;
        return self();
    }

    /** The settings as an immutable, validated value. */
    FoldPlan plan() {
        return new FoldPlan(folds, k, fitIntercept, Threads.check(threads));
    }
}
