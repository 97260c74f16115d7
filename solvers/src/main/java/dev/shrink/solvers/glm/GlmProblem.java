package dev.shrink.solvers.glm;

import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * A prepared penalised GLM for the {@link ProximalNewton} engine: minimise
 * {@code Σᵢ rᵢ·ℓ(yᵢ, b + xᵢ·W) + l1·Σⱼ aⱼ·|W_·j| + ½·l2·Σⱼ bⱼ·‖W_·j‖²} subject to lowerⱼ ≤ W_cj ≤ upperⱼ, with row
 * weights rᵢ that carry the dialect's scaling (scikit-learn: C·sᵢ; glmnet: sᵢ/Σs) and per-feature weights
 * aⱼ = pfⱼ·dⱼ, bⱼ = pfⱼ·dⱼ² (penalty factors pf, and dⱼ the weighted standard deviation of column j under glmnet's
 * standardisation, else 1) — so coefficients and bounds stay on the original scale of X throughout, and standardising
 * only reweights the penalty. Columns are centred by their (sample-weighted) means when an intercept is fitted, which
 * changes nothing but the conditioning. The state (coefficients, intercepts) persists between solves: warm starts.
 *
 * <p>Used by the estimators of {@code dev.shrink.solvers}, the paths and cross-validation; one instance is not for
 * concurrent use.
 */
public final class GlmProblem {
    /** The loss. */
    public enum Kind {
        /** Logistic loss, labels 0/1. */
        BINOMIAL,
        /** Poisson loss, log link, counts ≥ 0. */
        POISSON,
        /** Softmax loss, labels 0 .. classes − 1. */
        MULTINOMIAL
    }

    /**
     * The options of a problem.
     *
     * @param intercept      fit unpenalised intercepts
     * @param standardize    glmnet's standardize: penalty weights dⱼ (columns with dⱼ = 0 stay at 0)
     * @param penaltyFactors pfⱼ ≥ 0 as used (already rescaled by the caller), or null for all 1
     * @param lower          lower bounds (≤ 0), or null
     * @param upper          upper bounds (≥ 0), or null
     * @param grouped        glmnet's grouped multinomial penalty (one norm over the classes per feature)
     * @param threads        row chunks of the passes over X
     */
    public record Options(boolean intercept, boolean standardize, double[] penaltyFactors, double[] lower, double[] upper, boolean grouped,
                          int threads) {
        /** Plain options: an intercept or not, nothing else. */
        public static Options plain(boolean intercept, int threads) {
            return new Options(intercept, false, null, null, null, false, threads);
        }
    }

    /** How one solve ended: Newton steps, final duality gap (in the loss's units), converged, and why not. */
    public record Solution(int iterations, double gap, boolean converged, String reason) {}

    private final ProximalNewton engine;
    private final double[] mean;
    private final double[] scale;
    private final int p;
    private final int k;
    private final boolean intercept;
    private final Penalties penalties;
    private final boolean[] excluded;

