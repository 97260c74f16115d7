package dev.shrink.kernels;

/**
 * Level-1 kernels on contiguous ranges {@code x[xOffset .. xOffset + n)}.
 *
 * <p>Contracts shared by every method: {@code n ≥ 0}; every range lies inside its array; nothing outside the given
 * ranges is read or written. NaN and ±Inf propagate as IEEE arithmetic says (both implementations agree on whether
 * the result is NaN or which infinity it is). Results may differ between implementations by rounding only, within
 * the bound each method states ({@code ε = 2⁻⁵³}).
 */
public interface Level1 {

    /** Σ xᵢ·yᵢ. Error bound against exact arithmetic: {@code |Δ| ≤ 2·n·ε·Σ|xᵢyᵢ|}. */
    double dot(int n, double[] x, int xOffset, double[] y, int yOffset);

    /**
     * Σ xᵢ·yᵢ in float32 arithmetic (FMA). Error bound against exact arithmetic: {@code |Δ| ≤ 2·n·ε₃₂·Σ|xᵢyᵢ|},
     * ε₃₂ = 2⁻²⁴, unless a partial sum overflows float32 (|Σ| ≳ 3.4e38: then ±Inf, as in the scalar reference only
     * when the same partial sums overflow). NaN and ±Inf inputs propagate as for doubles.
     */
    float dot(int n, float[] x, int xOffset, float[] y, int yOffset);

    /** Σ x[xOffset + i·incX]·y[yOffset + i·incY]; strides are ≥ 1. Same bound as {@link #dot}. */
    double dot(int n, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY);

    /** y ← α·x + y on {@code y[yOffset .. yOffset + n)}; x and y may be the same range, not overlapping otherwise. */
    void axpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset);

    /** y[yOffset + i·incY] ← α·x[xOffset + i·incX] + y[yOffset + i·incY]; strides ≥ 1. */
    void axpy(int n, double alpha, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY);

    /** x ← α·x. Exact per element (one rounding), identical in every implementation. */
    void scal(int n, double alpha, double[] x, int xOffset);

    /** Σ xᵢ. Bound: {@code |Δ| ≤ 2·n·ε·Σ|xᵢ|}. */
    double sum(int n, double[] x, int xOffset);

    /** Σ xᵢ². May overflow to +Inf for |xᵢ| ≳ 1e154; use {@link #norm2} when that matters. Bound: {@code 2·n·ε·Σxᵢ²}. */
    double sumOfSquares(int n, double[] x, int xOffset);

    /**
     * ‖x‖₂ without overflow or underflow for any finite input (values near 1e±300 included): scaled as in LAPACK
     * {@code dnrm2}. +Inf if any element is infinite and none is NaN; NaN if any is NaN. Bound: {@code |Δ| ≤ 2·n·ε·‖x‖₂}.
     */
    double norm2(int n, double[] x, int xOffset);

    /** max |xᵢ|; 0 for n = 0; NaN if any element is NaN. Exact. */
    double maxAbs(int n, double[] x, int xOffset);
}
