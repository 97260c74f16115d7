package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.Thresholds;

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

    /** {@link #loss} and {@link #derivatives} from the rows kernel's one pass that forms both (the same bits). */
    @Override
    double lossAndDerivatives(double[] eta, double[] g, double[] h) {
        double f = ROWS.poisson(0, n, 1.0, eta, y, s, g, h);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    /**
     * The generalised KL divergence of q = μ + d from μ has second derivative 1/q in q, so it is at least
     * d²/(2·max(μ, q)), μ = y + g/s from the derivatives (a row whose μ rounds to 0 or below adds nothing); NaN when some
     * q = y + uᵢ/sᵢ is below 0 by more than {@value Thresholds#GLM_DOMAIN_SLACK}·(1 + y).
     */
    @Override
    double fenchelYoungFloor(double[] g, double[] delta) {
        double sum = 0;
        double slack = Thresholds.GLM_DOMAIN_SLACK;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) continue;
            double mu = y[i] + g[i] / s[i];
            double q = mu + delta[i] / s[i];
            if (!(q >= -slack * (1 + y[i]))) return Double.NaN;
            double top = Math.max(mu, q);
            if (mu > 0 && top > 0) sum += delta[i] * delta[i] / (2 * s[i] * top);
        }
        return sum;
    }
}
