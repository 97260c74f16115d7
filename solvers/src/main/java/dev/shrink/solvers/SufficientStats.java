package dev.shrink.solvers;

import dev.shrink.kernels.ParallelKernels;

import java.util.Arrays;

/**
 * Weighted sufficient statistics of a least-squares problem: Σsᵢ, Σsᵢxᵢ, Σsᵢyᵢ, Σsᵢyᵢ², G = XᵀSX, c = XᵀSy.
 *
 * <p>Raw (uncentred) sums, so they are mergeable: the statistics of two disjoint row sets add ({@link #plus}) and a
 * subset's statistics can be removed ({@link #minus}: training statistics = total − validation fold). Centred
 * quantities (what the solvers use when fitting an intercept) are derived on request. Centring the Gram matrix
 * afterwards, {@code XᵀSX − S·x̄x̄ᵀ}, loses about {@code ε·x̄ⱼ²/var(xⱼ)} relative accuracy; columns with large means
 * relative to their spread should be centred by the caller. Immutable.
 */
public final class SufficientStats {
    private final int rows;
    private final int p;
    private final double sumW;
    private final double[] sumWx;
    private final double sumWy;
    private final double sumWyy;
    private final double[] gram;
    private final double[] xty;

    private SufficientStats(int rows, int p, double sumW, double[] sumWx, double sumWy, double sumWyy, double[] gram, double[] xty) {
        this.rows = rows;
        this.p = p;
        this.sumW = sumW;
        this.sumWx = sumWx;
        this.sumWy = sumWy;
        this.sumWyy = sumWyy;
        this.gram = gram;
        this.xty = xty;
    }

    /** Statistics of all rows of X with responses y and optional sample weights (null = all 1), one Gram pass. */
    public static SufficientStats of(Design x, double[] y, double[] sampleWeight) {
        return of(x, y, sampleWeight, 1);
    }

    /**
     * As {@link #of(Design, double[], double[])}, the Gram pass and column sums split into {@code threads} row chunks
     * ({@link ParallelKernels}: the same result for the same count on every run; 1 = single-threaded).
     */
    public static SufficientStats of(Design x, double[] y, double[] sampleWeight, int threads) {
        int n = x.n();
        int p = x.p();
        Inputs.response(y, n);
        double sumW = Inputs.weights(sampleWeight, n);
        ParallelKernels k = Threads.kernels(Threads.check(threads));
        double[] g = new double[p * p];
        double[] xty = new double[p];
        k.gram(x.view(), sampleWeight, y, g, 0, p, xty, 0);
        double[] sumWx = new double[p];
        double[] ones = sampleWeight;
        if (ones == null) {
            ones = new double[n];
            Arrays.fill(ones, 1.0);
        }
        k.multiplyTransposed(x.view(), ones, 0, sumWx, 0);
        double sy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double w = ones[i];
            sy += w * y[i];
            syy += w * y[i] * y[i];
        }
        return new SufficientStats(n, p, sumW, sumWx, sy, syy, g, xty);
    }

    /** Statistics of the given rows only (gathered into a copy; used for folds). */
    public static SufficientStats of(Design x, double[] y, double[] sampleWeight, int[] rows) {
        Inputs.response(y, x.n());
        if (sampleWeight != null) Inputs.weights(sampleWeight, x.n());
        double[] ys = new double[rows.length];
        double[] ws = sampleWeight == null ? null : new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            ys[k] = y[rows[k]];
            if (ws != null) ws[k] = sampleWeight[rows[k]];
        }
        return of(x.rows(rows), ys, ws);
    }

    /** Statistics of the union of two disjoint row sets. */
    public SufficientStats plus(SufficientStats o) {
        return combine(o, 1.0);
    }

    /** Statistics of this row set without the rows of {@code o} (which must be a subset). */
    public SufficientStats minus(SufficientStats o) {
        return combine(o, -1.0);
    }

    private SufficientStats combine(SufficientStats o, double sign) {
        if (o.p != p) throw new IllegalArgumentException("statistics have " + o.p + " columns, expected " + p);
        double[] g = gram.clone();
        double[] c = xty.clone();
        double[] sx = sumWx.clone();
        for (int i = 0; i < g.length; i++) g[i] += sign * o.gram[i];
        for (int j = 0; j < p; j++) {
            c[j] += sign * o.xty[j];
            sx[j] += sign * o.sumWx[j];
        }
        int r = rows + (int) sign * o.rows;
        if (r <= 0) throw new IllegalArgumentException("statistics would have " + r + " rows");
        return new SufficientStats(r, p, sumW + sign * o.sumW, sx, sumWy + sign * o.sumWy, sumWyy + sign * o.sumWyy, g, c);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    public int p() {
        return p;
    }

    /** Σsᵢ (= rows when unweighted). */
    public double sumWeights() {
        return sumW;
    }

    /** Weighted column means x̄ⱼ = Σsᵢxᵢⱼ / Σsᵢ. */
    public double[] xMean() {
        double[] m = sumWx.clone();
        for (int j = 0; j < p; j++) m[j] /= sumW;
        return m;
    }

    /** Weighted mean of y. */
    public double yMean() {
        return sumWy / sumW;
    }

    /** XᵀSX, p×p row-major (a copy). */
    public double[] gram() {
        return gram.clone();
    }

    /** XᵀSy (a copy). */
    public double[] xty() {
        return xty.clone();
    }

    /** Σsᵢyᵢ². */
    public double yty() {
        return sumWyy;
    }

    /** Centred Gram (X − 1x̄ᵀ)ᵀS(X − 1x̄ᵀ) = XᵀSX − S·x̄x̄ᵀ, p×p row-major, a fresh array. */
    public double[] centeredGram() {
        double[] m = xMean();
        double[] g = gram.clone();
        for (int i = 0; i < p; i++) {
            double s = sumW * m[i];
            for (int j = 0; j < p; j++) g[i * p + j] -= s * m[j];
        }
        return g;
    }

    /** Centred cross-product (X − 1x̄ᵀ)ᵀS(y − ȳ) = XᵀSy − S·x̄ȳ. */
    public double[] centeredXty() {
        double[] m = xMean();
        double ybar = yMean();
        double[] c = xty.clone();
        for (int j = 0; j < p; j++) c[j] -= sumW * m[j] * ybar;
        return c;
    }

    /** Centred Σsᵢ(yᵢ − ȳ)². */
    public double centeredYty() {
        double ybar = yMean();
        return Math.max(0.0, sumWyy - sumW * ybar * ybar);
    }
}
