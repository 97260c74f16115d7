package dev.shrink.solvers.quasinewton;

/** A smooth function f: ℝᵐ → ℝ with its gradient, as the line search and L-BFGS see it. Not for concurrent use. */
public interface DifferentiableFunction {

    /** The dimension m. */
    int dimension();

    /** f(x), with ∇f(x) into {@code gradient[0 .. m)}; x is only read. */
    double valueAndGradient(double[] x, double[] gradient);

    /**
     * The curvature dᵀ∇²f(x)·d along d, called only right after {@link #valueAndGradient} at the same x (so a function
     * may reuse what that evaluation left, e.g. the linear predictor of a GLM); NaN when the function does not know it
     * (the default). L-BFGS asks it once, for the length of its first step, where no curvature pair is known yet.
     */
    default double curvature(double[] x, double[] d) {
        return Double.NaN;
    }
}
