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
        double f = ROWS.logistic(0, n, 1.0, eta, y, s, null, null);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    /** g = s(μ − y) and h = sμ(1 − μ), both formed without cancellation ({@link dev.shrink.kernels.GlmRows#logistic}). */
    @Override
    void derivatives(double[] eta, double[] g, double[] h) {
        ROWS.logistic(0, n, 1.0, eta, y, s, g, h);
    }

    /** Per row KL(q ‖ μ) of the Bernoulli laws, q = μ + δ/s, written with log1p (accurate relative to its own size). */
    @Override
    double fenchelYoung(double[] eta, double[] delta) {
        return ROWS.logisticDivergence(0, n, eta, s, null, delta, 1.0);
    }

    /** The same sum with δᵢ = t·(u₀ᵢ − gᵢ) formed row by row (one pass, no δ array: the gap's hot loop). */
    @Override
    double fenchelYoung(double[] eta, double[] g, double[] u0, double t) {
        return ROWS.logisticDivergence(0, n, eta, s, g, u0, t);
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

    /** {@link #loss} and {@link #derivatives} from the rows kernel's one pass that forms both (the same bits). */
    @Override
    double lossAndDerivatives(double[] eta, double[] g, double[] h) {
        double f = ROWS.logistic(0, n, 1.0, eta, y, s, g, h);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    /**
     * Pinsker's inequality KL(q ‖ μ) ≥ 2(q − μ)²: the sum is at least 2·Σᵢ δᵢ²/sᵢ; NaN when some q = y + uᵢ/sᵢ leaves
     * [0, 1] by more than {@value Thresholds#GLM_DOMAIN_SLACK}.
     */
    @Override
    double fenchelYoungFloor(double[] g, double[] delta) {
        return ROWS.logisticFloor(0, n, y, s, g, delta, Thresholds.GLM_DOMAIN_SLACK);
    }
}
