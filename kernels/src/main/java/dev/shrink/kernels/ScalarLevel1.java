package dev.shrink.kernels;

/** Reference level-1 kernels: one accumulator, left to right. */
final class ScalarLevel1 implements Level1 {

    @Override
    public double dot(int n, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOffset + i] * y[yOffset + i];
        return s;
    }

    @Override
    public float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, n);
        float s = 0;
        for (int i = 0; i < n; i++) s += x[xOffset + i] * y[yOffset + i];
        return s;
    }

    @Override
    public double dot(int n, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.strided("y", y, yOffset, incY, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOffset + i * incX] * y[yOffset + i * incY];
        return s;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, n);
        for (int i = 0; i < n; i++) y[yOffset + i] += alpha * x[xOffset + i];
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.strided("y", y, yOffset, incY, n);
        for (int i = 0; i < n; i++) y[yOffset + i * incY] += alpha * x[xOffset + i * incX];
    }

    @Override
    public void scal(int n, double alpha, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        for (int i = 0; i < n; i++) x[xOffset + i] *= alpha;
    }

    @Override
    public double sum(int n, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOffset + i];
        return s;
    }

    @Override
    public double sumOfSquares(int n, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xOffset + i] * x[xOffset + i];
        return s;
    }

    @Override
    public double norm2(int n, double[] x, int xOffset) {
        // Two passes: the largest magnitude first, then the sum of squares of x/scale, which lies in [1, n].
        double scale = maxAbs(n, x, xOffset);
        if (scale == 0 || Double.isNaN(scale) || Double.isInfinite(scale)) return scale;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = x[xOffset + i] / scale;
            s += r * r;
        }
        return scale * Math.sqrt(s);
    }

    @Override
    public double maxAbs(int n, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        double m = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[xOffset + i]);
            if (Double.isNaN(a)) return Double.NaN;
            if (a > m) m = a;
        }
        return m;
    }
}
