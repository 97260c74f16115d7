package dev.shrink.kernels;

/**
 * A dense {@code rows × cols} matrix as the kernels read it, without a copy: a view of a flat {@code double[]}
 * ({@link MatrixView}), of a flat {@code float[]} ({@link FloatMatrixView}), or the user's own row arrays
 * ({@link RowArrays}, a {@code double[][]}). Kernels that take a {@code DenseMatrix} accept all three; those that pack
 * X into blocks (the Gram) convert each block as they pack it, so no storage costs a copy of the whole matrix.
 */
public sealed interface DenseMatrix permits MatrixView, FloatMatrixView, RowArrays {

    /** Number of rows, ≥ 0. */
    int rows();

    /** Number of columns, ≥ 0. */
    int cols();

    /** Element (i, j) as a double (float elements widened exactly); bounds are the caller's responsibility. */
    double get(int i, int j);
}
