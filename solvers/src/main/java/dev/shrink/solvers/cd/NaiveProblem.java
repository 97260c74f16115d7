package dev.shrink.solvers.cd;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Naive-mode coordinate descent (Friedman et al. 2010, §2.1; scikit-learn {@code _cd_fast.enet_coordinate_descent}):
 * keeps the residual; a coordinate costs one column dot product and, when it moves, one column axpy.
 *
 * <p>Centring, scaling and weights stay implicit, as glmnet's sparse mode does: with X̃ = diag(√s)(X − 1x̄ᵀ)D the
 * residual R = ỹ − X̃w is kept as R = √s∘(u + o) with u = (y − ȳ) − XDw and the scalar o = x̄ᵀDw, so a move touches
 * only the stored entries of one column, and {@code x̃ⱼᵀR = dⱼ(Σᵢsᵢxᵢⱼuᵢ − x̄ⱼ·σ)} with σ = Σsᵢuᵢ kept alongside (the
 * o-terms cancel because Σsᵢxᵢⱼ = S·x̄ⱼ). A sparse X is read as it is. A dense X is first copied column-major with the
 * transformation applied (contiguous columns are what dense dot products want; then x̄ = 0, D = I and the weights are
 * inside), or used as it is when it is column-major and needs no transformation.
 */
final class NaiveProblem extends CdProblem {
    private final int n;
    private final DesignMatrix a;
    /** Row weights of the dot products (sparse X with sample weights), else null. */
    private final double[] s;
    /** Column means to subtract implicitly, null when none. */
    private final double[] mean;
    /** Column multipliers dⱼ, null when 1. */
    private final double[] scale;
    private final double sumS;
    /** (y − ȳ) as the residual starts, on the scale of u. */
    private final double[] y0;
    private final double[] u;
    private final double[] su;
    private double sigma;
    private double o;
    private final double yy;
    /** The residual u + o at the last {@link #residualDrift}. */
    private final double[] mark;
    /** X̃ᵀR at w = 0 when known from the set-up pass (else null), and whether the state is w = 0. */
    private double[] zeroGradient;
    private boolean zeroState = true;
    /** The float32 copy of the columns (column-major, n per column) and of the residual, made on first use. */
    private float[] a32;
    private float[] r32;
    /** The support's Gram entries for the Newton step. */
    private final GramCache cache;
    private static final Level1 LEVEL1 = KernelProvider.get().level1();

    private NaiveProblem(DesignMatrix a, double[] s, double[] mean, double[] scale, double[] y0, double[] diag) {
        super(a.cols(), diag);
        this.n = a.rows();
        this.a = a;
        this.s = s;
        this.mean = mean;
        this.scale = scale;
        this.y0 = y0;
        this.u = y0.clone();
        this.su = s == null ? null : new double[n];
        double total = 0;
        double q = 0;
        for (int i = 0; i < n; i++) {
            double w = s == null ? 1.0 : s[i];
            total += w;
            q += w * y0[i] * y0[i];
        }
        this.sumS = total;
        this.yy = q;
        this.sigma = weightedSum(y0);
        this.mark = new double[n];
        this.cache = new GramCache();
    }

    /**
     * @param s     normalised weights or null
     * @param mean  column means to subtract (zeros: no intercept)
     * @param ybar  mean of y to subtract
     * @param scale column multipliers 1/dⱼ or null
     */
    static NaiveProblem of(DesignMatrix x, double[] y, double[] s, double[] mean, double ybar, double[] scale) {
        return of(x, y, s, mean, ybar, scale, null);
    }

