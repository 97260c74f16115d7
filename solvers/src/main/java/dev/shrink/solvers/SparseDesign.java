package dev.shrink.solvers;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.SparseChecks;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.matrix.SparseMatrix;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A sparse design: X stored as compressed sparse columns (CSC: scipy's {@code csc_matrix}, R's {@code dgCMatrix}) or
 * rows (CSR: {@code csr_matrix}), with double or single-precision values. The lasso / elastic-net, ridge, logistic,
 * multinomial and Poisson estimators, paths and cross-validations take it wherever they take a dense {@link Design},
 * and so do the group-lasso (least squares and logistic), multi-task, Bayesian (BayesianRidge, ARDRegression) and
 * adaptive-lasso ones — every estimator, path and cross-validation — without ever forming the dense matrix: coordinate
 * descent reads columns, centring and scaling are implicit (the mean-shifted products {@code Xᵀr − x̄·Σr}, as
 * scikit-learn's {@code X_offset} and glmnet; Gram matrices of column blocks as {@code XᵀVX − S·x̄x̄ᵀ} from the stored
 * entries), cross-validation folds are row masks on the same arrays (or row subsets of them).
 *
 * <p>Built from arrays without copying ({@link #csc}, {@link #csr}: the arrays are viewed, never written), from
 * triplets ({@link #fromTriplets}, {@link #fromTripletsSummingRepeats}) or from a Matrix Market file ({@link #readMatrixMarket}). Validated once: n ≥ 1,
 * p ≥ 1, pointer arrays of the right length that never decrease, indices in range and, within each column (row),
 * sorted and duplicate-free, every stored value finite; each failure is an {@link IllegalArgumentException} naming
 * the column (row) and the position in the arrays. Explicitly stored zeros are allowed. When a solver first reads the
 * design ({@link #matrix()}, predictions), its values must also be small enough that sums of their squares and products
 * stay finite, as for a dense design (|x| ≤ √(MAX_VALUE/(16·n·p)): the implicit centring makes every position count);
 * a larger value is refused with its row, column, position and the limit, while a design that is only held, read or
 * written back keeps any finite value.
 *
 * <p>Memory: the coordinate-descent engines read the columns. A design built from CSR arrays converts them to CSC
 * once, on first use, and keeps both (then twice the arrays); a CSC design's arrays are never copied, but double
 * values that are all exact single-precision numbers (counts, one-hot, binary) get a single-precision copy that the
 * solvers stream instead (4 bytes an entry; the same results to the bit). Lasso and elastic-net fits
 * and paths on a sparse design use at most twice the CSC arrays plus O(n + p + |working set|²) heap
 * ({@code SparseMemoryTest} checks it on a design whose dense form would need 80 GB).
 */
public final class SparseDesign extends Design {
    private final int n;
    private final int p;
    /** CSC of X (CscView or CscFloatView); null until first asked for when built from CSR. */
    private Matrix columns;
    /** CSR of X as the CSC of Xᵀ; null until first asked for when built from CSC. */
    private Matrix rows;
    /** Built from compressed rows (CSR). */
    private final boolean fromRows;
    /** Whether the magnitudes have been checked ({@link #checkMagnitudes}). */
    private boolean magnitudesChecked;

    private SparseDesign(int n, int p, Matrix columns, Matrix rows) {
        this.n = n;
        this.p = p;
        this.columns = columns;
        this.rows = rows;
        this.fromRows = columns == null;
    }

    /**
     * X from compressed sparse columns: column j holds {@code values[k]} at row {@code rowIndices[k]} for k in
     * {@code columnStarts[j] .. columnStarts[j + 1])}. The arrays are viewed, not copied.
     */
    public static SparseDesign csc(int n, int p, int[] columnStarts, int[] rowIndices, double[] values) {
        shape(n, p);
        if (values == null) throw new IllegalArgumentException("values must not be null");
        SparseChecks.structure(p, n, columnStarts, rowIndices, values.length, "columnStarts", "rowIndices", "column", "row");
        finite(columnStarts, rowIndices, values.length, k -> values[k], true);
        return new SparseDesign(n, p, new CscView(n, p, columnStarts, rowIndices, values), null);
    }

    /** {@link #csc(int, int, int[], int[], double[])} with single-precision values (products still in double). */
    public static SparseDesign csc(int n, int p, int[] columnStarts, int[] rowIndices, float[] values) {
        shape(n, p);
        if (values == null) throw new IllegalArgumentException("values must not be null");
        SparseChecks.structure(p, n, columnStarts, rowIndices, values.length, "columnStarts", "rowIndices", "column", "row");
        finite(columnStarts, rowIndices, values.length, k -> values[k], true);
        return new SparseDesign(n, p, new CscFloatView(n, p, columnStarts, rowIndices, values), null);
    }

    /**
     * X from compressed sparse rows: row i holds {@code values[k]} at column {@code columnIndices[k]} for k in
     * {@code rowStarts[i] .. rowStarts[i + 1])}. The arrays are viewed, not copied; predictions read them directly,
     * fits convert them to columns once.
     */
    public static SparseDesign csr(int n, int p, int[] rowStarts, int[] columnIndices, double[] values) {
        shape(n, p);
        if (values == null) throw new IllegalArgumentException("values must not be null");
        SparseChecks.structure(n, p, rowStarts, columnIndices, values.length, "rowStarts", "columnIndices", "row", "column");
        finite(rowStarts, columnIndices, values.length, k -> values[k], false);
        return new SparseDesign(n, p, null, new CscView(p, n, rowStarts, columnIndices, values));
    }

    /** {@link #csr(int, int, int[], int[], double[])} with single-precision values. */
    public static SparseDesign csr(int n, int p, int[] rowStarts, int[] columnIndices, float[] values) {
        shape(n, p);
        if (values == null) throw new IllegalArgumentException("values must not be null");
        SparseChecks.structure(n, p, rowStarts, columnIndices, values.length, "rowStarts", "columnIndices", "row", "column");
        finite(rowStarts, columnIndices, values.length, k -> values[k], false);
        return new SparseDesign(n, p, null, new CscFloatView(p, n, rowStarts, columnIndices, values));
    }

    /**
     * X from triplets: entry t is {@code values[t]} at ({@code rows[t]}, {@code columns[t]}), in any order; each
     * position may occur once. Copied into fresh CSC arrays (the inputs are not kept).
     */
    public static SparseDesign fromTriplets(int n, int p, int[] rows, int[] columns, double[] values) {
        checkTriplets(n, p, rows, columns, values);
        Triplets.Sorted s = Triplets.byColumn(n, p, rows, columns, t -> "triplets " + t[0] + " and " + t[1]);
        double[] v = new double[values.length];
        for (int k = 0; k < v.length; k++) v[k] = values[s.source()[k]];
        return new SparseDesign(n, p, new CscView(n, p, s.starts(), s.indices(), v), null);
    }

    /**
     * X from triplets in which a position may occur several times: the values there add up (as scipy's
     * {@code coo_matrix} and R's {@code Matrix::sparseMatrix}, as LibSVM and Matrix Market readers need). A sum that
     * is not finite is an {@link IllegalArgumentException} naming row and column. Copied into fresh CSC arrays.
     */
    public static SparseDesign fromTripletsSummingRepeats(int n, int p, int[] rows, int[] columns, double[] values) {
        checkTriplets(n, p, rows, columns, values);
        Triplets.Summed s = Triplets.byColumnSummed(n, p, rows, columns, values);
        for (int j = 0; j < p; j++) {
            for (int k = s.starts()[j]; k < s.starts()[j + 1]; k++) {
                if (!Double.isFinite(s.values()[k])) {
                    throw new IllegalArgumentException("X has " + Inputs.describe(s.values()[k]) + " at row " + s.indices()[k] + ", column " + j
                            + " (the sum of the entries given there)");
                }
            }
        }
        return new SparseDesign(n, p, new CscView(n, p, s.starts(), s.indices(), s.values()), null);
    }

    /** Shape, equal lengths, indices in range and finite values; names the first bad triplet. */
    private static void checkTriplets(int n, int p, int[] rows, int[] columns, double[] values) {
        shape(n, p);
        if (rows == null || columns == null || values == null) throw new IllegalArgumentException("rows, columns and values must not be null");
        if (rows.length != columns.length || rows.length != values.length) {
            throw new IllegalArgumentException("rows, columns and values must have one entry per triplet, got " + rows.length + ", "
                    + columns.length + " and " + values.length);
        }
        for (int t = 0; t < rows.length; t++) {
            if (rows[t] < 0 || rows[t] >= n) throw new IllegalArgumentException("triplet " + t + ": row " + rows[t] + " is outside 0 .. " + (n - 1));
            if (columns[t] < 0 || columns[t] >= p) {
                throw new IllegalArgumentException("triplet " + t + ": column " + columns[t] + " is outside 0 .. " + (p - 1));
            }
            if (!Double.isFinite(values[t])) {
                throw new IllegalArgumentException("X has " + Inputs.describe(values[t]) + " at row " + rows[t] + ", column " + columns[t]
                        + " (triplet " + t + ")");
            }
        }
    }

    /**
     * X from a Matrix Market coordinate file ({@code %%MatrixMarket matrix coordinate real|integer|pattern
     * general|symmetric}, then optional {@code %} comments, the line {@code n p nnz} and nnz lines {@code i j value},
     * 1-based, in any order): what {@code scipy.io.mmwrite} and R's {@code Matrix::writeMM} write. A bad header, a
     * line that does not parse, an index out of range or a repeated position is an {@link IllegalArgumentException}
     * naming the file and the line.
     */
    public static SparseDesign readMatrixMarket(Path file) throws IOException {
        return MatrixMarket.read(file);
    }

    /**
     * Writes X as a Matrix Market coordinate file ({@code real general}, entries in row-major order, values with
     * 17 significant digits so that they read back as the same doubles).
     */
    public void writeMatrixMarket(Path file) throws IOException {
        MatrixMarket.write(this, file);
    }

    private static void shape(int n, int p) {
        if (n <= 0) throw new IllegalArgumentException("X has no rows (n = " + n + ")");
        if (p <= 0) throw new IllegalArgumentException("X has no columns (p = " + p + ")");
    }

    private interface Values {
        double at(int k);
    }

    /** Every stored value finite; names the first bad one by row, column and position. */
    private static void finite(int[] starts, int[] indices, int count, Values v, boolean columnMajor) {
        int[] at = firstBeyond(starts, indices, v, Double.MAX_VALUE, columnMajor);
        if (at != null) {
            throw new IllegalArgumentException("X has " + Inputs.describe(v.at(at[2])) + " at row " + at[0] + ", column " + at[1] + " (position " + at[2] + ")");
        }
    }

    /** The first stored value (in storage order) that is NaN or beyond ±limit, as {row, column, position}; null if none. */
    private static int[] firstBeyond(int[] starts, int[] indices, Values v, double limit, boolean columnMajor) {
        int lines = starts.length - 1;
        for (int line = 0; line < lines; line++) {
            for (int k = starts[line]; k < starts[line + 1]; k++) {
                if (!(Math.abs(v.at(k)) <= limit)) return columnMajor ? new int[] {indices[k], line, k} : new int[] {line, indices[k], k};
            }
        }
        return null;
    }

    /**
     * Once, at the first read by a solver: every stored value within {@link Design#magnitudeLimit}, checked on the
     * arrays the design was built from (so that the position names them).
     */
    synchronized void checkMagnitudes() {
        if (magnitudesChecked) return;
        Matrix m = fromRows ? rows : columns;
        int[] at = switch (m) {
            case CscView c -> firstBeyond(c.columnStarts(), c.rowIndices(), k -> c.values()[k], magnitudeLimit(n, p), !fromRows);
            case CscFloatView c -> firstBeyond(c.columnStarts(), c.rowIndices(), k -> c.values()[k], magnitudeLimit(n, p), !fromRows);
            default -> throw new IllegalStateException("unexpected storage " + m);
        };
        if (at != null) throw tooLarge(get(at[0], at[1]), at[0], at[1], " (position " + at[2] + ")", n, p);
        magnitudesChecked = true;
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int p() {
        return p;
    }

    /** Number of stored entries. */
    public int nonZeros() {
        Matrix m = columns != null ? columns : rows;
        return m instanceof CscView c ? c.nonZeros() : ((CscFloatView) m).nonZeros();
    }

    /** Whether the values are single precision. */
    public boolean singlePrecision() {
        return (columns != null ? columns : rows) instanceof CscFloatView;
    }

    /**
     * The compressed columns (CscView or CscFloatView), converted from rows once when built from CSR; the first call
     * checks the magnitudes (see the class comment).
     */
    @Override
    public synchronized Matrix matrix() {
        checkMagnitudes();
        return columns();
    }

    /** {@link #matrix()} without the magnitude check (reading and writing the design back). */
    private synchronized Matrix columns() {
        if (columns == null) {
            columns = transpose(rows);
            // the rows and the columns are already twice the arrays: no single-precision copy on top (the memory bound)
            if (columns instanceof CscView c) SparseMatrix.keepDoubles(c.values());
        }
        return columns;
    }

    /** The compressed rows as the CSC of Xᵀ, converted from columns once when built from CSC (row access: predictions). */
    synchronized Matrix byRows() {
        if (rows == null) rows = transpose(columns);
        return rows;
    }

    /** Whether the design holds its rows already (built from CSR, or converted before): then predictions read rows. */
    synchronized boolean hasRows() {
        return rows != null;
    }

    private static Matrix transpose(Matrix m) {
        return m instanceof CscView c ? c.transpose() : ((CscFloatView) m).transpose();
    }

    @Override
    public double get(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= p) throw new IllegalArgumentException("(" + i + ", " + j + ") is outside a " + n + "×" + p + " design");
        Matrix c = columns;
        if (c instanceof CscView v) return v.get(i, j);
        if (c instanceof CscFloatView v) return v.get(i, j);
        return rows instanceof CscView v ? v.get(j, i) : ((CscFloatView) rows).get(j, i);
    }

    @Override
    public void column(int j, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        Matrix m = columns();
        if (m instanceof CscView v) {
            for (int k = v.columnStarts()[j]; k < v.columnStarts()[j + 1]; k++) out[v.rowIndices()[k]] = v.values()[k];
        } else {
            CscFloatView v = (CscFloatView) m;
            for (int k = v.columnStarts()[j]; k < v.columnStarts()[j + 1]; k++) out[v.rowIndices()[k]] = v.values()[k];
        }
    }

    /** A new sparse design (compressed rows, fresh arrays) holding the given rows in the given order. */
    @Override
    public SparseDesign rows(int[] selected) {
        if (selected == null || selected.length == 0) throw new IllegalArgumentException("rows must not be empty");
        for (int k = 0; k < selected.length; k++) {
            if (selected[k] < 0 || selected[k] >= n) throw new IllegalArgumentException("rows[" + k + "] = " + selected[k] + " is outside 0 .. " + (n - 1));
        }
        Matrix r = byRows();
        int[] starts = r instanceof CscView v ? v.columnStarts() : ((CscFloatView) r).columnStarts();
        int[] indices = r instanceof CscView v ? v.rowIndices() : ((CscFloatView) r).rowIndices();
        int[] newStarts = new int[selected.length + 1];
        for (int k = 0; k < selected.length; k++) newStarts[k + 1] = newStarts[k] + starts[selected[k] + 1] - starts[selected[k]];
        int[] newIndices = new int[newStarts[selected.length]];
        for (int k = 0; k < selected.length; k++) {
            System.arraycopy(indices, starts[selected[k]], newIndices, newStarts[k], newStarts[k + 1] - newStarts[k]);
        }
        if (r instanceof CscView v) {
            double[] values = new double[newIndices.length];
            for (int k = 0; k < selected.length; k++) {
                System.arraycopy(v.values(), starts[selected[k]], values, newStarts[k], newStarts[k + 1] - newStarts[k]);
            }
            return new SparseDesign(selected.length, p, null, new CscView(p, selected.length, newStarts, newIndices, values));
        }
        float[] values = new float[newIndices.length];
        for (int k = 0; k < selected.length; k++) {
            System.arraycopy(((CscFloatView) r).values(), starts[selected[k]], values, newStarts[k], newStarts[k + 1] - newStarts[k]);
        }
        return new SparseDesign(selected.length, p, null, new CscFloatView(p, selected.length, newStarts, newIndices, values));
    }

    @Override
    public String toString() {
        return "SparseDesign[" + n + "×" + p + ", " + nonZeros() + " stored, " + (fromRows ? "CSR" : "CSC")
                + (singlePrecision() ? ", float" : "") + "]";
    }
}
