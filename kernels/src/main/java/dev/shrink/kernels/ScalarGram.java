package dev.shrink.kernels;

/**
 * Reference Gram: for each pair i ≤ j one weighted dot product over the rows, mirrored into the upper triangle (the
 * float32 Gram: the same order, in float32 FMAs).
 */
final class ScalarGram implements Gram {

    @Override
    public void gram(DenseMatrix x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset) {
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

    @Override
    public void gramFloat32(DenseMatrix x, double[] center, double[] rowScale, float[] g, int gOffset, int ldg) {
        int n = x.rows();
        int p = x.cols();
        if (center != null) Checks.range("center", center, 0, p);
        if (rowScale != null) Checks.range("rowScale", rowScale, 0, n);
        Checks.square("g", g, gOffset, ldg, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                float s = 0;
                for (int k = 0; k < n; k++) s = Math.fma(element(x, center, rowScale, k, i), element(x, center, rowScale, k, j), s);
                g[gOffset + i * ldg + j] = s;
                g[gOffset + j * ldg + i] = s;
            }
        }
    }

    /** s_k·(x_kj − c_j) formed in double, rounded once to float32. */
    static float element(DenseMatrix x, double[] center, double[] rowScale, int k, int j) {
        double v = x.get(k, j) - (center == null ? 0.0 : center[j]);
        return (float) (rowScale == null ? v : rowScale[k] * v);
    }
}
