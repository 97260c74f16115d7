package dev.shrink.solvers.cd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * A prepared penalised least-squares problem for coordinate descent, in scikit-learn's scaling: minimise
 * {@code ½‖ỹ − X̃w‖² + l1·Σⱼfⱼ|wⱼ| + ½·l2·Σⱼfⱼwⱼ²} where X̃, ỹ are the data with weights normalised to sum to n,
 * centred (weighted means) when an intercept is fitted, and with columns divided by dⱼ (glmnet's 1/n standard
 * deviation) when standardised. scikit-learn's ElasticNet(alpha, l1Ratio) is l1 = n·alpha·l1Ratio,
 * l2 = n·alpha·(1 − l1Ratio); glmnet's Gaussian family adds the factor 1/yScale on l2.
 *
 * <p>Covariance mode (Gram columns, n ≥ p), naive mode (residuals, p &gt; n) or the working set's Gram ({@link Mode}). The problem keeps state (the
 * current coefficients' residual or Gram product), so warm-started sequences of {@link #solve} calls are cheap; one
 * instance is not for concurrent use. Used by {@code ElasticNet}, the paths and cross-validation.
 */
public final class LeastSquaresProblem {
    /**
     * Which coordinate-descent representation to use; the constants are named as the public
     * {@code dev.shrink.solvers.Precompute} they stand for ({@link #of(String)}).
     */
    public enum Mode {
        /** Covariance mode when n ≥ p, naive mode otherwise. */
        AUTO,
        /** Gram updates (glmnet "covariance"): cost per update independent of n. */
        GRAM,
        /** Residual updates (glmnet "naive"): cost per update O(n), no Gram columns. */
        NONE,
        /**
         * Gram of the working set's columns only, full gradient by a pass over X ({@link WorkingSetProblem}): a few
         * passes over X in all when the support is small; the single fits' choice under AUTO.
         */
        WORKING_SET;

        /** The mode of the public choice with this name (estimators pass {@code precompute.name()}). */
        public static Mode of(String precompute) {
            return valueOf(precompute);
        }
    }

    final CdProblem problem;
    final double[] mean;
    final double ybar;
    final double[] scale;
    final int n;
    private final boolean fitIntercept;
    private double[] state;
    private double[] gradient;
    private boolean gradientValid;
    /** The box of the last {@link #solve} (null: none); predictions stay inside it. */
    private Box box;
    /** The gradient is exact except for columns screened in the last solve, whose entries are stale (bounded by drift). */
    private boolean gradientStale;
    /** The last two solutions of {@link #solve} and their affine states, for {@link #predictNext} (null: none). */
    private double[] solution1, state1, solution0, state0;

    private LeastSquaresProblem(CdProblem problem, double[] mean, double ybar, double[] scale, int n, boolean fitIntercept) {
        this.problem = problem;
        this.mean = mean;
        this.ybar = ybar;
        this.scale = scale;
        this.n = n;
        this.fitIntercept = fitIntercept;
        this.state = new double[problem.p];
        this.gradient = new double[problem.p];
    }

    /** Result of one {@link #solve}: sweeps, final duality gap (in the problem's scaling), converged flag. */
    public record Solution(int iterations, double gap, boolean converged) {}

    /** A solve turned into a model on the original scale: coefficients, intercept, and how the solve ended. */
    public record Fit(double[] coef, double intercept, Solution solution) {}

    /**
     * One fit from {@code initialCoef} (original scale; null = zeros) at penalties l1, l2 (no factors, no screening):
     * the solve followed by the way back to the user's scale.
     */
    public Fit fit(double[] initialCoef, double l1, double l2, double gapTol, double dwTol, int maxIter) {
        return fit(initialCoef, l1, l2, null, gapTol, dwTol, maxIter);
    }

