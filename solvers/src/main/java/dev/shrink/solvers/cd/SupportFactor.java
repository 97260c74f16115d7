package dev.shrink.solvers.cd;

import java.util.Arrays;

/**
 * The Cholesky factor L of {@code G_AA + l2·F_A} for a support A that changes a few features at a time, as in
 * active-set and homotopy methods (Osborne, Presnell &amp; Turlach 2000; Golub &amp; Van Loan, Matrix Computations,
 * §6.5.4 and §12.5): a feature joins in O(k²) (one forward substitution gives its row), a feature leaves in O(k²)
 * (its row is deleted and Givens rotations on neighbouring columns restore the triangle). A change of l2 or of the
 * factors refactors, by joining the features one by one. Kept across solves: along a path consecutive supports differ
 * in a few features, so a support Newton step costs O(k²) instead of k³/3.
 */
final class SupportFactor {
    /** A source of Gram entries x̃ᵢᵀx̃ⱼ. */
    interface Entries {
        double get(int i, int j);
    }

    private int[] features = new int[0];
    private int[] position;
    private double[] l = new double[0];
    private int capacity;
    private int k;
    private double l2 = Double.NaN;
    private double[] factorsSeen;

    SupportFactor(int p) {
        position = new int[p];
        Arrays.fill(position, -1);
    }

    /** Features in the factor's order. */
    int[] features() {
        return features;
    }

    int size() {
        return k;
    }

    /**
     * Makes the factor that of the support {@code a[0 .. count)} (any order) at this l2 and these factors; returns
     * false when the matrix is not numerically positive definite (collinear support without L2).
     */
    boolean sync(int[] a, int count, double l2, double[] factors, Entries gram) {
        if (l2 != this.l2 || factors != factorsSeen) {
            clear();
            this.l2 = l2;
            factorsSeen = factors;
        }
        boolean[] keep = new boolean[k];
        for (int t = 0; t < count; t++) if (position[a[t]] >= 0) keep[position[a[t]]] = true;
        for (int r = k - 1; r >= 0; r--) if (!keep[r]) remove(r);
        for (int t = 0; t < count; t++) {
            if (position[a[t]] >= 0) continue;
            if (!add(a[t], factors, gram)) {
                clear();
                return false;
            }
        }
        return true;
    }

    /** Flops {@link #sync} would take for this support: O(k²) per feature in or out, k³/3 when refactoring. */
    double cost(int[] a, int count, double l2, double[] factors) {
        double solve = 2.0 * count * count;
        if (l2 != this.l2 || factors != factorsSeen) return (double) count * count * count / 3 + solve;
        int kept = 0;
        for (int t = 0; t < count; t++) if (position[a[t]] >= 0) kept++;
        int changes = (k - kept) + (count - kept);
        return changes * (double) count * count + solve;
    }

    /** Removes feature j from the factor (O(k²); rows after its row move up by one). */
    void drop(int j) {
        remove(position[j]);
    }

    /** b ← (LLᵀ)⁻¹·b, b in the factor's order. */
    void solve(double[] b) {
        for (int r = 0; r < k; r++) {
            double s = b[r];
            for (int c = 0; c < r; c++) s -= l[r * capacity + c] * b[c];
            b[r] = s / l[r * capacity + r];
        }
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < k; c++) s -= l[c * capacity + r] * b[c];
            b[r] = s / l[r * capacity + r];
        }
    }

    private void clear() {
        for (int r = 0; r < k; r++) position[features[r]] = -1;
        k = 0;
    }

    /** Appends feature j: its row v solves L·v = G_A,j, its diagonal √(G_jj + l2·fⱼ − ‖v‖²). */
    private boolean add(int j, double[] factors, Entries gram) {
        if (k == capacity) grow();
        double f = factors == null ? 1.0 : factors[j];
        double d = gram.get(j, j) + l2 * f;
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double s = gram.get(features[c], j);
            for (int t = 0; t < c; t++) s -= l[c * capacity + t] * l[k * capacity + t];
            double v = s / l[c * capacity + c];
            l[k * capacity + c] = v;
            sum += v * v;
        }
        double pivot = d - sum;
        if (!(pivot > 1e-12 * d)) return false;
        l[k * capacity + k] = Math.sqrt(pivot);
        features[k] = j;
        position[j] = k;
        k++;
        return true;
    }

    /** Deletes row r; Givens rotations on columns (c, c + 1), c ≥ r, bring the rows below back to lower triangular. */
    private void remove(int r) {
        position[features[r]] = -1;
        for (int i = r; i < k - 1; i++) {
            System.arraycopy(l, (i + 1) * capacity, l, i * capacity, i + 2);
            features[i] = features[i + 1];
            position[features[i]] = i;
        }
        k--;
        for (int c = r; c < k; c++) {
            double a = l[c * capacity + c];
            double b = l[c * capacity + c + 1];
            double rho = Math.hypot(a, b);
            double cos = a / rho;
            double sin = b / rho;
            for (int i = c; i < k; i++) {
                double x = l[i * capacity + c];
                double y = l[i * capacity + c + 1];
                l[i * capacity + c] = cos * x + sin * y;
                l[i * capacity + c + 1] = -sin * x + cos * y;
            }
            if (l[c * capacity + c] < 0) for (int i = c; i < k; i++) l[i * capacity + c] = -l[i * capacity + c];
        }
        for (int i = 0; i < k; i++) l[i * capacity + k] = 0.0;
    }

    private void grow() {
        int next = Math.min(position.length, Math.max(16, 2 * capacity));
        double[] bigger = new double[dev.shrink.kernels.Checks.elements("the support factor", next, next)];
        for (int r = 0; r < k; r++) System.arraycopy(l, r * capacity, bigger, r * next, r + 1);
        l = bigger;
        features = Arrays.copyOf(features, next);
        capacity = next;
    }
}
