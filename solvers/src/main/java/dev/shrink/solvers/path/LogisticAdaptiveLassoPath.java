package dev.shrink.solvers.path;

import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticAdaptiveLasso;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.ColumnSubset;
import dev.shrink.solvers.internal.Inputs;

/**
 * The logistic adaptive lasso's path over C: stage 1 once ({@link LogisticAdaptiveLasso#firstStageFit}, the settings
 * of the given estimator), then stage 2 — {@code C·Σsᵢℓᵢ + Σⱼfⱼ(l1Ratio·|wⱼ| + ½(1 − l1Ratio)·wⱼ²)} with
 * fⱼ = 1/|ŵⱼ|^γ — for increasing C (strongest penalty first), each fit warm-started at the previous one on the GLM
 * engine, which solves it in the equivalent scaling {@code Σsᵢℓᵢ + (1/C)·Σⱼfⱼ(…)} (one problem for the whole path)
 * with the sequential strong rule. The grid: nCs log-spaced values from C_min = max(l1Ratio, 0.001)/maxⱼ(|∇ⱼ|/fⱼ),
 * the gradient taken at the intercept-only fit (for l1Ratio &gt; 0 the largest C with every penalised coefficient 0;
 * the 0.001 is glmnet's floor for the ridge case), up to C_min/eps; or explicit Cs. When no feature is penalised the
 * computed grid starts at C = 1. Features with ŵⱼ = 0 stay at 0 throughout. {@link PathResult#penalties()} are the Cs;
 * each point's {@link Convergence} is the duality gap /(C·Σsᵢ), as {@link LogisticAdaptiveLasso}'s. The estimator's own
 * C is not used. A sparse design is read through its stored entries, never densified. Immutable; build with {@link #builder()}.
 */
public final class LogisticAdaptiveLassoPath {
    private final LogisticAdaptiveLasso estimator;
    private final int nCs;
    private final double eps;
    private final double[] cs;

    private LogisticAdaptiveLassoPath(Builder b) {
        if (b.estimator == null) throw new IllegalArgumentException("estimator must not be null");
        this.estimator = b.estimator;
        this.nCs = Inputs.positive("nCs", b.nCs);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.eps = b.eps;
        this.cs = b.cs == null ? null : checkCs(b.cs);
    }