    /**
     * @param y            labels 0/1 (binomial), counts (Poisson) or class indices 0 .. classes − 1 (multinomial)
     * @param classes      number of classes (multinomial; ignored otherwise)
     * @param rowWeights   rᵢ ≥ 0 of the loss (never null)
     * @param sampleWeight the user's weights for the column means and scales (null: all 1)
     * @param x            a dense view, or compressed columns (a sparse design: read through its stored entries, the
     *                     centring implicit, the working set's columns gathered densely)
     */
    public GlmProblem(Kind kind, Matrix x, double[] y, int classes, double[] rowWeights, double[] sampleWeight, Options options) {
        int n = x.rows();
        this.p = x.cols();
        this.intercept = options.intercept();
        double[] s = Moments.normalizedWeights(sampleWeight, n);
        ParallelKernels passes = Threads.kernels(Threads.check(options.threads()));
        DesignMatrix sparse = x instanceof MatrixView ? null : DesignMatrix.of(x, 1);
        if (sparse == null) {
            MatrixView v = (MatrixView) x;
            this.mean = intercept ? Moments.columnMeans(v, s) : null;
        } else {
            this.mean = intercept ? sparse.columnMeans(s) : null;
        }
        double[] sq = null;
        if (options.standardize()) {
            double[] m = intercept ? mean : new double[p];
            sq = sparse == null ? Moments.centeredSquares((MatrixView) x, s, m, null) : sparse.centeredSquares(s, m);
        }
        this.scale = sq == null ? null : new double[p];
        this.excluded = new boolean[p];
        double[] a = null;
        double[] b = null;
        double[] pf = options.penaltyFactors();
        if (scale != null || pf != null) {
            a = new double[p];
            b = new double[p];
            for (int j = 0; j < p; j++) {
                double d = 1.0;
                if (scale != null) {
                    d = Math.sqrt(sq[j] / n);
                    scale[j] = d;
                    if (!(d > 0)) excluded[j] = true;
                }
                double f = pf == null ? 1.0 : pf[j];
                a[j] = f * d;
                b[j] = f * d * d;
            }
        }
        double[] lo = options.lower();
        double[] hi = options.upper();
        for (int j = 0; j < p; j++) {
            if ((lo != null ? lo[j] : -1) == 0 && (hi != null ? hi[j] : 1) == 0) excluded[j] = true;
        }
        this.penalties = new Penalties(a, b, lo, hi, options.grouped());
        if (kind == Kind.MULTINOMIAL && penalties.bounded()) {
            for (int j = 0; j < p; j++) {
                if (!excluded[j] && penalties.unpenalised(j)) {
                    throw new IllegalArgumentException("penaltyFactors[" + j + "] is 0 together with limits: a multinomial model's unpenalised "
                            + "feature has no unique coefficients under bounds (the classes can shift together), so this is not supported");
                }
            }
        }
        Family family = switch (kind) {
            case BINOMIAL -> new Binomial(y, rowWeights);
            case POISSON -> new Poisson(y, rowWeights);
            case MULTINOMIAL -> {
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) labels[i] = (int) y[i];
                yield new Multinomial(labels, classes, rowWeights);
            }
        };
        this.k = family.outputs();
        DesignOps ops = sparse == null ? new DenseDesignOps((MatrixView) x, mean, passes) : new SparseDesignOps(sparse, mean);
        this.engine = new ProximalNewton(ops, family, penalties, intercept, excluded);
        // the gap may take the intercepts' constraint by a shift along the row weights when the centring weights are theirs
        engine.shiftIntercepts(proportional(rowWeights, s));
        // gap-safe screening where it is proven (GlmGapSafeScreening): binomial, no bounds
        if (kind == Kind.BINOMIAL && !penalties.bounded() && GlmGapSafeScreening.ENABLED) {
            double[] m = mean == null ? new double[p] : mean;
            engine.screening(new GlmGapSafeScreening(() -> sparse == null ? Moments.centeredSquares((MatrixView) x, rowWeights, m, null)
                    : sparse.centeredSquares(rowWeights, m), mean, rowWeights, p));
        }
        if (kind == Kind.BINOMIAL && !penalties.bounded() && GlmDualExtrapolation.ENABLED) engine.extrapolation(new GlmDualExtrapolation(n));
    }

    /** Whether the loss's row weights r are a multiple of the centring weights s (null: all 1), each to 1e-12 relative. */
    private static boolean proportional(double[] r, double[] s) {
        double ratio = Double.NaN;
        for (int i = 0; i < r.length; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0 && r[i] == 0) continue;
            if (Double.isNaN(ratio)) ratio = r[i] / si;
            if (!(ratio > 0) || !(Math.abs(r[i] - ratio * si) <= 1e-12 * Math.abs(r[i]))) return false;
        }
        return ratio > 0;
    }

    /** Number of coefficient vectors K (1, or the classes of a multinomial model). */
    public int classes() {
        return k;
    }

    /** dⱼ of glmnet's standardisation (null without it). */
    public double[] columnScales() {
        return scale == null ? null : scale.clone();
    }

    /**
     * Minimises at strengths l1, l2 from the current state.
     *
     * @param screenL1 strong-rule threshold (see {@link ProximalNewton#solve}); l1 for none
     * @param gapTol   absolute duality-gap tolerance
     */
    public Solution solve(double l1, double l2, double screenL1, double gapTol, int maxIter) {
        ProximalNewton.Result r = engine.solve(l1, l2, screenL1, gapTol, maxIter);
        return new Solution(r.iterations(), r.gap(), r.converged(), r.reason());
    }

    /**
     * The smallest l1 at which every penalised coefficient is 0 (glmnet's λ_max·alpha): max over penalised features of
     * |∇ⱼ|/aⱼ (grouped: the norm over the classes) at the fit of the intercepts and unpenalised features alone, which it
     * leaves as the state.
     */
    public double l1Max() {
        engine.fitUnpenalisedOnly();
        double[] g = engine.gradient();
        double max = 0;
        for (int j = 0; j < p; j++) {
            if (excluded[j] || penalties.a(j) == 0) continue;
            double v = 0;
            for (int c = 0; c < k; c++) {
                double x = Math.abs(g[c * p + j]);
                v = penalties.grouped() ? v + x * x : Math.max(v, x);
            }
            if (penalties.grouped()) v = Math.sqrt(v);
            max = Math.max(max, v / penalties.a(j));
        }
        return max;
    }

    /** Sets the state: coefficients on the original scale (k×p, null: zeros) and intercepts (null: the null model's). */
    public void start(double[][] coef, double[] intercepts) {
        double[] w = null;
        if (coef != null) {
            w = new double[k * p];
            for (int c = 0; c < k; c++) for (int j = 0; j < p; j++) w[c * p + j] = excluded[j] ? 0.0 : coef[c][j];
        }
        double[] b = null;
        if (intercepts != null && intercept) {
            b = new double[k];
            for (int c = 0; c < k; c++) {
                b[c] = intercepts[c];
                if (w != null) for (int j = 0; j < p; j++) b[c] += mean[j] * w[c * p + j];
            }
        }
        engine.reset(w, b);
    }

    /** The current coefficients on the original scale of X, one row per class (a coefficient at a bound is exactly it). */
    public double[][] coef() {
        double[][] out = new double[k][p];
        for (int c = 0; c < k; c++) System.arraycopy(engine.w, c * p, out[c], 0, p);
        return out;
    }

    /**
     * The current intercepts on the original scale, bₖ − x̄ᵀwₖ (0 without an intercept); multinomial intercepts are
     * shifted to sum to 0 (the loss does not see a common shift).
     */
    public double[] intercepts() {
        double[] out = new double[k];
        if (!intercept) return out;
        double avg = 0;
        for (int c = 0; c < k; c++) {
            double v = engine.b[c];
            for (int j = 0; j < p; j++) v -= mean[j] * engine.w[c * p + j];
            out[c] = v;
            avg += v / k;
        }
        if (k > 1) for (int c = 0; c < k; c++) out[c] -= avg;
        return out;
    }

    /** The objective at the current state for strengths l1, l2. */
    public double objective(double l1, double l2) {
        return engine.objective(l1, l2);
    }
}
