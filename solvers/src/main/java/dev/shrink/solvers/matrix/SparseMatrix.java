package dev.shrink.solvers.matrix;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.Sparse;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A sparse design by compressed columns, double or single-precision values, through the {@link Sparse} kernels. Every
 * operation costs the stored entries it touches: a column operation nnzⱼ, a product nnz; nothing here allocates
 * more than O(n + p) except the Gram of a block (O(n + entries of the block) scratch). Single-threaded.
 *
 * <p>Double values that are all single-precision numbers exactly (counts, one-hot and binary data) are read from a
 * single-precision copy ({@link #exactSingle}): each widens back to the same double, the kernels run the same
 * operations in the same order, so every result has the same bits, from a third less memory per stored entry (8 bytes
 * with its index instead of 12; the passes over the columns of text-like data are bound by it: all 20000 column dots
 * of the report's text design 1.3 ms against 2.2 ms, Zen 5). The copy is 4 bytes an entry, made once per values array
 * (never for a design built from rows: see {@link #keepDoubles}).
 */
public final class SparseMatrix extends DesignMatrix {
    /** The view the kernels read: exactly one of the two (double, or single-precision values). */
    private final CscView x;
    private final CscFloatView xf;
    /** The view as given ({@link #view()}). */
    private final Matrix given;
    private final int[] starts;
    private final int[] indices;
    private final Sparse kernels = KernelProvider.get().sparse();

    /** Exactly one of the two views is given. */
    SparseMatrix(CscView x, CscFloatView xf) {
        this(x, xf, true);
    }

    /** As {@link #SparseMatrix(CscView, CscFloatView)}; {@code narrow}: read exact single-precision values from a copy (tests: false). */
    SparseMatrix(CscView x, CscFloatView xf, boolean narrow) {
        this.given = x != null ? x : xf;
        float[] single = x != null && narrow ? exactSingle(x.values()) : null;
        this.x = single == null ? x : null;
        this.xf = single == null ? xf : new CscFloatView(x.rows(), x.cols(), x.columnStarts(), x.rowIndices(), single);
        this.starts = this.x != null ? this.x.columnStarts() : this.xf.columnStarts();
        this.indices = this.x != null ? this.x.rowIndices() : this.xf.rowIndices();
    }

    /**
     * The values as single-precision numbers when every one is one exactly (else null), kept with the array: a design's
     * arrays are never written after it is validated (SparseDesign), so each values array is scanned and copied once
     * however many fits read it.
     */
    static float[] exactSingle(double[] values) {
        float[] single = SINGLE.get(values);
        if (single == null) {
            single = narrow(values);
            SINGLE.put(values, single);
        }
        return single == NOT_EXACT ? null : single;
    }

    /**
     * Keeps these double values from being copied ({@link #exactSingle} answers null for them): a design that already holds
     * its arrays twice (built from rows, converted to columns) stays within its memory bound.
     */
    public static void keepDoubles(double[] values) {
        SINGLE.put(values, NOT_EXACT);
    }

    /** The values in single precision, or {@link #NOT_EXACT} at the first one that does not widen back to itself. */
    private static float[] narrow(double[] values) {
        float[] single = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            float f = (float) values[k];
            if (f != values[k]) return NOT_EXACT;
            single[k] = f;
        }
        return single;
    }

    /** Single-precision copies by values array (by identity: arrays do not override equals), dropped with the array. */
    private static final Map<double[], float[]> SINGLE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final float[] NOT_EXACT = new float[0];

    @Override
    public int rows() {
        return x != null ? x.rows() : xf.rows();
    }

    @Override
    public int cols() {
        return x != null ? x.cols() : xf.cols();
    }

    @Override
    public boolean isSparse() {
        return true;
    }

    @Override
    public long storedEntries() {
        return starts[cols()] - starts[0];
    }

    @Override
    public Matrix view() {
        return given;
    }

    @Override
    public void multiply(double[] w, double[] out) {
        if (x != null) kernels.multiply(x, w, 0, out, 0);
        else kernels.multiply(xf, w, 0, out, 0);
    }

    @Override
    public void multiplyTransposed(double[] r, double[] out) {
        if (x != null) kernels.multiplyTransposed(x, r, 0, out, 0);
        else kernels.multiplyTransposed(xf, r, 0, out, 0);
    }

    @Override
    public double columnDot(int j, double[] weights, double[] r) {
        int k = starts[j];
        int nnz = starts[j + 1] - k;
        return x != null ? kernels.dot(nnz, x.values(), indices, k, weights, r, 0) : kernels.dot(nnz, xf.values(), indices, k, weights, r, 0);
    }

    @Override
    public void columnAxpy(int j, double alpha, double[] weights, double[] r) {
        int k = starts[j];
        int nnz = starts[j + 1] - k;
        if (x != null) kernels.axpy(nnz, alpha, x.values(), indices, k, weights, r, 0);
        else kernels.axpy(nnz, alpha, xf.values(), indices, k, weights, r, 0);
    }

    @Override
    public void column(int j, double[] out) {
        java.util.Arrays.fill(out, 0, rows(), 0.0);
        columnAxpy(j, 1.0, null, out);
    }

    @Override
    public int columnLength(int j) {
        return starts[j + 1] - starts[j];
    }

    @Override
    public double[] columnSums(double[] weights) {
        double[] out = new double[cols()];
        if (x != null) kernels.columnSums(x, weights, out, 0);
        else kernels.columnSums(xf, weights, out, 0);
        return out;
    }

    /**
     * Σᵢ wᵢ|xᵢⱼ| for every column (weights null: all 1), over the stored entries: with ‖v‖∞ it bounds |Σᵢ wᵢxᵢⱼvᵢ|
     * (Hölder), which for a column of few entries is far tighter than ‖xⱼ‖·‖v‖.
     */
    public double[] columnAbsSums(double[] weights) {
        int p = cols();
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double t = 0;
            for (int k = starts[j]; k < starts[j + 1]; k++) {
                double v = Math.abs(x != null ? x.values()[k] : xf.values()[k]);
                t += weights == null ? v : weights[indices[k]] * v;
            }
            out[j] = t;
        }
        return out;
    }

    @Override
    public double[] centeredSquares(double[] weights, double[] mean) {
        double[] out = new double[cols()];
        if (x != null) kernels.centeredSquares(x, weights, mean, out, 0);
        else kernels.centeredSquares(xf, weights, mean, out, 0);
        return out;
    }

    @Override
    public Moments moments(double[] s, double[] v) {
        int p = cols();
        double[] mean = new double[p];
        double[] squares = new double[p];
        double[] products = v == null ? null : new double[p];
        if (x != null) kernels.columnMoments(x, s, v, mean, squares, products);
        else kernels.columnMoments(xf, s, v, mean, squares, products);
        return new Moments(mean, squares, products);
    }

    @Override
    public void gram(int[] columns, int count, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty) {
        if (x != null) kernels.gram(x, columns, count, weights, g, gOffset, ldg);
        else kernels.gram(xf, columns, count, weights, g, gOffset, ldg);
        if (y == null) return;
        double[] u = y;
        if (weights != null) {
            u = new double[y.length];
            for (int i = 0; i < u.length; i++) u[i] = weights[i] * y[i];
        }
        for (int a = 0; a < count; a++) xty[a] = columnDot(columns[a], null, u);
    }
}
