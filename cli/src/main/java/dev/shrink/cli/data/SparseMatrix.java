package dev.shrink.cli.data;

import dev.shrink.solvers.Design;

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
     * The design the solvers fit on. This is the one place where a sparse file becomes a design: dense (row-major,
     * one array of n·p) until the solvers have a sparse design, when this method will return that instead.
     *
     * @param file the file name, for the message when n·p does not fit in one array
     */
    public Design toDesign(String file) {
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw DataException.in(file, rows + "×" + cols + " = " + (long) rows * cols
                    + " values: too large for a dense design (2³¹ − 8 at most; sparse designs are not supported yet)");
        }
        double[] dense = new double[rows * cols];
        for (int k = 0; k < value.length; k++) dense[row[k] * cols + col[k]] += value[k];
        try {
            return Design.rowMajor(dense, rows, cols);
        } catch (IllegalArgumentException e) { // entries at one position that add up to ±Infinity
            throw DataException.in(file, e.getMessage() + " (0-based; entries at the same position add up)");
        }
    }
}
