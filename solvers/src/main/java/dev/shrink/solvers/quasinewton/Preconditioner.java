package dev.shrink.solvers.quasinewton;

/**
 * An initial inverse-Hessian approximation H₀ for {@link Lbfgs} (in place of the scaled identity γI): the BFGS pairs
 * then correct H₀ instead of γI, which helps when H₀ already captures the ill-conditioned directions.
 */
public interface Preconditioner {

    /** q ← H₀·q (H₀ symmetric positive definite). */
    void apply(double[] q);

    /**
     * Called after every accepted step at the new point x with the ratio of the new to the old max|∇f|: may rebuild H₀
     * at x (when the progress says it no longer fits). Default: keep it.
     */
    default void update(double[] x, double gradientRatio) {}
}
