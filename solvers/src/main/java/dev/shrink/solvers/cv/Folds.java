package dev.shrink.solvers.cv;

import java.util.Arrays;

/**
 * A partition of the rows 0 .. n−1 into K ≥ 2 non-empty validation folds: explicit fold ids per row, or contiguous
 * blocks as scikit-learn's {@code KFold(n_splits=K)} without shuffling (the first n mod K folds have one row more).
 * Immutable; validated on construction.
 */
public final class Folds {
    private final int[] foldOfRow;
    private final int[][] rowsOfFold; // ascending row indices of each fold

    private Folds(int[] foldOfRow, int k) {
        this.foldOfRow = foldOfRow;
        int[] sizes = new int[k];
        for (int f : foldOfRow) sizes[f]++;
        this.rowsOfFold = new int[k][];
        for (int f = 0; f < k; f++) rowsOfFold[f] = new int[sizes[f]];
        int[] fill = new int[k];
        for (int i = 0; i < foldOfRow.length; i++) rowsOfFold[foldOfRow[i]][fill[foldOfRow[i]]++] = i;
    }

    /**
     * Explicit assignment: {@code foldOfRow[i]} is the validation fold of row i (the conformance {@code folds.csv}).
     * Ids must be 0 .. K−1 with K ≥ 2 and every fold non-empty.
     *
     * @throws IllegalArgumentException naming the offending row or fold
     */
    public static Folds of(int[] foldOfRow) {
        if (foldOfRow == null) throw new IllegalArgumentException("folds must not be null");
        int k = 0;
        for (int i = 0; i < foldOfRow.length; i++) {
            if (foldOfRow[i] < 0) throw new IllegalArgumentException("folds must hold ids ≥ 0, got " + foldOfRow[i] + " at row " + i);
            k = Math.max(k, foldOfRow[i] + 1);
        }
        if (k < 2) throw new IllegalArgumentException("folds must define at least 2 folds (K ≥ 2), got " + k);
        boolean[] seen = new boolean[k];
        for (int f : foldOfRow) seen[f] = true;
        for (int f = 0; f < k; f++) {
            if (!seen[f]) throw new IllegalArgumentException("fold " + f + " is empty: folds must use every id 0 .. " + (k - 1));
        }
        return new Folds(foldOfRow.clone(), k);
    }

    /**
     * K contiguous folds of n rows (scikit-learn {@code KFold} without shuffle): fold sizes ⌊n/K⌋ + 1 for the first
     * n mod K folds, ⌊n/K⌋ for the others.
     *
     * @throws IllegalArgumentException if K &lt; 2 or K &gt; n
     */
    public static Folds contiguous(int n, int k) {
        if (k < 2) throw new IllegalArgumentException("k (number of folds) must be ≥ 2, got " + k);
        if (k > n) throw new IllegalArgumentException("k (number of folds) must be ≤ n = " + n + ", got " + k);
        int[] fold = new int[n];
        int row = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            for (int i = 0; i < size; i++) fold[row++] = f;
        }
        return new Folds(fold, k);
    }

    /** Leave-one-out: every row its own fold (n ≥ 2). */
    public static Folds leaveOneOut(int n) {
        return contiguous(n, n);
    }

    /** Number of folds K. */
    public int count() {
        return rowsOfFold.length;
    }

    /** Number of rows n. */
    public int rows() {
        return foldOfRow.length;
    }

    /** The validation fold of a row. */
    public int foldOf(int row) {
        return foldOfRow[row];
    }

    /** Number of validation rows of fold f. */
    public int size(int fold) {
        return rowsOfFold[fold].length;
    }

    /** Validation rows of fold f, ascending (a copy). */
    public int[] validationRows(int fold) {
        return rowsOfFold[fold].clone();
    }

    /** Training rows of fold f (every other row), ascending. */
    public int[] trainingRows(int fold) {
        int[] t = new int[rows() - size(fold)];
        int c = 0;
        for (int i = 0; i < foldOfRow.length; i++) if (foldOfRow[i] != fold) t[c++] = i;
        return t;
    }

    /** Fold id per row (a copy). */
    public int[] assignment() {
        return foldOfRow.clone();
    }

    /** @throws IllegalArgumentException if these folds are not for n rows */
    void requireRows(int n) {
        if (rows() != n) throw new IllegalArgumentException("folds has " + rows() + " rows, X has " + n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Folds other && Arrays.equals(foldOfRow, other.foldOfRow);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(foldOfRow);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Folds[K=" + count() + ", n=" + rows() + ", sizes=");
        for (int f = 0; f < count(); f++) s.append(f == 0 ? "" : ",").append(size(f));
        return s.append(']').toString();
    }
}
