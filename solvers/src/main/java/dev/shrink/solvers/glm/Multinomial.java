package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.Thresholds;

/**
 * Multinomial (softmax) loss over K classes, {@code ℓ(y, η) = log Σ_c e^{η_c} − η_y}. Its conjugate is the negative
 * entropy {@code ℓ*(t) = Σ_c q_c·log q_c} on the simplex, q = e_y + t; the dual point κ·s(p − e_y) keeps q between
 * e_y and the probabilities p. The Hessian of a row is s·(diag(p) − p·pᵀ).
 */
final class Multinomial extends Family {
    private final int[] y;
    /** The labels as doubles, the form the {@link dev.shrink.kernels.GlmRows#softmax} kernel compares lanes with. */
    private final double[] label;
    private final int k;
    /** The probabilities of the last {@link #derivatives} (class-major, made on first use). */
    private double[] p;

    /** @param y class indices 0 .. classes − 1 */
    Multinomial(int[] y, int classes, double[] s) {
        super(y.length, s);
        this.y = y;
        this.k = classes;
        this.label = new double[n];
        for (int i = 0; i < n; i++) label[i] = y[i];
    }

    @Override
    int outputs() {
        return k;
    }

    @Override
    double loss(double[] eta) {
        double f = ROWS.softmax(0, n, k, n, 1.0, eta, label, s, null, null);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    @Override
    void derivatives(double[] eta, double[] g, double[] h) {
        if (p == null) p = new double[k * n];
        ROWS.softmax(0, n, k, n, 1.0, eta, label, s, p, g);
        curvatures(h);
    }

    /** h ← sᵢ·(diag(p) − p·pᵀ) per row, in packed class pairs, from the probabilities of the last softmax pass. */
    private void curvatures(double[] h) {
        for (int c = 0; c < k; c++) {
            for (int c2 = c; c2 < k; c2++) {
                int at = pair(c, c2, k) * n;
                int pc = c * n;
                int pc2 = c2 * n;
                if (c == c2) {
                    for (int i = 0; i < n; i++) h[at + i] = s[i] * (p[pc + i] - p[pc + i] * p[pc + i]);
                } else {
                    for (int i = 0; i < n; i++) h[at + i] = s[i] * (0.0 - p[pc + i] * p[pc2 + i]);
                }
            }
        }
    }

    /** Per row KL(q ‖ p) between the class distributions, q_c = p_c + δ_c/s, written with log1p. */
    @Override
    double fenchelYoung(double[] eta, double[] delta) {
        return ROWS.softmaxDivergence(0, n, k, n, eta, s, null, delta, 1.0);
    }

    /** The same sum with δ = t·(u₀ − g) formed in the kernel's pass (no δ array). */
    @Override
    double fenchelYoung(double[] eta, double[] g, double[] u0, double t) {
        return ROWS.softmaxDivergence(0, n, k, n, eta, s, g, u0, t);
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

    /** {@link #loss} and {@link #derivatives} from one softmax pass of the rows kernel (the same bits). */
    @Override
    double lossAndDerivatives(double[] eta, double[] g, double[] h) {
        if (p == null) p = new double[k * n];
        double f = ROWS.softmax(0, n, k, n, 1.0, eta, label, s, p, g);
        curvatures(h);
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
