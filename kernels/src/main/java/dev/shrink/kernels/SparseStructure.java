package dev.shrink.kernels;

/**
 * Structure helpers of the compressed-column views: their check on construction (see
 * {@link SparseChecks#structure}), element lookup and the transpose.
 */
final class SparseStructure {
    private SparseStructure() {}

    static void check(int rows, int cols, int[] starts, int[] indices, int valueCount) {
        SparseChecks.structure(cols, rows, starts, indices, valueCount, "columnStarts", "rowIndices", "column", "row");
    }

    /** The position of row i in column j of a checked structure, or −1 when (i, j) is not stored (binary search). */
    static int find(int[] starts, int[] indices, int i, int j) {
        int k = java.util.Arrays.binarySearch(indices, starts[j], starts[j + 1], i);
        return k >= 0 ? k : -1;
    }

    /**
     * The structure of the transpose (counting sort by row): fills {@code tStarts} (rows + 1 entries, from 0) and
     * returns, for each position of the transpose, the source position of its value; indices come out sorted.
     */
    static int[] transpose(int rows, int cols, int[] starts, int[] indices, int[] tStarts, int[] tIndices) {
        int first = starts[0];
        for (int k = first; k < starts[cols]; k++) tStarts[indices[k] + 1]++;
        for (int i = 0; i < rows; i++) tStarts[i + 1] += tStarts[i];
        int[] next = java.util.Arrays.copyOf(tStarts, rows);
        int[] source = new int[starts[cols] - first];
        for (int j = 0; j < cols; j++) {
            for (int k = starts[j]; k < starts[j + 1]; k++) {
                int at = next[indices[k]]++;
                tIndices[at] = j;
                source[at] = k;
            }
        }
        return source;
    }
}