    /** Finite, &gt; 0 and strictly increasing (strongest penalty first). */
    private static double[] checkCs(double[] cs) {
        if (cs.length == 0) throw new IllegalArgumentException("Cs must not be empty");
        for (int k = 0; k < cs.length; k++) {
            if (!(cs[k] > 0) || cs[k] == Double.POSITIVE_INFINITY) throw new IllegalArgumentException("Cs[" + k + "] must be finite and > 0, got " + cs[k]);
            if (k > 0 && !(cs[k] > cs[k - 1])) {
                throw new IllegalArgumentException("Cs must be strictly increasing (strongest penalty first), but Cs[" + k + "] = " + cs[k] + " ≤ Cs["
                        + (k - 1) + "] = " + cs[k - 1]);
            }
        }
        return cs.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    public PathResult fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public PathResult fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /** Both stages; the path's coefficients are on all p columns (zeros where stage 1 had ŵⱼ = 0). */
    public PathResult fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.twoLabels(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        LogisticModel first = estimator.firstStageFit(x, y, sampleWeight);
        return secondStage(x, y, sampleWeight, AdaptiveLasso.penaltyFactors(first.coef(), estimator.gamma()));
    }

    /** Stage 2 alone, for given factors fⱼ ≥ 0 (+∞ leaves a feature out). */
    public PathResult secondStage(Design x, double[] y, double[] sampleWeight, double[] factors) {
        double[] labels = Inputs.twoLabels(y, x.n());
        int n = x.n();
        int p = x.p();
        double sum = sampleWeight == null ? n : Inputs.weights(sampleWeight, n);
        Inputs.adaptiveFactors(factors, p);
        ColumnSubset kept = ColumnSubset.finite(x.matrix(), factors);
        if (kept.columns().length == 0) { // the intercept-only model at every C
            LogisticModel m = estimator.secondStage(x, y, sampleWeight, factors);
            double[] grid = cs != null ? cs.clone() : grid(1.0);
            double[][] coefs = new double[grid.length][p];
            double[] b = new double[grid.length];
            Convergence[] c = new Convergence[grid.length];
            java.util.Arrays.fill(b, m.intercept());
            java.util.Arrays.fill(c, m.convergence());
            return new PathResult(grid, coefs, b, c);
        }
        double[] y01 = new double[n];
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            y01[i] = y[i] == labels[1] ? 1.0 : 0.0;
            rows[i] = sampleWeight == null ? 1.0 : sampleWeight[i];
        }
        GlmProblem problem = new GlmProblem(GlmProblem.Kind.BINOMIAL, kept.design(), y01, 2, rows, sampleWeight,
                new GlmProblem.Options(estimator.fitIntercept(), false, kept.factors(), null, null, false, estimator.threads()));
        double rho = estimator.l1Ratio();
        double[] grid;
        if (cs != null) {
            grid = cs.clone();
        } else {
            double l1Max = problem.l1Max(); // leaves the intercept-only fit as the state: the path's start
            grid = grid(l1Max > 0 ? Math.max(rho, 1e-3) / l1Max : 1.0);
        }
        double[][] coefs = new double[grid.length][];
        double[] b = new double[grid.length];
        Convergence[] conv = new Convergence[grid.length];
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 0; k < grid.length; k++) {
            double l1 = rho / grid[k];
            GlmProblem.Solution s = problem.solve(l1, (1 - rho) / grid[k], Math.max(0.0, 2 * l1 - previous), estimator.tol() * sum, estimator.maxIter());
            previous = l1;
            // the gap of C·Σsℓ + Ω is C times this scaling's: divided by C·Σs it is s.gap()/Σs
            conv[k] = Convergence.iterative(Convergence.Criterion.RELATIVE_DUALITY_GAP, "Newton steps", s.iterations(), s.gap() / sum, estimator.tol(),
                    s.converged(), estimator.maxIter());
            if (estimator.strict()) conv[k].requireConverged();
            coefs[k] = kept.scatter(problem.coef()[0], p);
            b[k] = problem.intercepts()[0];
        }
        return new PathResult(grid, coefs, b, conv);
    }

    /** nCs values from cMin up to cMin/eps, log-spaced. */
    private double[] grid(double cMin) {
        double[] g = new double[nCs];
        for (int k = 0; k < nCs; k++) g[k] = nCs == 1 ? cMin : cMin * Math.pow(1 / eps, (double) k / (nCs - 1));
        return g;
    }

    /** Builder; defaults: {@code LogisticAdaptiveLasso.builder().build()}, nCs 100, eps 1e-3. */
    public static final class Builder {
        private LogisticAdaptiveLasso estimator = LogisticAdaptiveLasso.builder().build();
        private int nCs = 100;
        private double eps = 1e-3;
        private double[] cs;

        private Builder() {}

        /** The stage settings (first stage, γ, l1Ratio, intercept, tol, maxIter, strict, threads); its C is not used. */
        public Builder estimator(LogisticAdaptiveLasso estimator) { this.estimator = estimator; return this; }
        /** Length of the computed grid, ≥ 1 (default 100). */
        public Builder nCs(int nCs) { this.nCs = nCs; return this; }
        /** C_min / C_max of the computed grid, in (0, 1) (default 1e-3). */
        public Builder eps(double eps) { this.eps = eps; return this; }
        /** Explicit Cs, finite, &gt; 0 and strictly increasing (strongest penalty first). */
        public Builder Cs(double... cs) { this.cs = cs == null ? null : cs.clone(); return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public LogisticAdaptiveLassoPath build() {
            return new LogisticAdaptiveLassoPath(this);
        }
    }
}
