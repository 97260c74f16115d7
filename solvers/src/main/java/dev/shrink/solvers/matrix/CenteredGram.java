package dev.shrink.solvers.matrix;

import dev.shrink.solvers.internal.Thresholds;

/**
 * The centred weighted Gram matrix of a block of columns of X, {@code X̃_BᵀX̃_B = X_BᵀVX_B − S·x̄_Bx̄_Bᵀ} (V = diag(v),
 * S = Σv, x̄ the v-weighted column means or 0), with X never centred in place: the form the Bayesian and group
 * estimators need on a sparse design, where centring X would densify it. The raw Gram comes from the design's own
 * block kernel (for sparse X, the products of the stored entries); when a column's mean is so large against its
 * spread that the subtraction would lose more than six digits (S·x̄ⱼ² &gt; {@value Thresholds#CENTRING_LIMIT}·
 * Σvᵢ(xᵢⱼ − x̄ⱼ)², as the dense estimators' rule), the block is instead built one column at a time from the centred
 * column u = v∘(x_a − x̄_a), as {@code X_Bᵀu − x̄_B·Σuᵢ}: Σuᵢ would be 0 in exact arithmetic (so the other factor needs
 * no centring), and subtracting x̄_B times its computed value removes what the rounding of x̄ₐ leaves there — without it
 * the error is again of order ε·S·x̄², as the subtraction's (O(n + stored entries of the block) per column, one dense
 * n-vector of scratch).
 */
public final class CenteredGram {
    private CenteredGram() {}

    /**
     * g ← X̃_BᵀX̃_B for B = cols[0 .. m), m×m row-major, both triangles.
     *
     * @param v    row weights (null: all 1)
     * @param mean the v-weighted means of the block's columns, mean[a] for column cols[a] (all 0 without intercept)
     * @param sumV Σvᵢ
     */
    public static void block(DesignMatrix x, int[] cols, int m, double[] v, double[] mean, double sumV, double[] g) {
        if (m == 0) return;
        x.gram(cols, m, v, null, g, 0, m, null);
        boolean cancels = false;
        for (int a = 0; a < m && !cancels; a++) {
            double mu = mean[a];
            double shift = sumV * mu * mu;
            cancels = mu != 0 && !(shift <= Thresholds.CENTRING_LIMIT * (g[a * m + a] - shift));
        }
        if (!cancels) {
            for (int a = 0; a < m; a++) {
                double s = sumV * mean[a];
                for (int b = 0; b < m; b++) g[a * m + b] -= s * mean[b];
            }
            return;
        }
        double[] u = new double[x.rows()];
        for (int a = 0; a < m; a++) {
            double sumU = centered(x, cols[a], v, mean[a], u);
            for (int b = 0; b <= a; b++) {
                double e = x.columnDot(cols[b], null, u) - mean[b] * sumU;
                g[a * m + b] = e;
                g[b * m + a] = e;
            }
        }
    }

    /** The whole p×p centred Gram (a fresh array) and, with d given, xtd ← X̃ᵀ(v∘d) = Xᵀ(v∘d) − x̄·Σvᵢdᵢ. */
    public static double[] all(DesignMatrix x, double[] v, double[] mean, double[] d, double[] xtd) {
        int n = x.rows();
        int p = x.cols();
        double sumV = 0;
        for (int i = 0; i < n; i++) sumV += v == null ? 1.0 : v[i];
        int[] cols = new int[p];
        for (int j = 0; j < p; j++) cols[j] = j;
        double[] g = new double[Math.max(1, p * p)];
        block(x, cols, p, v, mean, sumV, g);
        if (d != null) {
            double[] u = new double[n];
            double sumU = 0;
            for (int i = 0; i < n; i++) {
                u[i] = v == null ? d[i] : v[i] * d[i];
                sumU += u[i];
            }
            x.multiplyTransposed(u, xtd);
            for (int j = 0; j < p; j++) xtd[j] -= mean[j] * sumU;
        }
        return g;
    }

    /**
     * The centred Gram of cols[0 .. m) grown from that of cols[0 .. m0) ({@code g0}, m0×m0, same weights v and means
     * {@code mean[0 .. m0)}): the new columns' v-weighted means go into {@code mean[m0 .. m)} (0 without intercept) and
     * their rows are X_Bᵀ(v∘(x_t − x̄_t)), O(n + stored entries of the block) each, instead of a whole block Gram.
     */
    public static double[] extend(double[] g0, int m0, DesignMatrix x, int[] cols, int m, double[] v, double[] mean, boolean fitIntercept) {
        int n = x.rows();
        double[] g = new double[m * m];
        for (int a = 0; a < m0; a++) System.arraycopy(g0, a * m0, g, a * m, m0);
        double[] weights = v;
        if (weights == null) {
            weights = new double[n];
            java.util.Arrays.fill(weights, 1.0);
        }
        double sumV = 0;
        for (double w : weights) sumV += w;
        for (int t = m0; t < m; t++) mean[t] = fitIntercept ? x.columnDot(cols[t], null, weights) / sumV : 0.0;
        double[] u = new double[n];
        for (int t = m0; t < m; t++) {
            double sumU = centered(x, cols[t], v, mean[t], u);
            for (int k = 0; k < m; k++) {
                if (k >= m0 && k < t) continue; // the new-new block: each pair once, from the later column
                double e = x.columnDot(cols[k], null, u) - mean[k] * sumU; // see the class comment
                g[t * m + k] = e;
                g[k * m + t] = e;
            }
        }
        return g;
    }

    /** u ← v∘(x_j − μ), zeros included; returns Σuᵢ (0 but for the rounding of μ). */
    public static double centered(DesignMatrix x, int j, double[] v, double mu, double[] u) {
        x.column(j, u);
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            u[i] = (v == null ? 1.0 : v[i]) * (u[i] - mu);
            sum += u[i];
        }
        return sum;
    }
}