    /**
     * @param moments X's moments with weights s and y − ȳ around {@code mean} when already computed (a sparse X with an
     *                intercept): then the diagonal and the gradient at w = 0 come from them, without another pass
     */
    static NaiveProblem of(DesignMatrix x, double[] y, double[] s, double[] mean, double ybar, double[] scale, DesignMatrix.Moments moments) {
        int n = x.rows();
        int p = x.cols();
        double[] y0 = new double[n];
        if (x.isSparse()) {
            for (int i = 0; i < n; i++) y0[i] = y[i] - ybar;
            double[] m = allZero(mean) ? null : mean;
            double[] diag = moments != null ? moments.squares().clone() : x.centeredSquares(s, mean);
            if (scale != null) for (int j = 0; j < p; j++) diag[j] *= scale[j] * scale[j];
            NaiveProblem problem = new NaiveProblem(x, s, m, scale, y0, diag);
            if (moments != null && moments.products() != null) {
                // x̃ⱼᵀỹ = dⱼ(Σᵢsᵢxᵢⱼyᵢ⁰ − x̄ⱼ·Σᵢsᵢyᵢ⁰): the first full check is free
                double[] c = moments.products().clone();
                for (int j = 0; j < p; j++) {
                    if (m != null) c[j] -= m[j] * problem.sigma;
                    if (scale != null) c[j] *= scale[j];
                }
                problem.zeroGradient = c;
            }
            return problem;
        }
        MatrixView v = (MatrixView) x.view();
        boolean plain = s == null && scale == null && ybar == 0 && allZero(mean);
        DesignMatrix work = x;
        if (!plain || v.layout() != dev.shrink.kernels.Layout.COLUMN_MAJOR) {
            double[] a = new double[n * p];
            double[] sq = null;
            if (s != null) {
                sq = new double[n];
                for (int i = 0; i < n; i++) sq[i] = Math.sqrt(s[i]);
            }
            double[] col = new double[n];
            for (int j = 0; j < p; j++) {
                double m = mean[j];
                double sc = scale == null ? 1.0 : scale[j];
                x.column(j, col);
                for (int i = 0; i < n; i++) {
                    double e = (col[i] - m) * sc;
                    a[j * n + i] = sq == null ? e : e * sq[i];
                }
            }
            work = DesignMatrix.of(MatrixView.columnMajor(a, n, p), threadsOf(x));
        }
        for (int i = 0; i < n; i++) y0[i] = s == null ? y[i] - ybar : (y[i] - ybar) * Math.sqrt(s[i]);
        MatrixView w = (MatrixView) work.view();
        double[] diag = new double[p];
        for (int j = 0; j < p; j++) diag[j] = LEVEL1.dot(n, w.data(), w.index(0, j), w.data(), w.index(0, j));
        return new NaiveProblem(work, null, null, null, y0, diag);
    }

    private static int threadsOf(DesignMatrix x) {
        return x instanceof dev.shrink.solvers.matrix.DenseMatrix d ? d.passes().tasks() : 1;
    }

    private static boolean allZero(double[] a) {
        for (double v : a) if (v != 0) return false;
        return true;
    }

    private double weightedSum(double[] v) {
        double t = 0;
        for (int i = 0; i < n; i++) t += s == null ? v[i] : s[i] * v[i];
        return t;
    }

    @Override
    double xtr(int j) {
        if (CdTrace.ON) CdTrace.read(a.columnLength(j));
        double g = a.columnDot(j, s, u);
        if (mean != null) g -= mean[j] * sigma;
        return scale == null ? g : g * scale[j];
    }

    @Override
    void move(int j, double delta) {
        zeroState = false;
        double c = scale == null ? delta : delta * scale[j];
        if (CdTrace.ON) CdTrace.read(a.columnLength(j));
        a.columnAxpy(j, -c, null, u);
        if (mean != null) {
            sigma -= c * sumS * mean[j];
            o += c * mean[j];
        }
    }

    @Override
    void xtrAll(double[] out) {
        if (zeroState && zeroGradient != null) {
            System.arraycopy(zeroGradient, 0, out, 0, p);
            return;
        }
        if (CdTrace.ON) CdTrace.read(a.storedEntries());
        double[] v = u;
        if (s != null) {
            for (int i = 0; i < n; i++) su[i] = s[i] * u[i];
            v = su;
        }
        a.multiplyTransposed(v, out);
        if (mean != null) {
            sigma = weightedSum(u); // afresh: the running σ collects rounding
            for (int j = 0; j < p; j++) out[j] -= mean[j] * sigma;
        }
        if (scale != null) for (int j = 0; j < p; j++) out[j] *= scale[j];
    }

    /** Columns one by one, skipping the screened ones (a sparse column costs its stored entries). */
    @Override
    void xtrAll(double[] out, boolean[] skip) {
        if (skip == null) {
            xtrAll(out);
            return;
        }
        if (mean != null) sigma = weightedSum(u);
        for (int j = 0; j < p; j++) if (!skip[j]) out[j] = xtr(j);
    }

    private double[][] holder;

