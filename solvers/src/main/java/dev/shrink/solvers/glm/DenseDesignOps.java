package dev.shrink.solvers.glm;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

import java.util.Arrays;

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
        return new Block();
    }

    /** The gathered columns, column-major n×m in a growing array. */
    private final class Block implements ColumnBlock {
        private final int n = x.rows();
        private final int[] slotOf = new int[x.cols()];
        private int[] features = new int[0];
        private double[] z = new double[0];
        private int m;
        private double[] ones;
        private final Level1 level1 = kernels.level1();

        Block() {
            Arrays.fill(slotOf, -1);
        }

        @Override
        public int size() {
            return m;
        }

        @Override
        public int feature(int slot) {
            return features[slot];
        }

        @Override
        public int slot(int feature) {
            return slotOf[feature];
        }

        @Override
        public void add(int[] add, int count) {
            int fresh = 0;
            int[] todo = new int[count];
            for (int t = 0; t < count; t++) if (slotOf[add[t]] < 0) todo[fresh++] = add[t];
            if (fresh == 0) return;
            todo = Arrays.copyOf(todo, fresh);
            Arrays.sort(todo); // row-major X: ascending columns read each row's cache lines in order
            int m1 = m + fresh;
            if ((long) m1 * n > Integer.MAX_VALUE - 8) throw new IllegalStateException("working set too large: " + m1 + " columns of " + n);
            if ((long) m1 * n > z.length) {
                int cap = (int) Math.min((long) x.cols(), Math.max(m1, 2L * m));
                z = Arrays.copyOf(z, cap * n);
                features = Arrays.copyOf(features, cap);
            }
            double[] d = x.data();
            if (x.layout() == Layout.ROW_MAJOR) {
                for (int i = 0; i < n; i++) {
                    int row = x.index(i, 0);
                    for (int t = 0; t < fresh; t++) {
                        int j = todo[t];
                        z[(m + t) * n + i] = d[row + j] - (mean == null ? 0.0 : mean[j]);
                    }
                }
            } else {
                for (int t = 0; t < fresh; t++) {
                    int j = todo[t];
                    int col = x.index(0, j);
                    double mj = mean == null ? 0.0 : mean[j];
                    for (int i = 0; i < n; i++) z[(m + t) * n + i] = d[col + i] - mj;
                }
            }
            for (int t = 0; t < fresh; t++) {
                features[m + t] = todo[t];
                slotOf[todo[t]] = m + t;
            }
            m = m1;
        }

        private MatrixView view() {
            return new MatrixView(z, 0, n, m, Math.max(1, n), Layout.COLUMN_MAJOR);
        }

        @Override
        public void gram(double[] d, int dOffset, double[] g, double[] zd) {
            if (m == 0) return;
            double[] weights = dOffset == 0 ? d : Arrays.copyOfRange(d, dOffset, dOffset + n);
            if (ones == null) {
                ones = new double[n];
                Arrays.fill(ones, 1.0);
            }
            passes.gram(view(), weights, ones, g, 0, m, zd, 0);
        }

        @Override
        public void multiply(double[] v, int vOffset, double[] out, int outOffset) {
            if (m == 0) {
                Arrays.fill(out, outOffset, outOffset + n, 0.0);
                return;
            }
            kernels.matrixVector().multiply(view(), v, vOffset, out, outOffset);
        }

        @Override
        public void multiplyTransposed(double[] u, int uOffset, double[] out, int outOffset) {
            if (m == 0) return;
            passes.multiplyTransposed(view(), u, uOffset, out, outOffset);
        }

        @Override
        public void column(int slot, double[] out, int outOffset) {
            System.arraycopy(z, slot * n, out, outOffset, n);
        }

        private double[] scratch;

        @Override
        public double weightedSquares(int slot, double[] h, int hOffset) {
            if (scratch == null) scratch = new double[n];
            int at = slot * n;
            for (int i = 0; i < n; i++) scratch[i] = h[hOffset + i] * z[at + i];
            return level1.dot(n, scratch, 0, z, at);
        }

        @Override
        public void axpyWeighted(int slot, double d, double[] h, int hOffset, double[] out, int outOffset) {
            int at = slot * n;
            for (int i = 0; i < n; i++) out[outOffset + i] += d * h[hOffset + i] * z[at + i];
        }

        @Override
        public double dot(int slot, double[] a, int aOffset, double[] b, int bOffset) {
            if (b == null) return level1.dot(n, z, slot * n, a, aOffset);
            double s = 0;
            int at = slot * n;
            for (int i = 0; i < n; i++) s += z[at + i] * a[aOffset + i] * b[bOffset + i];
            return s;
        }
    }
}
