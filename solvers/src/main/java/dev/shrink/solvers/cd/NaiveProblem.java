package dev.shrink.solvers.cd;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.kernels.Proximal;

/**
 * Naive-mode coordinate descent (Friedman et al. 2010, §2.1; scikit-learn {@code _cd_fast.enet_coordinate_descent}):
 * keeps the residual R = ỹ − X̃w; a coordinate costs one column dot product and, when it moves, one
 * {@link Proximal#residualUpdate}. X̃ is a column-major working matrix (centred, √s-scaled, standardised) so that
 * columns are contiguous; it is the user's array itself when no transformation is needed and the layout fits.
 */
final class NaiveProblem extends CdProblem {
    private final int n;
    private final double[] xt;
    private final int xOffset;
    private final int ld;
    private final MatrixView xv;
    private final ParallelKernels xPasses;
    private final double[] yt;
    private final double[] r;
    private final double yy;
    private final Level1 level1 = KernelProvider.get().level1();
    private final Proximal proximal = KernelProvider.get().proximal();

    private NaiveProblem(MatrixView xv, double[] yt, double[] diag, ParallelKernels xPasses) {
        super(xv.cols(), diag);
        this.n = xv.rows();
        this.xv = xv;
        this.xPasses = xPasses;
        this.xt = xv.data();
        this.xOffset = xv.offset();
        this.ld = xv.ld();
        this.yt = yt;
        this.r = yt.clone();
        this.yy = level1.dot(n, yt, 0, yt, 0);
    }

    /**
     * @param s     normalised weights or null
     * @param mean  column means to subtract (zeros: no intercept)
     * @param ybar  mean of y to subtract
     * @param scale column multipliers 1/dⱼ or null
     * @param xPasses the kernels (row chunks) of the full gradient X̃ᵀR
     */
    static NaiveProblem of(MatrixView x, double[] y, double[] s, double[] mean, double ybar, double[] scale, ParallelKernels xPasses) {
        int n = x.rows();
        int p = x.cols();
        boolean plain = s == null && scale == null && ybar == 0 && allZero(mean);
        MatrixView v = x;
        MatrixView work;
        if (plain && v.layout() == dev.shrink.kernels.Layout.COLUMN_MAJOR) {
            work = v;
        } else {
            double[] a = new double[n * p];
            double[] sq = null;
            if (s != null) {
                sq = new double[n];
                for (int i = 0; i < n; i++) sq[i] = Math.sqrt(s[i]);
            }
            for (int j = 0; j < p; j++) {
                double m = mean[j];
                double sc = scale == null ? 1.0 : scale[j];
                int col = j * n;
                int start = x.index(0, j);
                int stride = x.rowStride();
                double[] d = v.data();
                for (int i = 0; i < n; i++) {
                    double e = (d[start + i * stride] - m) * sc;
                    a[col + i] = sq == null ? e : e * sq[i];
                }
            }
            work = MatrixView.columnMajor(a, n, p);
        }
        double[] yt = new double[n];
        for (int i = 0; i < n; i++) yt[i] = s == null ? y[i] - ybar : (y[i] - ybar) * Math.sqrt(s[i]);
        double[] diag = new double[p];
        Level1 l1 = KernelProvider.get().level1();
        for (int j = 0; j < p; j++) {
            int off = work.offset() + j * work.ld();
            diag[j] = l1.dot(n, work.data(), off, work.data(), off);
        }
        return new NaiveProblem(work, yt, diag, xPasses);
    }

    private static boolean allZero(double[] a) {
        for (double v : a) if (v != 0) return false;
        return true;
    }

    @Override
    double xtr(int j) {
        return level1.dot(n, xt, xOffset + j * ld, r, 0);
    }

    @Override
    void move(int j, double delta) {
        proximal.residualUpdate(n, delta, xt, xOffset + j * ld, 1, r, 0);
    }

    @Override
    void xtrAll(double[] out) {
        xPasses.multiplyTransposed(xv, r, 0, out, 0);
    }

    @Override
    double residualNorm2(double[] w) {
        return level1.dot(n, r, 0, r, 0);
    }

    @Override
    double residualDotY(double[] w) {
        return level1.dot(n, r, 0, yt, 0);
    }

    @Override
    boolean fullGradientIsExpensive() {
        return true;
    }

    @Override
    boolean coordinateGradientIsCheap() {
        return false;
    }

    @Override
    void gramColumn(int j, double[] out) {
        xPasses.multiplyTransposed(xv, xt, xOffset + j * ld, out, 0);
    }

    @Override
    double xty(int j) {
        return level1.dot(n, xt, xOffset + j * ld, yt, 0);
    }

    @Override
    double yNorm2() {
        return yy;
    }

    @Override
    void reset(double[] w) {
        System.arraycopy(yt, 0, r, 0, n);
        for (int j = 0; j < p; j++) if (w[j] != 0) move(j, w[j]);
    }

}
