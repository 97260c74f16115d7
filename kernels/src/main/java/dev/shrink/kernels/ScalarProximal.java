package dev.shrink.kernels;

/** Reference proximal steps, one element at a time. */
final class ScalarProximal implements Proximal {

    /** S(v, t) = sign(v)·max(|v| − t, 0); NaN stays NaN because Math.max propagates it. */
    static double softThreshold(double v, double t) {
        return Math.copySign(Math.max(Math.abs(v) - t, 0.0), v);
    }

    @Override
    public void softThreshold(int n, double t, double[] x, int xOffset, double[] out, int outOffset) {
        Checks.nonNegative("t", t);
        Checks.range("x", x, xOffset, n);
        Checks.range("out", out, outOffset, n);
        for (int i = 0; i < n; i++) out[outOffset + i] = softThreshold(x[xOffset + i], t);
    }

    @Override
    public void elasticNetProx(int n, double l1, double l2, double[] x, int xOffset, double[] out, int outOffset) {
        Checks.nonNegative("l1", l1);
        Checks.nonNegative("l2", l2);
        Checks.range("x", x, xOffset, n);
        Checks.range("out", out, outOffset, n);
        double denominator = 1.0 + l2;
        for (int i = 0; i < n; i++) out[outOffset + i] = softThreshold(x[xOffset + i], l1) / denominator;
    }

    @Override
    public void penalizedGradientStep(int n, double eta, double l1, double l2, double[] w, int wOffset, double[] g, int gOffset) {
        Checks.nonNegative("eta", eta);
        Checks.nonNegative("l1", l1);
        Checks.nonNegative("l2", l2);
        Checks.range("w", w, wOffset, n);
        Checks.range("g", g, gOffset, n);
        double threshold = eta * l1;
        for (int i = 0; i < n; i++) {
            double wi = w[wOffset + i];
            w[wOffset + i] = softThreshold(wi - eta * (g[gOffset + i] + l2 * wi), threshold);
        }
    }

    /** The norm as the reference computes it: the largest magnitude first, then Σ(xᵢ/m)² (see ScalarLevel1.norm2). */
    @Override
    public double groupSoftThreshold(int n, double t, double c, double[] x, int xOffset, double[] out, int outOffset) {
        Checks.nonNegative("t", t);
        Checks.nonNegative("c", c);
        Checks.range("x", x, xOffset, n);
        Checks.range("out", out, outOffset, n);
        double m = 0;
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[xOffset + i]);
            nan |= Double.isNaN(a);
            m = Math.max(m, a);
        }
        double norm;
        if (nan) {
            norm = Double.NaN;
        } else if (m == 0 || Double.isInfinite(m)) {
            norm = m;
        } else {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double r = x[xOffset + i] / m;
                s += r * r;
            }
            norm = m * Math.sqrt(s);
        }
        double factor = shrinkage(norm, t) * c;
        for (int i = 0; i < n; i++) out[outOffset + i] = factor * x[xOffset + i];
        return norm;
    }

    /** 1 − t/‖x‖ when ‖x‖ &gt; t, else 0; NaN for a NaN norm. Every implementation uses this formula. */
    static double shrinkage(double norm, double t) {
        if (Double.isNaN(norm)) return Double.NaN;
        return norm > t ? 1 - t / norm : 0.0;
    }

    @Override
    public void residualUpdate(int n, double delta, double[] x, int xOffset, int incX, double[] r, int rOffset) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.range("r", r, rOffset, n);
        for (int i = 0; i < n; i++) r[rOffset + i] -= delta * x[xOffset + i * incX];
    }
}
