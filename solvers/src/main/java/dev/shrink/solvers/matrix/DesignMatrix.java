package dev.shrink.solvers.matrix;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Threads;

/**
 * The design as the engines see it: the few operations on X that coordinate descent, Newton's method, ridge solvers
 * and cross-validation need, for dense ({@link DenseMatrix}) and sparse ({@link SparseMatrix}) storage alike, so that
 * one engine serves both. X is never copied or written here; centring and scaling are the engines' business (they
 * combine these raw products with column means, as in {@code x̃ⱼᵀr = dⱼ(xⱼᵀr − x̄ⱼ·Σr)}).
 *
 * <p>Weights, where a method takes them, are per row and may be null (all 1).
 */
public abstract sealed class DesignMatrix permits DenseMatrix, SparseMatrix {

    /** The engine view of a kernels matrix; {@code threads} row chunks for the passes over dense X ({@link Threads}). */
    public static DesignMatrix of(Matrix m, int threads) {
        return switch (m) {
            case MatrixView v -> new DenseMatrix(v, Threads.kernels(threads));
            case CscView c -> new SparseMatrix(c, null);
            case CscFloatView c -> new SparseMatrix(null, c);
        };
    }

    /** Number of rows n. */
    public abstract int rows();

    /** Number of columns p. */
    public abstract int cols();

    /** Whether X is stored sparse (then engines keep centring implicit and never form dense n×k blocks). */
    public abstract boolean isSparse();

    /** Stored entries (n·p when dense). */
    public abstract long storedEntries();

    /** The kernels' view of X. */
    public abstract Matrix view();

    /** out ← Xw (n values). */
    public abstract void multiply(double[] w, double[] out);

    /** out ← Xᵀr (p values). */
    public abstract void multiplyTransposed(double[] r, double[] out);

    /** Σᵢ xᵢⱼ·wᵢ·rᵢ over the rows (weights null: all 1). */
    public abstract double columnDot(int j, double[] weights, double[] r);

    /** r ← r + α·w∘xⱼ (weights null: all 1). */
    public abstract void columnAxpy(int j, double alpha, double[] weights, double[] r);

    /** Column j into out[0 .. n), zeros included. */
    public abstract void column(int j, double[] out);

    /** Entries stored in column j (n when dense): the cost of one column operation. */
    public abstract int columnLength(int j);

    /** Weighted column sums Σᵢ wᵢxᵢⱼ. */
    public abstract double[] columnSums(double[] weights);

    /** Σᵢ wᵢ(xᵢⱼ − mⱼ)² for every column, zeros included. */
    public abstract double[] centeredSquares(double[] weights, double[] mean);

    /**
     * G ← X_Bᵀ·D·X_B for the block B = columns[0 .. count) (D = diag(weights), null: I), count × count row-major with
     * leading dimension ldg at g[gOffset ..], both triangles; with {@code y != null} also xty ← X_BᵀDy.
     */
    public abstract void gram(int[] columns, int count, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty);

    /** {@link #gram} of every column. */
    public void gram(double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty) {
        int p = cols();
        int[] all = new int[p];
        for (int j = 0; j < p; j++) all[j] = j;
        gram(all, p, weights, y, g, gOffset, ldg, xty);
    }

    /**
     * What a fit starts from, in one pass where the storage allows: the weighted column means x̄, the centred sums of
     * squares Σᵢsᵢ(xᵢⱼ − x̄ⱼ)² and, when {@code v != null}, Xᵀ(s∘v) (s null: all 1).
     */
    public record Moments(double[] mean, double[] squares, double[] products) {}

    /** {@link Moments} of X (dense: three passes; sparse: one, {@link dev.shrink.kernels.Sparse#columnMoments}). */
    public Moments moments(double[] s, double[] v) {
        double[] mean = columnMeans(s);
        double[] squares = centeredSquares(s, mean);
        double[] products = null;
        if (v != null) {
            double[] u = v;
            if (s != null) {
                u = new double[v.length];
                for (int i = 0; i < u.length; i++) u[i] = s[i] * v[i];
            }
            products = new double[cols()];
            multiplyTransposed(u, products);
        }
        return new Moments(mean, squares, products);
    }

    /** Weighted column means x̄ = Xᵀs / Σs. */
    public double[] columnMeans(double[] s) {
        double[] m = columnSums(s);
        double sum = 0;
        if (s == null) {
            sum = rows();
        } else {
            for (double v : s) sum += v;
        }
        for (int j = 0; j < m.length; j++) m[j] /= sum;
        return m;
    }
}
