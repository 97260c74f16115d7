package dev.shrink.solvers.path;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;

/**
 * glmnet's multinomial path ({@code family="multinomial"}): K classes (the distinct labels, in increasing order; class
 * c of the result is the c-th smallest label), at each λ minimises
 * {@code −(1/n)·Σᵢ(z_{i,yᵢ} − log Σ_c exp(z_ic)) + λ·Σⱼpfⱼ(Pⱼ + ½(1 − α)·dⱼ²·Σ_c w_cj²)}, z_ic = b_c + xᵢ·w_c, with
 * {@code Pⱼ = α·dⱼ·Σ_c|w_cj|} ({@code type.multinomial="ungrouped"}) or {@code α·dⱼ·sqrt(Σ_c w_cj²)} ({@link
 * Builder#grouped grouped}); notation of {@link LogisticPath}. The loss does not change when the same constant is added
 * to a feature's coefficient in every class: the penalty picks it (glmnet's elastic-net "median"), and the intercepts are
 * returned summing to 0. Proximal Newton on the full K×K-block Hessian of the working set, warm starts and the strong
 * rule ({@link GlmnetPaths}). Immutable; build with {@link #builder()}.
 */
public final class MultinomialPath {
    private final GlmnetConfig config;
    private final boolean grouped;

    private MultinomialPath(Builder b) {
        this.config = b.config();
        this.grouped = b.grouped;
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

    /**
     * @param y            class labels, at least two distinct values
     * @param sampleWeight null for all 1; normalised to sum to n
     */
    public PathResult fit(Design x, double[] y, double[] sampleWeight) {
        double[] classes = Inputs.classes(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        GlmProblem problem = new GlmProblem(GlmProblem.Kind.MULTINOMIAL, x.matrix(), Inputs.classIndices(y, classes), classes.length,
                GlmnetPaths.rowWeights(sampleWeight, x.n()), sampleWeight, config.engine(x.p(), grouped));
        return GlmnetPaths.run(problem, config.settings(), x.n(), x.p());
    }

    /** Builder with glmnet's defaults: l1Ratio (alpha) 1, ungrouped, 100 lambdas, standardize, intercept; tol 1e-8. */
    public static final class Builder extends GlmnetOptions<Builder> {
        private boolean grouped;

        private Builder() {
            super(1.0);
        }

        /** glmnet's {@code type.multinomial="grouped"}: one L2 norm of a feature's coefficients over the classes (default false). */
        public Builder grouped(boolean grouped) { this.grouped = grouped; return this; }

        public MultinomialPath build() {
            return new MultinomialPath(this);
        }
    }
}
