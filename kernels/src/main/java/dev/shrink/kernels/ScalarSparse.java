package dev.shrink.kernels;

/**
 * Reference sparse kernels: one entry at a time, one accumulator, left to right. {@link #gram} is also what the
 * Vector API family uses (its inner loop is a scatter into a dense row of G, which gathers do not speed up).
 */
final class ScalarSparse implements Sparse {

    @Override
    public double dot(int nnz, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        double s = 0;
        for (int k = offset; k < offset + nnz; k++) {
            int i = indices[k];
            s += weights == null ? values[k] * y[yOffset + i] : values[k] * weights[i] * y[yOffset + i];
        }
        return s;
    }

    @Override
    public double dot(int nnz, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        double s = 0;
        for (int k = offset; k < offset + nnz; k++) {
            int i = indices[k];
            s += weights == null ? values[k] * y[yOffset + i] : values[k] * weights[i] * y[yOffset + i];
        }
        return s;
    }

    @Override
    public void axpy(int nnz, double alpha, double[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        for (int k = offset; k < offset + nnz; k++) {
            int i = indices[k];
            y[yOffset + i] += weights == null ? alpha * values[k] : alpha * values[k] * weights[i];
        }
    }

    @Override
    public void axpy(int nnz, double alpha, float[] values, int[] indices, int offset, double[] weights, double[] y, int yOffset) {
        SparseChecks.values(values);
        SparseChecks.entries(nnz, values.length, indices, offset);
        for (int k = offset; k < offset + nnz; k++) {
            int i = indices[k];
            y[yOffset + i] += weights == null ? alpha * values[k] : alpha * values[k] * weights[i];
        }
    }

    @Override
    public void multiply(CscView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        java.util.Arrays.fill(y, yOffset, yOffset + a.rows(), 0.0);
        int[] p = a.columnStarts();
        for (int j = 0; j < a.cols(); j++) {
            double c = x[xOffset + j];
            if (c != 0 || Double.isNaN(c)) axpy(p[j + 1] - p[j], c, a.values(), a.rowIndices(), p[j], null, y, yOffset);
        }
    }

    @Override
    public void multiply(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        java.util.Arrays.fill(y, yOffset, yOffset + a.rows(), 0.0);
        int[] p = a.columnStarts();
        for (int j = 0; j < a.cols(); j++) {
            double c = x[xOffset + j];
            if (c != 0 || Double.isNaN(c)) axpy(p[j + 1] - p[j], c, a.values(), a.rowIndices(), p[j], null, y, yOffset);
        }
    }

    @Override
    public void multiplyTransposed(CscView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        int[] p = a.columnStarts();
        for (int j = 0; j < a.cols(); j++) y[yOffset + j] = dot(p[j + 1] - p[j], a.values(), a.rowIndices(), p[j], null, x, xOffset);
    }

    @Override
    public void multiplyTransposed(CscFloatView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        int[] p = a.columnStarts();
        for (int j = 0; j < a.cols(); j++) y[yOffset + j] = dot(p[j + 1] - p[j], a.values(), a.rowIndices(), p[j], null, x, xOffset);
    }

    @Override
    public void gram(CscView a, int[] columns, int count, double[] weights, double[] g, int gOffset, int ldg) {
        SparseChecks.block(a.cols(), columns, count, g, gOffset, ldg);
        SparseChecks.weights(weights, a.rows());
        BlockRows rows = new BlockRows(a.rows(), a.columnStarts(), a.rowIndices(), columns, count);
        double[] v = new double[rows.local.length];
        for (int t = 0; t < v.length; t++) v[t] = a.values()[rows.source[t]];
        rows.outerProducts(count, v, weights, g, gOffset, ldg);
    }

    @Override
    public void gram(CscFloatView a, int[] columns, int count, double[] weights, double[] g, int gOffset, int ldg) {
        SparseChecks.block(a.cols(), columns, count, g, gOffset, ldg);
        SparseChecks.weights(weights, a.rows());
        BlockRows rows = new BlockRows(a.rows(), a.columnStarts(), a.rowIndices(), columns, count);
        double[] v = new double[rows.local.length];
        for (int t = 0; t < v.length; t++) v[t] = a.values()[rows.source[t]];
        rows.outerProducts(count, v, weights, g, gOffset, ldg);
    }

    @Override
    public void columnSums(CscView a, double[] weights, double[] out, int outOffset) {
        SparseChecks.weights(weights, a.rows());
        Checks.range("out", out, outOffset, a.cols());
        int[] p = a.columnStarts();
        int[] idx = a.rowIndices();
        double[] v = a.values();
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int k = p[j]; k < p[j + 1]; k++) s += weights == null ? v[k] : weights[idx[k]] * v[k];
            out[outOffset + j] = s;
        }
    }

    @Override
    public void columnSums(CscFloatView a, double[] weights, double[] out, int outOffset) {
        SparseChecks.weights(weights, a.rows());
        Checks.range("out", out, outOffset, a.cols());
        int[] p = a.columnStarts();
        int[] idx = a.rowIndices();
        float[] v = a.values();
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int k = p[j]; k < p[j + 1]; k++) s += weights == null ? v[k] : weights[idx[k]] * v[k];
            out[outOffset + j] = s;
        }
    }

    @Override
    public void centeredSquares(CscView a, double[] weights, double[] mean, double[] out, int outOffset) {
        SparseChecks.weights(weights, a.rows());
        Checks.range("mean", mean, 0, a.cols());
        Checks.range("out", out, outOffset, a.cols());
        double total = totalWeight(weights, a.rows());
        int[] p = a.columnStarts();
        int[] idx = a.rowIndices();
        double[] v = a.values();
        for (int j = 0; j < a.cols(); j++) {
            double m = mean[j];
            double stored = 0;
            double storedWeight = 0;
            for (int k = p[j]; k < p[j + 1]; k++) {
                double w = weights == null ? 1.0 : weights[idx[k]];
                double d = v[k] - m;
                stored += w * d * d;
                storedWeight += w;
            }
            out[outOffset + j] = stored + m * m * (total - storedWeight);
        }
    }

    @Override
    public void centeredSquares(CscFloatView a, double[] weights, double[] mean, double[] out, int outOffset) {
        SparseChecks.weights(weights, a.rows());
        Checks.range("mean", mean, 0, a.cols());
        Checks.range("out", out, outOffset, a.cols());
        double total = totalWeight(weights, a.rows());
        int[] p = a.columnStarts();
        int[] idx = a.rowIndices();
        float[] v = a.values();
        for (int j = 0; j < a.cols(); j++) {
            double m = mean[j];
            double stored = 0;
            double storedWeight = 0;
            for (int k = p[j]; k < p[j + 1]; k++) {
                double w = weights == null ? 1.0 : weights[idx[k]];
                double d = v[k] - m;
                stored += w * d * d;
                storedWeight += w;
            }
            out[outOffset + j] = stored + m * m * (total - storedWeight);
        }
    }

    static double totalWeight(double[] weights, int rows) {
        if (weights == null) return rows;
        double s = 0;
        for (int i = 0; i < rows; i++) s += weights[i];
        return s;
    }
}
