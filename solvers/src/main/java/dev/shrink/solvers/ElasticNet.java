package dev.shrink.solvers;

/**
 * Elastic net, scikit-learn's {@code ElasticNet}: minimises
 * {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·l1Ratio·Σⱼ|wⱼ| + ½·alpha·(1 − l1Ratio)·Σⱼwⱼ²}
 * (with sample weights: {@code (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)²}, S = Σsᵢ); the intercept b is not penalised.
 *
 * <p>Coordinate descent with a working set, Anderson extrapolation and scikit-learn's duality-gap stop
 * ({@code gap ≤ tol·‖y − ȳ‖²}, with weights normalised to sum to n); by default on the Gram of the working set
 * ({@link LeastSquaresProblem.Mode#WORKING_SET}), which solves the working-set problem to a fraction of that tolerance. With l1Ratio = 0 the gap is the ridge gap (see {@code CoordinateDescent.gap}).
 * Immutable; build with {@link #builder()}.
 */
public final class ElasticNet {
    private final double alpha;
    private final double l1Ratio;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final LeastSquaresProblem.Mode mode;

    private ElasticNet(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.mode = b.mode == null ? LeastSquaresProblem.Mode.AUTO : b.mode;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().alpha(alpha).l1Ratio(l1Ratio).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict).mode(mode);
    }

    public double alpha() { return alpha; }
    public double l1Ratio() { return l1Ratio; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public LeastSquaresProblem.Mode mode() { return mode; }

    public LinearModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null, null);
    }

    public LinearModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight, null);
    }

    public LinearModel fit(Design x, double[] y) {
        return fit(x, y, null, null);
    }

    public LinearModel fit(Design x, double[] y, double[] sampleWeight) {
        return fit(x, y, sampleWeight, null);
    }

    /**
     * Fits from the given starting coefficients (warm start; null = zeros).
     *
     * @throws IllegalArgumentException on bad input (see {@link Inputs})
     * @throws ConvergenceException     in strict mode when the duality gap does not reach the tolerance
     */
    public LinearModel fit(Design x, double[] y, double[] sampleWeight, double[] initialCoef) {
        Inputs.response(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        Inputs.coefficients("initialCoef", initialCoef, x.p());
        double[] s = LeastSquaresProblem.normalizedWeights(sampleWeight, x.n());
        // one solve: the working set's Gram costs a few passes over X, covariance mode a full Gram (n·p²/2)
        LeastSquaresProblem.Mode m = mode == LeastSquaresProblem.Mode.AUTO ? LeastSquaresProblem.Mode.WORKING_SET : mode;
        return solve(LeastSquaresProblem.of(x, y, s, fitIntercept, null, m, 1), initialCoef);
    }

    /** Fits in covariance mode on precomputed statistics (e.g. training folds: total − fold). */
    public LinearModel fit(SufficientStats stats) {
        return fit(stats, null);
    }

    public LinearModel fit(SufficientStats stats, double[] initialCoef) {
        Inputs.coefficients("initialCoef", initialCoef, stats.p());
        return solve(LeastSquaresProblem.of(stats, fitIntercept), initialCoef);
    }

    private LinearModel solve(LeastSquaresProblem setup, double[] initialCoef) {
        int p = setup.problem.p;
        double[] w = initialCoef == null ? new double[p] : initialCoef.clone();
        double l1 = alpha * l1Ratio * setup.n;
        double l2 = alpha * (1 - l1Ratio) * setup.n;
        double gapTol = tol * setup.yNorm2();
        LeastSquaresProblem.Solution r = setup.solve(w, l1, l2, null, l1, gapTol, tol, maxIter);
        Convergence c = convergence(r, gapTol, maxIter);
        if (strict) c.requireConverged();
        double[] coef = setup.originalCoef(w);
        return new LinearModel(coef, setup.intercept(coef), c);
    }

    /** The convergence record of a coordinate-descent solve, in the words of its tolerance. */
    public static Convergence convergence(LeastSquaresProblem.Solution r, double gapTol, int maxIter) {
        String msg = r.converged()
                ? "converged after " + r.iterations() + " sweeps: duality gap " + r.gap() + " ≤ " + gapTol
                : r.iterations() >= maxIter
                ? "not converged after maxIter = " + maxIter + " sweeps: duality gap " + r.gap() + " > tolerance " + gapTol + " (tol·‖y − ȳ‖²)"
                : "stopped after " + r.iterations() + " sweeps at the rounding floor: duality gap " + r.gap() + " > tolerance " + gapTol;
        return new Convergence(r.iterations(), r.gap(), gapTol, r.converged(), msg);
    }

    @Override
    public String toString() {
        return "ElasticNet[alpha=" + alpha + ", l1Ratio=" + l1Ratio + ", fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, l1Ratio 0.5, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private double alpha = 1.0;
        private double l1Ratio = 0.5;
        private boolean fitIntercept = true;
        private int maxIter = 1000;
        private double tol = 1e-4;
        private boolean strict;
        private LeastSquaresProblem.Mode mode = LeastSquaresProblem.Mode.AUTO;

        private Builder() {}

        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model. */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        public Builder mode(LeastSquaresProblem.Mode mode) { this.mode = mode; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public ElasticNet build() {
            return new ElasticNet(this);
        }
    }
}
