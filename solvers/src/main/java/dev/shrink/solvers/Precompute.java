package dev.shrink.solvers;

/**
 * How coordinate descent reads the data, scikit-learn's {@code precompute} choice for the elastic net and lasso
 * (glmnet's {@code type.gaussian}). The answer does not depend on it, only the time.
 */
public enum Precompute {
    /**
     * Single fits: {@link #WORKING_SET}; paths and cross-validation: {@link #GRAM} when n ≥ p, else {@link #NONE}. A
     * {@link SparseDesign}: {@link #NONE}, except {@link #GRAM} for paths and cross-validation when n ≥ p and the p×p
     * Gram matrix is no larger than the stored entries.
     */
    AUTO,
    /**
     * The whole Gram matrix XᵀX first, then updates that cost O(p) each, independent of n (scikit-learn's
     * {@code precompute=True}, glmnet's "covariance").
     */
    GRAM,
    /** No Gram matrix: residual updates, O(n) each (scikit-learn's {@code precompute=False}, glmnet's "naive"). */
    NONE,
    /**
     * The Gram matrix of the working set's columns only, and the full gradient by a pass over X when the set is
     * checked: a few passes over X in all when the support is small.
     */
    WORKING_SET
}
