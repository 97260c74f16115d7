package dev.shrink.solvers.glm;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

/**
 * {@link DesignOps} of a dense design in either layout: the centring is applied on the fly
 * (X̃w = Xw − (x̄ᵀw)·1, X̃ᵀv = Xᵀv − x̄·Σvᵢ), never stored, and the block's columns are gathered centred into a
 * column-major array.
 */
final class DenseDesignOps implements DesignOps {
    private final MatrixView x;
    private final double[] mean;
    private final ParallelKernels passes;
    private final KernelProvider kernels = KernelProvider.get();

    /**
     * @param mean   column means to subtract (null: none)
     * @param passes the kernels (row chunks) of the full passes over X
     */
    DenseDesignOps(MatrixView x, double[] mean, ParallelKernels passes) {
        this.x = x;
        this.mean = mean;
        this.passes = passes;
    }

    @Override
    public int rows() {
        return x.rows();
    }

    @Override
    public int cols() {
        return x.cols();
    }

    @Override
    public void multiply(double[] w, int wOffset, double[] out, int outOffset) {
        kernels.matrixVector().multiply(x, w, wOffset, out, outOffset);
        if (mean == null) return;
        double shift = kernels.level1().dot(x.cols(), mean, 0, w, wOffset);
        for (int i = 0, n = x.rows(); i < n; i++) out[outOffset + i] -= shift;
    }

    @Override
    public void multiplyTransposed(double[] v, int vOffset, double[] out, int outOffset) {
        passes.multiplyTransposed(x, v, vOffset, out, outOffset);
        if (mean == null) return;
        double sum = kernels.level1().sum(x.rows(), v, vOffset);
        for (int j = 0, p = x.cols(); j < p; j++) out[outOffset + j] -= mean[j] * sum;
    }

    @Override
    public ColumnBlock newBlock() {
        return new GatheredBlock(x.rows(), x.cols(), passes, this::gather);
    }

    /** The centred columns {@code features[0 .. count)} into z from offset, one after another (sorted ascending). */
    private void gather(int[] features, int count, double[] z, int offset) {
        int n = x.rows();
        double[] d = x.data();
        if (x.layout() == Layout.ROW_MAJOR) {
            // ascending columns read each row's cache lines in order
            for (int i = 0; i < n; i++) {
                int row = x.index(i, 0);
                for (int t = 0; t < count; t++) {
                    int j = features[t];
                    z[offset + t * n + i] = d[row + j] - (mean == null ? 0.0 : mean[j]);
                }
            }
        } else {
            for (int t = 0; t < count; t++) {
                int j = features[t];
                int col = x.index(0, j);
                double mj = mean == null ? 0.0 : mean[j];
                for (int i = 0; i < n; i++) z[offset + t * n + i] = d[col + i] - mj;
            }
        }
    }
}
