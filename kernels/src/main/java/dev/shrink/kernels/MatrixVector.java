package dev.shrink.kernels;

/**
 * Matrix–vector products with a dense {@link MatrixView} in either layout.
 *
 * <p>Outputs are overwritten (no accumulation) and must not overlap the matrix or the input vector. Bound per
 * output element against exact arithmetic: {@code |Δᵢ| ≤ 2·k·ε·Σⱼ|aᵢⱼxⱼ|} with k the inner length.
 */
public interface MatrixVector {

    /** y ← A·x: {@code y[yOffset + i] = Σⱼ A(i, j)·x[xOffset + j]}, i &lt; rows (e.g. predictions Xw). */
    void multiply(MatrixView a, double[] x, int xOffset, double[] y, int yOffset);

    /** y ← Aᵀ·x: {@code y[yOffset + j] = Σᵢ A(i, j)·x[xOffset + i]}, j &lt; cols (e.g. the gradient Xᵀr). */
    void multiplyTransposed(MatrixView a, double[] x, int xOffset, double[] y, int yOffset);
}
