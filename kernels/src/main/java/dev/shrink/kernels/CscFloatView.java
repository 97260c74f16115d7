package dev.shrink.kernels;

/**
 * {@link CscView} with single-precision values (half the memory of the values; every product and sum is still formed
 * in double precision). The same structure, the same checks.
 *
 * @param rows         number of rows, ≥ 0
 * @param cols         number of columns, ≥ 0
 * @param columnStarts cols + 1 non-decreasing positions (not copied)
 * @param rowIndices   the row index of each stored entry (not copied)
 * @param values       the value of each stored entry (not copied; kernels never write it)
 */
public record CscFloatView(int rows, int cols, int[] columnStarts, int[] rowIndices, float[] values) implements Matrix {

    public CscFloatView {
        if (values == null) throw new IllegalArgumentException("values must not be null");
        SparseStructure.check(rows, cols, columnStarts, rowIndices, values.length);
    }

    /** Number of stored entries. */
    public int nonZeros() {
        return columnStarts[cols] - columnStarts[0];
    }

    /** Element (i, j), 0 when not stored (binary search; for references and tests). */
    public double get(int i, int j) {
        int k = SparseStructure.find(columnStarts, rowIndices, i, j);
        return k < 0 ? 0.0 : values[k];
    }

    /** The transpose in fresh arrays (this matrix in CSR form), O(nnz + rows). */
    public CscFloatView transpose() {
        int[] starts = new int[rows + 1];
        int[] indices = new int[nonZeros()];
        int[] source = SparseStructure.transpose(rows, cols, columnStarts, rowIndices, starts, indices);
        float[] v = new float[indices.length];
        for (int k = 0; k < v.length; k++) v[k] = values[source[k]];
        return new CscFloatView(cols, rows, starts, indices, v);
    }

    @Override
    public String toString() {
        return "CscFloatView[" + rows + "×" + cols + ", " + nonZeros() + " stored]";
    }
}
