package dev.shrink.solvers.glm;

/**
 * Poisson loss with the log link, {@code ℓ(y, η) = e^η − y·η} (the negative log-likelihood without log y!; scikit-learn's
 * half deviance differs from it by a constant per row). Its conjugate is {@code ℓ*(t) = q·log q − q}, q = y + t ≥ 0.
 */
final class Poisson extends Family {
    private final double[] y;

    /** @param y counts ≥ 0 (need not be integers) */
    Poisson(double[] y, double[] s) {
        super(y.length, s);
        this.y = y;
    }

    @Override
    int outputs() {
        return 1;
    }

    @Override
    double loss(double[] eta) {
        double f = ROWS.poisson(0, n, 1.0, eta, y, s, null, null);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    @Override
    void derivatives(double[] eta, double[] g, double[] h) {
        ROWS.poisson(0, n, 1.0, eta, y, s, g, h);
    }

    /** Per row the generalised KL divergence q·log(q/μ) − (q − μ), q = μ + δ/s, written with log1p. */
    @Override
    double fenchelYoung(double[] eta, double[] delta) {
        return ROWS.poissonDivergence(0, n, eta, s, null, delta, 1.0);
    }

    /** The same sum with δᵢ = t·(u₀ᵢ − gᵢ) formed row by row (one pass, no δ array). */
    @Override
    double fenchelYoung(double[] eta, double[] g, double[] u0, double t) {
        return ROWS.poissonDivergence(0, n, eta, s, g, u0, t);
    }

    @Override
    double[] nullIntercepts() {
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            a += s[i] * y[i];
            b += s[i];
        }
        return a > 0 ? new double[] {Math.log(a / b)} : null;
    }
}
