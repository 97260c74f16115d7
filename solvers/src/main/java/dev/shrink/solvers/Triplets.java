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
        for (int j = 0; j < p; j++) {
            for (int k = starts[j] + 1; k < starts[j + 1]; k++) {
                if (indices[k] == indices[k - 1]) {
                    int a = Math.min(source[k - 1], source[k]);
                    int b = Math.max(source[k - 1], source[k]);
                    throw new IllegalArgumentException(name.apply(new int[] {a, b}) + " both set row " + indices[k] + ", column " + j);
                }
            }
        }
        return new Sorted(starts, indices, source);
    }
}
