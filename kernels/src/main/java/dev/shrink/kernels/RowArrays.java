package dev.shrink.kernels;

/**
 * A dense matrix held as the caller's row arrays, {@code X(i, j) = arrays[i][j]}: the kernels read the rows where
 * they are, so a {@code double[][]} costs no flat copy. Validated once on construction: every row is non-null and
 * has exactly {@code cols} elements. The rows are not copied (nor is the outer array): they must not change while a
 * kernel reads them.
 *
 * @param arrays the rows (n = {@code arrays.length})
 * @param cols   number of columns, ≥ 0
 */
public record RowArrays(double[][] arrays, int cols) implements DenseMatrix {

    public RowArrays {
        if (arrays == null) throw new IllegalArgumentException("arrays must not be null");
        if (cols < 0) throw new IllegalArgumentException("cols must be ≥ 0, got " + cols);
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == null) throw new IllegalArgumentException("row " + i + " is null");
            if (arrays[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + arrays[i].length + " elements, expected " + cols);
            }
        }
    }

    /** Rows {@code x[0 ..]}, all of the length of row 0 (an empty array: 0 × 0). */
    public static RowArrays of(double[][] x) {
        if (x == null) throw new IllegalArgumentException("arrays must not be null");
        return new RowArrays(x, x.length == 0 || x[0] == null ? 0 : x[0].length);
    }

    @Override
    public int rows() {
        return arrays.length;
    }

    @Override
    public double get(int i, int j) {
        return arrays[i][j];
    }

    /** Rows [r0, r1) as a new view (the outer array is copied, the rows are shared). */
    public RowArrays rows(int r0, int r1) {
        return new RowArrays(java.util.Arrays.copyOfRange(arrays, r0, r1), cols);
    }
}
