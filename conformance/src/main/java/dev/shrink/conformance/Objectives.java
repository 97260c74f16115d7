package dev.shrink.conformance;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.solvers.DenseDesign;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;

/**
 * Objective values, written out term by term exactly as the conformance README states them (plain loops, no kernels:
 * this is the reference the solvers are checked against). A dense X is read through {@link Design#get}, a sparse one
 * over its stored entries (so that the command line can report the objective of a fit on a large sparse design); weights
 * may be null.
 */
public final class Objectives {
    private Objectives() {}

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static double dotRow(Design x, int i, double[] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += x.get(i, j) * w[j];
        return s;
    }

    /** The entries X stores, column by column: (row, column, value) for each. */
    private interface Entries {
        void accept(int i, int j, double v);
    }

    /** Calls {@code e} for every stored entry of a sparse design (plain loops over its compressed columns). */
    private static void forEachStored(SparseDesign x, Entries e) {
        switch (x.matrix()) {
            case CscView c -> {
                for (int j = 0; j < c.cols(); j++) for (int k = c.columnStarts()[j]; k < c.columnStarts()[j + 1]; k++) e.accept(c.rowIndices()[k], j, c.values()[k]);
            }
            case CscFloatView c -> {
                for (int j = 0; j < c.cols(); j++) for (int k = c.columnStarts()[j]; k < c.columnStarts()[j + 1]; k++) e.accept(c.rowIndices()[k], j, c.values()[k]);
            }
            default -> throw new IllegalStateException("a sparse design holds compressed columns");
        }
    }

    /** xᵢ·w for every row i. */
    private static double[] linear(Design x, double[] w) {
        double[] eta = new double[x.n()];
        switch (x) {
            case DenseDesign d -> {
                for (int i = 0; i < eta.length; i++) eta[i] = dotRow(d, i, w);
            }
            case SparseDesign sp -> forEachStored(sp, (i, j, v) -> eta[i] += v * w[j]);
        }
        return eta;
    }

    private static double sumSquares(double[] w) {
        double s = 0;
        for (double v : w) s += v * v;
        return s;
    }

    private static double sumAbs(double[] w) {
        double s = 0;
        for (double v : w) s += Math.abs(v);
        return s;
    }

