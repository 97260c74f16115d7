package dev.shrink.kernels;

/**
 * A dense {@code rows × cols} matrix inside a {@code double[]}: no copy, validated once on construction.
 *
 * <p>Element (i, j) lies at {@link Layout#index(int, int, int, int) layout.index(offset, ld, i, j)}. The leading
 * dimension is at least {@code cols} (row-major) or {@code rows} (column-major), and every element lies inside the
 * array. Kernels never touch elements of {@code data} outside the view.
 *
 * @param data   the backing array (not copied; kernels read it, never write it unless they say so)
 * @param offset index of element (0, 0)
 * @param rows   number of rows, ≥ 0
 * @param cols   number of columns, ≥ 0
 * @param ld     leading dimension: distance between consecutive rows (row-major) or columns (column-major)
 * @param layout the storage order
 */
public record MatrixView(double[] data, int offset, int rows, int cols, int ld, Layout layout) implements DenseMatrix, Matrix {

    public MatrixView {
        if (data == null) throw new IllegalArgumentException("data must not be null");
        Checks.view(data.length, offset, rows, cols, ld, layout);
    }

    /** A dense row-major view of a whole array: {@code ld = cols}, offset 0. */
    public static MatrixView rowMajor(double[] data, int rows, int cols) {
        return new MatrixView(data, 0, rows, cols, Math.max(1, cols), Layout.ROW_MAJOR);
    }

    /** A dense column-major view of a whole array: {@code ld = rows}, offset 0. */
    public static MatrixView columnMajor(double[] data, int rows, int cols) {
        return new MatrixView(data, 0, rows, cols, Math.max(1, rows), Layout.COLUMN_MAJOR);
    }

    /** Element (i, j); bounds are the caller's responsibility (used by references and tests, not hot loops). */
    @Override
    public double get(int i, int j) {
        return data[layout.index(offset, ld, i, j)];
    }

    /** Index of element (i, j) in {@link #data()}. */
    public int index(int i, int j) {
        return layout.index(offset, ld, i, j);
    }

    /** Distance in {@link #data()} from element (i, j) to (i + 1, j): {@code ld} row-major, 1 column-major (BLIS's rs). */
    public int rowStride() {
        return layout == Layout.ROW_MAJOR ? ld : 1;
    }

    /** Distance in {@link #data()} from element (i, j) to (i, j + 1): 1 row-major, {@code ld} column-major (BLIS's cs). */
    public int columnStride() {
        return layout == Layout.ROW_MAJOR ? 1 : ld;
    }
}
