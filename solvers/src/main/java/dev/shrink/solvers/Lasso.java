package dev.shrink.solvers;

/**
 * Lasso, scikit-learn's {@code Lasso}: minimises {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼ|wⱼ|} (weights as in
 * {@link ElasticNet}); the elastic net with l1Ratio = 1. Immutable; build with {@link #builder()}.
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

    /** The same estimator as an {@link ElasticNet} with l1Ratio = 1. */
    public ElasticNet asElasticNet() {
        return net;
    }

    public LinearModel fit(double[][] x, double[] y) { return net.fit(x, y); }
    public LinearModel fit(double[][] x, double[] y, double[] sampleWeight) { return net.fit(x, y, sampleWeight); }
    public LinearModel fit(Design x, double[] y) { return net.fit(x, y); }
    public LinearModel fit(Design x, double[] y, double[] sampleWeight) { return net.fit(x, y, sampleWeight); }
    public LinearModel fit(Design x, double[] y, double[] sampleWeight, double[] initialCoef) { return net.fit(x, y, sampleWeight, initialCoef); }
    public LinearModel fit(SufficientStats stats) { return net.fit(stats); }

    @Override
    public String toString() {
        return "Lasso[alpha=" + alpha() + ", fitIntercept=" + fitIntercept() + ", maxIter=" + maxIter() + ", tol=" + tol() + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private final ElasticNet.Builder b = ElasticNet.builder().l1Ratio(1.0);

        private Builder() {}

        public Builder alpha(double alpha) { b.alpha(alpha); return this; }
        public Builder fitIntercept(boolean fitIntercept) { b.fitIntercept(fitIntercept); return this; }
        public Builder maxIter(int maxIter) { b.maxIter(maxIter); return this; }
        public Builder tol(double tol) { b.tol(tol); return this; }
        public Builder strict(boolean strict) { b.strict(strict); return this; }
        public Builder mode(LeastSquaresProblem.Mode mode) { b.mode(mode); return this; }

        public Lasso build() {
            return new Lasso(b.build());
        }
    }
}