    /**
     * aⱼ = |dⱼ|·Σᵢsᵢ|xᵢⱼ| and bⱼ = |dⱼx̄ⱼ|: x̃ⱼᵀv = dⱼ(Σᵢsᵢxᵢⱼvᵢ − x̄ⱼΣᵢsᵢvᵢ) ({@link #xtr(int, double[], double)}).
     * Sparse X only (one pass over its stored entries, on first use); each raised by a relative 2⁻³⁰ against the
     * rounding of its sum.
     */
    @Override
    double[][] holderConstants() {
        if (holder == null && a instanceof dev.shrink.solvers.matrix.SparseMatrix sparse) {
            double[] abs = sparse.columnAbsSums(s);
            double[] centring = mean == null ? null : new double[p];
            for (int j = 0; j < p; j++) {
                double d = scale == null ? 1.0 : Math.abs(scale[j]);
                abs[j] *= d * (1 + 0x1p-30);
                if (centring != null) centring[j] = d * Math.abs(mean[j]) * (1 + 0x1p-30);
            }
            holder = new double[][] {abs, centring};
        }
        return holder;
    }

    @Override
    boolean tracksDrift() {
        return true;
    }

    /** ‖R − R₀‖ in the weighted norm of the dot products (R = u + o), the norm in which ‖x̃ⱼ‖² is the diagonal. */
    @Override
    double residualDrift() {
        double d = 0;
        for (int i = 0; i < n; i++) {
            double r = u[i] + o;
            double e = r - mark[i];
            d += s == null ? e * e : s[i] * e * e;
            mark[i] = r;
        }
        return Math.sqrt(d);
    }

    /**
     * The support Newton step ({@link CdProblem#supportNewton}) reads the support's Gram matrix from {@link #cache},
     * which keeps it across solves (a path's supports grow slowly: each new column costs its products with the cached
     * ones once). Dense and sparse X alike: the products go through {@link DesignMatrix#columnDot}.
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

    /**
     * Gram entries x̃ᵢᵀx̃ⱼ of every column that was ever in a support, grown column by column. A new column j is formed
     * once, centred and weighted, c = s∘(xⱼ − x̄ⱼ) (n values), and read against each cached column t's stored entries:
     * x̃ₜᵀx̃ⱼ = dₜdⱼ(xₜᵀc − x̄ₜ·Σc) (centring one side exactly keeps the subtraction small, as in {@link #gramColumn}).
     */
    private final class GramCache {
        private final int[] slot;
        private int[] feature = new int[0];
        private double[] g = new double[0];
        private double[] c;
        private int m;
        private int capacity;

        GramCache() {
            slot = new int[p];
            java.util.Arrays.fill(slot, -1);
        }

