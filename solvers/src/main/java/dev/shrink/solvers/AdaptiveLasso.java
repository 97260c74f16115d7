package dev.shrink.solvers;

import dev.shrink.solvers.cd.LeastSquaresProblem;
import dev.shrink.solvers.internal.ColumnSubset;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Adaptive lasso (Zou 2006, "The adaptive lasso and its oracle properties"), in two stages:
 * <ol>
 *   <li>a first fit ŵ ({@link FirstStage#RIDGE} by default, {@link FirstStage#OLS} or {@link FirstStage#LASSO}, each
 *   with the intercept and sample weights of the second stage);</li>
 *   <li>the lasso (or elastic net) with penalty factors fⱼ = 1/|ŵⱼ|^γ: minimises
 *   {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼfⱼ(l1Ratio·|wⱼ| + ½(1 − l1Ratio)·wⱼ²)} (scikit-learn's elastic-net
 *   scaling; penalty factors as in the scikit-learn dialect of {@code ElasticNetPath}). A feature with ŵⱼ = 0 has an
 *   infinite factor and stays out (wⱼ = 0).</li>
 * </ol>
 * Large first-stage coefficients are penalised little, small ones a lot, which makes the selection consistent where
 * the lasso's is not. The result keeps both stages ({@link AdaptiveLassoModel}). Squared loss; the logistic adaptive
 * lasso is {@link LogisticAdaptiveLasso}. A {@link SparseDesign} is fitted as it is (both stages read its stored
 * entries; stage 2 runs on a compressed copy of the kept columns only when stage 1 dropped some). Immutable; build
 * with {@link #builder()}.
 */
public final class AdaptiveLasso {
    /** The estimator of stage 1 (for {@link LogisticAdaptiveLasso}: the L2, unpenalised and L1 logistic fits). */
    public enum FirstStage {
        /** {@link Ridge} with {@code firstStageAlpha} (default 1): defined for any shape, Zou's choice when p is large. */
        RIDGE,
        /** Least squares (needs n &gt; p and a non-singular design). */
        OLS,
        /** {@link Lasso} with {@code firstStageAlpha}: features it drops stay out of stage 2. */
        LASSO
    }

    private final double alpha;
    private final double l1Ratio;
    private final double gamma;
    private final FirstStage firstStage;
    private final double firstStageAlpha;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private AdaptiveLasso(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        this.gamma = checkGamma(b.gamma);
        if (b.firstStage == null) throw new IllegalArgumentException("firstStage must not be null");
        this.firstStage = b.firstStage;
        this.firstStageAlpha = Inputs.nonNegative("firstStageAlpha", b.firstStageAlpha);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
    }

    /** γ &gt; 0 and finite. */
    public static double checkGamma(double gamma) {
        if (!(gamma > 0) || gamma == Double.POSITIVE_INFINITY) throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        return gamma;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this estimator's settings. */
    public Builder toBuilder() {
        return new Builder().alpha(alpha).l1Ratio(l1Ratio).gamma(gamma).firstStage(firstStage).firstStageAlpha(firstStageAlpha)
                .fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).threads(threads);
    }

    public double alpha() { return alpha; }
    public double l1Ratio() { return l1Ratio; }
    public double gamma() { return gamma; }
    public FirstStage firstStage() { return firstStage; }
    public double firstStageAlpha() { return firstStageAlpha; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }

    public AdaptiveLassoModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public AdaptiveLassoModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public AdaptiveLassoModel fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Both stages.
     *
     * @throws IllegalArgumentException on bad input, naming the argument and the position
     * @throws ConvergenceException     in strict mode when the second stage's duality gap does not reach the tolerance
     */
    public AdaptiveLassoModel fit(Design x, double[] y, double[] sampleWeight) {
        LinearModel first = firstStageFit(x, y, sampleWeight);
        double[] factors = penaltyFactors(first.coef(), gamma);
        ColumnSubset kept = ColumnSubset.finite(x.matrix(), factors);
        double[] w = new double[kept.columns().length];
        LinearModel second;
        if (w.length == 0) {
            // stage 1 dropped everything: the intercept alone
            double b = 0;
            if (fitIntercept) {
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    double wi = sampleWeight == null ? 1.0 : sampleWeight[i];
                    b += wi * y[i];
                    s += wi;
                }
                b /= s;
            }
            second = new LinearModel(new double[x.p()], b, Convergence.direct("no feature left after stage 1"));
        } else {
            // sparse X: residual updates on the kept columns, as ElasticNet's choice there
            LeastSquaresProblem problem = LeastSquaresProblem.of(DesignMatrix.of(kept.design(), threads), y, sampleWeight, fitIntercept, false,
                    x instanceof SparseDesign ? LeastSquaresProblem.Mode.NONE : LeastSquaresProblem.Mode.AUTO);
            double l1 = problem.n() * alpha * l1Ratio;
            double l2 = problem.n() * alpha * (1 - l1Ratio);
            double gapTol = tol * problem.yNorm2();
            LeastSquaresProblem.Solution s = problem.solve(w, l1, l2, kept.factors(), l1, gapTol, tol, maxIter);
            double[] coef = problem.originalCoef(w);
            Convergence c = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", s.iterations(), s.gap(), gapTol, s.converged(), maxIter);
            if (strict) c.requireConverged();
            second = new LinearModel(kept.scatter(coef, x.p()), problem.intercept(coef), c);
        }
        return new AdaptiveLassoModel(second, first, firstStage, gamma, factors);
    }

    /** Stage 1 alone, with this estimator's settings. */
    public LinearModel firstStageFit(Design x, double[] y, double[] sampleWeight) {
        return switch (firstStage) {
            case RIDGE -> Ridge.builder().alpha(firstStageAlpha).fitIntercept(fitIntercept).threads(threads).build().fit(x, y, sampleWeight);
            case OLS -> Ridge.builder().alpha(0).fitIntercept(fitIntercept).threads(threads).build().fit(x, y, sampleWeight);
            case LASSO -> Lasso.builder().alpha(firstStageAlpha).fitIntercept(fitIntercept).tol(tol).maxIter(maxIter).threads(threads).build()
                    .fit(x, y, sampleWeight);
        };
    }

    /** fⱼ = 1/|ŵⱼ|^γ, +∞ for ŵⱼ = 0 (also where the power overflows). */
    public static double[] penaltyFactors(double[] firstStageCoef, double gamma) {
        checkGamma(gamma);
        double[] f = new double[firstStageCoef.length];
        for (int j = 0; j < f.length; j++) {
            double v = 1 / Math.pow(Math.abs(firstStageCoef[j]), gamma);
            f[j] = v > 0 ? v : 0.0; // |ŵ|^γ = +∞ would give 0; such a coefficient is not penalised
        }
        return f;
    }

    @Override
    public String toString() {
        return "AdaptiveLasso[alpha=" + alpha + ", l1Ratio=" + l1Ratio + ", gamma=" + gamma + ", firstStage=" + firstStage + "(" + firstStageAlpha
                + "), fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /** Builder; defaults: alpha 1, l1Ratio 1 (lasso), gamma 1, ridge first stage with alpha 1, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private double alpha = 1.0;
        private double l1Ratio = 1.0;
        private double gamma = 1.0;
        private FirstStage firstStage = FirstStage.RIDGE;
        private double firstStageAlpha = 1.0;
        private boolean fitIntercept = true;
        private int maxIter = 1000;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Stage-2 penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Stage 2's share of L1, in [0, 1] (default 1: the adaptive lasso; below 1 the adaptive elastic net). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Exponent γ of the factors 1/|ŵⱼ|^γ, finite and &gt; 0 (default 1). */
        public Builder gamma(double gamma) { this.gamma = gamma; return this; }
        /** Stage-1 estimator (default {@link FirstStage#RIDGE}). */
        public Builder firstStage(FirstStage firstStage) { this.firstStage = firstStage; return this; }
        /** Stage-1 penalty: Ridge's alpha (Σ(y − Xw − b)² + α‖w‖²) or Lasso's; ignored for OLS (default 1). */
        public Builder firstStageAlpha(double alpha) { this.firstStageAlpha = alpha; return this; }
        /** Fit an unpenalised intercept in both stages (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most coordinate-descent sweeps (default 1000). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stage 2 stops when its duality gap is ≤ tol·‖y − ȳ‖² (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the passes over X, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public AdaptiveLasso build() {
            return new AdaptiveLasso(this);
        }
    }
}
