package dev.shrink.solvers.quasinewton;

/** A smooth function f: ℝᵐ → ℝ with its gradient, as the line search and L-BFGS see it. Not for concurrent use. */
public interface DifferentiableFunction {

    /** The dimension m. */
    int dimension();

    /** f(x), with ∇f(x) into {@code gradient[0 .. m)}; x is only read. */
    double valueAndGradient(double[] x, double[] gradient);
}
