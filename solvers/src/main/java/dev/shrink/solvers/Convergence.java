package dev.shrink.solvers;

/**
 * How a fit ended: never silent about non-convergence.
 *
 * @param iterations number of passes (coordinate-descent sweeps, Newton steps, proximal-gradient steps; 0 for a
 *                   direct solve)
 * @param criterion  the stopping quantity in the units of {@code tolerance}: the duality gap for lasso / elastic net
 *                   (scikit-learn's scaling, i.e. compared with {@code tol·‖y − ȳ‖²}), the largest absolute gradient
 *                   element of the objective divided by {@code C·Σsᵢ} for logistic regression, the gradient mapping for {@link ProximalGradient}, 0 for a direct solve
 * @param tolerance  the value {@code criterion} had to reach
 * @param converged  whether it reached it
 * @param message    one line saying what happened, with both numbers
 */
public record Convergence(int iterations, double criterion, double tolerance, boolean converged, String message) {

    /** A direct (closed-form) solve: nothing to converge. */
    public static Convergence direct(String what) {
        return new Convergence(0, 0.0, 0.0, true, what);
    }

    /** Throws {@link ConvergenceException} unless converged. */
    public Convergence requireConverged() {
        if (!converged) throw new ConvergenceException(this);
        return this;
    }
}
