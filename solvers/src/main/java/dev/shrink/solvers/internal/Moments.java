package dev.shrink.solvers.internal;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

import java.util.Arrays;

/**
 * Weighted first and second moments of a design and a response: means, centred sums of squares, and the centring of
 * raw sums (XᵀSX − S·x̄x̄ᵀ and its relatives) that sufficient statistics and covariance-mode problems share.
 * Weights may be null (all 1). Nothing here writes to its inputs.
 */
public final class Moments {
    private Moments() {}

    /** Weights rescaled to sum to n (null stays null); validates them ({@link Inputs#weights}). */
    public static double[] normalizedWeights(double[] w, int n) {
        if (w == null) return null;
        double sum = Inputs.weights(w, n);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = w[i] * (n / sum);
        return s;
    }

    /** Weighted column means x̄ = Xᵀs / Σs. */
    public static double[] columnMeans(MatrixView x, double[] s) {
        int n = x.rows();
        double[] ones = s;
        if (ones == null) {
            ones = new double[n];
            Arrays.fill(ones, 1.0);
        }
        double[] m = new double[x.cols()];
        KernelProvider.get().matrixVector().multiplyTransposed(x, ones, 0, m, 0);
        double sum = 0;
        for (double v : ones) sum += v;
        for (int j = 0; j < m.length; j++) m[j] /= sum;
        return m;
    }

    /** Weighted mean Σsᵢyᵢ / Σsᵢ. */
    public static double mean(double[] y, double[] s) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < y.length; i++) {
            double w = s == null ? 1.0 : s[i];
            a += w * y[i];
            b += w;
        }
        return a / b;
    }

    /** Σᵢ sᵢ((xᵢⱼ − mⱼ)·scaleⱼ)² for every column (scale null: 1), one pass over X in its storage order. */
    public static double[] centeredSquares(MatrixView x, double[] s, double[] mean, double[] scale) {
        int n = x.rows();
        int p = x.cols();
        double[] out = new double[p];
        double[] a = x.data();
        if (x.layout() == Layout.ROW_MAJOR) {
            for (int i = 0; i < n; i++) {
                int row = x.index(i, 0);
                double w = s == null ? 1.0 : s[i];
                for (int j = 0; j < p; j++) {
                    double d = a[row + j] - mean[j];
                    out[j] += w * d * d;
                }
            }
        } else {
            for (int j = 0; j < p; j++) {
                int col = x.index(0, j);
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    double d = a[col + i] - mean[j];
                    acc += (s == null ? 1.0 : s[i]) * d * d;
                }
                out[j] = acc;
            }
        }
        if (scale != null) for (int j = 0; j < p; j++) out[j] *= scale[j] * scale[j];
        return out;
    }

    /**
     * {@code factor·(G − S·x̄x̄ᵀ)} from the raw Gram G = XᵀSX (p×p row-major), the column sums Σsᵢxᵢ and S = Σsᵢ, in
     * one pass, a fresh array. Loses about ε·x̄ⱼ²/var(xⱼ) relative accuracy per column.
     */
    public static double[] centeredGram(double[] gram, double[] sumWx, double sumW, double factor) {
        int p = sumWx.length;
        double[] g = new double[gram.length];
        double[] m = new double[p];
        for (int j = 0; j < p; j++) m[j] = sumWx[j] / sumW;
        for (int i = 0; i < p; i++) {
            double s = sumW * m[i];
            for (int j = 0; j < p; j++) g[i * p + j] = (gram[i * p + j] - s * m[j]) * factor;
        }
        return g;
    }

    /** XᵀSy − S·x̄ȳ from the raw sums, a fresh array. */
    public static double[] centeredXty(double[] xty, double[] sumWx, double sumW, double sumWy) {
        double[] c = xty.clone();
        double ybar = sumWy / sumW;
        for (int j = 0; j < c.length; j++) c[j] -= sumW * (sumWx[j] / sumW) * ybar;
        return c;
    }

    /** Σsᵢ(yᵢ − ȳ)² from Σsᵢyᵢ², Σsᵢyᵢ and S (clipped at 0 against rounding). */
    public static double centeredYty(double sumWyy, double sumWy, double sumW) {
        double ybar = sumWy / sumW;
        return Math.max(0.0, sumWyy - sumW * ybar * ybar);
    }

    /**
     * The centred weighted Gram X̃ᵀX̃ = XᵀVX − S·x̄x̄ᵀ (S = Σv, p×p row-major, both triangles) from one pass of the SYRK
     * kernel, and with {@code d} given X̃ᵀ(√v∘d) = XᵀVd − x̄·Σvd into {@code xtd} in the same pass. When a column's mean
     * is so large against its spread that the subtraction would lose more than six digits
     * (S·x̄ⱼ² &gt; {@value Thresholds#CENTRING_LIMIT}·Σvᵢ(xᵢⱼ − x̄ⱼ)²), X is centred first (a copy).
     */
    public static double[] centeredGram(MatrixView x, double[] v, double[] mean, double[] d, double[] xtd, ParallelKernels passes) {
        int n = x.rows();
        int p = x.cols();
        double sumV = 0;
        double sumU = 0;
        for (int i = 0; i < n; i++) {
            double vi = v == null ? 1.0 : v[i];
            sumV += vi;
            if (d != null) sumU += vi * d[i];
        }
        double[] g = new double[Math.max(1, p * p)];
        passes.gram(x, v, d, g, 0, Math.max(1, p), xtd, 0);
        boolean cancels = false;
        for (int j = 0; j < p && !cancels; j++) {
            double squares = g[j * p + j] - sumV * mean[j] * mean[j];
            cancels = mean[j] != 0 && !(sumV * mean[j] * mean[j] <= Thresholds.CENTRING_LIMIT * squares);
        }
        if (cancels) {
            double[] z = new double[n * p];
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) z[i * p + j] = x.get(i, j) - mean[j];
            passes.gram(MatrixView.rowMajor(z, n, p), v, d, g, 0, Math.max(1, p), xtd, 0);
            return g;
        }
        for (int i = 0; i < p; i++) {
            double mi = sumV * mean[i];
            for (int j = 0; j < p; j++) g[i * p + j] -= mi * mean[j];
            if (d != null) xtd[i] -= mean[i] * sumU;
        }
        return g;
    }
}
