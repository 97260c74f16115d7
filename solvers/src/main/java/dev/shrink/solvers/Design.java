package dev.shrink.solvers;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Inputs;

/**
 * The design matrix X (n rows, p columns) as the solvers see it: a validated {@link MatrixView} over the user's data.
 *
 * <p>Flat arrays are viewed without a copy (row-major or column-major, as given); a {@code double[][]} is copied once
 * into a row-major array because its rows are separate objects. Validation happens here, once: n ≥ 1, p ≥ 1, equal row
 * lengths, every value finite (the first bad position is named in row order). When a solver first reads the design
 * ({@link #view}), its values must also be small enough that sums of their squares and products over all n·p entries
 * stay finite (|x| ≤ √(MAX_VALUE/(16·n·p)), about 1e148 for 10⁴×10⁴): larger values would overflow inside every solver,
 * so every fit refuses them up front with the position and the limit, while a design that is only held, read or written
 * back (the command line's data files) keeps any finite value. Solvers never write to the data.
 */
public final class Design {
    private final MatrixView view;
    /** Whether {@link #view} has checked the magnitudes (a race only repeats the check). */
    private volatile boolean magnitudesChecked;

    private Design(MatrixView view) {
        this.view = view;
    }

    /** X from rows {@code x[i][j]}; copied into a row-major array (the user's array is not kept). */
    public static Design of(double[][] x) {
        if (x == null) throw new IllegalArgumentException("X must not be null");
        if (x.length == 0) throw new IllegalArgumentException("X has no rows (n = 0)");
        if (x[0] == null) throw new IllegalArgumentException("X row 0 is null");
        int p = x[0].length;
        if (p == 0) throw new IllegalArgumentException("X has no columns (p = 0)");
        int n = x.length;
        if ((long) n * p > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("X has " + n + "×" + p + " elements, more than an array can hold");
        double[] data = new double[n * p];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            if (row == null) throw new IllegalArgumentException("X row " + i + " is null");
            if (row.length != p) throw new IllegalArgumentException("X row " + i + " has " + row.length + " columns, row 0 has " + p);
            System.arraycopy(row, 0, data, i * p, p);
        }
        return of(MatrixView.rowMajor(data, n, p));
    }

    /** X stored row by row in {@code data[i·p + j]}; no copy. */
    public static Design rowMajor(double[] data, int n, int p) {
        checkFlat(data, n, p);
        return of(MatrixView.rowMajor(data, n, p));
    }

    /** X stored column by column in {@code data[j·n + i]} (Fortran order); no copy. */
    public static Design columnMajor(double[] data, int n, int p) {
        checkFlat(data, n, p);
        return of(MatrixView.columnMajor(data, n, p));
    }

    /** X as an existing view (any offset and leading dimension); no copy. */
    public static Design of(MatrixView view) {
        if (view == null) throw new IllegalArgumentException("X must not be null");
        if (view.rows() == 0) throw new IllegalArgumentException("X has no rows (n = 0)");
        if (view.cols() == 0) throw new IllegalArgumentException("X has no columns (p = 0)");
        check(view, false);
        return new Design(view);
    }

    private static void checkFlat(double[] data, int n, int p) {
        if (data == null) throw new IllegalArgumentException("X must not be null");
        if (n <= 0) throw new IllegalArgumentException("X has no rows (n = " + n + ")");
        if (p <= 0) throw new IllegalArgumentException("X has no columns (p = " + p + ")");
        if ((long) n * p != data.length) {
            throw new IllegalArgumentException("X has " + data.length + " elements, n·p = " + n + "·" + p + " = " + (long) n * p);
        }
    }

