package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.Thresholds;

/**
 * Logistic loss {@code ℓ(y, η) = log(1 + e^η) − y·η}, y ∈ {0, 1}. Its conjugate is the negative binary entropy
 * {@code ℓ*(t) = q·log q + (1 − q)·log(1 − q)}, q = y + t ∈ [0, 1]; the dual point κ·s(μ − y) keeps q between y and μ.
 */
final class Binomial extends Family {
    private final double[] y;

    /** @param y labels 0 or 1 */
    Binomial(double[] y, double[] s) {
        super(y.length, s);
        this.y = y;
    }

    @Override
    int outputs() {
        return 1;
    }

    @Override
    double loss(double[] eta) {
        double f = 0;
        for (int i = 0; i < n; i++) if (s[i] != 0) f += s[i] * (softplus(eta[i]) - y[i] * eta[i]);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    @Override
    void derivatives(double[] eta, double[] g, double[] h) {
        for (int i = 0; i < n; i++) {
            double mu = sigmoid(eta[i]);
            g[i] = s[i] * (mu - y[i]);
            h[i] = s[i] * mu * (1 - mu);
        }
    }

    /** Per row KL(q ‖ μ) of the Bernoulli laws, q = μ + δ/s, written with log1p (accurate relative to its own size). */
    @Override
    double fenchelYoung(double[] eta, double[] delta) {
        double sum = 0;
        for (int i = 0; i < n; i++) if (s[i] != 0) sum += s[i] * divergence(eta[i], delta[i] / s[i]);
        return sum;
    }

    /** The same sum with δᵢ = t·(u₀ᵢ − gᵢ) formed row by row (one pass, no δ array: the gap's hot loop). */
    @Override
    double fenchelYoung(double[] eta, double[] g, double[] u0, double t) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) continue;
            double delta = t * ((u0 == null ? 0.0 : u0[i]) - g[i]);
            sum += s[i] * divergence(eta[i], delta / s[i]);
        }
        return sum;
    }

    /** KL(μ + d ‖ μ) for μ = σ(η), with 1 − μ formed without cancellation. */
    private static double divergence(double eta, double d) {
        double e = Math.exp(-Math.abs(eta));
        double mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
        double nu = eta >= 0 ? e / (1 + e) : 1 / (1 + e); // 1 − μ without cancellation
        double q = Math.min(1.0, Math.max(0.0, mu + d));
        return (q > 0 ? q * log1p(d / mu) : 0.0) + (q < 1 ? (1 - q) * log1p(-d / nu) : 0.0);
    }

    @Override
    double[] nullIntercepts() {
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            a += s[i] * y[i];
            b += s[i];
        }
        double mean = a / b;
        if (!(mean > 0 && mean < 1)) return null;
        return new double[] {Math.log(mean / (1 - mean))};
    }

    /** {@link #loss} and {@link #derivatives} from one e^−|η| per row (the same expressions, the same bits). */
    @Override
    double lossAndDerivatives(double[] eta, double[] g, double[] h) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double z = eta[i];
            double e = Math.exp(-Math.abs(z));
            double mu = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            g[i] = s[i] * (mu - y[i]);
            h[i] = s[i] * mu * (1 - mu);
            if (s[i] != 0) f += s[i] * ((z > 0 ? z + log1p(e) : log1p(e)) - y[i] * z);
        }
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    /**
     * Pinsker's inequality KL(q ‖ μ) ≥ 2(q − μ)²: the sum is at least 2·Σᵢ δᵢ²/sᵢ; NaN when some q = y + uᵢ/sᵢ leaves
     * [0, 1] by more than {@value Thresholds#GLM_DOMAIN_SLACK}.
     */
    @Override
    double fenchelYoungFloor(double[] g, double[] delta) {
        double sum = 0;
        double slack = Thresholds.GLM_DOMAIN_SLACK;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) continue;
            double q = y[i] + (g[i] + delta[i]) / s[i];
            if (!(q >= -slack && q <= 1 + slack)) return Double.NaN;
            sum += delta[i] * delta[i] / s[i];
        }
        return 2 * sum;
    }
}
