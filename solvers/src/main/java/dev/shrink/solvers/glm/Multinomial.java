package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.Thresholds;

/**
 * Multinomial (softmax) loss over K classes, {@code ℓ(y, η) = log Σ_c e^{η_c} − η_y}. Its conjugate is the negative
 * entropy {@code ℓ*(t) = Σ_c q_c·log q_c} on the simplex, q = e_y + t; the dual point κ·s(p − e_y) keeps q between
 * e_y and the probabilities p. The Hessian of a row is s·(diag(p) − p·pᵀ).
 */
final class Multinomial extends Family {
    private final int[] y;
    private final int k;
    private final double[] p;

    /** @param y class indices 0 .. classes − 1 */
    Multinomial(int[] y, int classes, double[] s) {
        super(y.length, s);
        this.y = y;
        this.k = classes;
        this.p = new double[classes];
    }

    @Override
    int outputs() {
        return k;
    }

    /** log Σ_c e^{η_c} of row i, shifted by the largest η_c (no overflow). */
    private double logSumExp(double[] eta, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) max = Math.max(max, eta[c * n + i]);
        double sum = 0;
        for (int c = 0; c < k; c++) sum += Math.exp(eta[c * n + i] - max);
        return max + Math.log(sum);
    }

    /** p ← softmax of row i; returns its log-sum-exp. */
    private double probabilities(double[] eta, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) max = Math.max(max, eta[c * n + i]);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(eta[c * n + i] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) p[c] /= sum;
        return max + Math.log(sum);
    }

    @Override
    double loss(double[] eta) {
        double f = 0;
        for (int i = 0; i < n; i++) if (s[i] != 0) f += s[i] * (logSumExp(eta, i) - eta[y[i] * n + i]);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    @Override
    void derivatives(double[] eta, double[] g, double[] h) {
        for (int i = 0; i < n; i++) {
            probabilities(eta, i);
            double si = s[i];
            for (int c = 0; c < k; c++) {
                g[c * n + i] = si * (p[c] - (y[i] == c ? 1 : 0));
                for (int c2 = c; c2 < k; c2++) h[pair(c, c2, k) * n + i] = si * ((c == c2 ? p[c] : 0) - p[c] * p[c2]);
            }
        }
    }

    /** Per row KL(q ‖ p) between the class distributions, q_c = p_c + δ_c/s, written with log1p. */
    @Override
    double fenchelYoung(double[] eta, double[] delta) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) continue;
            probabilities(eta, i);
            double kl = 0;
            for (int c = 0; c < k; c++) {
                double d = delta[c * n + i] / s[i];
                double q = Math.min(1.0, Math.max(0.0, p[c] + d));
                if (q > 0) kl += q * log1p(d / p[c]);
            }
            sum += s[i] * kl;
        }
        return sum;
    }

    @Override
    double[] nullIntercepts() {
        double[] freq = new double[k];
        for (int i = 0; i < n; i++) freq[y[i]] += s[i];
        double[] b = new double[k];
        double mean = 0;
        for (int c = 0; c < k; c++) {
            if (!(freq[c] > 0)) return null;
            b[c] = Math.log(freq[c]);
            mean += b[c] / k;
        }
        for (int c = 0; c < k; c++) b[c] -= mean;
        return b;
    }

    /** {@link #loss} and {@link #derivatives} from one softmax per row (the same expressions, the same bits). */
    @Override
    double lossAndDerivatives(double[] eta, double[] g, double[] h) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double lse = probabilities(eta, i);
            double si = s[i];
            for (int c = 0; c < k; c++) {
                g[c * n + i] = si * (p[c] - (y[i] == c ? 1 : 0));
                for (int c2 = c; c2 < k; c2++) h[pair(c, c2, k) * n + i] = si * ((c == c2 ? p[c] : 0) - p[c] * p[c2]);
            }
            if (si != 0) f += si * (lse - eta[y[i] * n + i]);
        }
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    /**
     * Pinsker's inequality KL(q ‖ p) ≥ ½‖q − p‖₁² ≥ ½‖q − p‖₂²: the sum is at least ½·Σᵢ Σ_c δ_ic²/sᵢ; NaN when some
     * q_c = [y = c] + u_ic/sᵢ leaves [0, 1] by more than {@value Thresholds#GLM_DOMAIN_SLACK}.
     */
    @Override
    double fenchelYoungFloor(double[] g, double[] delta) {
        double sum = 0;
        double slack = Thresholds.GLM_DOMAIN_SLACK;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                if (s[i] == 0) continue;
                int at = c * n + i;
                double q = (y[i] == c ? 1 : 0) + (g[at] + delta[at]) / s[i];
                if (!(q >= -slack && q <= 1 + slack)) return Double.NaN;
                sum += delta[at] * delta[at] / s[i];
            }
        }
        return 0.5 * sum;
    }
}
