package dev.shrink.solvers.cd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.kernels.Proximal;
import dev.shrink.solvers.internal.Thresholds;

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
    private final GramCache cache;
    /** The residual at the last {@link #residualDrift}. */
    private final double[] mark;

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
        this.cache = new GramCache();
        this.mark = new double[n];
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
            double[] a = new double[Checks.elements("the working design", n, p)];
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

    /**
     * The support Newton step ({@link CdProblem#supportNewton}) reads the support's Gram matrix from {@link #cache},
     * which keeps it across solves (a path's supports grow slowly: each new column costs its dot products with the
     * cached ones once).
     */
    @Override
    boolean hasGram() {
        return true;
    }

    @Override
    double gramCost(int[] a, int k) {
        return cache.cost(a, k);
    }

    @Override
    void prepareGram(int[] a, int k) {
        cache.add(a, k);
    }

    @Override
    double gram(int i, int j) {
        return cache.get(i, j);
    }

    /** A coordinate is a dot product and, when it moves, an axpy: 2n per coordinate. */
    @Override
    double sweepCost(int size) {
        return 2.0 * size * n;
    }

    /** Gram entries of every column that was ever in a support, grown column by column (n·m dots for the m-th). */
    private final class GramCache {
        private final int[] slot;
        private int[] feature = new int[0];
        private double[] g = new double[0];
        private int m;
        private int capacity;

        GramCache() {
            slot = new int[p];
            java.util.Arrays.fill(slot, -1);
        }

        void add(int[] a, int k) {
            for (int r = 0; r < k; r++) {
                int j = a[r];
                if (slot[j] >= 0) continue;
                if (m == capacity) grow();
                feature[m] = j;
                slot[j] = m;
                int at = xOffset + j * ld;
                for (int t = 0; t <= m; t++) {
                    double v = level1.dot(n, xt, at, xt, xOffset + feature[t] * ld);
                    g[m * capacity + t] = v;
                    g[t * capacity + m] = v;
                }
                m++;
            }
        }

        private void grow() {
            int next = Math.min(p, Math.max(16, 2 * capacity));
            double[] bigger = new double[dev.shrink.kernels.Checks.elements("the support Gram cache", next, next)];
            for (int t = 0; t < m; t++) System.arraycopy(g, t * capacity, bigger, t * next, m);
            g = bigger;
            feature = java.util.Arrays.copyOf(feature, next);
            capacity = next;
        }

        double get(int i, int j) {
            return g[slot[i] * capacity + slot[j]];
        }

        /** Flops of adding the new ones of a[0 .. k): n per dot with every cached column. */
        double cost(int[] a, int k) {
            int added = 0;
            for (int r = 0; r < k; r++) if (slot[a[r]] < 0) added++;
            return (double) added * (m + added) * n;
        }
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

    /** Columns one by one (X̃ is column-major), skipping the screened ones. */
    @Override
    void xtrAll(double[] out, boolean[] skip) {
        if (skip == null) {
            xtrAll(out);
            return;
        }
        for (int j = 0; j < p; j++) if (!skip[j]) out[j] = xtr(j);
    }

    @Override
    boolean tracksDrift() {
        return true;
    }

    @Override
    double residualDrift() {
        double d = 0;
        for (int i = 0; i < n; i++) {
            double e = r[i] - mark[i];
            d += e * e;
            mark[i] = r[i];
        }
        return Math.sqrt(d);
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
