package dev.shrink.solvers.bayes;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.CenteredGram;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * Automatic relevance determination (MacKay 1992; Tipping 2001), as scikit-learn 1.2.1's {@code ARDRegression}: one
 * prior precision λⱼ per weight, w ~ N(0, diag(1/λ)), noise precision α, Gamma hyper-priors; the evidence is raised by
 * the fixed-point updates {@code γⱼ = 1 − λⱼΣⱼⱼ}, {@code λⱼ ← (γⱼ + 2λ₁)/(wⱼ² + 2λ₂)},
 * {@code α ← (n − Σγⱼ + 2α₁)/(‖ỹ − X̃w‖² + 2α₂)} with the posterior Σ = (diag(λ) + αX̃ᵀX̃)⁻¹ and mean w = αΣX̃ᵀỹ
 * over the kept features; a feature whose λⱼ reaches the threshold is pruned (wⱼ = 0) for good.
 *
 * <p>The centred Gram X̃ᵀX̃ and X̃ᵀỹ come from one SYRK pass; an iteration then factors the kept block
 * diag(λ) + αG (Cholesky, m³/3) and inverts it (Σ's diagonal and scikit-learn's {@code sigma_}), and forms the
 * residual from one pass over X — where scikit-learn multiplies the kept columns of X with themselves, O(n·m²),
 * every iteration.
 */
public final class RelevanceDetermination {
    private final DesignMatrix x;
    private final int n;
    private final int p;
    private final double[] mean;
    private final double ybar;
    private final double[] yc;
    private final double yVariance;
    private final double[] gram;
    private final double[] xty;
    private final Cholesky cholesky = KernelProvider.get().cholesky();

    private RelevanceDetermination(DesignMatrix x, double[] mean, double ybar, double[] yc, double yVariance, double[] gram, double[] xty) {
        this.x = x;
        this.n = x.rows();
        this.p = x.cols();
        this.mean = mean;
        this.ybar = ybar;
        this.yc = yc;
        this.yVariance = yVariance;
        this.gram = gram;
        this.xty = xty;
    }

