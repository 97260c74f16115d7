package dev.shrink.solvers;

/** Thrown in strict mode when a solver stops before reaching its tolerance. */
public final class ConvergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Convergence convergence;

    public ConvergenceException(Convergence convergence) {
        super(convergence.message());
        this.convergence = convergence;
    }

    public Convergence convergence() {
        return convergence;
    }
}
