package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Sparse;
import dev.shrink.kernels.SparseChecks;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * Sparse kernels on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>The double-precision dot products (and so Xᵀr) gather the dense operand through the index map
 * ({@code vgatherdpd}) with two independent accumulators. Where the measurements (bench/README.md, SparseBenchmark)
 * showed no gain from vectors the reference's loops run: axpy and Xw (a gather–add–scatter per L entries ran slower
 * than the scalar loop), the Gram of a block (a scatter of outer products into G), column statistics (one pass at
 * set-up) and the single-precision values.
 */
final class VectorSparse implements Sparse {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final Sparse REFERENCE = KernelProvider.scalar().sparse();

    @Override
    public double dot(int nnz, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        return weights == null ? gatherDot(nnz, values, indices, offset, y, yOffset) : REFERENCE.dot(nnz, values, indices, offset, weights, y, yOffset);
    }

    /** Σ vₖ·y[yOffset + indices[k]]: two accumulators of gathered products, then a scalar tail. */
    private static double gatherDot(int nnz, double[] v, int[] idx, int offset, double[] y, int yOffset) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0;
        int k = offset;
        int end = offset + nnz;
        for (int bound = offset + (nnz & -(2 * L)); k < bound; k += 2 * L) {
            a0 = DoubleVector.fromArray(S, v, k).fma(DoubleVector.fromArray(S, y, yOffset, idx, k), a0);
            a1 = DoubleVector.fromArray(S, v, k + L).fma(DoubleVector.fromArray(S, y, yOffset, idx, k + L), a1);
        }
        if (k + L <= end) {
            a0 = DoubleVector.fromArray(S, v, k).fma(DoubleVector.fromArray(S, y, yOffset, idx, k), a0);
            k += L;
        }
        double s = Lanes.sum(a0.add(a1));
        for (; k < end; k++) s = Math.fma(v[k], y[yOffset + idx[k]], s);
        return s;
    }

    @Override
    public double dot(int nnz, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        return REFERENCE.dot(nnz, values, indices, offset, weights, y, yOffset);
    }

    @Override
    public void axpy(int nnz, double alpha, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        REFERENCE.axpy(nnz, alpha, values, indices, offset, weights, y, yOffset);
    }

    @Override
    public void axpy(int nnz, double alpha, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        REFERENCE.axpy(nnz, alpha, values, indices, offset, weights, y, yOffset);
    }

    @Override
    public void multiply(CscView a, double[] x, int xOffset, double[] y, int yOffset) {
        REFERENCE.multiply(a, x, xOffset, y, yOffset);
    }

    @Override
    public void multiply(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset) {
        REFERENCE.multiply(a, x, xOffset, y, yOffset);
    }

    @Override
    public void multiplyTransposed(CscView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        int[] p = a.columnStarts();
        for (int j = 0; j < a.cols(); j++) y[yOffset + j] = gatherDot(p[j + 1] - p[j], a.values(), a.rowIndices(), p[j], x, xOffset);
    }

    @Override
    public void multiplyTransposed(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset) {
        REFERENCE.multiplyTransposed(a, x, xOffset, y, yOffset);
    }

    @Override
    public void gram(CscView a, int[] columns, int count, double[] weights, double[] g, int gOffset, int ldg) {
        REFERENCE.gram(a, columns, count, weights, g, gOffset, ldg);
    }

    @Override
    public void gram(CscFloatView a, int[] columns, int count, double[] weights, double[] g, int gOffset, int ldg) {
        REFERENCE.gram(a, columns, count, weights, g, gOffset, ldg);
    }

    @Override
    public void columnSums(CscView a, double[] weights, double[] out, int outOffset) {
        REFERENCE.columnSums(a, weights, out, outOffset);
    }

    @Override
    public void columnSums(CscFloatView a, double[] weights, double[] out, int outOffset) {
        REFERENCE.columnSums(a, weights, out, outOffset);
    }

    @Override
    public void centeredSquares(CscView a, double[] weights, double[] mean, double[] out, int outOffset) {
        REFERENCE.centeredSquares(a, weights, mean, out, outOffset);
    }

    @Override
    public void centeredSquares(CscFloatView a, double[] weights, double[] mean, double[] out, int outOffset) {
        REFERENCE.centeredSquares(a, weights, mean, out, outOffset);
    }
}