    /**
     * The centred Gram and X̃ᵀỹ in one pass; a sparse X (compressed columns) through the centred Gram of its stored
     * entries ({@link CenteredGram}), never centred or densified.
     *
     * @param threads row chunks of the Gram pass (results depend on the count only)
     */
    public static RelevanceDetermination of(Matrix x, double[] y, boolean fitIntercept, int threads) {
        int n = x.rows();
        int p = x.cols();
        Inputs.response(y, n);
        DesignMatrix m = DesignMatrix.of(x, Threads.check(threads));
        double[] mean = !fitIntercept ? new double[p] : x instanceof MatrixView v ? Moments.columnMeans(v, null) : m.columnMeans(null);
        double ybar = fitIntercept ? Moments.mean(y, null) : 0.0;
        double[] yc = new double[n];
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - ybar;
            sum += yc[i];
            squares += yc[i] * yc[i];
        }
        double yVariance = squares / n - (sum / n) * (sum / n); // numpy's var of the centred y
        double[] xty = new double[p];
        double[] g = x instanceof MatrixView v ? Moments.centeredGram(v, null, mean, yc, xty, Threads.kernels(threads))
                : CenteredGram.all(m, null, mean, yc, xty);
        return new RelevanceDetermination(m, mean, ybar, yc, yVariance, g, xty);
    }

    /**
     * How the iteration ended.
     *
     * @param coef       the posterior mean w (0 at pruned features)
     * @param alpha      the noise precision α
     * @param lambda     the weight precisions λⱼ (pruned ones at or above the threshold)
     * @param kept       the kept features, ascending
     * @param sigma      the posterior covariance over the kept features, row-major (scikit-learn's {@code sigma_})
     * @param iterations scikit-learn's {@code n_iter_}
     * @param converged  whether Σ|Δw| fell below tol before maxIter (or every feature was pruned)
     * @param lastChange Σ|Δw| at the last iteration (NaN after one)
     * @param scores     the log marginal likelihood per iteration (empty unless asked for)
     */
    public record Result(double[] coef, double alpha, double[] lambda, int[] kept, double[] sigma, int iterations, boolean converged,
                         double lastChange, double[] scores) {}

    /**
     * scikit-learn's loop: from α = 1/(var(ỹ) + ε), λ = 1; per iteration Σ and w from (α, λ), the residual, the
     * updates, pruning at {@code thresholdLambda}, the score, then the stop on Σ|w − w_previous| &lt; tol (not at the
     * first iteration) or when nothing is kept; finally Σ and w once more from the last (α, λ).
     */
    public Result fit(Priors priors, double thresholdLambda, double tol, int maxIter, boolean computeScore) {
        double alpha = 1.0 / (yVariance + Math.ulp(1.0));
        double[] lambda = new double[p];
        Arrays.fill(lambda, 1.0);
        boolean[] keep = new boolean[p];
        Arrays.fill(keep, true);
        double[] w = new double[p];
        double[] previous = null;
        double[] scores = new double[computeScore ? maxIter : 0];
        int scoreCount = 0;
        int iter = 0;
        boolean converged = false;
        double change = Double.NaN;
        for (; iter < maxIter; iter++) {
            int[] kept = indices(keep);
            Posterior post = posterior(kept, alpha, lambda, w);
            double rss = residualSquares(w);
            double gammaSum = 0;
            for (int a = 0; a < kept.length; a++) {
                int j = kept[a];
                double gamma = 1 - lambda[j] * post.sigma[a * kept.length + a];
                gammaSum += gamma;
                lambda[j] = (gamma + 2 * priors.lambda1()) / (w[j] * w[j] + 2 * priors.lambda2());
            }
            alpha = (n - gammaSum + 2 * priors.alpha1()) / (rss + 2 * priors.alpha2());
            for (int j = 0; j < p; j++) {
                keep[j] = lambda[j] < thresholdLambda;
                if (!keep[j]) w[j] = 0;
            }
            if (computeScore) scores[scoreCount++] = score(priors, alpha, lambda, w, rss, post.logDet);
            if (iter > 0) {
                change = 0;
                for (int j = 0; j < p; j++) change += Math.abs(previous[j] - w[j]);
                if (change < tol) {
                    converged = true;
                    break;
                }
            }
            previous = w.clone();
            if (indices(keep).length == 0) {
                converged = true;
                break;
            }
        }
        int iterations = iter < maxIter ? iter + 1 : maxIter;
        int[] kept = indices(keep);
        double[] sigma = new double[0];
        if (kept.length > 0) sigma = posterior(kept, alpha, lambda, w).sigma;
        return new Result(w, alpha, lambda, kept, sigma, iterations, converged, change, Arrays.copyOf(scores, scoreCount));
    }

    /** Gamma hyper-priors (shape, rate) of α (α₁, α₂) and of every λⱼ (λ₁, λ₂); scikit-learn's defaults are all 1e-6. */
    public record Priors(double alpha1, double alpha2, double lambda1, double lambda2) {}

    /** Σ over the kept features (row-major) and log det Σ. */
    private record Posterior(double[] sigma, double logDet) {}

    /** Σ = (diag(λ_K) + αG_KK)⁻¹ by Cholesky, and w_K ← αΣX̃_Kᵀỹ (w elsewhere untouched: 0 once pruned). */
    private Posterior posterior(int[] kept, double alpha, double[] lambda, double[] w) {
        int m = kept.length;
        double[] a = new double[m * m];
        for (int s = 0; s < m; s++) {
            for (int t = 0; t <= s; t++) a[s * m + t] = alpha * gram[kept[s] * p + kept[t]];
            a[s * m + s] += lambda[kept[s]];
        }
        cholesky.factor(m, a, 0, m, 0.0);
        double logDet = 0;
        for (int s = 0; s < m; s++) logDet -= 2 * Math.log(a[s * m + s]);
        double[] sigma = new double[m * m];
        for (int s = 0; s < m; s++) sigma[s * m + s] = 1.0;
        cholesky.solve(m, m, a, 0, m, sigma, 0, m);
        for (int s = 0; s < m; s++) {
            double v = 0;
            for (int t = 0; t < m; t++) v += sigma[s * m + t] * xty[kept[t]];
            w[kept[s]] = alpha * v;
        }
        return new Posterior(sigma, logDet);
    }

    /** ‖ỹ − X̃w‖², one pass over X (X̃w = Xw − x̄·w). */
    private double residualSquares(double[] w) {
        double[] xw = new double[n];
        x.multiply(w, xw);
        double shift = 0;
        for (int j = 0; j < p; j++) shift += mean[j] * w[j];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = yc[i] - (xw[i] - shift);
            s += r * r;
        }
        return s;
    }

    /** scikit-learn's ARD score: the priors of α and every λⱼ, ½(log det Σ + n·log α + Σ log λⱼ) − ½(α·rss + Σλⱼwⱼ²). */
    private double score(Priors h, double alpha, double[] lambda, double[] w, double rss, double logDetSigma) {
        double s = h.alpha1() * Math.log(alpha) - h.alpha2() * alpha;
        double logLambda = 0;
        double penalty = 0;
        for (int j = 0; j < p; j++) {
            s += h.lambda1() * Math.log(lambda[j]) - h.lambda2() * lambda[j];
            logLambda += Math.log(lambda[j]);
            penalty += lambda[j] * w[j] * w[j];
        }
        return s + 0.5 * (logDetSigma + n * Math.log(alpha) + logLambda) - 0.5 * (alpha * rss + penalty);
    }

    private static int[] indices(boolean[] keep) {
        int count = 0;
        for (boolean k : keep) if (k) count++;
        int[] out = new int[count];
        int c = 0;
        for (int j = 0; j < keep.length; j++) if (keep[j]) out[c++] = j;
        return out;
    }

    /** ȳ − x̄·w (0 without intercept). */
    public double intercept(double[] w) {
        double b = ybar;
        for (int j = 0; j < p; j++) b -= mean[j] * w[j];
        return b;
    }
}