        void add(int[] support, int k) {
            for (int r = 0; r < k; r++) {
                int j = support[r];
                if (slot[j] >= 0) continue;
                if (m == capacity) grow();
                feature[m] = j;
                slot[j] = m;
                if (c == null) c = new double[n];
                double sum = centredColumn(j, c);
                double dj = scale == null ? 1.0 : scale[j];
                for (int t = 0; t <= m; t++) {
                    int i = feature[t];
                    double v = a.columnDot(i, null, c);
                    if (mean != null) v -= mean[i] * sum;
                    v *= dj * (scale == null ? 1.0 : scale[i]);
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

        /** Flops of adding the new ones of a[0 .. k): forming each (n) and reading it against every cached column. */
        double cost(int[] support, int k) {
            int added = 0;
            for (int r = 0; r < k; r++) if (slot[support[r]] < 0) added++;
            double perColumn = (double) a.storedEntries() / p;
            return added * (n + (m + added) * perColumn);
        }
    }

    /** A coordinate is a dot product and, when it moves, an axpy over the column's stored entries. */
    @Override
    double sweepCost(int size) {
        return 2.0 * size * ((double) a.storedEntries() / p);
    }

    /** A dense X without transformation left (the copy made at construction): its float32 copy can be read. */
    @Override
    boolean approximates() {
        return !a.isSparse() && s == null && mean == null && scale == null;
    }

    @Override
    void prepareApproximation() {
        if (a32 == null) {
            MatrixView v = (MatrixView) a.view();
            a32 = new float[dev.shrink.kernels.Checks.elements("the float32 copy of X", n, p)];
            r32 = new float[n];
            double[] column = new double[n];
            for (int j = 0; j < p; j++) {
                a.column(j, column);
                for (int i = 0; i < n; i++) a32[j * n + i] = (float) column[i];
            }
        }
        for (int i = 0; i < n; i++) r32[i] = (float) (u[i] + o);
    }

    @Override
    double xtrApproximate(int j) {
        return LEVEL1.dot(n, a32, j * n, r32, 0);
    }

    /**
     * The float32 dot product's bound (Level1: 2·n·ε₃₂·Σ|xᵢrᵢ|) plus the rounding of both factors to float32 (2·ε₃₂
     * per product, to first order), with Σ|xᵢrᵢ| ≤ ‖x̃ⱼ‖·‖R‖; ε₃₂ = 2⁻²⁴ and one more n·ε₃₂ for the higher-order terms;
     * entries rounded into float32's subnormal range are off by at most 2⁻¹⁴⁹ each, which the absolute term covers.
     */
    @Override
    double approximationError(double columnNorm, double residualNorm) {
        double root = Math.sqrt(n);
        return (3.0 * n + 4) * 0x1p-24 * columnNorm * residualNorm + 0x1p-148 * (root * (columnNorm + residualNorm) + n);
    }

    /** r = u + o: then x̃ⱼᵀr = dⱼ(Σᵢsᵢxᵢⱼrᵢ − x̄ⱼ·Σᵢsᵢrᵢ) (the o-terms cancel, as in {@link #xtr(int)}). */
    @Override
    int residualLength() {
        return n;
    }

    @Override
    void residual(double[] out) {
        for (int i = 0; i < n; i++) out[i] = u[i] + o;
    }

    @Override
    double xtr(int j, double[] r, double sum) {
        if (CdTrace.ON) CdTrace.read(a.columnLength(j));
        double g = a.columnDot(j, s, r);
        if (mean != null) g -= mean[j] * sum;
        return scale == null ? g : g * scale[j];
    }

    @Override
    double residualSum(double[] r) {
        return mean == null ? 0.0 : weightedSum(r);
    }

    @Override
    long storedEntries() {
        return a.storedEntries();
    }

    @Override
    double residualDot(double[] a, double[] b) {
        if (s == null) return LEVEL1.dot(n, a, 0, b, 0);
        double t = 0;
        for (int i = 0; i < n; i++) t += s[i] * a[i] * b[i];
        return t;
    }

    @Override
    double dotY(double[] r) {
        return residualDot(r, y0);
    }

    @Override
    double residualNorm2(double[] w) {
        if (s == null && o == 0) return LEVEL1.dot(n, u, 0, u, 0);
        double t = 0;
        for (int i = 0; i < n; i++) {
            double r = u[i] + o;
            t += s == null ? r * r : s[i] * r * r;
        }
        return t;
    }

    @Override
    double residualDotY(double[] w) {
        if (s == null && o == 0) return LEVEL1.dot(n, u, 0, y0, 0);
        double t = 0;
        for (int i = 0; i < n; i++) {
            double r = (u[i] + o) * y0[i];
            t += s == null ? r : s[i] * r;
        }
        return t;
    }

    @Override
    boolean fullGradientIsExpensive() {
        return true;
    }

    @Override
    boolean coordinateGradientIsCheap() {
        return false;
    }

    /** X̃ᵀS·x̃ⱼ, x̃ⱼ = (xⱼ − x̄ⱼ)·dⱼ formed from the stored column: one pass over X. */
    @Override
    void gramColumn(int j, double[] out) {
        double[] v = new double[n];
        double sum = centredColumn(j, v);
        a.multiplyTransposed(v, out);
        double sj = scale == null ? 1.0 : scale[j];
        for (int k = 0; k < p; k++) {
            if (mean != null) out[k] -= mean[k] * sum;
            out[k] *= scale == null ? sj : sj * scale[k];
        }
    }

    /** out ← s∘(xⱼ − x̄ⱼ), column j centred and weighted but not scaled (n values); returns its sum. */
    private double centredColumn(int j, double[] out) {
        a.column(j, out);
        double mj = mean == null ? 0.0 : mean[j];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = out[i] - mj;
            out[i] = s == null ? e : s[i] * e;
            sum += out[i];
        }
        return sum;
    }

    /** x̃ⱼᵀS·ỹ. */
    @Override
    double xty(int j) {
        double g = a.columnDot(j, s, y0);
        if (mean != null) g -= mean[j] * weightedSum(y0);
        return scale == null ? g : g * scale[j];
    }

    @Override
    double yNorm2() {
        return yy;
    }

    @Override
    void reset(double[] w) {
        System.arraycopy(y0, 0, u, 0, n);
        o = 0;
        sigma = weightedSum(y0);
        zeroState = true;
        for (int j = 0; j < p; j++) if (w[j] != 0) move(j, w[j]);
    }
}
