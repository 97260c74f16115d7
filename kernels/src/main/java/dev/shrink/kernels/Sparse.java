package dev.shrink.kernels;

/**
 * Sparse kernels: a sparse vector against a dense one (sparse BLAS {@code ddoti} / {@code daxpyi}), products of a
 * compressed-column matrix ({@link CscView}, {@link CscFloatView}) with dense vectors, the Gram matrix of a block of its
 * columns, and column sums and centred sums of squares. Products and sums are formed in double precision for both
 * value types.
 *
 * <p>A sparse vector is {@code nnz} entries at positions {@code offset .. offset + nnz)} of {@code values} and
 * {@code indices}: entry k is {@code values[k]} at index {@code indices[k]}; indices are distinct (each entry of
 * {@code y} is touched once). Optional {@code weights} (null: all 1) are read at the same indices as {@code y} but
 * from position 0: {@code weights[indices[k]]} with {@code y[yOffset + indices[k]]}. Outputs never overlap inputs.
 * NaN and ±Inf propagate as IEEE arithmetic says; results of two implementations differ by rounding only, within the
 * bound each method states ({@code ε = 2⁻⁵³}).
 */
public interface Sparse {

    /** Σₖ vₖ·wᵢ·y[yOffset + i], i = indices[k]. Bound: {@code |Δ| ≤ 2·nnz·ε·Σ|vₖwᵢyᵢ|}. */
    double dot(int nnz, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset);

    /** {@link #dot(int, double[], int[], int, double[], double[], int)} with single-precision values. */
    double dot(int nnz, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset);

    /**
     * y[yOffset + i] ← y[yOffset + i] + α·vₖ·wᵢ for every entry k, i = indices[k]. Each element is rounded as
     * {@code y + (α·v)·w} (two or three roundings, no FMA), identically in every implementation.
     */
    void axpy(int nnz, double alpha, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset);

    /** {@link #axpy(int, double, double[], int[], int, double[], double[], int)} with single-precision values. */
    void axpy(int nnz, double alpha, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset);

    /**
     * y ← A·x, {@code y[yOffset + i] = Σⱼ A(i, j)·x[xOffset + j]} for i &lt; rows (column by column: columns with
     * {@code x[j] = 0} cost nothing and add nothing, not even a NaN they hold). Bound per element:
     * {@code |Δᵢ| ≤ 2·cols·ε·Σⱼ|aᵢⱼxⱼ|}.
     */
    void multiply(CscView a, double[] x, int xOffset, double[] y, int yOffset);

    /** y ← A·x for single-precision values. */
    void multiply(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset);

    /**
     * y ← Aᵀ·x, {@code y[yOffset + j] = Σᵢ A(i, j)·x[xOffset + i]} for j &lt; cols (one sparse dot per column: the
     * gradient Xᵀr). Bound per element: {@code |Δⱼ| ≤ 2·nnzⱼ·ε·Σᵢ|aᵢⱼxᵢ|}.
     */
    void multiplyTransposed(CscView a, double[] x, int xOffset, double[] y, int yOffset);

    /** y ← Aᵀ·x for single-precision values. */
    void multiplyTransposed(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset);

    /**
     * G ← A_Bᵀ·D·A_B for the block B = {@code columns[0 .. count)} of A (distinct column numbers, any order), D =
     * diag(weights) (null: the identity): {@code G[a][b] = Σᵢ dᵢ·A(i, Bₐ)·A(i, B_b)}, written row-major at
     * {@code g[gOffset + a·ldg + b]}, both triangles, exactly symmetric. Formed row by row (Gustavson's sparse product:
     * the cost is Σᵢ cᵢ², cᵢ the entries of row i inside the block), with O(rows + nnz of the block) scratch memory.
     * Bound per element: {@code |ΔGₐ_b| ≤ 2·rows·ε·Σᵢ dᵢ|aᵢₐaᵢ_b|}.
     */
    void gram(CscView a, int[] columns, int count, double[] weights, double[] g, int gOffset, int ldg);

    /** G ← A_Bᵀ·D·A_B for single-precision values. */
    void gram(CscFloatView a, int[] columns, int count, double[] weights, double[] g, int gOffset, int ldg);

    /** out[outOffset + j] ← Σᵢ wᵢ·A(i, j) for every column (w null: plain sums). Bound: {@code 2·nnzⱼ·ε·Σᵢ|wᵢaᵢⱼ|}. */
    void columnSums(CscView a, double[] weights, double[] out, int outOffset);

    /** Column sums for single-precision values. */
    void columnSums(CscFloatView a, double[] weights, double[] out, int outOffset);

    /**
     * out[outOffset + j] ← Σᵢ wᵢ·(A(i, j) − mⱼ)² over all rows, the zeros included, computed without cancellation as
     * {@code Σ_stored wᵢ(aᵢⱼ − mⱼ)² + mⱼ²·(Σᵢwᵢ − Σ_stored wᵢ)} (w null: all 1). Bound: {@code 2·(nnzⱼ + 2)·ε} times the
     * exact value.
     */
    void centeredSquares(CscView a, double[] weights, double[] mean, double[] out, int outOffset);

    /** Centred sums of squares for single-precision values. */
    void centeredSquares(CscFloatView a, double[] weights, double[] mean, double[] out, int outOffset);

    /**
     * The column statistics a fit starts from, in one pass over the stored entries (each column's entries are read a
     * second time while still in cache): the weighted means {@code means[j] = Σᵢwᵢaᵢⱼ/Σᵢwᵢ}, the centred sums of squares
     * {@code squares[j] = Σᵢwᵢ(aᵢⱼ − means[j])²} as {@link #centeredSquares} forms them, and, when {@code v != null},
     * {@code products[j] = Σᵢwᵢaᵢⱼvᵢ} (w null: all 1). Bounds: those of {@link #columnSums}, {@link #centeredSquares}
     * and {@link #dot}.
     */
    void columnMoments(CscView a, double[] weights, double[] v, double[] means, double[] squares, double[] products);

    /** Column statistics for single-precision values. */
    void columnMoments(CscFloatView a, double[] weights, double[] v, double[] means, double[] squares, double[] products);
}
