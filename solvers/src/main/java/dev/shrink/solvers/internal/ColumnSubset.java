package dev.shrink.solvers.internal;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;

/**
 * The columns of a design whose penalty factor is finite, as a design of their own (a row-major copy when some are
 * left out, the design itself otherwise), with their factors: a feature with an infinite factor stays at 0 and need
 * not be seen by the solver (the adaptive lasso's second stage).
 *
 * @param design  the kept columns
 * @param columns their indices in the full design, ascending
 * @param factors their factors
 */
public record ColumnSubset(MatrixView design, int[] columns, double[] factors) {

    /** The columns of x with a finite factor. */
    public static ColumnSubset finite(MatrixView x, double[] factors) {
        int kept = 0;
        for (double f : factors) if (f < Double.POSITIVE_INFINITY) kept++;
        int[] cols = new int[kept];
        double[] f = new double[kept];
        int c = 0;
        for (int j = 0; j < factors.length; j++) {
            if (factors[j] < Double.POSITIVE_INFINITY) {
                cols[c] = j;
                f[c++] = factors[j];
            }
        }
        if (kept == factors.length) return new ColumnSubset(x, cols, f);
        int n = x.rows();
        double[] data = new double[n * kept];
        for (int i = 0; i < n; i++) for (int t = 0; t < kept; t++) data[i * kept + t] = x.get(i, cols[t]);
        return new ColumnSubset(new MatrixView(data, 0, n, kept, Math.max(1, kept), Layout.ROW_MAJOR), cols, f);
    }

    /** Coefficients of the kept columns placed back among all p (zeros elsewhere). */
    public double[] scatter(double[] coef, int p) {
        double[] out = new double[p];
        for (int t = 0; t < columns.length; t++) out[columns[t]] = coef[t];
        return out;
    }
}
