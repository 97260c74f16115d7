package dev.shrink.kernels;

/**
 * Matrix–vector products with a dense matrix in either layout and any storage ({@link DenseMatrix}: flat double or
 * float32 arrays, or row arrays), in double arithmetic; and pure float32 products on a {@link FloatMatrixView}.
 *
 * <p>Outputs are overwritten (no accumulation) and must not overlap the matrix or the input vector. Bound per
 * output element against exact arithmetic: {@code |Δᵢ| ≤ 2·k·ε·Σⱼ|aᵢⱼxⱼ|} with k the inner length, ε = 2⁻⁵³ for
 * the double products and ε₃₂ = 2⁻²⁴ for the float32 ones (as long as float32 does not overflow).
 */
public interface MatrixVector {

    /** y ← A·x: {@code y[yOffset + i] = Σⱼ A(i, j)·x[xOffset + j]}, i &lt; rows (e.g. predictions Xw). */
    void multiply(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset);

    /** y ← Aᵀ·x: {@code y[yOffset + j] = Σᵢ A(i, j)·x[xOffset + i]}, j &lt; cols (e.g. the gradient Xᵀr). */
    void multiplyTransposed(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset);

    /**
     * The residual and the gradient of weighted least squares in one sweep over A (each row is read once, when A's rows
     * are contiguous: row-major or row arrays; column-major A takes two sweeps):
     * {@code rᵢ ← sᵢ·(yᵢ − c − (A·x)ᵢ)} for i &lt; rows, then {@code g ← Aᵀr}. s null means sᵢ = 1. Bounds: rᵢ as
     * {@link #multiply}'s (relative to |yᵢ| + |c| + Σⱼ|aᵢⱼxⱼ|), g as {@link #multiplyTransposed}'s for the r returned.
     *
     * @param r output, rows values at {@code r[0 ..)}
     * @param g output, cols values at {@code g[0 ..)}
     */
    void residualGradient(DenseMatrix a, double[] x, double c, double[] y, double[] s, double[] r, double[] g);

    /** y ← A·x in float32 arithmetic. */
    void multiply(FloatMatrixView a, float[] x, int xOffset, float[] y, int yOffset);

    /** y ← Aᵀ·x in float32 arithmetic. */
    void multiplyTransposed(FloatMatrixView a, float[] x, int xOffset, float[] y, int yOffset);
}
