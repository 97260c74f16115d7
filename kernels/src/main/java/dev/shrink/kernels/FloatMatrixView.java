package dev.shrink.kernels;

/**
 * A dense {@code rows × cols} matrix inside a {@code float[]} (float32 storage): no copy, validated once on
 * construction, with the same conventions as {@link MatrixView} (element (i, j) at
 * {@link Layout#index(int, int, int, int) layout.index(offset, ld, i, j)}).
 *
 * @param data   the backing array (not copied; kernels read it, never write it)
 * @param offset index of element (0, 0)
 * @param rows   number of rows, ≥ 0
 * @param cols   number of columns, ≥ 0
 * @param ld     leading dimension: distance between consecutive rows (row-major) or columns (column-major)
 * @param layout the storage order
 */
public record FloatMatrixView(float[] data, int offset, int rows, int cols, int ld, Layout layout) implements DenseMatrix {

    public FloatMatrixView {
        if (data == null) throw new IllegalArgumentException("data must not be null");
        Checks.view(data.length, offset, rows, cols, ld, layout);
    }

    /** A dense row-major view of a whole array: {@code ld = cols}, offset 0. */
    public static FloatMatrixView rowMajor(float[] data, int rows, int cols) {
        return new FloatMatrixView(data, 0, rows, cols, Math.max(1, cols), Layout.ROW_MAJOR);
    }

    /** A dense column-major view of a whole array: {@code ld = rows}, offset 0. */
    public static FloatMatrixView columnMajor(float[] data, int rows, int cols) {
        return new FloatMatrixView(data, 0, rows, cols, Math.max(1, rows), Layout.COLUMN_MAJOR);
    }

    /** Element (i, j) widened to double; bounds are the caller's responsibility. */
    @Override
    public double get(int i, int j) {
        return data[layout.index(offset, ld, i, j)];
    }

    /** Element (i, j) as stored. */
    public float getFloat(int i, int j) {
        return data[layout.index(offset, ld, i, j)];
    }

    /** Index of element (i, j) in {@link #data()}. */
    public int index(int i, int j) {
        return layout.index(offset, ld, i, j);
    }
}
