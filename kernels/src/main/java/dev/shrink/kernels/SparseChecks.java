package dev.shrink.kernels;

/**
 * Argument checks of the sparse kernels ({@link Sparse}), shared by every implementation: each failure is an
 * {@link IllegalArgumentException} naming the argument. The row indices themselves are not re-read here: a
 * {@link CscView} checked them when it was made, and a bare sparse vector's indices are the caller's (an index
 * outside {@code y} ends in the JVM's {@link IndexOutOfBoundsException}, never in a write outside the array).
 */
public final class SparseChecks {
    private SparseChecks() {}

    /** {@code offset .. offset + nnz)} lies inside both the values and the indices. */
    public static void entries(int nnz, int valuesLength, int[] indices, int offset) {
        if (indices == null) throw new IllegalArgumentException("indices must not be null");
        if (nnz < 0) throw new IllegalArgumentException("nnz must be ≥ 0, got " + nnz);
        if (offset < 0 || (long) offset + nnz > Math.min(valuesLength, indices.length)) {
            throw new IllegalArgumentException("entries [" + offset + " .. " + ((long) offset + nnz) + ") are outside values (length "
                    + valuesLength + ") or indices (length " + indices.length + ")");
        }
    }

    public static void values(double[] v) {
        if (v == null) throw new IllegalArgumentException("values must not be null");
    }

    public static void values(float[] v) {
        if (v == null) throw new IllegalArgumentException("values must not be null");
    }

    /** Weights, when given, cover every row of an {@code rows}-row matrix. */
    public static void weights(double[] weights, int rows) {
        if (weights != null && weights.length < rows) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, the matrix has " + rows + " rows");
        }
    }

    /** A block of {@code count} distinct columns of a {@code cols}-column matrix, and room for the count × count Gram. */
    public static void block(int cols, int[] columns, int count, double[] g, int gOffset, int ldg) {
        if (columns == null) throw new IllegalArgumentException("columns must not be null");
        if (count < 0 || count > columns.length) {
            throw new IllegalArgumentException("count must be in 0 .. " + columns.length + " (the length of columns), got " + count);
        }
        boolean[] seen = new boolean[cols];
        for (int a = 0; a < count; a++) {
            int j = columns[a];
            if (j < 0 || j >= cols) throw new IllegalArgumentException("columns[" + a + "] = " + j + " is outside 0 .. " + (cols - 1));
            if (seen[j]) throw new IllegalArgumentException("columns[" + a + "] = " + j + " occurs twice");
            seen[j] = true;
        }
        Checks.square("g", g, gOffset, ldg, count);
    }

    /**
     * The structure of a compressed matrix with {@code majorCount} lines (columns of CSC, rows of CSR) of length
     * {@code minorCount}: {@code starts} has majorCount + 1 non-decreasing entries from ≥ 0, the last within the
     * indices and values, and every line's indices lie in 0 .. minorCount − 1, strictly increasing. Failures name the
     * line and the position in the index array in the caller's words, e.g. "row index 7 of column 3 at position 12
     * is not greater than the one before it (7)".
     *
     * @param startsName  e.g. {@code columnStarts}
     * @param indicesName e.g. {@code rowIndices}
     * @param major       what a line is, e.g. {@code column}
     * @param minor       what an index is, e.g. {@code row}
     */
    public static void structure(int majorCount, int minorCount, int[] starts, int[] indices, int valueCount, String startsName,
                                 String indicesName, String major, String minor) {
        if (majorCount < 0) throw new IllegalArgumentException("the number of " + major + "s must be ≥ 0, got " + majorCount);
        if (minorCount < 0) throw new IllegalArgumentException("the number of " + minor + "s must be ≥ 0, got " + minorCount);
        if (starts == null) throw new IllegalArgumentException(startsName + " must not be null");
        if (indices == null) throw new IllegalArgumentException(indicesName + " must not be null");
        if (starts.length != majorCount + 1) {
            throw new IllegalArgumentException(startsName + " has " + starts.length + " entries, the number of " + major + "s + 1 = " + (majorCount + 1));
        }
        if (starts[0] < 0) throw new IllegalArgumentException(startsName + "[0] must be ≥ 0, got " + starts[0]);
        for (int j = 0; j < majorCount; j++) {
            if (starts[j + 1] < starts[j]) {
                throw new IllegalArgumentException(startsName + " must not decrease: " + major + " " + j + " starts at " + starts[j] + ", "
                        + major + " " + (j + 1) + " at " + starts[j + 1]);
            }
        }
        int end = starts[majorCount];
        if (end > indices.length) {
            throw new IllegalArgumentException(startsName + "[" + majorCount + "] = " + end + " but " + indicesName + " has " + indices.length + " entries");
        }
        if (end > valueCount) {
            throw new IllegalArgumentException(startsName + "[" + majorCount + "] = " + end + " but values has " + valueCount + " entries");
        }
        for (int j = 0; j < majorCount; j++) {
            int previous = -1;
            for (int k = starts[j]; k < starts[j + 1]; k++) {
                int i = indices[k];
                if (i < 0 || i >= minorCount) {
                    throw new IllegalArgumentException(minor + " index " + i + " of " + major + " " + j + " at position " + k + " is outside 0 .. "
                            + (minorCount - 1));
                }
                if (i <= previous) {
                    throw new IllegalArgumentException(minor + " index " + i + " of " + major + " " + j + " at position " + k
                            + " is not greater than the one before it (" + previous + "): the indices of a " + major
                            + " must be sorted and duplicate-free");
                }
                previous = i;
            }
        }
    }
}
