package dev.shrink.solvers.matrix;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.Sparse;

/**
 * A sparse design by compressed columns, double or single-precision values, through the {@link Sparse} kernels. Every
 * operation costs the stored entries it touches: a column operation nnzⱼ, a product nnz; nothing here allocates
 * more than O(n + p) except the Gram of a block (O(n + entries of the block) scratch). Single-threaded.
 */
public final class SparseMatrix extends DesignMatrix {
    private final CscView x;
    private final CscFloatView xf;
    private final int[] starts;
    private final int[] indices;
    private final Sparse kernels = KernelProvider.get().sparse();

    /** Exactly one of the two views is given. */
    SparseMatrix(CscView x, CscFloatView xf) {
        this.x = x;
        this.xf = xf;
        this.starts = x != null ? x.columnStarts() : xf.columnStarts();
        this.indices = x != null ? x.rowIndices() : xf.rowIndices();
    }

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
        return x != null ? x : xf;
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
