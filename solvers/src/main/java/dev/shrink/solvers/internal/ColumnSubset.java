package dev.shrink.solvers.internal;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;

/**
 * The columns of a design whose penalty factor is finite, as a design of their own (the design itself when all are
 * kept; otherwise a copy of the kept columns in the same storage: row-major for dense X, compressed columns holding only
 * the kept columns' stored entries for sparse X, never densified), with their factors: a feature with an infinite
 * factor stays at 0 and need not be seen by the solver (the adaptive lasso's second stage).
 *
 * @param design  the kept columns ({@link MatrixView}, {@link CscView} or {@link CscFloatView}, as the input)
 * @param columns their indices in the full design, ascending
 * @param factors their factors
 */
public record ColumnSubset(Matrix design, int[] columns, double[] factors) {

    /** The columns of x with a finite factor. */
    public static ColumnSubset finite(Matrix x, double[] factors) {
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
        Matrix subset = switch (x) {
            case MatrixView v -> dense(v, cols);
            case CscView v -> {
                int[] starts = starts(v.columnStarts(), cols);
                double[] values = new double[starts[kept]];
                int[] indices = copyEntries(v.columnStarts(), v.rowIndices(), cols, starts, (from, to, length) -> System.arraycopy(v.values(), from, values, to, length));
                yield new CscView(v.rows(), kept, starts, indices, values);
            }
            case CscFloatView v -> {
                int[] starts = starts(v.columnStarts(), cols);
                float[] values = new float[starts[kept]];
                int[] indices = copyEntries(v.columnStarts(), v.rowIndices(), cols, starts, (from, to, length) -> System.arraycopy(v.values(), from, values, to, length));
                yield new CscFloatView(v.rows(), kept, starts, indices, values);
            }
        };
        return new ColumnSubset(subset, cols, f);
    }

    private static MatrixView dense(MatrixView x, int[] cols) {
        int n = x.rows();
        int kept = cols.length;
        double[] data = new double[n * kept];
        for (int i = 0; i < n; i++) for (int t = 0; t < kept; t++) data[i * kept + t] = x.get(i, cols[t]);
        return new MatrixView(data, 0, n, kept, Math.max(1, kept), Layout.ROW_MAJOR);
    }

    /** The column pointers of the kept columns, from 0. */
    private static int[] starts(int[] columnStarts, int[] cols) {
        int[] starts = new int[cols.length + 1];
        for (int t = 0; t < cols.length; t++) starts[t + 1] = starts[t] + columnStarts[cols[t] + 1] - columnStarts[cols[t]];
        return starts;
    }

    private interface Copy {
        void run(int from, int to, int length);
    }

    /** Copies each kept column's row indices (returned) and values (through {@code values}) to its new position. */
    private static int[] copyEntries(int[] columnStarts, int[] rowIndices, int[] cols, int[] starts, Copy values) {
        int[] indices = new int[starts[cols.length]];
        for (int t = 0; t < cols.length; t++) {
            int from = columnStarts[cols[t]];
            int length = starts[t + 1] - starts[t];
            System.arraycopy(rowIndices, from, indices, starts[t], length);
            values.run(from, starts[t], length);
        }
        return indices;
    }

    /** Coefficients of the kept columns placed back among all p (zeros elsewhere). */
    public double[] scatter(double[] coef, int p) {
        double[] out = new double[p];
        for (int t = 0; t < columns.length; t++) out[columns[t]] = coef[t];
        return out;
    }
}
