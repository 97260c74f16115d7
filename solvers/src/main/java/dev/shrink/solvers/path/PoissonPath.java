package dev.shrink.solvers.path;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;

/**
 * glmnet's Poisson path ({@code family="poisson"}, log link): at each λ minimises
 * {@code −(1/n)·Σᵢ(yᵢ(b + xᵢ·w) − exp(b + xᵢ·w)) + λ·Σⱼpfⱼ(α·dⱼ·|wⱼ| + ½(1 − α)·dⱼ²·wⱼ²)} subject to the limits
 * (notation of {@link LogisticPath}; with weights, {@code −(1/n)·Σᵢsᵢ(…)}). y: counts ≥ 0 (non-integer values are
 * allowed, as in glmnet), not all 0. Proximal Newton with warm starts and the strong rule ({@link GlmnetPaths}); grid
 * as glmnet. {@code path.model(k)} predicts the linear predictor, exp of which is the mean. Immutable; build with
 * {@link #builder()}.
 */
public final class PoissonPath {
    private final GlmnetConfig config;

    private PoissonPath(Builder b) {
        this.config = b.config();
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

    /** @param sampleWeight null for all 1; normalised to sum to n */
    public PathResult fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.counts(y, x.n(), config.fitIntercept());
        Inputs.weights(sampleWeight, x.n());
        GlmProblem problem = new GlmProblem(GlmProblem.Kind.POISSON, x.matrix(), y.clone(), 1, GlmnetPaths.rowWeights(sampleWeight, x.n()), sampleWeight,
                config.engine(x.p(), false));
        return GlmnetPaths.run(problem, config.settings(), x.n(), x.p());
    }

    /** Builder with glmnet's defaults: l1Ratio (alpha) 1, 100 lambdas, standardize, intercept; tol 1e-8, 100 Newton steps per λ. */
    public static final class Builder extends GlmnetOptions<Builder> {
        private Builder() {
            super(1.0);
        }

        public PoissonPath build() {
            return new PoissonPath(this);
        }
    }
}
