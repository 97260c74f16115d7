package dev.shrink.solvers.group;

import java.util.Arrays;

/**
 * A partition of the columns 0 .. p−1 into G non-empty groups, with a penalty weight ω_g ≥ 0 per group (default
 * √p_g, the group lasso's usual choice: Yuan &amp; Lin 2006). The columns of group g are
 * {@code columns()[start(g) .. start(g + 1))}, ascending. Immutable; validated on construction, every failure naming
 * the argument and the position.
 */
public final class Groups {
    private final int p;
    private final int[] groupOfColumn;
    private final int[] start;
    private final int[] columns;
    private final double[] weights;

    private Groups(int[] groupOfColumn, int count, double[] weights) {
        this.p = groupOfColumn.length;
        this.groupOfColumn = groupOfColumn;
        this.start = new int[count + 1];
        for (int g : groupOfColumn) start[g + 1]++;
        for (int g = 0; g < count; g++) start[g + 1] += start[g];
        this.columns = new int[p];
        int[] fill = Arrays.copyOf(start, count);
        for (int j = 0; j < p; j++) columns[fill[groupOfColumn[j]]++] = j;
        this.weights = weights;
    }

    /**
     * Groups from the group id of every column (the conformance {@code groups.csv}): ids 0 .. G−1, each used.
     *
     * @param groupOfColumn {@code groupOfColumn[j]} = group of column j; must have exactly p entries
     * @param p             the number of columns of X
     * @param weights       ω_g per group (finite, ≥ 0), or null for √p_g
     * @throws IllegalArgumentException naming the column, group or weight at fault
     */
    public static Groups of(int[] groupOfColumn, int p, double[] weights) {
        if (groupOfColumn == null) throw new IllegalArgumentException("groups must not be null");
        if (groupOfColumn.length != p) {
            throw new IllegalArgumentException("groups has " + groupOfColumn.length + " entries, X has " + p
                    + " columns: groups must give the group of every column");
        }
        int count = 0;
        for (int j = 0; j < p; j++) {
            if (groupOfColumn[j] < 0) throw new IllegalArgumentException("groups has a negative id " + groupOfColumn[j] + " at column " + j);
            count = Math.max(count, groupOfColumn[j] + 1);
        }
        int[] size = new int[count];
        for (int g : groupOfColumn) size[g]++;
        for (int g = 0; g < count; g++) {
            if (size[g] == 0) throw new IllegalArgumentException("group " + g + " is empty: groups must use every id 0 .. " + (count - 1));
        }
        double[] w = new double[count];
        if (weights == null) {
            for (int g = 0; g < count; g++) w[g] = Math.sqrt(size[g]);
        } else {
            if (weights.length != count) throw new IllegalArgumentException("groupWeights has " + weights.length + " values, there are " + count + " groups");
            for (int g = 0; g < count; g++) {
                double v = weights[g];
                if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("groupWeights must be finite and ≥ 0, got " + v + " at group " + g);
                }
                w[g] = v;
            }
        }
        return new Groups(groupOfColumn.clone(), count, w);
    }

    /** Consecutive groups of the given sizes (columns 0 .. sizes[0]−1 form group 0, and so on), weights √p_g. */
    public static Groups consecutive(int... sizes) {
        int p = 0;
        for (int s : sizes) {
            if (s < 1) throw new IllegalArgumentException("group sizes must be ≥ 1, got " + s);
            p += s;
        }
        int[] id = new int[p];
        int j = 0;
        for (int g = 0; g < sizes.length; g++) for (int t = 0; t < sizes[g]; t++) id[j++] = g;
        return of(id, p, null);
    }

    /** Number of columns p. */
    public int p() {
        return p;
    }

    /** Number of groups G. */
    public int count() {
        return weights.length;
    }

    /** Size p_g of group g. */
    public int size(int g) {
        return start[g + 1] - start[g];
    }

    /** Position of group g's first column in {@link #column}. */
    public int start(int g) {
        return start[g];
    }

    /** The t-th column over all groups in group order (group g's are t = start(g) .. start(g + 1) − 1). */
    public int column(int t) {
        return columns[t];
    }

    /** The group of column j. */
    public int groupOf(int j) {
        return groupOfColumn[j];
    }

    /** Penalty weight ω_g. */
    public double weight(int g) {
        return weights[g];
    }

    /** The largest group size. */
    public int maxSize() {
        int m = 0;
        for (int g = 0; g < count(); g++) m = Math.max(m, size(g));
        return m;
    }

    /** The group id of every column (a copy). */
    public int[] assignment() {
        return groupOfColumn.clone();
    }

    /** Penalty weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** Σ_g ω_g·‖w_g‖₂. */
    public double penalty(double[] w) {
        double s = 0;
        for (int g = 0; g < count(); g++) s += weights[g] * norm(w, g);
        return s;
    }

    /** ‖w_g‖₂. */
    public double norm(double[] w, int g) {
        double s = 0;
        for (int t = start[g]; t < start[g + 1]; t++) s += w[columns[t]] * w[columns[t]];
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "Groups[p=" + p + ", G=" + count() + "]";
    }
}