    /** As {@link #fit(double[], double, double, double, double, int)} subject to a box on the original scale (null: none). */
    public Fit fit(double[] initialCoef, double l1, double l2, Box box, double gapTol, double dwTol, int maxIter) {
        double[] w = new double[problem.p];
        Box b = box == null ? null : box.scaledBy(scale);
        if (initialCoef != null) {
            for (int j = 0; j < w.length; j++) w[j] = scale == null ? initialCoef[j] : scale[j] == 0 ? 0.0 : initialCoef[j] / scale[j];
            if (b != null) for (int j = 0; j < w.length; j++) w[j] = b.clip(j, w[j]);
        }
        Solution r = solve(w, l1, l2, null, b, l1, gapTol, dwTol, maxIter);
        double[] coef = originalCoef(w, box);
        return new Fit(coef, intercept(coef), r);
    }

    /**
     * Validates and prepares user data.
     *
     * @param sampleWeight null for all 1; normalised to sum to n
     * @param standardize  divide the (centred) columns by dⱼ = sqrt(Σsᵢ(xᵢⱼ − x̄ⱼ)²/n) (glmnet; constant columns get 0)
     */
    public static LeastSquaresProblem of(DesignMatrix x, double[] y, double[] sampleWeight, boolean fitIntercept, boolean standardize, Mode mode) {
        Inputs.response(y, x.rows());
        Inputs.weights(sampleWeight, x.rows());
        double[] s = Moments.normalizedWeights(sampleWeight, x.rows());
        // a sparse X with an intercept: means, centred squares and Xᵀ(s∘(y − ȳ)) in one pass over the stored entries,
        // shared by the standardisation, the centring and naive mode's diagonal and first gradient
        DesignMatrix.Moments moments = null;
        if (x.isSparse() && fitIntercept) {
            double ybar = Moments.mean(y, s);
            double[] y0 = new double[y.length];
            for (int i = 0; i < y0.length; i++) y0[i] = y[i] - ybar;
            moments = x.moments(s, y0);
        }
        double[] scale = null;
        if (standardize) {
            double[] sq = moments != null ? moments.squares() : x.centeredSquares(s, fitIntercept ? x.columnMeans(s) : new double[x.cols()]);
            scale = new double[x.cols()];
            for (int j = 0; j < scale.length; j++) {
                double d = Math.sqrt(sq[j] / x.rows());
                scale[j] = d > 0 ? 1 / d : 0.0;
            }
        }
        return of(x, y, s, fitIntercept, scale, mode == null ? Mode.AUTO : mode, moments);
    }

    /** {@link #of(DesignMatrix, double[], double[], boolean, boolean, Mode)} on a dense view, its passes in {@code threads} row chunks. */
    public static LeastSquaresProblem of(MatrixView x, double[] y, double[] sampleWeight, boolean fitIntercept, boolean standardize, Mode mode,
                                         int threads) {
        return of(DesignMatrix.of(x, Threads.check(threads)), y, sampleWeight, fitIntercept, standardize, mode);
    }

    public int n() {
        return n;
    }

    public int p() {
        return problem.p;
    }

    public boolean fitIntercept() {
        return fitIntercept;
    }

    /** ‖ỹ‖² (the scale of scikit-learn's gap tolerance). */
    public double yNorm2() {
        return problem.yNorm2();
    }

    /** X̃ᵀỹ, the gradient at w = 0 (alpha_max = max|X̃ᵀỹ|/(n·l1Ratio)). Resets the state to w = 0. */
    public double[] correlations() {
        state = new double[problem.p];
        problem.reset(state);
        problem.gradient(gradient, null);
        gradientValid = true;
        return gradient.clone();
    }

    /**
     * Minimises from w (warm start, on the transformed scale: standardised coefficients when standardised) and leaves
     * the minimiser in w.
     *
     * @param factors  penalty factors fⱼ ≥ 0 or null
     * @param screenL1 initial working-set threshold (see the sequential strong rule); l1 for none
     * @param gapTol   absolute duality-gap tolerance (scikit-learn: tol·{@link #yNorm2()})
     * @param dwTol    relative coefficient change that triggers a gap check (scikit-learn: tol)
     */
    public Solution solve(double[] w, double l1, double l2, double[] factors, double screenL1, double gapTol, double dwTol, int maxIter) {
        return solve(w, l1, l2, factors, null, screenL1, gapTol, dwTol, maxIter);
    }

