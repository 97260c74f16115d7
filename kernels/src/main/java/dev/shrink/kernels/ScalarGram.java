package dev.shrink.kernels;

/** Reference Gram: for each pair i ≤ j one weighted dot product over the rows, mirrored into the upper triangle. */
final class ScalarGram implements Gram {

    @Override
    public void gram(MatrixView x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset) {
        int n = x.rows();
        int p = x.cols();
        if (weights != null) Checks.range("weights", weights, 0, n);
        if (y != null) {
            Checks.range("y", y, 0, n);
            Checks.range("xty", xty, xtyOffset, p);
        }
        Checks.square("g", g, gOffset, ldg, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double d = weights == null ? 1.0 : weights[k];
                    s += d * x.get(k, i) * x.get(k, j);
                }
                g[gOffset + i * ldg + j] = s;
                g[gOffset + j * ldg + i] = s;
            }
            if (y != null) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double d = weights == null ? 1.0 : weights[k];
                    s += d * x.get(k, i) * y[k];
                }
                xty[xtyOffset + i] = s;
            }
        }
    }
}
