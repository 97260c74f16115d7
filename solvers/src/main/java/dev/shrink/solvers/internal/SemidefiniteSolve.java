package dev.shrink.solvers.internal;

/**
 * Solves small symmetric positive semidefinite systems {@code A·x = b} (m ≤ a few hundred) by a Cholesky factorisation
 * that drops pivots below {@value #DROP} of their diagonal element: the unknowns of dropped pivots (columns that are,
 * to rounding, combinations of earlier ones) are set to 0, which gives a solution whenever b lies in the range of A
 * (Golub &amp; Van Loan, Matrix Computations, 4th ed., §4.2.8, Cholesky with a singular matrix). Plain loops: the
 * systems here are the unpenalised blocks of a problem, a handful of unknowns.
 */
public final class SemidefiniteSolve {
    private SemidefiniteSolve() {}

    /** Relative pivot below which a column counts as dependent. */
    public static final double DROP = 1e-12;

    /**
     * Overwrites b with a solution of A·x = b; A is m×m row-major (both triangles), read only.
     *
     * @return the number of pivots kept (the numerical rank)
     */
    public static int solve(int m, double[] a, double[] b) {
        double[] l = new double[m * m];
        boolean[] kept = new boolean[m];
        int rank = 0;
        for (int k = 0; k < m; k++) {
            double d = a[k * m + k];
            for (int t = 0; t < k; t++) d -= l[k * m + t] * l[k * m + t];
            if (!(d > DROP * Math.abs(a[k * m + k])) || !(d > 0)) continue;
            kept[k] = true;
            rank++;
            double pivot = Math.sqrt(d);
            l[k * m + k] = pivot;
            for (int i = k + 1; i < m; i++) {
                double s = a[i * m + k];
                for (int t = 0; t < k; t++) s -= l[i * m + t] * l[k * m + t];
                l[i * m + k] = s / pivot;
            }
        }
        for (int i = 0; i < m; i++) { // forward: L·z = b over the kept pivots
            if (!kept[i]) {
                b[i] = 0;
                continue;
            }
            double s = b[i];
            for (int t = 0; t < i; t++) s -= l[i * m + t] * b[t];
            b[i] = s / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) { // backward: Lᵀ·x = z
            if (!kept[i]) continue;
            double s = b[i];
            for (int t = i + 1; t < m; t++) s -= l[t * m + i] * b[t];
            b[i] = s / l[i * m + i];
        }
        return rank;
    }
}
