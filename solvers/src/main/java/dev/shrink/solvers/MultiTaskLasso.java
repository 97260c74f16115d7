package dev.shrink.solvers;

/**
 * Multi-task lasso, scikit-learn's {@code MultiTaskLasso}: minimises
 * {@code (1/(2n))·‖Y − XWᵀ − 1bᵀ‖²_F + alpha·Σⱼ sqrt(Σₜ wₜⱼ²)}; the multi-task elastic net with l1Ratio = 1, solved by
 * it. Immutable; build with {@link #builder()}.
 */
public final class MultiTaskLasso {
    private final MultiTaskElasticNet net;

    private MultiTaskLasso(MultiTaskElasticNet net) {
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
    public int threads() { return net.threads(); }

    public MultiTaskModel fit(double[][] x, double[][] y) { return net.fit(x, y); }
    public MultiTaskModel fit(Design x, double[][] y) { return net.fit(x, y); }

    @Override
    public String toString() {
        return "MultiTaskLasso[alpha=" + alpha() + ", fitIntercept=" + fitIntercept() + ", maxIter=" + maxIter() + ", tol=" + tol()
                + ", threads=" + threads() + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, fitIntercept, maxIter 1000, tol 1e-4. */
    public static final class Builder {
        private final MultiTaskElasticNet.Builder b = MultiTaskElasticNet.builder().l1Ratio(1.0);

        private Builder() {}

        /** Penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { b.alpha(alpha); return this; }
        /** Fit an unpenalised intercept per task (default true). */
        public Builder fitIntercept(boolean fitIntercept) { b.fitIntercept(fitIntercept); return this; }
        /** Most sweeps (default 1000). */
        public Builder maxIter(int maxIter) { b.maxIter(maxIter); return this; }
        /** Stop when the duality gap is ≤ tol·‖Y − Ȳ‖²_F (default 1e-4). */
        public Builder tol(double tol) { b.tol(tol); return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { b.strict(strict); return this; }
        /** Row chunks (threads) of the Gram pass, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { b.threads(threads); return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public MultiTaskLasso build() {
            return new MultiTaskLasso(b.build());
        }
    }
}
