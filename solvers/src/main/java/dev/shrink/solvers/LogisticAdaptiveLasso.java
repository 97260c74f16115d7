package dev.shrink.solvers;

import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.ColumnSubset;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * Adaptive lasso with logistic loss (Zou 2006, §4 "further extensions": the adaptive lasso for GLMs), two labels, in
 * the scikit-learn dialect of {@link LogisticRegression}:
 * <ol>
 *   <li>a first logistic fit ŵ: {@link AdaptiveLasso.FirstStage#RIDGE} (default) is {@link LogisticRegression} with
 *   penalty L2 and {@code C = firstStageC}; {@link AdaptiveLasso.FirstStage#OLS} is the unpenalised fit (maximum
 *   likelihood: needs n &gt; p and labels that are not separable); {@link AdaptiveLasso.FirstStage#LASSO} is penalty L1
 *   with {@code firstStageC} (features it drops stay out) — each with the intercept and sample weights of stage 2;</li>
 *   <li>the L1 (or elastic-net) logistic regression with penalty factors fⱼ = 1/|ŵⱼ|^γ: minimises
 *   {@code C·Σᵢsᵢ·ℓᵢ + Σⱼfⱼ·(l1Ratio·|wⱼ| + ½·(1 − l1Ratio)·wⱼ²)}, ℓᵢ = log(1 + exp(−tᵢ(xᵢ·w + b))), tᵢ = ±1 for
 *   the larger / smaller label, b not penalised. A feature with ŵⱼ = 0 has an infinite factor and stays out
 *   (wⱼ = 0).</li>
 * </ol>
 * The factors go to the GLM engine (proximal Newton) as its per-feature penalty weights, the ones glmnet's
 * {@code penalty.factor} uses there (aⱼ = bⱼ = fⱼ, no standardisation, no rescaling to sum p), rather than through the
 * column rescaling x̃ⱼ = xⱼ/fⱼ: the rescaling is exact only for l1Ratio = 1 (its L2 part would weigh wⱼ² by fⱼ², not
 * fⱼ), needs a copy of X and worsens the conditioning where the factors spread over orders of magnitude. Stage 2 stops
 * when its duality gap divided by {@code C·Σsᵢ} is ≤ tol ({@link Convergence.Criterion#RELATIVE_DUALITY_GAP}), as
 * LogisticRegression's L1 and elastic-net fits. The result keeps both stages ({@link LogisticAdaptiveLassoModel}).
 * A {@link SparseDesign} is fitted without densifying it (the GLM engine reads its stored entries; stage 2 runs on a
 * compressed copy of the kept columns only when stage 1 dropped some). Immutable; build with {@link #builder()}.
 */
public final class LogisticAdaptiveLasso {
    private final double c;
    private final double l1Ratio;
    private final double gamma;
    private final AdaptiveLasso.FirstStage firstStage;
    private final double firstStageC;
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;
    private final boolean strict;
    private final int threads;

    private LogisticAdaptiveLasso(Builder b) {
        this.c = Inputs.positive("C", b.c);
        this.l1Ratio = Inputs.ratio("l1Ratio", b.l1Ratio);
        this.gamma = AdaptiveLasso.checkGamma(b.gamma);
        if (b.firstStage == null) throw new IllegalArgumentException("firstStage must not be null");
        this.firstStage = b.firstStage;
        this.firstStageC = Inputs.positive("firstStageC", b.firstStageC);
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
        this.strict = b.strict;
        this.threads = Threads.check(b.threads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this estimator's settings. */
    public Builder toBuilder() {
        return new Builder().C(c).l1Ratio(l1Ratio).gamma(gamma).firstStage(firstStage).firstStageC(firstStageC).fitIntercept(fitIntercept)
                .maxIter(maxIter).tol(tol).strict(strict).threads(threads);
    }

    public double C() { return c; }
    public double l1Ratio() { return l1Ratio; }
    public double gamma() { return gamma; }
    public AdaptiveLasso.FirstStage firstStage() { return firstStage; }
    public double firstStageC() { return firstStageC; }
    public boolean fitIntercept() { return fitIntercept; }
    public int maxIter() { return maxIter; }
    public double tol() { return tol; }
    public boolean strict() { return strict; }
    public int threads() { return threads; }

    public LogisticAdaptiveLassoModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public LogisticAdaptiveLassoModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public LogisticAdaptiveLassoModel fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Both stages.
     *
     * @throws IllegalArgumentException on bad input (not two labels, weights, shapes), naming the argument
     * @throws ConvergenceException     in strict mode when a stage does not reach its tolerance
     */
    public LogisticAdaptiveLassoModel fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.twoLabels(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        LogisticModel first = firstStageFit(x, y, sampleWeight);
        double[] factors = AdaptiveLasso.penaltyFactors(first.coef(), gamma);
        return new LogisticAdaptiveLassoModel(secondStage(x, y, sampleWeight, factors), first, firstStage, gamma, factors);
    }

    /** Stage 1 alone, with this estimator's settings (strict as this estimator). */
    public LogisticModel firstStageFit(Design x, double[] y, double[] sampleWeight) {
        LogisticRegression.Penalty penalty = switch (firstStage) {
            case RIDGE -> LogisticRegression.Penalty.L2;
            case OLS -> LogisticRegression.Penalty.NONE;
            case LASSO -> LogisticRegression.Penalty.L1;
        };
        return LogisticRegression.builder().penalty(penalty).C(firstStageC).fitIntercept(fitIntercept).maxIter(maxIter).tol(tol).strict(strict)
                .threads(threads).build().fit(x, y, sampleWeight);
    }

    /** Stage 2 alone, for given factors fⱼ ≥ 0 (+∞ leaves a feature out, 0 leaves it unpenalised). */
    public LogisticModel secondStage(Design x, double[] y, double[] sampleWeight, double[] factors) {
        double[] labels = Inputs.twoLabels(y, x.n());
        double sum = sampleWeight == null ? x.n() : Inputs.weights(sampleWeight, x.n());
        Inputs.adaptiveFactors(factors, x.p());
        double[] y01 = new double[y.length];
        for (int i = 0; i < y.length; i++) y01[i] = y[i] == labels[1] ? 1.0 : 0.0;
        ColumnSubset kept = ColumnSubset.finite(x.matrix(), factors);
        if (kept.columns().length == 0) return interceptOnly(x.p(), y01, sampleWeight, sum, labels);
        double[] rows = new double[x.n()];
        for (int i = 0; i < rows.length; i++) rows[i] = c * (sampleWeight == null ? 1.0 : sampleWeight[i]);
        GlmProblem problem = new GlmProblem(GlmProblem.Kind.BINOMIAL, kept.design(), y01, 2, rows, sampleWeight,
                new GlmProblem.Options(fitIntercept, false, kept.factors(), null, null, false, threads));
        double scale = c * sum;
        GlmProblem.Solution s = problem.solve(l1Ratio, 1 - l1Ratio, l1Ratio, tol * scale, maxIter);
        Convergence conv = Convergence.iterative(Convergence.Criterion.RELATIVE_DUALITY_GAP, "Newton steps", s.iterations(), s.gap() / scale, tol,
                s.converged(), maxIter);
        if (strict) conv.requireConverged();
        return new LogisticModel(kept.scatter(problem.coef()[0], x.p()), problem.intercepts()[0], labels[0], labels[1], conv);
    }

    /** Stage 1 left no feature: b = log(p̄/(1 − p̄)), p̄ the weighted share of the positive label (0 without intercept). */
    private LogisticModel interceptOnly(int p, double[] y01, double[] sampleWeight, double sum, double[] labels) {
        double b = 0;
        if (fitIntercept) {
            double pos = 0;
            for (int i = 0; i < y01.length; i++) pos += (sampleWeight == null ? 1.0 : sampleWeight[i]) * y01[i];
            b = Math.log(pos / (sum - pos));
        }
        return new LogisticModel(new double[p], b, labels[0], labels[1],
                Convergence.direct("no feature left after stage 1"));
    }

    @Override
    public String toString() {
        return "LogisticAdaptiveLasso[C=" + c + ", l1Ratio=" + l1Ratio + ", gamma=" + gamma + ", firstStage=" + firstStage + "(C=" + firstStageC
                + "), fitIntercept=" + fitIntercept + ", maxIter=" + maxIter + ", tol=" + tol + ", threads=" + threads + "]";
    }

    /**
     * Builder; defaults: C 1, l1Ratio 1 (L1), gamma 1, an L2 logistic first stage with C 1, fitIntercept, maxIter 100,
     * tol 1e-4 (LogisticRegression's).
     */
    public static final class Builder {
        private double c = 1.0;
        private double l1Ratio = 1.0;
        private double gamma = 1.0;
        private AdaptiveLasso.FirstStage firstStage = AdaptiveLasso.FirstStage.RIDGE;
        private double firstStageC = 1.0;
        private boolean fitIntercept = true;
        private int maxIter = 100;
        private double tol = 1e-4;
        private boolean strict;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Stage-2 inverse penalty strength, finite and &gt; 0 (default 1). */
        public Builder C(double c) { this.c = c; return this; }
        /** Stage 2's share of L1, in [0, 1] (default 1: the adaptive lasso; below 1 the adaptive elastic net). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Exponent γ of the factors 1/|ŵⱼ|^γ, finite and &gt; 0 (default 1). */
        public Builder gamma(double gamma) { this.gamma = gamma; return this; }
        /** Stage-1 fit: RIDGE = L2 logistic (default), OLS = unpenalised logistic, LASSO = L1 logistic. */
        public Builder firstStage(AdaptiveLasso.FirstStage firstStage) { this.firstStage = firstStage; return this; }
        /** Stage-1 inverse penalty strength C, finite and &gt; 0; ignored for OLS (default 1). */
        public Builder firstStageC(double c) { this.firstStageC = c; return this; }
        /** Fit an unpenalised intercept in both stages (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }
        /** Most iterations of each stage (Newton or L-BFGS steps, as LogisticRegression; default 100). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Each stage's LogisticRegression tolerance; stage 2 stops at duality gap /(C·Σsᵢ) ≤ tol (default 1e-4). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Throw {@link ConvergenceException} instead of returning an unconverged model (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }
        /** Row chunks (threads) of the passes over X, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public LogisticAdaptiveLasso build() {
            return new LogisticAdaptiveLasso(this);
        }
    }
}
