package dev.shrink.solvers.cd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * Coordinate descent on the Gram matrix of the working set only (working-set methods: Massias, Gramfort &amp; Salmon
 * 2018, "Celer", §3; Johnson &amp; Guestrin 2015, "Blitz"): the sweeps run on K = ZᵀZ and c = X̃ᵀỹ, Z the centred,
 * weighted, scaled columns of the working set (covariance updates, O(|set|) per moved coefficient, no pass over X).
 * The full gradient X̃ᵀR, needed only to look for violators and for the duality gap, is one pass over X with the exact
 * residual R = ỹ − Z·w. Z is a dense copy for a dense X and implicit for a sparse one ({@link WorkingColumns}).
 *
 * <p>For one fit with a small support this costs a few passes over X in total, against the n·p²/2 of a full Gram
 * matrix (covariance mode) or a pass over X per sweep (naive mode). K is recomputed whenever the set grows;
 * coordinate descent grows it geometrically ({@link #violatorLimit}) so that happens a few times only.
 */
final class WorkingSetProblem extends CdProblem {
    private final DesignMatrix x;
    private final WorkingColumns columns;
    private final int n;
    private final double[] sqrtS;
    private final double[] mean;
    private final double[] scale;
    private final double[] y0;
    private final double[] yt;
    private final double[] c;
    private final double yy;
    private final int[] slot;
    private final Level1 level1 = KernelProvider.get().level1();
    private final MatrixVector mv = KernelProvider.get().matrixVector();
    private double[] k = new double[0];
    private double[] h = new double[0];
    private double[] wB = new double[0];
    private int m;
    /** The exact residual R = ỹ − Zw of the last {@link #xtrAll}, with ‖R‖² and Rᵀỹ, valid until the next move. */
    private final double[] r;
    private boolean residualFresh;
    private double rn2;
    private double ry;

    /**
     * @param s     normalised weights or null
     * @param mean  column means subtracted (zeros: no intercept)
     * @param ybar  weighted mean of y subtracted
     * @param scale column multipliers 1/dⱼ or null
     */
    WorkingSetProblem(DesignMatrix x, double[] y, double[] s, double[] mean, double ybar, double[] scale) {
        super(x.cols(), new double[x.cols()]);
        this.x = x;
        this.n = x.rows();
        this.mean = mean;
        this.scale = scale;
        this.slot = new int[p];
        Arrays.fill(slot, -1);
        this.r = new double[n];
        this.sqrtS = s == null ? null : new double[n];
        this.y0 = new double[n];
        this.yt = new double[n];
        for (int i = 0; i < n; i++) {
            if (s != null) sqrtS[i] = Math.sqrt(s[i]);
            y0[i] = y[i] - ybar;
            yt[i] = s == null ? y0[i] : y0[i] * sqrtS[i];
        }
        this.columns = WorkingColumns.of(x, sqrtS, mean, scale);
        this.yy = level1.dot(n, yt, 0, yt, 0);
        this.c = new double[p];
        transposedProduct(yt, c);
    }

    /** out ← X̃ᵀv = D(Xᵀu − x̄·Σuᵢ) with u = √s∘v (X̃ = diag(√s)(X − 1x̄ᵀ)D): one pass over X, X never copied. */
    private void transposedProduct(double[] v, double[] out) {
        double[] u = v;
        if (sqrtS != null) {
            u = new double[n];
            for (int i = 0; i < n; i++) u[i] = v[i] * sqrtS[i];
        }
        double sum = 0;
        for (int i = 0; i < n; i++) sum += u[i];
        x.multiplyTransposed(u, out);
        for (int j = 0; j < p; j++) {
            double g = out[j] - mean[j] * sum;
            out[j] = scale == null ? g : g * scale[j];
        }
    }

    /** Only the gathered columns' norms are known (the rest would cost a pass over X): no screening here. */
    @Override
    double[] columnNorms2() {
        return null;
    }

    @Override
    int violatorLimit(int size) {
        return Math.max(Thresholds.FIRST_BATCH, size);
    }

    /** R = ỹ − Zw (n·m dense; the set's stored entries and n sparse) and X̃ᵀR (a pass over X: its stored entries). */
    @Override
    double fullCheckCost() {
        return x.storedEntries() + (x.isSparse() ? n + setEntries() : (double) n * m);
    }

    private double setEntries() {
        double e = 0;
        for (int t = 0; t < m; t++) e += x.columnLength(columns.feature[t]);
        return e;
    }

    @Override
    void workingSet(int[] set, int size, boolean[] inSet) {
        if (set == null) return;
        int missing = 0;
        for (int t = 0; t < size; t++) if (slot[set[t]] < 0) missing++;
        if (missing == 0) return;
        int[] add = new int[missing];
        int a = 0;
        for (int t = 0; t < size; t++) if (slot[set[t]] < 0) add[a++] = set[t];
        gather(add);
    }

    /** Appends the columns {@code add} to the set, recomputes K and H = K·w, and fills their curvatures. */
    private void gather(int[] add) {
        Arrays.sort(add);
        int m1 = m + add.length;
        if (m1 > h.length) {
            int cap = (int) Math.min((long) p, Math.max(m1, 2L * m));
            h = Arrays.copyOf(h, cap);
            wB = Arrays.copyOf(wB, cap);
        }
        columns.add(add);
        for (int t = 0; t < add.length; t++) {
            slot[add[t]] = m + t;
            wB[m + t] = 0.0;
        }
        m = m1;
        k = new double[Checks.elements("the working set's Gram matrix", m, m)];
        columns.gram(k);
        for (int t = 0; t < m; t++) diag[columns.feature[t]] = k[t * m + t];
        mv.multiply(MatrixView.rowMajor(k, m, m), wB, 0, h, 0);
    }

    @Override
    boolean hasGram() {
        return true;
    }

    /** A moved coefficient updates H over the m gathered columns. */
    @Override
    double sweepCost(int size) {
        return (double) size * m;
    }

    @Override
    double gram(int i, int j) {
        return k[slot[i] * m + slot[j]];
    }

    @Override
    double xtr(int j) {
        return c[j] - h[slot[j]];
    }

    @Override
    void move(int j, double delta) {
        int t = slot[j];
        level1.axpy(m, delta, k, t * m, h, 0); // K is symmetric: row t is column t
        wB[t] += delta;
        residualFresh = false;
    }

    @Override
    void xtrAll(double[] out) {
        boolean zero = true;
        for (int t = 0; t < m && zero; t++) zero = wB[t] == 0;
        residualFresh = true;
        if (zero) {
            // w = 0: R = ỹ and X̃ᵀR = c, formed by the same computation already (saves a pass over X at the start)
            System.arraycopy(yt, 0, r, 0, n);
            System.arraycopy(c, 0, out, 0, p);
            Arrays.fill(h, 0, m, 0.0);
            rn2 = yy;
            ry = yy;
            return;
        }
        columns.residual(wB, y0, yt, r);
        rn2 = level1.dot(n, r, 0, r, 0);
        ry = level1.dot(n, r, 0, yt, 0);
        transposedProduct(r, out);
        // H = K·w afresh: the rounding that many axpy updates accumulate in H must not outlive a full check
        mv.multiply(MatrixView.rowMajor(k, m, m), wB, 0, h, 0);
    }

    @Override
    double residualNorm2(double[] w) {
        if (residualFresh) return rn2;
        // ‖ỹ − Zw‖² = ỹᵀỹ − 2wᵀZᵀỹ + wᵀKw, with Zᵀỹ = c on the set and Kw = H
        double cw = 0;
        double wh = 0;
        for (int t = 0; t < m; t++) {
            cw += c[columns.feature[t]] * wB[t];
            wh += wB[t] * h[t];
        }
        return Math.max(0.0, yy - 2 * cw + wh);
    }

    @Override
    double residualDotY(double[] w) {
        if (residualFresh) return ry;
        double cw = 0;
        for (int t = 0; t < m; t++) cw += c[columns.feature[t]] * wB[t];
        return yy - cw;
    }

    @Override
    boolean fullGradientIsExpensive() {
        return true;
    }

    @Override
    boolean coordinateGradientIsCheap() {
        return true;
    }

    /** x̃ⱼ = √s∘(xⱼ − x̄ⱼ)·dⱼ formed from the stored column, then X̃ᵀx̃ⱼ: one pass over X. */
    @Override
    void gramColumn(int j, double[] out) {
        double[] column = new double[n];
        x.column(j, column);
        double sc = scale == null ? 1.0 : scale[j];
        for (int i = 0; i < n; i++) column[i] = (column[i] - mean[j]) * sc * (sqrtS == null ? 1.0 : sqrtS[i]);
        transposedProduct(column, out);
    }

    @Override
    double xty(int j) {
        return c[j];
    }

    @Override
    double yNorm2() {
        return yy;
    }

    @Override
    void reset(double[] w) {
        int nonzero = 0;
        for (int j = 0; j < p; j++) if (w[j] != 0 && slot[j] < 0) nonzero++;
        if (nonzero > 0) {
            int[] add = new int[nonzero];
            int a = 0;
            for (int j = 0; j < p; j++) if (w[j] != 0 && slot[j] < 0) add[a++] = j;
            gather(add);
        }
        Arrays.fill(h, 0, m, 0.0);
        Arrays.fill(wB, 0, m, 0.0);
        residualFresh = false;
        for (int j = 0; j < p; j++) if (w[j] != 0) move(j, w[j]);
    }
}
