package dev.shrink.spark;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Ridge;
import dev.shrink.solvers.SufficientStats;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

/**
 * Spark's {@code LinearRegression} objective (squared error) solved exactly from aggregated moments.
 *
 * <p>Spark ({@code WeightedLeastSquares}, and its L-BFGS path alike) fits on standardised data: x̃ⱼ = xⱼ/σⱼ (when
 * {@code standardization}; else xⱼ) and ỹ = y/σ_y, and minimises
 * {@code (1/(2Σw))·Σwᵢ(ỹᵢ − x̃ᵢ·β − z)² + (λ/σ_y)·(α·Σ|βⱼ| + (1 − α)/2·Σβⱼ²)}: its effective regularisation is
 * {@code regParam/σ_y} ({@code effectiveRegParam = regParam / bStd}). Back on the original scale (wⱼ = βⱼσ_y/σⱼ,
 * b = zσ_y, the objective times σ_y²) that is
 * {@code (1/(2Σw))·Σwᵢ(yᵢ − xᵢ·w − b)² + λα·Σσⱼ|wⱼ| + λ(1 − α)/(2σ_y)·Σσⱼ²wⱼ²}: the L1 term is glmnet's, the L2 term
 * carries the factor 1/σ_y (glmnet's Gaussian family does the same). The scaled problem is scikit-learn's elastic
 * net with alpha = λ/σ_y and l1Ratio = α, which is what shrink solves here: {@link Ridge} (a Cholesky solve, as Spark)
 * when α = 0 or λ = 0, else {@link ElasticNet}'s coordinate descent to its duality-gap tolerance.
 *
 * <p>Features with σⱼ = 0 get coefficient 0 and leave the problem (Spark: "outputs zero coefficients for constant
 * columns"). A constant label gives zero coefficients and intercept ȳ (with fitIntercept, or when ȳ = 0), as Spark.
 */
final class SparkLeastSquares {

    /** The settings of one fit, with Spark's parameter names. */
    record Settings(double regParam, double elasticNetParam, boolean fitIntercept, boolean standardization,
                    Standardization.Deviation deviation, int maxIter, double tol) {}

    /** A fit on the original scale. */
    record Fit(double[] coefficients, double intercept, Convergence convergence) {}

    /** A path on the original scale, one entry per regParam. */
    record Path(double[] regParams, double[][] coefficients, double[] intercepts, Convergence[] convergence) {}

    private SparkLeastSquares() {}

    /** The fit at the settings' regParam and elasticNetParam. */
    static Fit fit(MomentSums sums, Settings s) {
        Scaled scaled = Scaled.of(sums, s);
        if (scaled.trivial != null) return scaled.trivial;
        double yStd = scaled.labelScale;
        LinearModel m;
        if (s.regParam == 0 || s.elasticNetParam == 0) {
            // Ridge minimises Σw(ỹ − x̃β − z)² + a·|β|²: Spark's objective times 2Σw, so a = Σw·λ/σ_y
            double a = scaled.stats.sumWeights() * s.regParam / yStd;
            try {
                m = Ridge.builder().alpha(a).fitIntercept(s.fitIntercept).build().fit(scaled.stats);
            } catch (IllegalArgumentException singular) {
                throw new IllegalArgumentException("regParam = " + s.regParam + " and the " + (s.fitIntercept ? "centred " : "")
                        + "features are linearly dependent (the normal equations are singular): set regParam > 0, or remove the "
                        + "dependent features", singular);
            }
        } else {
            m = ElasticNet.builder().alpha(s.regParam / yStd).l1Ratio(s.elasticNetParam).fitIntercept(s.fitIntercept)
                    .maxIter(s.maxIter).tol(s.tol).build().fit(scaled.stats);
        }
        return new Fit(scaled.st.originalCoefficients(m.coef(), yStd), m.intercept() * yStd, m.convergence());
    }

