package dev.shrink.kernels;

/** Thrown by {@link Cholesky#factor} when a pivot is not positive; it names the pivot and its value. */
public final class NotPositiveDefiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int pivot;
    private final double value;

    public NotPositiveDefiniteException(String argument, int pivot, double value) {
        super(argument + " is not positive definite: pivot " + pivot + " is " + value + " (must be > 0 and finite)");
        this.pivot = pivot;
        this.value = value;
    }

    /** 0-based index of the diagonal element where the factorization failed. */
    public int pivot() {
        return pivot;
    }

    /** The value of the failing pivot (before the square root): ≤ 0, NaN or infinite. */
    public double value() {
        return value;
    }
}