    /** scikit-learn Ridge: Σᵢsᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼwⱼ². */
    public static double ridge(Design x, double[] y, double[] s, double[] w, double b, double alpha) {
        double[] eta = linear(x, w);
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double r = y[i] - eta[i] - b;
            f += (s == null ? 1.0 : s[i]) * r * r;
        }
        return f + alpha * sumSquares(w);
    }

    /**
     * scikit-learn Lasso / ElasticNet: (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)² + alpha·l1Ratio·Σ|wⱼ| + ½·alpha·(1 − l1Ratio)·Σwⱼ²,
     * S = Σsᵢ (= n without weights).
     */
    public static double elasticNet(Design x, double[] y, double[] s, double[] w, double b, double alpha, double l1Ratio) {
        double[] eta = linear(x, w);
        double f = 0;
        double sum = 0;
        for (int i = 0; i < x.n(); i++) {
            double r = y[i] - eta[i] - b;
            double si = s == null ? 1.0 : s[i];
            f += si * r * r;
            sum += si;
        }
        return f / (2 * sum) + alpha * l1Ratio * sumAbs(w) + 0.5 * alpha * (1 - l1Ratio) * sumSquares(w);
    }

    /** scikit-learn LogisticRegression: ½·Σwⱼ² + C·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b))), tᵢ = 2yᵢ − 1, yᵢ ∈ {0, 1}. */
    public static double logistic(Design x, double[] y01, double[] s, double[] w, double b, double c) {
        double[] eta = linear(x, w);
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double t = 2 * y01[i] - 1;
            f += (s == null ? 1.0 : s[i]) * softplus(-t * (eta[i] + b));
        }
        return 0.5 * sumSquares(w) + c * f;
    }

    /** dⱼ = sqrt((1/n)·Σᵢ(xᵢⱼ − x̄ⱼ)²), glmnet's standardisation scale. */
    public static double[] columnScales(Design x) {
        int n = x.n();
        double[] d = new double[x.p()];
        if (x instanceof SparseDesign sp) {
            // over the stored entries: Σᵢ(xᵢⱼ − m)² = Σ_stored (x − m)² + (n − stored)·m²
            double[] sum = new double[d.length];
            int[] stored = new int[d.length];
            forEachStored(sp, (i, j, v) -> {
                sum[j] += v;
                stored[j]++;
            });
            double[] squares = new double[d.length];
            forEachStored(sp, (i, j, v) -> squares[j] += (v - sum[j] / n) * (v - sum[j] / n));
            for (int j = 0; j < d.length; j++) {
                double m = sum[j] / n;
                d[j] = Math.sqrt((squares[j] + (n - stored[j]) * m * m) / n);
            }
            return d;
        }
        for (int j = 0; j < d.length; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += x.get(i, j);
            m /= n;
            double v = 0;
            for (int i = 0; i < n; i++) v += (x.get(i, j) - m) * (x.get(i, j) - m);
            d[j] = Math.sqrt(v / n);
        }
        return d;
    }

    /** sqrt((1/n)·Σᵢ(yᵢ − ȳ)²). */
    public static double yScale(double[] y) {
        double m = 0;
        for (double v : y) m += v;
        m /= y.length;
        double s = 0;
        for (double v : y) s += (v - m) * (v - m);
        return Math.sqrt(s / y.length);
    }

    /**
     * glmnet Gaussian: (1/(2n))·Σᵢ(yᵢ − b − xᵢ·w)² + λ·Σⱼpfⱼ(l1Ratio·dⱼ|wⱼ| + (1 − l1Ratio)/(2·yScale)·dⱼ²wⱼ²)
     * (d = null means dⱼ = 1; pf = null means pfⱼ = 1, else the factors as glmnet rescales them, see
     * {@link #glmnetPenaltyFactors}).
     */
    public static double glmnetGaussian(Design x, double[] y, double[] w, double b, double lambda, double l1Ratio, double[] d, double yScale,
                                        double[] pf) {
        double[] eta = linear(x, w);
        int n = x.n();
        double f = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - b - eta[i];
            f += r * r;
        }
        double l1 = 0;
        double l2 = 0;
        for (int j = 0; j < w.length; j++) {
            double dj = d == null ? 1.0 : d[j];
            double fj = pf == null ? 1.0 : pf[j];
            l1 += fj * dj * Math.abs(w[j]);
            l2 += fj * dj * dj * w[j] * w[j];
        }
        return f / (2 * n) + lambda * (l1Ratio * l1 + (1 - l1Ratio) / (2 * yScale) * l2);
    }

    /** glmnet's penalty.factor rescaled to sum to p: pfⱼ = p·factorⱼ/Σₖfactorₖ (conformance README). */
    public static double[] glmnetPenaltyFactors(double[] factor) {
        double sum = 0;
        for (double v : factor) sum += v;
        double[] pf = new double[factor.length];
        for (int j = 0; j < pf.length; j++) pf[j] = factor.length * factor[j] / sum;
        return pf;
    }

    /** glmnet binomial: −(1/n)·Σᵢ(yᵢ(b + xᵢ·w) − log(1 + exp(b + xᵢ·w))) + (λ/2)·Σⱼdⱼ²wⱼ² (d = null: dⱼ = 1). */
    public static double glmnetBinomial(Design x, double[] y01, double[] w, double b, double lambda, double[] d) {
        double[] eta = linear(x, w);
        int n = x.n();
        double f = 0;
        for (int i = 0; i < n; i++) {
            double z = b + eta[i];
            f += softplus(z) - y01[i] * z;
        }
        double l2 = 0;
        for (int j = 0; j < w.length; j++) {
            double dj = d == null ? 1.0 : d[j];
            l2 += dj * dj * w[j] * w[j];
        }
        return f / n + lambda / 2 * l2;
    }

    /** Whether lower[j] ≤ w[j] ≤ upper[j] for every j. */
    public static boolean withinLimits(double[] w, double[] lower, double[] upper) {
        for (int j = 0; j < w.length; j++) if (!(w[j] >= lower[j] && w[j] <= upper[j])) return false;
        return true;
    }

    /**
     * scikit-learn LogisticRegression with penalty: C·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b))) + l1Ratio·Σ|wⱼ| + ½(1 − l1Ratio)·Σwⱼ²,
     * tᵢ = 2yᵢ − 1.
     */
    public static double logisticPenalized(Design x, double[] y01, double[] s, double[] w, double b, double c, double l1Ratio) {
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double t = 2 * y01[i] - 1;
            f += (s == null ? 1.0 : s[i]) * softplus(-t * (dotRow(x, i, w) + b));
        }
        return c * f + l1Ratio * sumAbs(w) + 0.5 * (1 - l1Ratio) * sumSquares(w);
    }

    /** log Σ_c exp(z_c) without overflow. */
    static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double s = 0;
        for (double v : z) s += Math.exp(v - max);
        return max + Math.log(s);
    }

    /** Σᵢ sᵢ·(log Σ_c exp(z_ic) − z_{i,yᵢ}), z_ic = xᵢ·w_c + b_c (s null: 1). */
    static double multinomialLoss(Design x, double[] y, double[] s, double[][] w, double[] b) {
        double f = 0;
        double[] z = new double[w.length];
        for (int i = 0; i < x.n(); i++) {
            for (int c = 0; c < w.length; c++) z[c] = dotRow(x, i, w[c]) + b[c];
            f += (s == null ? 1.0 : s[i]) * (logSumExp(z) - z[(int) y[i]]);
        }
        return f;
    }

    /**
     * scikit-learn multinomial LogisticRegression: C·Σᵢsᵢ(log Σ_c exp(z_ic) − z_{i,yᵢ}) + l1Ratio·Σ_cΣⱼ|w_cj|
     * + ½(1 − l1Ratio)·Σ_cΣⱼw_cj².
     */
    public static double multinomial(Design x, double[] y, double[] s, double[][] w, double[] b, double c, double l1Ratio) {
        double pen = 0;
        for (double[] wc : w) pen += l1Ratio * sumAbs(wc) + 0.5 * (1 - l1Ratio) * sumSquares(wc);
        return c * multinomialLoss(x, y, s, w, b) + pen;
    }

    /** glmnet's penalty of one feature's class coefficients: pf·(α·d·P + ½(1 − α)·d²·Σ_c w_c²), P = Σ|w_c| or ‖w‖₂ (grouped). */
    private static double glmnetPenalty(double[] wj, double alpha, double d, double pf, boolean grouped) {
        double abs = 0;
        double sq = 0;
        for (double v : wj) {
            abs += Math.abs(v);
            sq += v * v;
        }
        return pf * (alpha * d * (grouped ? Math.sqrt(sq) : abs) + 0.5 * (1 - alpha) * d * d * sq);
    }

    /** λ·Σⱼ glmnetPenalty over the features of the class vectors w[c] (d, pf null: 1). */
    private static double glmnetPenalty(double[][] w, double lambda, double alpha, double[] d, double[] pf, boolean grouped) {
        double sum = 0;
        double[] wj = new double[w.length];
        for (int j = 0; j < w[0].length; j++) {
            for (int c = 0; c < w.length; c++) wj[c] = w[c][j];
            sum += glmnetPenalty(wj, alpha, d == null ? 1.0 : d[j], pf == null ? 1.0 : pf[j], grouped);
        }
        return lambda * sum;
    }

    /**
     * glmnet binomial, any alpha: −(1/n)·Σᵢ(yᵢ(b + xᵢ·w) − log(1 + exp(b + xᵢ·w))) + λ·Σⱼpfⱼ(α·dⱼ|wⱼ| + ½(1 − α)·dⱼ²wⱼ²).
     */
    public static double glmnetBinomial(Design x, double[] y01, double[] w, double b, double lambda, double alpha, double[] d, double[] pf) {
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double z = b + dotRow(x, i, w);
            f += softplus(z) - y01[i] * z;
        }
        return f / x.n() + glmnetPenalty(new double[][] {w}, lambda, alpha, d, pf, false);
    }

    /** glmnet Poisson: −(1/n)·Σᵢ(yᵢ(b + xᵢ·w) − exp(b + xᵢ·w)) + λ·Σⱼpfⱼ(α·dⱼ|wⱼ| + ½(1 − α)·dⱼ²wⱼ²). */
    public static double glmnetPoisson(Design x, double[] y, double[] w, double b, double lambda, double alpha, double[] d, double[] pf) {
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double z = b + dotRow(x, i, w);
            f += Math.exp(z) - y[i] * z;
        }
        return f / x.n() + glmnetPenalty(new double[][] {w}, lambda, alpha, d, pf, false);
    }

    /**
     * glmnet multinomial: −(1/n)·Σᵢ(z_{i,yᵢ} − log Σ_c exp(z_ic)) + λ·Σⱼ(Pⱼ + ½(1 − α)·dⱼ²·Σ_c w_cj²), Pⱼ = α·dⱼ·Σ_c|w_cj|
     * (ungrouped) or α·dⱼ·sqrt(Σ_c w_cj²) (grouped).
     */
    public static double glmnetMultinomial(Design x, double[] y, double[][] w, double[] b, double lambda, double alpha, double[] d, boolean grouped) {
        return multinomialLoss(x, y, null, w, b) / x.n() + glmnetPenalty(w, lambda, alpha, d, null, grouped);
    }

    /** scikit-learn PoissonRegressor: (1/(2S))·Σᵢsᵢ·dev(yᵢ, μᵢ) + ½·alpha·Σⱼwⱼ², dev = 2(y·log(y/μ) − y + μ), μ = exp(xᵢ·w + b). */
    public static double poisson(Design x, double[] y, double[] s, double[] w, double b, double alpha) {
        double f = 0;
        double sum = 0;
        for (int i = 0; i < x.n(); i++) {
            double eta = dotRow(x, i, w) + b;
            double mu = Math.exp(eta);
            double si = s == null ? 1.0 : s[i];
            double ylog = y[i] == 0 ? 0.0 : y[i] * (Math.log(y[i]) - eta);
            f += si * 2 * (ylog - y[i] + mu);
            sum += si;
        }
        return f / (2 * sum) + 0.5 * alpha * sumSquares(w);
    }

    /**
     * Group lasso: {@code (1/(2n))·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·Σ_g √p_g·‖w_g‖₂} (squared loss) or
     * {@code (1/n)·Σᵢ log(1 + exp(−tᵢ(xᵢ·w + b))) + alpha·Σ_g √p_g·‖w_g‖₂}, tᵢ = 2yᵢ − 1 (logistic), groups[j] the
     * group of column j.
     */
    public static double groupLasso(Design x, double[] y, int[] groups, double[] w, double b, double alpha, boolean logistic) {
        int n = x.n();
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double z = dotRow(x, i, w) + b;
            if (logistic) {
                loss += softplus(-(2 * y[i] - 1) * z);
            } else {
                loss += (y[i] - z) * (y[i] - z);
            }
        }
        loss = logistic ? loss / n : loss / (2 * n);
        int count = 0;
        for (int g : groups) count = Math.max(count, g + 1);
        double[] squares = new double[count];
        int[] sizes = new int[count];
        for (int j = 0; j < w.length; j++) {
            squares[groups[j]] += w[j] * w[j];
            sizes[groups[j]]++;
        }
        double penalty = 0;
        for (int g = 0; g < count; g++) penalty += Math.sqrt(sizes[g]) * Math.sqrt(squares[g]);
        return loss + alpha * penalty;
    }

    /**
     * scikit-learn MultiTaskElasticNet: {@code (1/(2n))·Σᵢ Σₜ(Yᵢₜ − xᵢ·wₜ − bₜ)² + alpha·l1Ratio·Σⱼ sqrt(Σₜwₜⱼ²)
     * + ½·alpha·(1 − l1Ratio)·Σₜ Σⱼ wₜⱼ²}, W given task by task ({@code w[t]} = coefficients of task t).
     */
    public static double multiTaskElasticNet(Design x, double[][] y, double[][] w, double[] b, double alpha, double l1Ratio) {
        int n = x.n();
        int tasks = w.length;
        int p = x.p();
        double loss = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tasks; t++) {
                double r = y[i][t] - dotRow(x, i, w[t]) - b[t];
                loss += r * r;
            }
        }
        double l21 = 0;
        double l2 = 0;
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int t = 0; t < tasks; t++) s += w[t][j] * w[t][j];
            l21 += Math.sqrt(s);
            l2 += s;
        }
        return loss / (2 * n) + alpha * l1Ratio * l21 + 0.5 * alpha * (1 - l1Ratio) * l2;
    }
}
