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
        double f = 0;
        for (int i = 0; i < n; i++) if (s[i] != 0) f += s[i] * (Math.exp(eta[i]) - y[i] * eta[i]);
        return Double.isNaN(f) ? Double.POSITIVE_INFINITY : f;
    }

    @Override
    void derivatives(double[] eta, double[] g, double[] h) {
        for (int i = 0; i < n; i++) {
            double mu = Math.exp(eta[i]);
            g[i] = s[i] * (mu - y[i]);
            h[i] = s[i] * mu;
        }
    }

    /** Per row the generalised KL divergence q·log(q/μ) − (q − μ), q = μ + δ/s, written with log1p. */
    @Override
    double fenchelYoung(double[] eta, double[] delta) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] == 0) continue;
            double mu = Math.exp(eta[i]);
            double d = delta[i] / s[i];
            double q = Math.max(0.0, mu + d);
            sum += s[i] * ((q > 0 ? q * log1p(d / mu) : 0.0) - d);
        }
        return sum;
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
