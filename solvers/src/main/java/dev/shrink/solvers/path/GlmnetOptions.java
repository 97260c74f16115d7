package dev.shrink.solvers.path;

import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * The glmnet options the GLM paths share ({@link LogisticPath}, {@link MultinomialPath}, {@link PoissonPath}), as a
 * builder base: each path's builder extends it, so the names and defaults are glmnet's everywhere.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract class GlmnetOptions<B extends GlmnetOptions<B>> {
    double l1Ratio;
    double[] lambdas;
    int nLambdas = 100;
    double lambdaMinRatio = Double.NaN;
    boolean fitIntercept = true;
    boolean standardize = true;
    double[] penaltyFactors;
    double[] lowerLimits;
    double[] upperLimits;
    double tol = 1e-8;
    int maxIter = 100;
    int threads = Threads.defaultCount();

    GlmnetOptions(double l1Ratio) {
        this.l1Ratio = l1Ratio;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** glmnet's alpha, the share of the L1 penalty, in [0, 1]. */
    public B l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return self(); }
    /** Explicit λ values, strongest first (then glmnet stops nothing early either). */
    public B lambdas(double[] lambdas) { this.lambdas = lambdas == null ? null : lambdas.clone(); return self(); }
    /** Length of the computed grid, ≥ 1 (default 100). */
    public B nLambdas(int n) { this.nLambdas = n; return self(); }
    /** glmnet's lambda.min.ratio, in (0, 1); default 1e-4 if n ≥ p, else 0.01. */
    public B lambdaMinRatio(double r) { this.lambdaMinRatio = r; return self(); }
    /** Fit an unpenalised intercept (default true). */
    public B fitIntercept(boolean b) { this.fitIntercept = b; return self(); }
    /** Penalise the coefficients of the standardised columns, dⱼ·wⱼ (default true, as glmnet). */
    public B standardize(boolean b) { this.standardize = b; return self(); }
    /** glmnet's penalty.factor: p values ≥ 0, not all 0, rescaled to sum to p; 0 leaves a feature unpenalised. */
    public B penaltyFactors(double[] f) { this.penaltyFactors = f == null ? null : f.clone(); return self(); }
    /** glmnet's lower.limits on the original scale: p values ≤ 0 (−∞: none); null: none (default). */
    public B lowerLimits(double[] lower) { this.lowerLimits = lower == null ? null : lower.clone(); return self(); }
    /** glmnet's upper.limits on the original scale: p values ≥ 0 (+∞: none); null: none (default). */
    public B upperLimits(double[] upper) { this.upperLimits = upper == null ? null : upper.clone(); return self(); }
    /** Stop each fit when its duality gap (the objective's units: a weighted mean loss) is ≤ tol (default 1e-8). */
    public B tol(double tol) { this.tol = tol; return self(); }
    /** Most Newton steps per λ (default 100). */
    public B maxIter(int maxIter) { this.maxIter = maxIter; return self(); }
    /** Row chunks (threads) of the passes over X and of the Gram matrices, ≥ 1; default all processors. */
    public B threads(int threads) { this.threads = threads; return self(); }

    /** The settings, validated (those that do not depend on the data) and copied. */
    GlmnetConfig config() {
        check();
        return new GlmnetConfig(l1Ratio, lambdas == null ? null : lambdas.clone(), nLambdas, lambdaMinRatio, fitIntercept, standardize,
                penaltyFactors == null ? null : penaltyFactors.clone(), lowerLimits == null ? null : lowerLimits.clone(),
                upperLimits == null ? null : upperLimits.clone(), tol, maxIter, threads);
    }

    private void check() {
        Inputs.ratio("l1Ratio", l1Ratio);
        if (lambdas != null) ElasticNetPath.checkGrid("lambdas", lambdas);
        Inputs.positive("nLambdas", nLambdas);
        GlmnetPaths.checkRatio(lambdaMinRatio);
        Inputs.positive("tol", tol);
        Inputs.positive("maxIter", maxIter);
        Threads.check(threads);
    }
}
