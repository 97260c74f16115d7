package dev.shrink.solvers.matrix;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

/** A dense design through the dense kernels; the passes over all of X in row chunks ({@link ParallelKernels}). */
public final class DenseMatrix extends DesignMatrix {
    private final MatrixView x;
    private final ParallelKernels passes;
    private final Level1 level1 = KernelProvider.get().level1();

    DenseMatrix(MatrixView x, ParallelKernels passes) {
        this.x = x;
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
    public boolean isSparse() {
        return false;
    }

    @Override
    public long storedEntries() {
        return (long) x.rows() * x.cols();
    }

    @Override
    public MatrixView view() {
        return x;
    }

    /** The row chunks of the passes over X. */
    public ParallelKernels passes() {
        return passes;
    }

    @Override
    public void multiply(double[] w, double[] out) {
        KernelProvider.get().matrixVector().multiply(x, w, 0, out, 0);
    }

    @Override
    public void multiplyTransposed(double[] r, double[] out) {
        passes.multiplyTransposed(x, r, 0, out, 0);
    }

    @Override
    public double columnDot(int j, double[] weights, double[] r) {
        int start = x.index(0, j);
        int stride = x.rowStride();
        if (weights == null) return level1.dot(x.rows(), x.data(), start, stride, r, 0, 1);
        double s = 0;
        for (int i = 0; i < x.rows(); i++) s += x.data()[start + i * stride] * weights[i] * r[i];
        return s;
    }

    @Override
    public void columnAxpy(int j, double alpha, double[] weights, double[] r) {
        int start = x.index(0, j);
        int stride = x.rowStride();
        if (weights == null) {
            level1.axpy(x.rows(), alpha, x.data(), start, stride, r, 0, 1);
            return;
        }
        for (int i = 0; i < x.rows(); i++) r[i] += alpha * x.data()[start + i * stride] * weights[i];
    }

    @Override
    public void column(int j, double[] out) {
        int start = x.index(0, j);
        int stride = x.rowStride();
        for (int i = 0; i < x.rows(); i++) out[i] = x.data()[start + i * stride];
    }

    @Override
    public int columnLength(int j) {
        return x.rows();
    }

    @Override
    public double[] columnSums(double[] weights) {
        double[] w = weights;
        if (w == null) {
            w = new double[x.rows()];
            java.util.Arrays.fill(w, 1.0);
        }
        double[] out = new double[x.cols()];
        KernelProvider.get().matrixVector().multiplyTransposed(x, w, 0, out, 0);
        return out;
    }

    @Override
    public double[] centeredSquares(double[] weights, double[] mean) {
        int n = x.rows();
        int p = x.cols();
        double[] out = new double[p];
        double[] a = x.data();
        if (x.layout() == Layout.ROW_MAJOR) {
            for (int i = 0; i < n; i++) {
                int row = x.index(i, 0);
                double w = weights == null ? 1.0 : weights[i];
                for (int j = 0; j < p; j++) {
                    double d = a[row + j] - mean[j];
                    out[j] += w * d * d;
                }
            }
        } else {
            for (int j = 0; j < p; j++) {
                int col = x.index(0, j);
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    double d = a[col + i] - mean[j];
                    acc += (weights == null ? 1.0 : weights[i]) * d * d;
                }
                out[j] = acc;
            }
        }
        return out;
    }

    @Override
    public void gram(int[] columns, int count, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty) {
        MatrixView block = x;
        if (count != x.cols() || !identity(columns, count)) {
            // gather the block column-major: the Gram kernel wants a view
            double[] z = new double[x.rows() * count];
            double[] col = new double[x.rows()];
            for (int a = 0; a < count; a++) {
                column(columns[a], col);
                System.arraycopy(col, 0, z, a * x.rows(), x.rows());
            }
            block = MatrixView.columnMajor(z, x.rows(), count);
        }
        passes.gram(block, weights, y, g, gOffset, ldg, xty, 0);
    }

    @Override
    public void gram(double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty) {
        passes.gram(x, weights, y, g, gOffset, ldg, xty, 0);
    }

    private static boolean identity(int[] columns, int count) {
        for (int a = 0; a < count; a++) if (columns[a] != a) return false;
        return true;
    }
}
