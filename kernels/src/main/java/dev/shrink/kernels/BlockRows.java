package dev.shrink.kernels;

/**
 * A block of columns of a compressed-column matrix regrouped by rows (a counting sort, the CSR form of the block):
 * for each row, the local column numbers 0 .. count − 1 of its entries inside the block and where their values sit
 * in the matrix. The Gram matrix of the block is then the sum of the rows' outer products (Gustavson 1978, "Two fast
 * algorithms for sparse matrices"), Σᵢ cᵢ² operations for cᵢ entries in row i.
 */
final class BlockRows {
    /** Row i's entries at [starts[i], starts[i + 1]). */
    final int[] starts;
    /** Local column number (position in the block) of each entry, ascending within a row. */
    final int[] local;
    /** Position of each entry's value in the matrix's value array. */
    final int[] source;

    BlockRows(int rows, int[] columnStarts, int[] rowIndices, int[] columns, int count) {
        starts = new int[rows + 1];
        int total = 0;
        for (int a = 0; a < count; a++) {
            int j = columns[a];
            total += columnStarts[j + 1] - columnStarts[j];
            for (int k = columnStarts[j]; k < columnStarts[j + 1]; k++) starts[rowIndices[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) starts[i + 1] += starts[i];
        int[] next = java.util.Arrays.copyOf(starts, rows);
        local = new int[total];
        source = new int[total];
        for (int a = 0; a < count; a++) {
            int j = columns[a];
            for (int k = columnStarts[j]; k < columnStarts[j + 1]; k++) {
                int at = next[rowIndices[k]]++;
                local[at] = a;
                source[at] = k;
            }
        }
    }

    /**
     * G ← Σᵢ dᵢ·vᵢvᵢᵀ over the rows, v[t] the value of entry t (in this object's order), into the count × count block
     * at g[gOffset + a·ldg + b], both triangles. Within a row the local numbers ascend (columns were bucketed in block
     * order), so the pairs t ≤ s fill the lower triangle, which is mirrored at the end; each element sums its rows in
     * increasing row order.
     */
    void outerProducts(int count, double[] v, double[] weights, double[] g, int gOffset, int ldg) {
        for (int a = 0; a < count; a++) java.util.Arrays.fill(g, gOffset + a * ldg, gOffset + a * ldg + count, 0.0);
        for (int i = 0; i + 1 < starts.length; i++) {
            int from = starts[i];
            int to = starts[i + 1];
            double d = weights == null ? 1.0 : weights[i];
            for (int s = from; s < to; s++) {
                double vs = d * v[s];
                int row = gOffset + local[s] * ldg;
                for (int t = from; t <= s; t++) g[row + local[t]] += vs * v[t];
            }
        }
        for (int a = 0; a < count; a++) {
            for (int b = 0; b < a; b++) g[gOffset + b * ldg + a] = g[gOffset + a * ldg + b];
        }
    }
}
