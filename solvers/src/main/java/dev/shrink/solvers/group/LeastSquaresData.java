package dev.shrink.solvers.group;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.kernels.SymmetricEigen;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.CenteredGram;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * The data of a weighted least-squares problem {@code ½·Σᵢvᵢ(yᵢ − xᵢ·w − b)²} with the intercept b profiled out, as
 * block coordinate descent reads it: {@code ½‖ỹ − X̃w‖²} with X̃ = diag(√v)(X − 1x̄ᵀ), ỹ = √v∘(y − ȳ) (v-weighted
 * means when an intercept is fitted, else x̄ = 0, ȳ = 0). It gives c = X̃ᵀỹ and ‖ỹ‖², the Gram matrix K of a working
 * set of columns, the full gradient X̃ᵀ(ỹ − X̃w) for w supported on that set, and the squared spectral norm of every
 * group's block (for step sizes and screening).
 *
 * <p>Two representations: {@link #dense} keeps the whole p×p Gram (one SYRK pass; n ≥ p), so that K is a copy of a
 * sub-matrix and the full gradient costs p per set column; {@link #gathered} keeps only the set's transformed columns
 * (n per column) and their Gram, and reads X once per full gradient (p &gt; n, or a re-weighted problem per Newton step).
 */
abstract class LeastSquaresData {
    final int p;
    final double[] mean;
    final double ybar;
    final double[] c;
    final double yy;
    /** The set's Gram, m×m row-major, in the order of the columns given to {@link #setColumns}. */
    double[] k = new double[0];
    int m;

    LeastSquaresData(int p, double[] mean, double ybar, double[] c, double yy) {
        this.p = p;
        this.mean = mean;
        this.ybar = ybar;
        this.c = c;
        this.yy = yy;
    }

    /** Makes K the Gram of {@code cols[0 .. m)}; the set only grows, by appending columns. */
    abstract void setColumns(int[] cols, int m);

    /** out ← X̃ᵀ(ỹ − X̃w) over all p columns, for w = {@code wSet} on the set's columns and 0 elsewhere. */
    abstract void gradient(int[] cols, int m, double[] wSet, double[] out);

    /** Work of one {@link #gradient} in multiply-adds (to weigh it against sweeps). */
    abstract double gradientCost();

    /** The Gram block of group g (p_g×p_g row-major) into out. */
    abstract void groupBlock(Groups groups, int g, double[] out);

    /** λ_max of every group's block X̃_gᵀX̃_g: the block step's curvature and ‖X̃_g‖₂² of gap-safe screening. */
    double[] blockNorms2(Groups groups) {
        int max = groups.maxSize();
        double[] block = new double[max * max];
        double[] out = new double[groups.count()];
        for (int g = 0; g < groups.count(); g++) {
            groupBlock(groups, g, block);
            out[g] = largestEigenvalue(groups.size(g), block);
        }
        return out;
    }

    /** λ_max of a small symmetric matrix (row-major, k×k), through the eigen kernel (0 for k = 0). */
    static double largestEigenvalue(int k, double[] a) {
        if (k == 1) return Math.max(0.0, a[0]);
        SymmetricEigen.Decomposition d = KernelProvider.get().symmetricEigen().decompose(k, Arrays.copyOf(a, k * k));
        return Math.max(0.0, d.values()[k - 1]);
    }

    /**
     * The whole centred weighted Gram from one pass of the SYRK kernel, XᵀVX − S·x̄x̄ᵀ (S = Σv) and c from XᵀV(y − ȳ)
     * in the same pass; when a column's mean is so large against its spread that the subtraction would lose more than
     * six digits (n·x̄ⱼ² &gt; {@value Thresholds#CENTRING_LIMIT}·Σvᵢ(xᵢⱼ − x̄ⱼ)²), X is centred first (a copy).
     */
    static LeastSquaresData dense(MatrixView x, double[] y, double[] v, boolean fitIntercept, ParallelKernels passes) {
        int n = x.rows();
        int p = x.cols();
        double[] mean = fitIntercept ? Moments.columnMeans(x, v) : new double[p];
        double ybar = fitIntercept ? Moments.mean(y, v) : 0.0;
        double[] d = new double[n];
        double yy = 0;
        for (int i = 0; i < n; i++) {
            d[i] = y[i] - ybar;
            yy += (v == null ? 1.0 : v[i]) * d[i] * d[i];
        }
        double[] c = new double[p];
        double[] g = Moments.centeredGram(x, v, mean, d, c, passes);
        return new Dense(p, mean, ybar, c, yy, g);
    }

    /** Whole-Gram data from its parts (G p×p row-major, the means x̄, ȳ, c = X̃ᵀỹ, ‖ỹ‖²); the arrays are kept. */
    static LeastSquaresData ofGram(double[] mean, double ybar, double[] c, double yy, double[] g) {
        return new Dense(mean.length, mean, ybar, c, yy, g);
    }

    /**
     * The centred weighted Gram of x (m columns) grown from that of its first m0 columns, {@code g0} (m0×m0, same
     * weights v and means {@code mean[0 .. m0)}): the new columns' means go into {@code mean[m0 .. m)} and their rows
     * X̃ᵀ(v∘(x_t − x̄_t)) are one pass over x per new column (n·m each) instead of a whole SYRK pass.
     */
    static double[] extendGram(double[] g0, int m0, MatrixView x, double[] v, double[] mean, boolean fitIntercept, ParallelKernels passes) {
        int n = x.rows();
        int m = x.cols();
        double[] g = new double[m * m];
        for (int a = 0; a < m0; a++) System.arraycopy(g0, a * m0, g, a * m, m0);
        double sumV = 0;
        for (int i = 0; i < n; i++) sumV += v == null ? 1.0 : v[i];
        double[] u = new double[n];
        double[] row = new double[m];
        for (int t = m0; t < m; t++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += (v == null ? 1.0 : v[i]) * x.get(i, t);
            mean[t] = fitIntercept ? s / sumV : 0.0;
            for (int i = 0; i < n; i++) u[i] = (v == null ? 1.0 : v[i]) * (x.get(i, t) - mean[t]);
            passes.multiplyTransposed(x, u, 0, row, 0); // with an intercept Σvᵢ(xᵢₜ − x̄ₜ) = 0: the other factor needs no centring
            for (int k = 0; k < m; k++) {
                if (k >= m0 && k < t) continue; // the new-new block: each pair once, from the later column
                g[t * m + k] = row[k];
                g[k * m + t] = row[k];
            }
        }
        return g;
    }

    /** The representation that keeps only the set's columns (see the class comment); v null means all 1. */
    static LeastSquaresData gathered(MatrixView x, double[] y, double[] v, boolean fitIntercept, ParallelKernels passes) {
        return Gathered.of(x, y, v, fitIntercept, passes);
    }

    /**
     * The representation for a sparse X (compressed columns): nothing of X is copied or centred; K is the centred Gram of
     * the set's stored entries ({@link CenteredGram}) and the full gradient two sparse passes (v null means all 1).
     */
    static LeastSquaresData sparse(DesignMatrix x, double[] y, double[] v, boolean fitIntercept) {
        return Sparse.of(x, y, v, fitIntercept);
    }

    /** The whole Gram G (p×p row-major): K copies its sub-matrix, the full gradient is c − Σₜ wₜ·G[colsₜ, ·]. */
    private static final class Dense extends LeastSquaresData {
        private final double[] g;

        Dense(int p, double[] mean, double ybar, double[] c, double yy, double[] g) {
            super(p, mean, ybar, c, yy);
            this.g = g;
        }

        @Override
        void setColumns(int[] cols, int m) {
            if (k.length < m * m) k = new double[m * m];
            for (int a = 0; a < m; a++) {
                int row = cols[a] * p;
                for (int b = 0; b < m; b++) k[a * m + b] = g[row + cols[b]];
            }
            this.m = m;
        }

        @Override
        void gradient(int[] cols, int m, double[] wSet, double[] out) {
            System.arraycopy(c, 0, out, 0, p);
            var level1 = KernelProvider.get().level1();
            for (int t = 0; t < m; t++) if (wSet[t] != 0) level1.axpy(p, -wSet[t], g, cols[t] * p, out, 0); // G is symmetric: row = column
        }

        @Override
        double gradientCost() {
            return (double) p * Math.max(1, m);
        }

        @Override
        void groupBlock(Groups groups, int gr, double[] out) {
            int s = groups.start(gr);
            int size = groups.size(gr);
            for (int a = 0; a < size; a++) {
                for (int b = 0; b < size; b++) out[a * size + b] = g[groups.column(s + a) * p + groups.column(s + b)];
            }
        }
    }

    /**
     * The set's transformed columns Z = X̃[:, set] (column-major, n per column) and K = ZᵀZ by the Gram kernel (recomputed
     * when the set grows, which working sets make geometric); the full gradient is one pass over X with the exact
     * residual R = ỹ − Zw: X̃ᵀR = Xᵀ(√v∘R) − x̄·Σ√vᵢRᵢ.
     */
    private static final class Gathered extends LeastSquaresData {
        private final MatrixView x;
        private final ParallelKernels passes;
        private final int n;
        private final double[] root;
        private final double[] yt;
        private final double[] r;
        private final double[] u;
        private double[] z = new double[0];
        private int gatheredCount;

        private Gathered(MatrixView x, ParallelKernels passes, double[] mean, double ybar, double[] root, double[] yt) {
            super(x.cols(), mean, ybar, new double[x.cols()], KernelProvider.get().level1().dot(yt.length, yt, 0, yt, 0));
            this.x = x;
            this.passes = passes;
            this.n = x.rows();
            this.root = root;
            this.yt = yt;
            this.r = new double[n];
            this.u = new double[n];
            transposed(yt, c);
        }

        static Gathered of(MatrixView x, double[] y, double[] v, boolean fitIntercept, ParallelKernels passes) {
            int n = x.rows();
            double[] mean = fitIntercept ? Moments.columnMeans(x, v) : new double[x.cols()];
            double ybar = fitIntercept ? Moments.mean(y, v) : 0.0;
            double[] root = v == null ? null : new double[n];
            double[] yt = new double[n];
            for (int i = 0; i < n; i++) {
                if (v != null) root[i] = Math.sqrt(v[i]);
                yt[i] = v == null ? y[i] - ybar : root[i] * (y[i] - ybar);
            }
            return new Gathered(x, passes, mean, ybar, root, yt);
        }

        /** out ← X̃ᵀt = Xᵀ(√v∘t) − x̄·Σ√vᵢtᵢ, one pass over X. */
        private void transposed(double[] t, double[] out) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                u[i] = root == null ? t[i] : root[i] * t[i];
                sum += u[i];
            }
            passes.multiplyTransposed(x, u, 0, out, 0);
            for (int j = 0; j < p; j++) out[j] -= mean[j] * sum;
        }

        @Override
        void setColumns(int[] cols, int m) {
            if (z.length < m * n) z = Arrays.copyOf(z, Math.max(m, 2 * gatheredCount) * n);
            for (int t = gatheredCount; t < m; t++) column(cols[t], z, t * n);
            gatheredCount = m;
            if (k.length < m * m) k = new double[m * m];
            if (m > 0) KernelProvider.get().gram().gram(new MatrixView(z, 0, n, m, n, Layout.COLUMN_MAJOR), null, null, k, 0, m, null, 0);
            this.m = m;
        }

        /** Column j of X̃ into out[at .. at + n). */
        private void column(int j, double[] out, int at) {
            for (int i = 0; i < n; i++) {
                double e = x.get(i, j) - mean[j];
                out[at + i] = root == null ? e : root[i] * e;
            }
        }

        @Override
        void gradient(int[] cols, int m, double[] wSet, double[] out) {
            System.arraycopy(yt, 0, r, 0, n);
            var level1 = KernelProvider.get().level1();
            for (int t = 0; t < m; t++) if (wSet[t] != 0) level1.axpy(n, -wSet[t], z, t * n, r, 0);
            transposed(r, out);
        }

        @Override
        double gradientCost() {
            return (double) n * (p + m);
        }

        @Override
        void groupBlock(Groups groups, int g, double[] out) {
            int size = groups.size(g);
            double[] zg = new double[size * n];
            for (int a = 0; a < size; a++) column(groups.column(groups.start(g) + a), zg, a * n);
            KernelProvider.get().gram().gram(MatrixView.columnMajor(zg, n, size), null, null, out, 0, size, null, 0);
        }
    }

    /**
     * A sparse X read in place: K = X_SᵀVX_S − S·x̄_Sx̄_Sᵀ by {@link CenteredGram} (recomputed when the set grows, from
     * the set's stored entries), and the full gradient from the exact residual R = ỹ − √v∘(X_Sw − x̄_S·w) (column axpys
     * over the set's stored entries) as X̃ᵀR = Xᵀ(√v∘R) − x̄·Σ√vᵢRᵢ; O(n + p) scratch, no n×m block.
     */
    private static final class Sparse extends LeastSquaresData {
        private final DesignMatrix x;
        private final int n;
        private final double[] v;
        private final double sumV;
        private final double[] root;
        private final double[] yt;
        private final double[] r;
        private final double[] u;
        private double setEntries;

        private Sparse(DesignMatrix x, double[] v, double sumV, double[] mean, double ybar, double[] root, double[] yt) {
            super(x.cols(), mean, ybar, new double[x.cols()], KernelProvider.get().level1().dot(yt.length, yt, 0, yt, 0));
            this.x = x;
            this.n = x.rows();
            this.v = v;
            this.sumV = sumV;
            this.root = root;
            this.yt = yt;
            this.r = new double[n];
            this.u = new double[n];
            transposed(yt, c);
        }

        static Sparse of(DesignMatrix x, double[] y, double[] v, boolean fitIntercept) {
            int n = x.rows();
            double[] mean = fitIntercept ? x.columnMeans(v) : new double[x.cols()];
            double ybar = fitIntercept ? Moments.mean(y, v) : 0.0;
            double[] root = v == null ? null : new double[n];
            double[] yt = new double[n];
            double sumV = 0;
            for (int i = 0; i < n; i++) {
                if (v != null) root[i] = Math.sqrt(v[i]);
                sumV += v == null ? 1.0 : v[i];
                yt[i] = v == null ? y[i] - ybar : root[i] * (y[i] - ybar);
            }
            return new Sparse(x, v, sumV, mean, ybar, root, yt);
        }

        /** out ← X̃ᵀt = Xᵀ(√v∘t) − x̄·Σ√vᵢtᵢ, one pass over the stored entries. */
        private void transposed(double[] t, double[] out) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                u[i] = root == null ? t[i] : root[i] * t[i];
                sum += u[i];
            }
            x.multiplyTransposed(u, out);
            for (int j = 0; j < p; j++) out[j] -= mean[j] * sum;
        }

        /** The means of the given columns, in their order. */
        private double[] means(int[] cols, int m) {
            double[] out = new double[m];
            for (int a = 0; a < m; a++) out[a] = mean[cols[a]];
            return out;
        }

        @Override
        void setColumns(int[] cols, int m) {
            if (k.length < m * m) k = new double[m * m];
            CenteredGram.block(x, cols, m, v, means(cols, m), sumV, k);
            setEntries = 0;
            for (int a = 0; a < m; a++) setEntries += x.columnLength(cols[a]);
            this.m = m;
        }

        @Override
        void gradient(int[] cols, int m, double[] wSet, double[] out) {
            Arrays.fill(r, 0.0);
            double shift = 0;
            for (int t = 0; t < m; t++) {
                if (wSet[t] == 0) continue;
                x.columnAxpy(cols[t], wSet[t], null, r);
                shift += mean[cols[t]] * wSet[t];
            }
            for (int i = 0; i < n; i++) r[i] = yt[i] - (root == null ? 1.0 : root[i]) * (r[i] - shift);
            transposed(r, out);
        }

        @Override
        double gradientCost() {
            return (double) x.storedEntries() + setEntries + 2.0 * n + p;
        }

        @Override
        void groupBlock(Groups groups, int g, double[] out) {
            int size = groups.size(g);
            int[] cols = new int[size];
            for (int a = 0; a < size; a++) cols[a] = groups.column(groups.start(g) + a);
            CenteredGram.block(x, cols, size, v, means(cols, size), sumV, out);
        }
    }
}
