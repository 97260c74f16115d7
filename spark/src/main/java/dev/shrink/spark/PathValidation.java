package dev.shrink.spark;

import dev.shrink.solvers.SufficientStats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * K-fold cross-validation of elastic-net paths from the folds' statistics alone: the training statistics of fold k are
 * total − fold k, each training path is solved by {@link SparkLeastSquares#path} (Spark's objective, standardised by the
 * training rows as Spark's {@code CrossValidator} would), and each path point's validation error comes from fold k's
 * statistics (Σw(y − b − x·w)² is a quadratic form in them). No pass over the rows beyond the one that made the folds.
 */
final class PathValidation {
    private PathValidation() {}

    /** What to cross-validate. */
    record Plan(SparkLeastSquares.Settings settings, double[] elasticNetParams, double[] regParams, int numRegParams,
                double regParamMinRatio, String metricName, String selectionRule) {}

    /** The curve over every elasticNetParam and its grid of regParams. */
    static CvCurve run(MomentSums[] folds, Plan plan) {
        int k = folds.length;
        int p = folds[0].p();
        for (int f = 0; f < k; f++) {
            if (!(folds[f].sumWeights() > 0)) {
                throw new IllegalArgumentException("fold " + f + " has no rows (or only rows of weight 0): use fewer folds or more data");
            }
        }
        MomentSums total = new MomentSums(p);
        for (MomentSums f : folds) total.add(f);
        int[] all = IntStream.range(0, p).toArray();
        double[] ones = new double[p];
        Arrays.fill(ones, 1.0);
        SufficientStats[] validation = new SufficientStats[k];
        MomentSums[] training = new MomentSums[k];
        for (int f = 0; f < k; f++) {
            validation[f] = folds[f].toStats(all, ones, 1.0);
            training[f] = total.minus(folds[f]);
        }
        int alphas = plan.elasticNetParams.length;
        double[][] grid = new double[alphas][];
        double[][] mean = new double[alphas][];
        double[][] se = new double[alphas][];
        int[][] nonZeros = new int[alphas][];
        for (int a = 0; a < alphas; a++) {
            SparkLeastSquares.Settings s = with(plan.settings, plan.elasticNetParams[a]);
            grid[a] = plan.regParams.length > 0 ? plan.regParams.clone() : grid(total, s, plan);
            double[][] scores = new double[k][];
            double[] g = grid[a];
            IntStream.range(0, k).parallel().forEach(f -> scores[f] = score(SparkLeastSquares.path(training[f], s, g), validation[f], plan.metricName));
            mean[a] = new double[g.length];
            se[a] = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                double m = 0;
                for (int f = 0; f < k; f++) m += scores[f][i] / k;
                double v = 0;
                for (int f = 0; f < k; f++) v += (scores[f][i] - m) * (scores[f][i] - m) / (k - 1);
                mean[a][i] = m;
                se[a][i] = Math.sqrt(v / k);
            }
            SparkLeastSquares.Path full = SparkLeastSquares.path(total, s, g);
            nonZeros[a] = new int[g.length];
            for (int i = 0; i < g.length; i++) for (double c : full.coefficients()[i]) if (c != 0) nonZeros[a][i]++;
        }
        boolean larger = plan.metricName.equals("r2");
        int bestAlpha = 0;
        int best = 0;
        for (int a = 0; a < alphas; a++) {
            for (int i = 0; i < grid[a].length; i++) {
                if (larger ? mean[a][i] > mean[bestAlpha][best] : mean[a][i] < mean[bestAlpha][best]) {
                    bestAlpha = a;
                    best = i;
                }
            }
        }
        double bound = larger ? mean[bestAlpha][best] - se[bestAlpha][best] : mean[bestAlpha][best] + se[bestAlpha][best];
        int oneSe = best;
        for (int i = 0; i < best; i++) {
            if (larger ? mean[bestAlpha][i] >= bound : mean[bestAlpha][i] <= bound) {
                oneSe = i;
                break;
            }
        }
        return new CvCurve(plan.metricName, k, plan.elasticNetParams, grid, mean, se, nonZeros, bestAlpha, best, oneSe, plan.selectionRule);
    }

    /** The settings with another elasticNetParam. */
    static SparkLeastSquares.Settings with(SparkLeastSquares.Settings s, double elasticNetParam) {
        return new SparkLeastSquares.Settings(s.regParam(), elasticNetParam, s.fitIntercept(), s.standardization(), s.deviation(),
                s.maxIter(), s.tol());
    }

    /**
     * glmnet's grid on the total statistics: numRegParams values from the smallest regParam with every coefficient 0 down
     * to regParamMinRatio of it (default 1e-4 when there are more rows than features, else 0.01), evenly on a log scale.
     */
    private static double[] grid(MomentSums total, SparkLeastSquares.Settings s, Plan plan) {
        double max = SparkLeastSquares.maxRegParam(total, s);
        double ratio = plan.regParamMinRatio > 0 ? plan.regParamMinRatio : total.rows() > total.p() ? 1e-4 : 1e-2;
        int n = plan.numRegParams;
        double[] g = new double[n];
        if (!(max > 0)) max = 1e-15; // a constant label: every coefficient is 0 whatever the penalty
        for (int i = 0; i < n; i++) g[i] = n == 1 ? max : max * Math.pow(ratio, (double) i / (n - 1));
        return g;
    }

    /** The validation metric of every path point on one fold's statistics. */
    private static double[] score(SparkLeastSquares.Path path, SufficientStats fold, String metric) {
        int n = path.regParams().length;
        double[] out = new double[n];
        double sumW = fold.sumWeights();
        double total = fold.centeredYty();
        for (int i = 0; i < n; i++) {
            double rss = residualSumOfSquares(fold, path.coefficients()[i], path.intercepts()[i]);
            out[i] = switch (metric) {
                case "mse" -> rss / sumW;
                case "rmse" -> Math.sqrt(rss / sumW);
                case "r2" -> 1 - rss / total;
                default -> throw new IllegalArgumentException("metricName must be rmse, mse or r2, got " + metric);
            };
        }
        return out;
    }

    /**
     * Σw(y − b − x·w)² from the statistics; when the raw-sum formula loses more than half of its digits
     * ({@link SufficientStats#residualSumOfSquares} returns NaN), from the centred statistics instead:
     * Σw(y − ȳ)² − 2wᵀc + wᵀCw + Σw·(ȳ − b − x̄·w)², C and c the centred Gram matrix and cross-product.
     */
    static double residualSumOfSquares(SufficientStats s, double[] w, double b) {
        double rss = s.residualSumOfSquares(w, b);
        if (!Double.isNaN(rss)) return rss;
        int p = w.length;
        double[] c = s.centeredXty();
        double[] g = s.centeredGram();
        double[] mean = s.xMean();
        double quadratic = 0;
        double linear = 0;
        double offset = s.yMean() - b;
        for (int i = 0; i < p; i++) {
            if (w[i] == 0) continue;
            double r = 0;
            for (int j = 0; j < p; j++) r += g[i * p + j] * w[j];
            quadratic += w[i] * r;
            linear += w[i] * c[i];
            offset -= mean[i] * w[i];
        }
        return Math.max(s.centeredYty() - 2 * linear + quadratic + s.sumWeights() * offset * offset, 0.0);
    }
}
