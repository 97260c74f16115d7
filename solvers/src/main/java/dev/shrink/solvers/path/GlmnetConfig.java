package dev.shrink.solvers.path;

import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;

/** An immutable snapshot of {@link GlmnetOptions}, taken when a path is built. Arrays are never handed out. */
record GlmnetConfig(double l1Ratio, double[] lambdas, int nLambdas, double lambdaMinRatio, boolean fitIntercept, boolean standardize,
                    double[] penaltyFactors, double[] lowerLimits, double[] upperLimits, double tol, int maxIter, int threads) {

    /** The engine's options for p features: factors rescaled to sum to p (glmnet), limits checked against p. */
    GlmProblem.Options engine(int p, boolean grouped) {
        Inputs.limits(lowerLimits, upperLimits, p);
        if (grouped && (lowerLimits != null || upperLimits != null)) {
            throw new IllegalArgumentException("lowerLimits/upperLimits are not available with the grouped multinomial penalty");
        }
        return new GlmProblem.Options(fitIntercept, standardize, Inputs.penaltyFactors(penaltyFactors, p),
                lowerLimits == null ? null : lowerLimits.clone(), upperLimits == null ? null : upperLimits.clone(), grouped, threads);
    }

    GlmnetPaths.Settings settings() {
        return new GlmnetPaths.Settings(l1Ratio, lambdas, nLambdas, lambdaMinRatio, tol, maxIter);
    }

    /** Whether this is the plain binomial ridge path (no factors, no limits), which Newton–Cholesky fits directly. */
    boolean plainRidge() {
        return l1Ratio == 0 && penaltyFactors == null && lowerLimits == null && upperLimits == null;
    }
}
