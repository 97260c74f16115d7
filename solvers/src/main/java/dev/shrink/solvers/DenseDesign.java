package dev.shrink.solvers;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.DenseMatrix;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.RowArrays;
import dev.shrink.solvers.internal.Inputs;

/**
 * A dense design: the user's data, validated once, <b>never copied where it is read in place</b> (made by the
 * factories of {@link Design}).
 *
 * <p>Storage: flat {@code double[]} (row-major or column-major), flat {@code float[]} (float32, e.g. data that came as
 * floats: half the memory, no float64 copy), or the rows of a {@code double[][]} as they are. The kernels read all three
 * in place ({@link DenseMatrix}, {@link #dense()}); the Gram packs (and widens) one block of rows at a time. Which fits
 * read X in place:
 * <ul>
 *   <li>{@link Ridge} with n ≥ p, {@link SufficientStats#of}, predictions ({@code predict}, {@code decisionFunction}):
 *       any storage, no copy;</li>
 *   <li>every other estimator, path and CV ({@code ElasticNet}, {@code Lasso}, {@code LogisticRegression}, Ridge with
 *       p &gt; n, {@code RidgeCV}, {@code ElasticNetPath}, …): their engines need flat float64 storage; a flat double
 *       design is used as it is, a {@code double[][]} or float32 design is copied once into a float64 row-major array
 *       ({@link #view()}, {@link #matrix()}, kept for the design's lifetime). They compute in double either way.</li>
 * </ul>
 * Validation happens here, once: n ≥ 1, p ≥ 1, equal row lengths, every value finite (the first bad position is named
 * in row order, for float32 data as for double). When a solver first reads the design ({@link #dense}, {@link #view}),
 * its values must also be small enough that sums of their squares and products over all n·p entries stay finite
 * (|x| ≤ √(MAX_VALUE/(16·n·p)), about 1e148 for 10⁴×10⁴): larger values would overflow inside every solver, so every
 * fit refuses them up front with the position and the limit, while a design that is only held, read or written back
 * (the command line's data files) keeps any finite value. Solvers never write to the data; the caller must not change
 * it during a fit.
 */
public final class DenseDesign extends Design {
    private final DenseMatrix matrix;
    /** The float64 copy of a row-array or float32 design, made by the first {@link #view()} (the view itself when flat). */
    private volatile MatrixView view;
    /** Whether the magnitudes have been checked (see the class comment; a race only repeats the check). */
    private volatile boolean magnitudesChecked;

    private DenseDesign(DenseMatrix matrix) {
        this.matrix = matrix;
        if (matrix instanceof MatrixView v) this.view = v;
    }

