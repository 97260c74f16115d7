package dev.shrink.conformance;

import dev.shrink.solvers.Design;

/**
 * Objective values, written out term by term exactly as the conformance README states them (plain loops, no kernels:
 * this is the reference the solvers are checked against). X is read through {@link Design#get}; weights may be null.
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
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double r = y[i] - dotRow(x, i, w) - b;
            f += (s == null ? 1.0 : s[i]) * r * r;
        }
        return f + alpha * sumSquares(w);
    }

    /**
     * scikit-learn Lasso / ElasticNet: (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)² + alpha·l1Ratio·Σ|wⱼ| + ½·alpha·(1 − l1Ratio)·Σwⱼ²,
     * S = Σsᵢ (= n without weights).
     */
    public static double elasticNet(Design x, double[] y, double[] s, double[] w, double b, double alpha, double l1Ratio) {
        double f = 0;
        double sum = 0;
        for (int i = 0; i < x.n(); i++) {
            double r = y[i] - dotRow(x, i, w) - b;
            double si = s == null ? 1.0 : s[i];
            f += si * r * r;
            sum += si;
        }
        return f / (2 * sum) + alpha * l1Ratio * sumAbs(w) + 0.5 * alpha * (1 - l1Ratio) * sumSquares(w);
    }

    /** scikit-learn LogisticRegression: ½·Σwⱼ² + C·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b))), tᵢ = 2yᵢ − 1, yᵢ ∈ {0, 1}. */
    public static double logistic(Design x, double[] y01, double[] s, double[] w, double b, double c) {
        double f = 0;
        for (int i = 0; i < x.n(); i++) {
            double t = 2 * y01[i] - 1;
            f += (s == null ? 1.0 : s[i]) * softplus(-t * (dotRow(x, i, w) + b));
        }
        return 0.5 * sumSquares(w) + c * f;
    }

    /** dⱼ = sqrt((1/n)·Σᵢ(xᵢⱼ − x̄ⱼ)²), glmnet's standardisation scale. */
    public static double[] columnScales(Design x) {
        int n = x.n();
        double[] d = new double[x.p()];
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
        int n = x.n();
        double f = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - b - dotRow(x, i, w);
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
        int n = x.n();
        double f = 0;
        for (int i = 0; i < n; i++) {
            double z = b + dotRow(x, i, w);
            f += softplus(z) - y01[i] * z;
        }
        double l2 = 0;
        for (int j = 0; j < w.length; j++) {
            double dj = d == null ? 1.0 : d[j];
            l2 += dj * dj * w[j] * w[j];
        }
        return f / n + lambda / 2 * l2;
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
