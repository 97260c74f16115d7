package dev.shrink.solvers;

import java.util.function.Function;

/** Coordinate entries (row, column) sorted into compressed columns: two stable counting sorts, by row then by column. */
final class Triplets {
    private Triplets() {}

    /**
     * @param starts  p + 1 column starts
     * @param indices row indices, ascending within each column
     * @param source  for each sorted position, the triplet it came from
     */
    record Sorted(int[] starts, int[] indices, int[] source) {}

    /**
     * Sorts the triplets into CSC order; a position given twice is an {@link IllegalArgumentException} whose message
     * starts with {@code name.apply({first, second})} (the two triplet numbers).
     */
    static Sorted byColumn(int n, int p, int[] rows, int[] columns, Function<int[], String> name) {
        Sorted s = sort(n, p, rows, columns);
        int[] starts = s.starts();
        int[] indices = s.indices();
        int[] source = s.source();
        for (int j = 0; j < p; j++) {
            for (int k = starts[j] + 1; k < starts[j + 1]; k++) {
                if (indices[k] == indices[k - 1]) {
                    int a = Math.min(source[k - 1], source[k]);
                    int b = Math.max(source[k - 1], source[k]);
                    throw new IllegalArgumentException(name.apply(new int[] {a, b}) + " both set row " + indices[k] + ", column " + j);
                }
            }
        }
        return s;
    }

    /**
     * Sorts the triplets into CSC order and adds up the values of triplets at one position (scipy's
     * {@code coo_matrix.tocsc()}), in the order the triplets were given.
     *
     * @return the CSC arrays {starts, indices} and the summed values
     */
    static Summed byColumnSummed(int n, int p, int[] rows, int[] columns, double[] values) {
        Sorted s = sort(n, p, rows, columns);
        int[] starts = new int[p + 1];
        int[] indices = new int[values.length];
        double[] sums = new double[values.length];
        int m = 0;
        for (int j = 0; j < p; j++) {
            for (int k = s.starts()[j]; k < s.starts()[j + 1]; k++) {
                double v = values[s.source()[k]];
                if (k > s.starts()[j] && s.indices()[k] == s.indices()[k - 1]) {
                    sums[m - 1] += v;
                } else {
                    indices[m] = s.indices()[k];
                    sums[m++] = v;
                }
            }
            starts[j + 1] = m;
        }
        return new Summed(starts, java.util.Arrays.copyOf(indices, m), java.util.Arrays.copyOf(sums, m));
    }

    /** CSC arrays with one entry per position. */
    record Summed(int[] starts, int[] indices, double[] values) {}

    /** Two stable counting sorts: by row, then by column (rows ascending within each column, ties in input order). */
    private static Sorted sort(int n, int p, int[] rows, int[] columns) {
        int count = rows.length;
        // by row first: the stable sort by column then leaves each column's rows ascending
        int[] rowStarts = new int[n + 1];
        for (int r : rows) rowStarts[r + 1]++;
        for (int i = 0; i < n; i++) rowStarts[i + 1] += rowStarts[i];
        int[] byRow = new int[count];
        int[] next = java.util.Arrays.copyOf(rowStarts, n);
        for (int t = 0; t < count; t++) byRow[next[rows[t]]++] = t;
        int[] starts = new int[p + 1];
        for (int c : columns) starts[c + 1]++;
        for (int j = 0; j < p; j++) starts[j + 1] += starts[j];
        int[] source = new int[count];
        int[] indices = new int[count];
        int[] at = java.util.Arrays.copyOf(starts, p);
        for (int t : byRow) {
            int k = at[columns[t]]++;
            source[k] = t;
            indices[k] = rows[t];
        }
        return new Sorted(starts, indices, source);
    }
}
