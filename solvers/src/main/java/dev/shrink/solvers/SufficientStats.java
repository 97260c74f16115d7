package dev.shrink.solvers;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.DesignMatrix;

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
        double[] g = new double[Checks.elements("the Gram matrix", p, p)];
        double[] xty = new double[p];
        double[] sumWx = new double[p];
        if (x instanceof DenseDesign d) {
            // any dense storage read in place (row arrays, float32): the Gram packs and widens a block at a time
            ParallelKernels k = Threads.kernels(Threads.check(threads));
            k.gram(d.dense(), sampleWeight, y, g, 0, p, xty, 0);
            k.multiplyTransposed(d.dense(), ones(sampleWeight, n), 0, sumWx, 0);
        } else {
            DesignMatrix m = DesignMatrix.of(x.matrix(), Threads.check(threads));
            m.gram(sampleWeight, y, g, 0, p, xty);
            System.arraycopy(m.columnSums(sampleWeight), 0, sumWx, 0, p);
        }
        double[] ones = ones(sampleWeight, n);
        double sy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double w = ones[i];
            sy += w * y[i];
            syy += w * y[i] * y[i];
        }
        return new SufficientStats(n, p, sumW, sumWx, sy, syy, g, xty);
    }

    /** The weights, or n ones. */
    private static double[] ones(double[] sampleWeight, int n) {
        if (sampleWeight != null) return sampleWeight;
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /**
     * Statistics from sums the caller computed (e.g. with the Gram kernel over a block of rows it owns):
     * {@code rows}, Σsᵢ, Σsᵢxᵢ, Σsᵢyᵢ, Σsᵢyᵢ², G = XᵀSX (p×p row-major) and c = XᵀSy. The arrays are taken, not copied.
     */
    public static SufficientStats ofSums(int rows, double sumW, double[] sumWx, double sumWy, double sumWyy, double[] gram, double[] xty) {
        int p = sumWx.length;
        if (rows < 1) throw new IllegalArgumentException("rows must be ≥ 1, got " + rows);
        if (gram.length != p * p) throw new IllegalArgumentException("gram has " + gram.length + " values, expected p² = " + p * p);
        if (xty.length != p) throw new IllegalArgumentException("xty has " + xty.length + " values, expected p = " + p);
        return new SufficientStats(rows, p, sumW, sumWx, sumWy, sumWyy, gram, xty);
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
        double[] g = new double[gram.length];
        double[] c = new double[p];
        double[] sx = new double[p];
        for (int i = 0; i < g.length; i++) g[i] = gram[i] + sign * o.gram[i];
        for (int j = 0; j < p; j++) {
            c[j] = xty[j] + sign * o.xty[j];
            sx[j] = sumWx[j] + sign * o.sumWx[j];
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

    /** Column sums Σsᵢxᵢⱼ (a copy). */
    public double[] xSums() {
        return sumWx.clone();
    }

    /** Σsᵢyᵢ. */
    public double ySum() {
        return sumWy;
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
        return centeredGram(1.0);
    }

    /** {@code factor·}{@link #centeredGram()} in one pass (the solvers rescale it to their weight normalisation). */
    public double[] centeredGram(double factor) {
        return Moments.centeredGram(gram, sumWx, sumW, factor);
    }

    /** Centred cross-product (X − 1x̄ᵀ)ᵀS(y − ȳ) = XᵀSy − S·x̄ȳ. */
    public double[] centeredXty() {
        return Moments.centeredXty(xty, sumWx, sumW, sumWy);
    }

    /** Centred Σsᵢ(yᵢ − ȳ)². */
    public double centeredYty() {
        return Moments.centeredYty(sumWyy, sumWy, sumW);
    }

    /**
     * The weighted residual sum of squares Σsᵢ(yᵢ − b − xᵢ·w)² of a linear model on these rows, from the statistics
     * alone: Σsy² − 2b·Σsy + b²·Σs − 2wᵀ(c − b·Σsx) + wᵀGw, in O(|support of w|·p) instead of a pass over the rows
     * (the quadratic form reads only the lower triangle of G). Returns NaN when the value is below
     * {@link #CANCELLATION_FLOOR} times the sum of the magnitudes of its terms, where the subtraction would lose more
     * than half of the digits: the caller then computes it from the rows.
     */
    public double residualSumOfSquares(double[] w, double b) {
        if (w.length != p) throw new IllegalArgumentException("w has " + w.length + " values, the statistics have " + p + " columns");
        Level1 level1 = KernelProvider.get().level1();
        int support = 0;
        for (double v : w) if (v != 0) support++;
        double quadratic = 0;
        if (support * 8L > p) {
            // dense enough: each row's prefix as one contiguous dot (zeros of w contribute nothing)
            for (int r = 0; r < p; r++) {
                if (w[r] == 0) continue;
                double lower = r == 0 ? 0.0 : level1.dot(r, gram, r * p, w, 0);
                quadratic += w[r] * (gram[r * p + r] * w[r] + 2 * lower);
            }
        } else {
            int[] s = new int[support];
            int k = 0;
            for (int j = 0; j < p; j++) if (w[j] != 0) s[k++] = j;
            for (int a = 0; a < support; a++) {
                int r = s[a];
                double lower = 0;
                for (int c = 0; c < a; c++) lower += gram[r * p + s[c]] * w[s[c]];
                quadratic += w[r] * (gram[r * p + r] * w[r] + 2 * lower);
            }
        }
        double linear = 0;
        for (int j = 0; j < p; j++) if (w[j] != 0) linear += w[j] * (xty[j] - b * sumWx[j]);
        double rss = sumWyy - 2 * b * sumWy + b * b * sumW - 2 * linear + quadratic;
        double magnitude = sumWyy + b * b * sumW + Math.abs(quadratic);
        return rss >= CANCELLATION_FLOOR * magnitude ? rss : Double.NaN;
    }

    /** See {@link #residualSumOfSquares}: 1e-8, i.e. at least 8 of the 16 digits survive the subtraction. */
    public static final double CANCELLATION_FLOOR = 1e-8;
}
