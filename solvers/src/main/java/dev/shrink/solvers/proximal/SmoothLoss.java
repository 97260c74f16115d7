package dev.shrink.solvers.proximal;

/**
 * A smooth data-fit term f(w, b) of a linear model, for {@link ProximalGradient}. Implementations keep work buffers,
 * so one instance must not be used by two threads at once.
 */
public interface SmoothLoss {

    /** Number of coefficients p. */
    int p();

    /** f(w, b). */
    double value(double[] w, double b);

    /** f(w, b), with ∇_w f into {@code grad[0 .. p)} and ∂f/∂b into {@code grad[p]} ({@code grad.length ≥ p + 1}). */
    double valueAndGradient(double[] w, double b, double[] grad);
}
