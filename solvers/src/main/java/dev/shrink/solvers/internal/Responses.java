package dev.shrink.solvers.internal;

/** Checks of multi-output responses at the API boundary (each failure names the position), and their flat copies. */
public final class Responses {
    private Responses() {}

    /**
     * Y as n rows of T ≥ 1 finite values each, copied row-major into a fresh array ({@code out[i·T + t]}).
     *
     * @throws IllegalArgumentException "Y has NaN at row 3, column 1", "Y has 99 rows, X has 100", …
     */
    public static double[] matrix(double[][] y, int n) {
        if (y == null) throw new IllegalArgumentException("Y must not be null");
        if (y.length != n) throw new IllegalArgumentException("Y has " + y.length + " rows, X has " + n);
        if (n == 0 || y[0] == null) throw new IllegalArgumentException("Y row 0 is null");
        int tasks = y[0].length;
        if (tasks == 0) throw new IllegalArgumentException("Y has no columns (T = 0)");
        double[] out = new double[n * tasks];
        for (int i = 0; i < n; i++) {
            if (y[i] == null) throw new IllegalArgumentException("Y row " + i + " is null");
            if (y[i].length != tasks) throw new IllegalArgumentException("Y row " + i + " has " + y[i].length + " columns, row 0 has " + tasks);
            for (int t = 0; t < tasks; t++) {
                double v = y[i][t];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("Y has " + Inputs.describe(v) + " at row " + i + ", column " + t);
                out[i * tasks + t] = v;
            }
        }
        return out;
    }
}
