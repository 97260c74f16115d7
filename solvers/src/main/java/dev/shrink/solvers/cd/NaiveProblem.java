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
    /**
     * Bounds for the full checks ({@link #xtrAllAbove}): ‖x̃ⱼ‖, |x̃ⱼᵀR| when last computed, the drift Σ‖ΔR‖ of the
     * residual between full checks then, the drift now, and the residual u + o of the last check.
     */
    private final double[] norm;
    private final double[] known;
    private final double[] driftAt;
    private final boolean[] bound;
    private double drift;
    private double[] lastResidual;
    private boolean movedSinceCheck = true;
    /** X̃ᵀR at w = 0 when known from the set-up pass (else null), and whether the state is w = 0. */
    private double[] zeroGradient;
    private boolean zeroState = true;
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
        this.norm = new double[p];
        for (int j = 0; j < p; j++) norm[j] = Math.sqrt(diag[j]);
        this.known = new double[p];
        java.util.Arrays.fill(known, Double.POSITIVE_INFINITY);
        this.driftAt = new double[p];
        this.bound = new boolean[p];
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
        double g = a.columnDot(j, s, u);
        if (mean != null) g -= mean[j] * sigma;
        return scale == null ? g : g * scale[j];
    }

    @Override
    void move(int j, double delta) {
        movedSinceCheck = true;
        zeroState = false;
        double c = scale == null ? delta : delta * scale[j];
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
            remember(out);
            return;
        }
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
        remember(out);
    }

    /** Records an exact full check for the bounds of {@link #xtrAllAbove}. */
    private void remember(double[] out) {
        track();
        for (int j = 0; j < p; j++) {
            known[j] = Math.abs(out[j]);
            driftAt[j] = drift;
            bound[j] = false;
        }
    }

    /**
     * A full check that skips the columns whose |x̃ⱼᵀR| is provably below l1·fⱼ: by Cauchy–Schwarz
     * {@code |x̃ⱼᵀR| ≤ |x̃ⱼᵀR'| + ‖x̃ⱼ‖·‖R − R'‖} for the residual R' of the check where it was last computed, and
     * ‖R − R'‖ is at most the sum of the residual's moves between checks (the drift). On a path, where each penalty
     * needs one full check, most columns far from the threshold stay unread (a safe, sequential bound in the spirit of
     * El Ghaoui et al. 2012, "Safe feature elimination in sparse supervised learning"). Columns in the working set, and
     * unpenalised ones, are always computed; entries computed here are exact.
     */
    @Override
    void xtrAllAbove(double[] out, double l1, double[] factors, boolean[] inSet) {
        track();
        if (mean != null) sigma = weightedSum(u);
        for (int j = 0; j < p; j++) {
            double f = factors == null ? 1.0 : factors[j];
            double b = known[j] + norm[j] * (drift - driftAt[j]);
            if (!inSet[j] && f > 0 && b < 0.999 * l1 * f) {
                out[j] = b;
                bound[j] = true;
                continue;
            }
            out[j] = xtr(j);
            known[j] = Math.abs(out[j]);
            driftAt[j] = drift;
            bound[j] = false;
        }
    }

    /** Adds the residual's move since the last check, ‖R − R'‖ in the weighted norm, to the drift. */
    private void track() {
        movedSinceCheck = false;
        if (lastResidual == null) {
            lastResidual = new double[n];
        } else {
            double d = 0;
            for (int i = 0; i < n; i++) {
                double e = u[i] + o - lastResidual[i];
                d += s == null ? e * e : s[i] * e * e;
            }
            drift += Math.sqrt(d);
        }
        for (int i = 0; i < n; i++) lastResidual[i] = u[i] + o;
    }

    @Override
    boolean isBound(int j) {
        return bound[j];
    }

    @Override
    double exactGradient(int j) {
        double g = xtr(j);
        if (!movedSinceCheck) {
            known[j] = Math.abs(g);
            driftAt[j] = drift;
            bound[j] = false;
        }
        return g;
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