    /** The warm-started path over {@code regParams} (decreasing) at the settings' elasticNetParam. */
    static Path path(MomentSums sums, Settings s, double[] regParams) {
        int k = regParams.length;
        double[][] coef = new double[k][];
        double[] intercept = new double[k];
        Convergence[] convergence = new Convergence[k];
        Scaled scaled = Scaled.of(sums, s);
        if (scaled.trivial != null) {
            for (int i = 0; i < k; i++) {
                coef[i] = scaled.trivial.coefficients();
                intercept[i] = scaled.trivial.intercept();
                convergence[i] = scaled.trivial.convergence();
            }
            return new Path(regParams.clone(), coef, intercept, convergence);
        }
        double yStd = scaled.labelScale;
        double[] alphas = new double[k];
        for (int i = 0; i < k; i++) alphas[i] = regParams[i] / yStd;
        PathResult r = ElasticNetPath.builder().l1Ratio(s.elasticNetParam).alphas(alphas).fitIntercept(s.fitIntercept)
                .maxIter(s.maxIter).tol(s.tol).build().fit(scaled.stats);
        for (int i = 0; i < k; i++) {
            coef[i] = scaled.st.originalCoefficients(r.coef(i), yStd);
            intercept[i] = r.intercept(i) * yStd;
            convergence[i] = r.convergence(i);
        }
        return new Path(regParams.clone(), coef, intercept, convergence);
    }

    /**
     * The smallest regParam at which every coefficient is 0 for this elasticNetParam (floored at 0.001, as glmnet):
     * max |Σwᵢx̃ᵢⱼ(yᵢ − ȳ)| / (Σw·α), x̃ the scaled features (σ_y cancels between Spark's λ/σ_y and ỹ = y/σ_y).
     */
    static double maxRegParam(MomentSums sums, Settings s) {
        Standardization st = Standardization.of(sums, s.standardization, s.deviation);
        double sumW = sums.sumWeights();
        double yMean = s.fitIntercept ? sums.tSum() / sumW : 0.0;
        double max = 0;
        for (int a = 0; a < st.size(); a++) {
            int j = st.kept()[a];
            double c = (sums.xt(j) - yMean * sums.xSum(j)) * st.scale()[a];
            max = Math.max(max, Math.abs(c));
        }
        return max / (sumW * Math.max(s.elasticNetParam, 1e-3));
    }

    /** The scaled statistics of a fit, or its answer when there is nothing to fit. */
    private record Scaled(Standardization st, SufficientStats stats, double labelScale, Fit trivial) {

        static Scaled of(MomentSums sums, Settings s) {
            double sumW = sums.sumWeights();
            if (!(sumW > 0)) {
                throw new IllegalArgumentException("the weights sum to " + sumW + ": at least one row needs a positive weight");
            }
            Standardization st = Standardization.of(sums, s.standardization, s.deviation);
            int p = sums.p();
            double yMean = st.labelMean();
            double yStd = st.labelStd();
            if (yStd == 0) {
                if (s.fitIntercept || yMean == 0) {
                    return trivial(st, p, yMean, "the label is constant: coefficients 0, intercept its mean (as Spark)");
                }
                if (s.regParam > 0) {
                    throw new IllegalArgumentException("the label is constant (" + yMean + ") and fitIntercept is false: Spark "
                            + "standardises the label by its standard deviation, 0 here, so the model cannot be regularised; set "
                            + "fitIntercept = true or regParam = 0");
                }
                yStd = Math.abs(yMean);
            }
            if (st.size() == 0) {
                return trivial(st, p, s.fitIntercept ? yMean : 0.0, "every feature is constant: coefficients 0 (as Spark)");
            }
            return new Scaled(st, sums.toStats(st.kept(), st.scale(), 1 / yStd), yStd, null);
        }

        private static Scaled trivial(Standardization st, int p, double intercept, String why) {
            return new Scaled(st, null, 0, new Fit(new double[p], intercept, Convergence.direct(why)));
        }
    }
}