    static DenseDesign ofRows(double[][] x) {
        if (x == null) throw new IllegalArgumentException("X must not be null");
        if (x.length == 0) throw new IllegalArgumentException("X has no rows (n = 0)");
        if (x[0] == null) throw new IllegalArgumentException("X row 0 is null");
        int p = x[0].length;
        if (p == 0) throw new IllegalArgumentException("X has no columns (p = 0)");
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) throw new IllegalArgumentException("X row " + i + " is null");
            if (x[i].length != p) throw new IllegalArgumentException("X row " + i + " has " + x[i].length + " columns, row 0 has " + p);
        }
        return ofMatrix(new RowArrays(x, p));
    }

    static DenseDesign ofRows(float[][] x) {
        if (x == null) throw new IllegalArgumentException("X must not be null");
        if (x.length == 0) throw new IllegalArgumentException("X has no rows (n = 0)");
        if (x[0] == null) throw new IllegalArgumentException("X row 0 is null");
        int n = x.length;
        int p = x[0].length;
        if (p == 0) throw new IllegalArgumentException("X has no columns (p = 0)");
        if ((long) n * p > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("X has " + n + "×" + p + " elements, more than an array can hold");
        float[] data = new float[n * p];
        for (int i = 0; i < n; i++) {
            float[] row = x[i];
            if (row == null) throw new IllegalArgumentException("X row " + i + " is null");
            if (row.length != p) throw new IllegalArgumentException("X row " + i + " has " + row.length + " columns, row 0 has " + p);
            System.arraycopy(row, 0, data, i * p, p);
        }
        return ofMatrix(FloatMatrixView.rowMajor(data, n, p));
    }

    static DenseDesign ofRowMajor(double[] data, int n, int p) {
        checkFlat(data == null, data == null ? 0 : data.length, n, p);
        return ofMatrix(MatrixView.rowMajor(data, n, p));
    }

    static DenseDesign ofColumnMajor(double[] data, int n, int p) {
        checkFlat(data == null, data == null ? 0 : data.length, n, p);
        return ofMatrix(MatrixView.columnMajor(data, n, p));
    }

    static DenseDesign ofRowMajor(float[] data, int n, int p) {
        checkFlat(data == null, data == null ? 0 : data.length, n, p);
        return ofMatrix(FloatMatrixView.rowMajor(data, n, p));
    }

    static DenseDesign ofColumnMajor(float[] data, int n, int p) {
        checkFlat(data == null, data == null ? 0 : data.length, n, p);
        return ofMatrix(FloatMatrixView.columnMajor(data, n, p));
    }

    static DenseDesign ofMatrix(DenseMatrix matrix) {
        if (matrix == null) throw new IllegalArgumentException("X must not be null");
        if (matrix.rows() == 0) throw new IllegalArgumentException("X has no rows (n = 0)");
        if (matrix.cols() == 0) throw new IllegalArgumentException("X has no columns (p = 0)");
        boolean magnitudesFine = check(matrix, false);
        DenseDesign d = new DenseDesign(matrix);
        d.magnitudesChecked = magnitudesFine; // one scan answered both tests: the first read skips its own
        return d;
    }

    private static void checkFlat(boolean isNull, int length, int n, int p) {
        if (isNull) throw new IllegalArgumentException("X must not be null");
        if (n <= 0) throw new IllegalArgumentException("X has no rows (n = " + n + ")");
        if (p <= 0) throw new IllegalArgumentException("X has no columns (p = " + p + ")");
        if ((long) n * p != length) {
            throw new IllegalArgumentException("X has " + length + " elements, n·p = " + n + "·" + p + " = " + (long) n * p);
        }
    }

    /**
     * Scans in memory order (fast: the largest magnitude by the vector kernel, NaN when any value is NaN); on a hit,
     * finds the first bad element in row order for the message. A value is bad when it is not finite or, with
     * {@code magnitudes}, when it exceeds {@link #magnitudeLimit} — the same test as the message's loop below. Returns
     * whether the scan has also shown every magnitude within {@link #magnitudeLimit} (double storage: the largest
     * magnitude answers both tests, so the solvers' first read need not scan X again; float32: false, not looked at).
     */
    private static boolean check(DenseMatrix m, boolean magnitudes) {
        double within = magnitudeLimit(m.rows(), m.cols());
        double limit = magnitudes ? within : Double.MAX_VALUE;
        Level1 level1 = KernelProvider.get().level1();
        double largest = switch (m) {
            case MatrixView v -> {
                int major = v.layout() == Layout.ROW_MAJOR ? v.rows() : v.cols();
                int minor = v.layout() == Layout.ROW_MAJOR ? v.cols() : v.rows();
                if (v.ld() == minor) yield level1.maxAbs(major * minor, v.data(), v.offset());
                double max = 0;
                for (int line = 0; line < major && max <= limit; line++) max = Math.max(max, level1.maxAbs(minor, v.data(), v.offset() + line * v.ld()));
                yield max;
            }
            case RowArrays r -> {
                double max = 0;
                for (int i = 0; i < r.rows() && max <= limit; i++) max = Math.max(max, level1.maxAbs(r.cols(), r.arrays()[i], 0));
                yield max;
            }
            case FloatMatrixView f -> {
                double c = magnitudes ? 4 * Math.sqrt((double) m.rows() * m.cols()) : 1.0;
                int major = f.layout() == Layout.ROW_MAJOR ? f.rows() : f.cols();
                int minor = f.layout() == Layout.ROW_MAJOR ? f.cols() : f.rows();
                boolean any = false;
                for (int line = 0; line < major && !any; line++) any = !finite(f.data(), f.offset() + line * f.ld(), minor, c);
                yield any ? Double.NaN : 0.0; // bad, or not looked at (0: the magnitude test below is not claimed)
            }
        };
        boolean bad = !(largest <= limit);
        if (!bad) return !(m instanceof FloatMatrixView) && largest <= within;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double x = m.get(i, j);
                if (!Double.isFinite(x)) throw new IllegalArgumentException("X has " + Inputs.describe(x) + " at row " + i + ", column " + j);
                if (magnitudes && Math.abs(x) > limit) throw tooLarge(x, i, j, "", m.rows(), m.cols());
            }
        }
        return false;
    }

    /**
     * Whether c·x is finite and so is (c·x)² for every float32 x in {@code a[from .. from + count)} (c = 1: whether
     * each x is finite), in double (float32 squares are exact there): (c·x)²·0 is NaN exactly when it is not. Two
     * chains so that the additions' latency does not serialise the scan.
     */
    private static boolean finite(float[] a, int from, int count, double c) {
        double acc0 = 0;
        double acc1 = 0;
        int k = 0;
        for (; k + 1 < count; k += 2) {
            double x0 = a[from + k] * c;
            double x1 = a[from + k + 1] * c;
            acc0 += x0 * x0 * 0.0;
            acc1 += x1 * x1 * 0.0;
        }
        if (k < count) {
            double x0 = a[from + k] * c;
            acc0 += x0 * x0 * 0.0;
        }
        return acc0 + acc1 == 0;
    }

    @Override
    public int n() {
        return matrix.rows();
    }

    @Override
    public int p() {
        return matrix.cols();
    }

    /**
     * X as stored ({@link MatrixView}, {@link FloatMatrixView} or {@link RowArrays}), never copied, as the in-place
     * readers take it: the first read checks that sums of squares of the values cannot overflow (see the class comment)
     * and throws IllegalArgumentException naming the first value too large.
     */
    public DenseMatrix dense() {
        checkMagnitudes();
        return matrix;
    }

    /** {@link #view()}: what the engines read (flat float64). */
    @Override
    public MatrixView matrix() {
        return view();
    }

    private void checkMagnitudes() {
        if (!magnitudesChecked) {
            check(matrix, true);
            magnitudesChecked = true;
        }
    }

    /** Whether X is stored as float32. */
    public boolean isFloat32() {
        return matrix instanceof FloatMatrixView;
    }

    /**
     * X as a flat float64 view: the storage itself for a flat double design; for row arrays and float32 data, one
     * row-major float64 copy made at the first call and kept (the engines that need it are listed in the class comment).
     * Checks the magnitudes as {@link #dense()} does.
     */
    public MatrixView view() {
        checkMagnitudes();
        MatrixView v = view;
        if (v == null) {
            synchronized (this) {
                v = view;
                if (v == null) {
                    int n = n();
                    int p = p();
                    double[] data = new double[Checks.elements("the float64 copy of X", n, p)];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) data[i * p + j] = matrix.get(i, j);
                    }
                    view = v = MatrixView.rowMajor(data, n, p);
                }
            }
        }
        return v;
    }

    /** The storage order (row arrays are row-major). */
    public Layout layout() {
        return switch (matrix) {
            case MatrixView v -> v.layout();
            case FloatMatrixView f -> f.layout();
            case RowArrays r -> Layout.ROW_MAJOR;
        };
    }

    /** Element (i, j) (float32 elements widened exactly). */
    @Override
    public double get(int i, int j) {
        return matrix.get(i, j);
    }

    @Override
    public void column(int j, double[] out) {
        if (matrix instanceof MatrixView v) {
            double[] a = v.data();
            int start = v.index(0, j);
            int stride = v.rowStride();
            for (int i = 0, n = n(); i < n; i++) out[i] = a[start + i * stride];
            return;
        }
        for (int i = 0, n = n(); i < n; i++) out[i] = matrix.get(i, j);
    }

    /** A new design holding the given rows, in the given order (float64 row-major copy); for folds and subsets. */
    @Override
    public DenseDesign rows(int[] rows) {
        if (rows == null || rows.length == 0) throw new IllegalArgumentException("rows must not be empty");
        int p = p();
        double[] data = new double[Checks.elements("X", rows.length, p)];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (i < 0 || i >= n()) throw new IllegalArgumentException("rows[" + k + "] = " + i + " is outside 0 .. " + (n() - 1));
            for (int j = 0; j < p; j++) data[k * p + j] = matrix.get(i, j);
        }
        return new DenseDesign(MatrixView.rowMajor(data, rows.length, p));
    }

    @Override
    public String toString() {
        String storage = switch (matrix) {
            case MatrixView v -> v.layout().toString();
            case FloatMatrixView f -> f.layout() + ", float32";
            case RowArrays r -> "row arrays";
        };
        return "Design[" + n() + "×" + p() + ", " + storage + "]";
    }
}
