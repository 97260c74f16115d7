package dev.shrink.solvers;

/**
 * Lasso, scikit-learn's {@code Lasso}: minimises {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼ|wⱼ|} (weights as in
 * {@link ElasticNet}); the elastic net with l1Ratio = 1, solved by it. Immutable; build with {@link #builder()}.
 */
public final class Lasso {
    private final ElasticNet net;

    private Lasso(ElasticNet net) {
        this.net = net;
    }

    public static Builder builder() {
        return new Builder();
    }

    public double alpha() { return net.alpha(); }
    public boolean fitIntercept() { return net.fitIntercept(); }
    public int maxIter() { return net.maxIter(); }
    public double tol() { return net.tol(); }
    public boolean strict() { return net.strict(); }
    public Precompute precompute() { return net.precompute(); }
    public boolean positive() { return net.positive(); }
    public int threads() { return net.threads(); }

    public LinearModel fit(double[][] x, double[] y) { return net.fit(x, y); }
    public LinearModel fit(double[][] x, double[] y, double[] sampleWeight) { return net.fit(x, y, sampleWeight); }
    public LinearModel fit(Design x, double[] y) { return net.fit(x, y); }
    public LinearModel fit(Design x, double[] y, double[] sampleWeight) { return net.fit(x, y, sampleWeight); }
    /** Fits from the given starting coefficients (warm start; null = zeros). */
    public LinearModel fit(Design x, double[] y, double[] sampleWeight, double[] initialCoef) { return net.fit(x, y, sampleWeight, initialCoef); }
    /** Fits in covariance mode on precomputed statistics. */
    public LinearModel fit(SufficientStats stats) { return net.fit(stats); }

    @Override
    public String toString() {
        return "Lasso[alpha=" + alpha() + ", fitIntercept=" + fitIntercept() + ", maxIter=" + maxIter() + ", tol=" + tol()
                + ", precompute=" + precompute() + (positive() ? ", positive" : "") + ", threads=" + threads() + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private final ElasticNet.Builder b = ElasticNet.builder().l1Ratio(1.0);

        private Builder() {}

        /** Penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { b.alpha(alpha); return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { b.fitIntercept(fitIntercept); return this; }
        /** Most coordinate-descent sweeps (default 1000). */
        public Builder maxIter(int maxIter) { b.maxIter(maxIter); return this; }
        /** Stop when the duality gap is ≤ tol·‖y − ȳ‖² (default 1e-4). */
        public Builder tol(double tol) { b.tol(tol); return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { b.strict(strict); return this; }
        /** How the data are read (default {@link Precompute#AUTO}). */
        public Builder precompute(Precompute precompute) { b.precompute(precompute); return this; }
        /** Constrain every coefficient to be ≥ 0 (scikit-learn's {@code positive}; default false). */
        public Builder positive(boolean positive) { b.positive(positive); return this; }
        /** Row chunks (threads) of the passes over X, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { b.threads(threads); return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public Lasso build() {
            return new Lasso(b.build());
        }
    }
}
