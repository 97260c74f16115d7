package dev.shrink.kernels;

/** Reference matrix–vector products: one dot product per output element, element access through the view. */
final class ScalarMatrixVector implements MatrixVector {

    @Override
    public void multiply(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        for (int i = 0; i < a.rows(); i++) {
            double s = 0;
            for (int j = 0; j < a.cols(); j++) s += a.get(i, j) * x[xOffset + j];
            y[yOffset + i] = s;
        }
    }

    @Override
    public void multiplyTransposed(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int i = 0; i < a.rows(); i++) s += a.get(i, j) * x[xOffset + i];
            y[yOffset + j] = s;
        }
    }

    @Override
    public void residualGradient(DenseMatrix a, double[] x, double c, double[] y, double[] s, double[] r, double[] g) {
        Checks.residualGradient(a, x, y, s, r, g);
        multiply(a, x, 0, r, 0);
        for (int i = 0; i < a.rows(); i++) r[i] = (s == null ? 1.0 : s[i]) * (y[i] - c - r[i]);
        multiplyTransposed(a, r, 0, g, 0);
    }

    @Override
    public void multiply(FloatMatrixView a, float[] x, int xOffset, float[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        for (int i = 0; i < a.rows(); i++) {
            float s = 0;
            for (int j = 0; j < a.cols(); j++) s += a.getFloat(i, j) * x[xOffset + j];
            y[yOffset + i] = s;
        }
    }

    @Override
    public void multiplyTransposed(MatrixView a, double[] y, int yOffset, int ldy, int k, double[] out, int outOffset, int ldOut) {
        Checks.length("k", k);
        Checks.rowMajor("y", y, yOffset, ldy, a.rows(), k);
        Checks.rowMajor("out", out, outOffset, ldOut, k, a.cols());
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < a.cols(); j++) {
                double s = 0;
                for (int i = 0; i < a.rows(); i++) s += a.get(i, j) * y[yOffset + i * ldy + t];
                out[outOffset + t * ldOut + j] = s;
            }
        }
    }

    @Override
    public void multiplyTransposed(FloatMatrixView a, float[] x, int xOffset, float[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        for (int j = 0; j < a.cols(); j++) {
            float s = 0;
            for (int i = 0; i < a.rows(); i++) s += a.getFloat(i, j) * x[xOffset + i];
            y[yOffset + j] = s;
        }
    }

    @Override
    public void addMultiplyTransposed(MatrixView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        for (int j = 0; j < a.cols(); j++) {
            double s = y[yOffset + j];
            for (int i = 0; i < a.rows(); i++) s += a.get(i, j) * x[xOffset + i];
            y[yOffset + j] = s;
        }
    }

    @Override
    public void rankOneUpdate(int m, int k, double[] x, int xOffset, double[] y, int yOffset, double[] a, int aOffset, int lda) {
        Checks.length("m", m);
        Checks.length("k", k);
        Checks.range("x", x, xOffset, m);
        Checks.range("y", y, yOffset, k);
        Checks.rowMajor("a", a, aOffset, lda, m, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) a[aOffset + i * lda + j] += x[xOffset + i] * y[yOffset + j];
        }
    }
}
