package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Sparse;
import dev.shrink.kernels.SparseChecks;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * Sparse kernels on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>No vectors, measured: the sparse dot product waits on gathered loads and FMA latency, and four scalar FMA chains
 * beat a {@code DoubleVector.fromArray(species, y, 0, indexMap, k)} gather (on JDK 25.0.3 the gather is compiled,
 * no longer the 0.7–1.0 GB/s Java fallback of earlier builds, but on the 100000 × 20000 text design's 200 longest
 * columns it ran 0.95 ms (256-bit) and 1.03 ms (512-bit) against 0.89 ms for four chains and 1.11 ms for two, best
 * of 34 passes each, one run on a loaded 2-core Zen 5; the scatter of axpy was not re-measured). So this family is the fast scalar one: dot products in four FMA chains, and
 * Xᵀr two columns side by side (independent chains even for the short columns of text-like data). The rest is the
 * reference's loops: axpy and Xw, the Gram of a block (a scatter of outer products into G), column statistics (one
 * pass at set-up). Single-precision values run the same dots and Xᵀr as double ones (the same bits when they widen
 * to the same doubles) and the reference's loops otherwise. The class is still a Vector API template, so that a width whose
 * gathers pay can use them once measured faster.
 */
final class VectorSparse implements Sparse {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final Sparse REFERENCE = KernelProvider.scalar().sparse();

    @Override
    public double dot(int nnz, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        return weights == null ? chains(nnz, values, indices, offset, y, yOffset) : REFERENCE.dot(nnz, values, indices, offset, weights, y, yOffset);
    }

    /** Σ vₖ·y[yOffset + indices[k]] in four independent FMA chains (entries k mod 4), added pairwise at the end. */
    private static double chains(int nnz, double[] v, int[] idx, int offset, double[] y, int yOffset) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = offset;
        int end = offset + nnz;
        for (; k + 3 < end; k += 4) {
            s0 = Math.fma(v[k], y[yOffset + idx[k]], s0);
            s1 = Math.fma(v[k + 1], y[yOffset + idx[k + 1]], s1);
            s2 = Math.fma(v[k + 2], y[yOffset + idx[k + 2]], s2);
            s3 = Math.fma(v[k + 3], y[yOffset + idx[k + 3]], s3);
        }
        for (; k < end; k++) s0 = Math.fma(v[k], y[yOffset + idx[k]], s0);
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * As the double values' dot (the same chains, each value widened exactly): single-precision values are a third less
     * memory to stream (8 bytes an entry with the index instead of 12), which the columns of text-like data are bound by
     * (all 20000 columns of the text design one by one: 1.3 ms against 2.2 ms for double values, Zen 5).
     */
    @Override
    public double dot(int nnz, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        return weights == null ? chains(nnz, values, indices, offset, y, yOffset) : REFERENCE.dot(nnz, values, indices, offset, weights, y, yOffset);
    }

    /** {@link #chains(int, double[], int[], int, double[], int)} over single-precision values. */
    private static double chains(int nnz, float[] v, int[] idx, int offset, double[] y, int yOffset) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = offset;
        int end = offset + nnz;
        for (; k + 3 < end; k += 4) {
            s0 = Math.fma(v[k], y[yOffset + idx[k]], s0);
            s1 = Math.fma(v[k + 1], y[yOffset + idx[k + 1]], s1);
            s2 = Math.fma(v[k + 2], y[yOffset + idx[k + 2]], s2);
            s3 = Math.fma(v[k + 3], y[yOffset + idx[k + 3]], s3);
        }
        for (; k < end; k++) s0 = Math.fma(v[k], y[yOffset + idx[k]], s0);
        return (s0 + s1) + (s2 + s3);
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
        int[] idx = a.rowIndices();
        double[] v = a.values();
        int j = 0;
        // two columns side by side: two independent chains even for the short columns of text-like data, where
        // unrolling one column would mostly run its tail
        for (; j + 1 < a.cols(); j += 2) {
            int k0 = p[j];
            int k1 = p[j + 1];
            int n0 = p[j + 1] - k0;
            int n1 = p[j + 2] - k1;
            int common = Math.min(n0, n1);
            double s0 = 0;
            double s1 = 0;
            for (int t = 0; t < common; t++) {
                s0 = Math.fma(v[k0 + t], x[xOffset + idx[k0 + t]], s0);
                s1 = Math.fma(v[k1 + t], x[xOffset + idx[k1 + t]], s1);
            }
            if (n0 > common) s0 += chains(n0 - common, v, idx, k0 + common, x, xOffset);
            if (n1 > common) s1 += chains(n1 - common, v, idx, k1 + common, x, xOffset);
            y[yOffset + j] = s0;
            y[yOffset + j + 1] = s1;
        }
        if (j < a.cols()) y[yOffset + j] = chains(p[j + 1] - p[j], v, idx, p[j], x, xOffset);
    }

    /** As the double values' Xᵀr, two columns side by side (the same chains, each value widened exactly). */
    @Override
    public void multiplyTransposed(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        int[] p = a.columnStarts();
        int[] idx = a.rowIndices();
        float[] v = a.values();
        int j = 0;
        for (; j + 1 < a.cols(); j += 2) {
            int k0 = p[j];
            int k1 = p[j + 1];
            int n0 = p[j + 1] - k0;
            int n1 = p[j + 2] - k1;
            int common = Math.min(n0, n1);
            double s0 = 0;
            double s1 = 0;
            for (int t = 0; t < common; t++) {
                s0 = Math.fma(v[k0 + t], x[xOffset + idx[k0 + t]], s0);
                s1 = Math.fma(v[k1 + t], x[xOffset + idx[k1 + t]], s1);
            }
            if (n0 > common) s0 += chains(n0 - common, v, idx, k0 + common, x, xOffset);
            if (n1 > common) s1 += chains(n1 - common, v, idx, k1 + common, x, xOffset);
            y[yOffset + j] = s0;
            y[yOffset + j + 1] = s1;
        }
        if (j < a.cols()) y[yOffset + j] = chains(p[j + 1] - p[j], v, idx, p[j], x, xOffset);
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

    @Override
    public void columnMoments(CscView a, double[] weights, double[] v, double[] means, double[] squares, double[] products) {
        REFERENCE.columnMoments(a, weights, v, means, squares, products);
    }

    @Override
    public void columnMoments(CscFloatView a, double[] weights, double[] v, double[] means, double[] squares, double[] products) {
        REFERENCE.columnMoments(a, weights, v, means, squares, products);
    }
}
