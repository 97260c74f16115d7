package dev.shrink.solvers.glm;

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
}