    /**
     * As {@link #solve(double[], double, double, double[], double, double, double, int)} subject to a box on the
     * transformed scale ({@link #box}; null: none); w must lie in it.
     */
    public Solution solve(double[] w, double l1, double l2, double[] factors, Box box, double screenL1, double gapTol, double dwTol, int maxIter) {
        if (w.length != problem.p) throw new IllegalArgumentException("w has " + w.length + " values, the problem has " + problem.p);
        this.box = box;
        if (!java.util.Arrays.equals(state, w)) {
            problem.reset(w);
            gradientValid = false;
            gradientStale = false;
        }
        // a gradient left incomplete by screening is completed by the solve, which bounds the skipped entries (naive mode)
        boolean stale = !gradientValid && gradientStale && problem.tracksDrift();
        if (!gradientValid && !stale) problem.gradient(gradient, null);
        CoordinateDescent.Result r = CoordinateDescent.solve(problem, w, l1, l2, factors, box, screenL1, gapTol, dwTol, maxIter, gradient, stale);
        gradientValid = r.converged() && r.screened() == 0; // screened columns were not read at the last check
        gradientStale = r.converged() && r.screened() > 0;
        state = w.clone();
        double[] affine = problem.affineState();
        solution0 = solution1;
        state0 = state1;
        solution1 = affine == null ? null : state.clone();
        state1 = affine;
        return new Solution(r.iterations(), r.gap(), r.converged());
    }

    /**
     * Warm start for the next penalty of a path: from the last two solutions w₀, w₁ of {@link #solve} (w holds w₁, the
     * last one), the first-order prediction w₁ + r·(w₁ − w₀) with r = (α₂ − α₁)/(α₁ − α₀) — on a fixed support and
     * signs the solution is a smooth function of the penalty, so this removes the first-order part of the change
     * (the predictor of a predictor–corrector path, Allgower &amp; Georg 1990, §2.2). Only coefficients nonzero with one
     * sign in w₀, w₁ and the prediction are extrapolated; the rest keep w₁. In covariance mode the state follows in
     * O(p) (H = X̃ᵀX̃w is linear in w) plus one Gram column per coefficient kept; elsewhere nothing is done.
     *
     * @return whether w was changed (false: fewer than two solutions known, w is not the last one, no affine state,
     *         or r outside (0, 2])
     */
    public boolean predictNext(double[] w, double r) {
        if (solution0 == null || solution1 == null || !(r > 0 && r <= 2) || !Arrays.equals(w, solution1) || !Arrays.equals(state, w)) {
            return false;
        }
        problem.extrapolateState(state0, r);
        for (int j = 0; j < w.length; j++) {
            double w0 = solution0[j];
            double w1 = solution1[j];
            double linear = w1 + r * (w1 - w0); // what the state now corresponds to
            boolean inside = box == null || box.clip(j, linear) == linear;
            double next = w1 != 0 && Math.signum(w0) == Math.signum(w1) && Math.signum(linear) == Math.signum(w1) && inside ? linear : w1;
            if (next != linear) problem.move(j, next - linear);
            w[j] = next;
        }
        state = w.clone();
        gradientValid = false;
        gradientStale = false;
        return true;
    }

    /** X̃ᵀR at the coefficients of the last solve (for screening rules and KKT checks), every entry exact. */
    public double[] gradient() {
        if (!gradientValid) {
            problem.gradient(gradient, null);
            gradientValid = true;
        }
        return gradient.clone();
    }

    /**
     * @param s      normalised weights (sum n) or null
     * @param scale  column multipliers 1/dⱼ (glmnet standardisation) or null
     */
    static LeastSquaresProblem of(DesignMatrix x, double[] y, double[] s, boolean fitIntercept, double[] scale, Mode mode) {
        return of(x, y, s, fitIntercept, scale, mode, null);
    }

