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

    @Override
    public void residualUpdate(int n, double delta, double[] x, int xOffset, int incX, double[] r, int rOffset) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.range("r", r, rOffset, n);
        for (int i = 0; i < n; i++) r[rOffset + i] -= delta * x[xOffset + i * incX];
    }
}
