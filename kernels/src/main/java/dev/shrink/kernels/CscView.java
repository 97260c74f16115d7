package dev.shrink.kernels;

/**
 * A sparse {@code rows × cols} matrix in compressed sparse column form (CSC; scipy's {@code csc_matrix}, R's
 * {@code dgCMatrix}), viewed without a copy and checked once on construction.
 *
 * <p>Column j holds the entries at positions {@code columnStarts[j] .. columnStarts[j + 1])} of {@code rowIndices} and
 * {@code values}; entry k is {@code X(rowIndices[k], j) = values[k]}, every other element is 0. The structure is
 * validated here: columnStarts has cols + 1 entries and never decreases (it need not start at 0: a view may sit
 * inside larger arrays), every row index is in 0 .. rows − 1, and within a column the indices are strictly increasing
 * (sorted and duplicate-free). Values are not checked: kernels propagate NaN and ±Inf as IEEE arithmetic says.
 * A compressed sparse row matrix (CSR) is the CSC view of its transpose.
 *
 * @param rows         number of rows, ≥ 0
 * @param cols         number of columns, ≥ 0
 * @param columnStarts cols + 1 non-decreasing positions (not copied)
 * @param rowIndices   the row index of each stored entry (not copied)
 * @param values       the value of each stored entry (not copied; kernels never write it)
 */
public record CscView(int rows, int cols, int[] columnStarts, int[] rowIndices, double[] values) implements Matrix {

    public CscView {
        if (values == null) throw new IllegalArgumentException("values must not be null");
        SparseStructure.check(rows, cols, columnStarts, rowIndices, values.length);
    }

    /** Number of stored entries. */
    public int nonZeros() {
        return columnStarts[cols] - columnStarts[0];
    }

    /** Element (i, j), 0 when not stored (a binary search in column j: for references and tests, not hot loops). */
    public double get(int i, int j) {
        int k = SparseStructure.find(columnStarts, rowIndices, i, j);
        return k < 0 ? 0.0 : values[k];
    }

    /** The transpose in fresh arrays (as CSC; equivalently, this matrix in CSR form): one counting pass, O(nnz + rows). */
    public CscView transpose() {
        int[] starts = new int[rows + 1];
        int[] indices = new int[nonZeros()];
        int[] source = SparseStructure.transpose(rows, cols, columnStarts, rowIndices, starts, indices);
        double[] v = new double[indices.length];
        for (int k = 0; k < v.length; k++) v[k] = values[source[k]];
        return new CscView(cols, rows, starts, indices, v);
    }

    @Override
    public String toString() {
        return "CscView[" + rows + "×" + cols + ", " + nonZeros() + " stored]";
    }
}