    /** @param moments X's moments with weights s and v = y − ȳ when already computed (with an intercept), else null */
    private static LeastSquaresProblem of(DesignMatrix x, double[] y, double[] s, boolean fitIntercept, double[] scale, Mode mode,
                                          DesignMatrix.Moments moments) {
        int n = x.rows();
        int p = x.cols();
        double[] mean = moments != null ? moments.mean() : fitIntercept ? x.columnMeans(s) : new double[p];
        double ybar = fitIntercept ? Moments.mean(y, s) : 0.0;
        CdProblem problem;
        if (mode == Mode.WORKING_SET) {
            problem = new WorkingSetProblem(x, y, s, mean, ybar, scale);
        } else if (mode == Mode.GRAM || (mode == Mode.AUTO && covarianceFits(x))) {
            double[] d = new double[n];
            double sumU = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double w = s == null ? 1.0 : s[i];
                d[i] = y[i] - ybar;
                sumU += w * d[i];
                yy += w * d[i] * d[i];
            }
            problem = denseCovariance(x, s, mean, scale, d, sumU, yy);
            if (problem == null) problem = lazyCovariance(x, s, mean, scale, d, sumU, yy);
        } else {
            problem = NaiveProblem.of(x, y, s, mean, ybar, scale, moments);
        }
        return new LeastSquaresProblem(problem, mean, ybar, scale, n, fitIntercept);
    }

    /**
     * {@link Mode#AUTO}'s choice of covariance mode: n ≥ p for a dense X; for a sparse one also a Gram matrix no larger
     * than the stored entries (p² ≤ nnz), so that it stays within the memory of the data (the bound stated on
     * {@code SparseDesign}); naive mode otherwise.
     */
    static boolean covarianceFits(DesignMatrix x) {
        int n = x.rows();
        int p = x.cols();
        if (n < p) return false;
        return !x.isSparse() || (long) p * p <= x.storedEntries();
    }

    /**
     * Covariance mode with the whole Gram matrix from one pass of the blocked SYRK kernel (X̃ᵀd in the same pass),
     * centred afterwards, {@code XᵀSX − n·x̄x̄ᵀ}: paths and cross-validation end up needing nearly every column, and
     * the blocked kernel costs about as much as p/25–p/20 single-column passes (measured). Returns null when a column's
     * mean is so large against its spread ({@code n·x̄ⱼ² > 1e6·Σsᵢ(xᵢⱼ − x̄ⱼ)²}) that the subtraction would lose more
     * than six digits; the caller then centres column by column.
     *
     * @param d     ỹ before weighting: yᵢ − ȳ
     * @param sumU  Σsᵢdᵢ (0 up to rounding)
     */
    private static CdProblem denseCovariance(DesignMatrix x, double[] s, double[] mean, double[] scale, double[] d, double sumU, double yy) {
        int n = x.rows();
        int p = x.cols();
        double[] g = new double[Checks.elements("the Gram matrix", p, p)];
        double[] c = new double[p];
        x.gram(s, d, g, 0, p, c);
        for (int j = 0; j < p; j++) {
            double squares = g[j * p + j] - n * mean[j] * mean[j]; // weights sum to n
            if (mean[j] != 0 && !(n * mean[j] * mean[j] <= Thresholds.CENTRING_LIMIT * squares)) return null;
        }
        double[] diag = new double[p];
        for (int i = 0; i < p; i++) {
            double mi = n * mean[i];
            double si = scale == null ? 1.0 : scale[i];
            for (int j = 0; j < p; j++) {
                double v = g[i * p + j] - mi * mean[j];
                g[i * p + j] = scale == null ? v : v * si * scale[j];
            }
            diag[i] = g[i * p + i];
            c[i] = (c[i] - mean[i] * sumU) * si;
        }
        return new CovarianceProblem(GramColumns.dense(g, p), diag, c, yy);
    }

    /** Covariance mode with Gram columns centred exactly, one pass over X per column that ever moves (glmnet's way). */
    private static CdProblem lazyCovariance(DesignMatrix x, double[] s, double[] mean, double[] scale, double[] d, double sumU, double yy) {
        int n = x.rows();
        int p = x.cols();
        double[] squares = x.centeredSquares(s, mean);
        double[] diag = squares.clone();
        if (scale != null) for (int j = 0; j < p; j++) diag[j] *= scale[j] * scale[j];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) u[i] = (s == null ? 1.0 : s[i]) * d[i];
        double[] c = new double[p];
        x.multiplyTransposed(u, c);
        for (int j = 0; j < p; j++) {
            c[j] -= mean[j] * sumU;
            if (scale != null) c[j] *= scale[j];
        }
        return new CovarianceProblem(new LazyGramColumns(x, s, mean, scale), diag, c, yy);
    }

    /**
     * Covariance mode on the raw weighted sums of sufficient statistics (rows, S = Σsᵢ, Σsᵢxᵢ, Σsᵢyᵢ, Σsᵢyᵢ², G = XᵀSX
     * p×p row-major, c = XᵀSy), in scikit-learn's scaling: weights normalised to sum to the row count, centred when an
     * intercept is fitted. The arrays are read, not kept.
     */
    public static LeastSquaresProblem ofSums(int rows, double sumW, double[] sumWx, double sumWy, double sumWyy, double[] gram,
                                             double[] xty, boolean fitIntercept) {
        int p = xty.length;
        double k = rows / sumW;
        double[] g = fitIntercept ? Moments.centeredGram(gram, sumWx, sumW, k) : gram.clone();
        if (!fitIntercept) for (int i = 0; i < g.length; i++) g[i] *= k;
        double[] c = fitIntercept ? Moments.centeredXty(xty, sumWx, sumW, sumWy) : xty.clone();
        double yy = fitIntercept ? Moments.centeredYty(sumWyy, sumWy, sumW) : sumWyy;
        double[] diag = new double[p];
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            c[j] *= k;
            diag[j] = g[j * p + j];
            if (fitIntercept) mean[j] = sumWx[j] / sumW;
        }
        double ybar = fitIntercept ? sumWy / sumW : 0.0;
        return new LeastSquaresProblem(new CovarianceProblem(GramColumns.dense(g, p), diag, c, yy * k), mean, ybar, null, rows, fitIntercept);
    }

    /** Bounds on the original scale of X as bounds on this problem's coefficients (standardised: times dⱼ). */
    public Box box(Box original) {
        return original == null ? null : original.scaledBy(scale);
    }

    /** Coefficients on the original scale of X (wⱼ/dⱼ when standardised). */
    public double[] originalCoef(double[] w) {
        double[] out = w.clone();
        if (scale != null) for (int j = 0; j < out.length; j++) out[j] *= scale[j];
        return out;
    }

    /**
     * As {@link #originalCoef(double[])}, with a coefficient at a bound of {@code original} (null: none) returned as
     * exactly that bound rather than its round trip through the scaling.
     */
    public double[] originalCoef(double[] w, Box original) {
        double[] out = originalCoef(w);
        if (original == null || scale == null) return out;
        Box scaled = original.scaledBy(scale);
        for (int j = 0; j < out.length; j++) {
            if (w[j] != 0 && w[j] == scaled.lower()[j]) out[j] = original.lower()[j];
            if (w[j] != 0 && w[j] == scaled.upper()[j]) out[j] = original.upper()[j];
        }
        return out;
    }

    /** The intercept ȳ − x̄ᵀw for coefficients on the original scale (0 without intercept). */
    public double intercept(double[] originalCoef) {
        if (!fitIntercept) return 0.0;
        double b = ybar;
        for (int j = 0; j < originalCoef.length; j++) b -= mean[j] * originalCoef[j];
        return b;
    }
}
