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

    /**
     * Aᵀ times k right-hand sides at once (a GEMM whose second factor is thin): {@code out[outOffset + t·ldOut + j] =
     * Σᵢ A(i, j)·y[yOffset + i·ldy + t]} for t &lt; k, j &lt; cols — Y is rows×k row-major with leading dimension ldy
     * (e.g. the residuals of T tasks), out is k×cols row-major (task-major). One pass over A serves every column of Y,
     * where k calls of {@link #multiplyTransposed} would read A k times. out must not overlap A or y; elements of out
     * between rows (columns cols .. ldOut) are untouched. Bound per element: {@code |Δ| ≤ 2·rows·ε·Σᵢ|aᵢⱼyᵢₜ|}.
     */
    void multiplyTransposed(MatrixView a, double[] y, int yOffset, int ldy, int k, double[] out, int outOffset, int ldOut);

    /**
     * y ← y + Aᵀ·x (BLAS {@code dgemv} with β = 1): {@code y[yOffset + j] += Σᵢ A(i, j)·x[xOffset + i]}, j &lt; cols — e.g.
     * the group lasso's state H = K·w after the coefficients of one group (a few rows of K) moved by x. y must not
     * overlap A or x. Bound per element: {@code |Δyⱼ| ≤ 2·(k + 1)·ε·(|yⱼ| + Σᵢ|aᵢⱼxᵢ|)}, k the rows.
     */
    void addMultiplyTransposed(MatrixView a, double[] x, int xOffset, double[] y, int yOffset);

    /**
     * A ← A + x·yᵀ (BLAS {@code dger}): A is m×k row-major, element (i, j) at {@code a[aOffset + i·lda + j]},
     * {@code lda ≥ k}; x has m values, y has k. One row of A per value of x, each updated with the same y — e.g. the
     * T task rows of a multi-task state updated with one Gram column, or XᵀY accumulated one row of X at a time. A must
     * not overlap x or y; elements between rows (columns k .. lda) are untouched. Bound per element:
     * {@code |Δaᵢⱼ| ≤ 2ε·(|aᵢⱼ| + |xᵢyⱼ|)} (a fused multiply-add may be used).
     */
    void rankOneUpdate(int m, int k, double[] x, int xOffset, double[] y, int yOffset, double[] a, int aOffset, int lda);
}
