package dev.shrink.solvers.path;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.SparseDesign;
import dev.shrink.solvers.internal.ColumnSubset;
import dev.shrink.solvers.internal.Inputs;

/**
 * The adaptive lasso's path: stage 1 once ({@link AdaptiveLasso#firstStageFit}, the settings of the given
 * {@link AdaptiveLasso}), then stage 2 — the weighted lasso / elastic net with factors 1/|ŵⱼ|^γ — along a warm-started
 * grid ({@link ElasticNetPath}, scikit-learn dialect): nAlphas log-spaced values from alpha_max =
 * maxⱼ|X̃ⱼᵀỹ|/(n·l1Ratio·fⱼ) down to eps·alpha_max, or explicit alphas. Features with ŵⱼ = 0 stay at 0 throughout.
 * The estimator's own alpha is not used. A {@link SparseDesign} runs as it is (stage 2 on a compressed copy of the kept
 * columns when stage 1 dropped some), never densified. Immutable; build with {@link #builder()}.
 */
public final class AdaptiveLassoPath {
    private final AdaptiveLasso estimator;
    private final int nAlphas;
    private final double eps;
    private final double[] alphas;

    private AdaptiveLassoPath(Builder b) {
        if (b.estimator == null) throw new IllegalArgumentException("estimator must not be null");
        this.estimator = b.estimator;
        this.nAlphas = Inputs.positive("nAlphas", b.nAlphas);
        if (!(b.eps > 0 && b.eps < 1)) throw new IllegalArgumentException("eps must be in (0, 1), got " + b.eps);
        this.eps = b.eps;
        this.alphas = b.alphas == null ? null : ElasticNetPath.checkGrid("alphas", b.alphas);
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
        LinearModel first = estimator.firstStageFit(x, y, sampleWeight);
        return secondStage(x, y, sampleWeight, AdaptiveLasso.penaltyFactors(first.coef(), estimator.gamma()));
    }

    /** Stage 2 alone, for given factors (+∞ leaves a feature out). */
    public PathResult secondStage(Design x, double[] y, double[] sampleWeight, double[] factors) {
        ColumnSubset kept = ColumnSubset.finite(x.matrix(), factors);
        int p = x.p();
        if (kept.columns().length == 0) {
            double[] grid = alphas != null ? alphas.clone() : ElasticNetPath.scikitLearnGrid(1.0, nAlphas, eps);
            double[][] coefs = new double[grid.length][p];
            double[] b = new double[grid.length];
            double mean = estimator.fitIntercept() ? weightedMean(y, sampleWeight) : 0.0;
            Convergence[] c = new Convergence[grid.length];
            for (int k = 0; k < grid.length; k++) {
                b[k] = mean;
                c[k] = Convergence.direct("no feature left after stage 1");
            }
            return new PathResult(grid, coefs, b, c);
        }
        ElasticNetPath.Builder path = ElasticNetPath.builder().l1Ratio(estimator.l1Ratio()).penaltyFactors(kept.factors())
                .fitIntercept(estimator.fitIntercept()).tol(estimator.tol()).maxIter(estimator.maxIter()).threads(estimator.threads())
                .nAlphas(nAlphas).eps(eps);
        if (alphas != null) path.alphas(alphas);
        PathResult r = path.build().fit(keptDesign(x, kept), y, sampleWeight);
        double[][] coefs = new double[r.size()][];
        Convergence[] c = new Convergence[r.size()];
        for (int k = 0; k < r.size(); k++) {
            coefs[k] = kept.scatter(r.coef(k), p);
            c[k] = r.convergence(k);
        }
        return new PathResult(r.penalties(), coefs, r.intercepts(), c);
    }

    /** The kept columns as a design in x's storage: x itself when every column is kept. */
    private static Design keptDesign(Design x, ColumnSubset kept) {
        if (kept.columns().length == x.p()) return x;
        return switch (kept.design()) {
            case MatrixView v -> Design.of(v);
            case CscView c -> SparseDesign.csc(c.rows(), c.cols(), c.columnStarts(), c.rowIndices(), c.values());
            case CscFloatView c -> SparseDesign.csc(c.rows(), c.cols(), c.columnStarts(), c.rowIndices(), c.values());
        };
    }

    private static double weightedMean(double[] y, double[] s) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < y.length; i++) {
            double w = s == null ? 1.0 : s[i];
            a += w * y[i];
            b += w;
        }
        return a / b;
    }

    /** Builder; defaults: {@code AdaptiveLasso.builder().build()}, nAlphas 100, eps 1e-3. */
    public static final class Builder {
        private AdaptiveLasso estimator = AdaptiveLasso.builder().build();
        private int nAlphas = 100;
        private double eps = 1e-3;
        private double[] alphas;

        private Builder() {}

        /** The stage settings (first stage, γ, l1Ratio, intercept, tol, maxIter, threads); its alpha is not used. */
        public Builder estimator(AdaptiveLasso estimator) { this.estimator = estimator; return this; }
        /** Length of the computed grid, ≥ 1 (default 100). */
        public Builder nAlphas(int nAlphas) { this.nAlphas = nAlphas; return this; }
        /** alpha_min / alpha_max of the computed grid, in (0, 1) (default 1e-3). */
        public Builder eps(double eps) { this.eps = eps; return this; }
        /** Explicit stage-2 alphas, strongest first. */
        public Builder alphas(double... alphas) { this.alphas = alphas == null ? null : alphas.clone(); return this; }

        /** @throws IllegalArgumentException naming the bad parameter */
        public AdaptiveLassoPath build() {
            return new AdaptiveLassoPath(this);
        }
    }
}