    /**
     * Scans in memory order (fast); on a hit, finds the first bad element in row order for the message. x·0 is NaN
     * exactly when x is NaN or ±Inf; with {@code magnitudes}, (c·x)²·0 is NaN exactly when, in addition, (c·x)²
     * overflows, i.e. 16·n·p·x² &gt; MAX_VALUE with c = 4√(n·p). One branch per line instead of one per element; two
     * chains so that the additions' latency does not serialise the scan.
     */
    private static void check(MatrixView v, boolean magnitudes) {
        double[] a = v.data();
        int major = v.layout() == Layout.ROW_MAJOR ? v.rows() : v.cols();
        int minor = v.layout() == Layout.ROW_MAJOR ? v.cols() : v.rows();
        double c = 4 * Math.sqrt((double) v.rows() * v.cols());
        boolean bad = false;
        for (int m = 0; m < major && !bad; m++) {
            int base = v.offset() + m * v.ld();
            double acc0 = 0;
            double acc1 = 0;
            int k = 0;
            if (magnitudes) {
                for (; k + 1 < minor; k += 2) {
                    double x0 = a[base + k] * c;
                    double x1 = a[base + k + 1] * c;
                    acc0 += x0 * x0 * 0.0;
                    acc1 += x1 * x1 * 0.0;
                }
                if (k < minor) {
                    double x0 = a[base + k] * c;
                    acc0 += x0 * x0 * 0.0;
                }
            } else {
                for (; k + 1 < minor; k += 2) {
                    acc0 += a[base + k] * 0.0;
                    acc1 += a[base + k + 1] * 0.0;
                }
                if (k < minor) acc0 += a[base + k] * 0.0;
            }
            if (acc0 + acc1 != 0) bad = true;
        }
        if (!bad) return;
        double limit = Math.sqrt(Double.MAX_VALUE) / c;
        for (int i = 0; i < v.rows(); i++) {
            for (int j = 0; j < v.cols(); j++) {
                double x = v.get(i, j);
                if (!Double.isFinite(x)) throw new IllegalArgumentException("X has " + Inputs.describe(x) + " at row " + i + ", column " + j);
                if (magnitudes && Math.abs(x) > limit) {
                    throw new IllegalArgumentException("X has " + x + " at row " + i + ", column " + j + ": sums of squares overflow a double beyond |x| = "
                            + String.format(java.util.Locale.ROOT, "%.3g", limit) + " (√(MAX_VALUE/(16·n·p)), n = " + v.rows() + ", p = " + v.cols() + "); rescale X");
                }
            }
        }
    }

    /** Number of rows. */
    public int n() {
        return view.rows();
    }

    /** Number of columns. */
    public int p() {
        return view.cols();
    }

    /**
     * The underlying view (never copied), as the solvers read it: the first call checks that sums of squares of the
     * values cannot overflow (see the class comment) and throws IllegalArgumentException naming the first value too large.
     */
    public MatrixView view() {
        if (!magnitudesChecked) {
            check(view, true);
            magnitudesChecked = true;
        }
        return view;
    }

    public Layout layout() {
        return view.layout();
    }

    /** Element (i, j). */
    public double get(int i, int j) {
        return view.get(i, j);
    }

    /** Copies column j into out[0 .. n). */
    public void column(int j, double[] out) {
        double[] a = view.data();
        int start = view.index(0, j);
        int stride = view.rowStride();
        for (int i = 0, n = n(); i < n; i++) out[i] = a[start + i * stride];
    }

    /** A new design holding the given rows, in the given order (row-major copy); for folds and subsets. */
    public Design rows(int[] rows) {
        if (rows == null || rows.length == 0) throw new IllegalArgumentException("rows must not be empty");
        int p = p();
        double[] data = new double[Checks.elements("X", rows.length, p)];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (i < 0 || i >= n()) throw new IllegalArgumentException("rows[" + k + "] = " + i + " is outside 0 .. " + (n() - 1));
            for (int j = 0; j < p; j++) data[k * p + j] = view.get(i, j);
        }
        return new Design(MatrixView.rowMajor(data, rows.length, p));
    }

    @Override
    public String toString() {
        return "Design[" + n() + "×" + p() + ", " + view.layout() + "]";
    }
}
