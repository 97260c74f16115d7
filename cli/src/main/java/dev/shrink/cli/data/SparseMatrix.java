package dev.shrink.cli.data;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;

/**
 * A sparse n×p matrix as read from a LibSVM or Matrix Market file: its non-zero entries as (row, column, value)
 * triplets, 0-based. Entries at the same position add up (as scipy's {@code coo_matrix}).
 *
 * @param rows    n
 * @param cols    p
 * @param row     row index of each entry
 * @param col     column index of each entry
 * @param value   value of each entry
 */
public record SparseMatrix(int rows, int cols, int[] row, int[] col, double[] value) {

    /** Number of stored entries. */
    public int entries() {
        return value.length;
    }

    /**
     * The design the solvers fit on. Entries at one position add up; zeros are not stored. A matrix in which at most a
     * quarter of the positions hold a non-zero (or whose dense form would not fit in one array) becomes a
     * {@link SparseDesign}, never densified; a denser one (a Matrix Market {@code array} file, a dense LibSVM file)
     * becomes a dense design, on which the solvers' dense kernels are faster. Both give the same fits.
     *
     * @param file the file name, for the message when a sum of entries is not finite
     */
    public Design toDesign(String file) {
        int stored = 0;
        for (double v : value) if (v != 0) stored++;
        long positions = (long) rows * cols;
        try {
            if (4L * stored > positions && positions <= Integer.MAX_VALUE - 8) {
                double[] dense = new double[rows * cols];
                for (int k = 0; k < value.length; k++) dense[row[k] * cols + col[k]] += value[k];
                return Design.rowMajor(dense, rows, cols);
            }
            int[] r = new int[stored];
            int[] c = new int[stored];
            double[] v = new double[stored];
            for (int k = 0, t = 0; k < value.length; k++) {
                if (value[k] == 0) continue;
                r[t] = row[k];
                c[t] = col[k];
                v[t++] = value[k];
            }
            return SparseDesign.fromTripletsSummingRepeats(rows, cols, r, c, v);
        } catch (IllegalArgumentException e) { // entries at one position that add up to ±Infinity
            throw DataException.in(file, e.getMessage() + " (0-based; entries at the same position add up)");
        }
    }
}
