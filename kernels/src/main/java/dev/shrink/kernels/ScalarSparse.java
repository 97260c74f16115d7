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

    /** The stored values, read one at a time (the column statistics run once per fit, for both value types alike). */
    private interface Values {
        double at(int k);
    }

    @Override
    public void columnSums(CscView a, double[] weights, double[] out, int outOffset) {
        double[] v = a.values();
        columnSums(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), k -> v[k], weights, out, outOffset);
    }

    @Override
    public void columnSums(CscFloatView a, double[] weights, double[] out, int outOffset) {
        float[] v = a.values();
        columnSums(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), k -> v[k], weights, out, outOffset);
    }

    private static void columnSums(int rows, int cols, int[] p, int[] idx, Values v, double[] weights, double[] out, int outOffset) {
        SparseChecks.weights(weights, rows);
        Checks.range("out", out, outOffset, cols);
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int k = p[j]; k < p[j + 1]; k++) s += weights == null ? v.at(k) : weights[idx[k]] * v.at(k);
            out[outOffset + j] = s;
        }
    }

    @Override
    public void centeredSquares(CscView a, double[] weights, double[] mean, double[] out, int outOffset) {
        double[] v = a.values();
        centeredSquares(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), k -> v[k], weights, mean, out, outOffset);
    }

    @Override
    public void centeredSquares(CscFloatView a, double[] weights, double[] mean, double[] out, int outOffset) {
        float[] v = a.values();
        centeredSquares(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), k -> v[k], weights, mean, out, outOffset);
    }

    private static void centeredSquares(int rows, int cols, int[] p, int[] idx, Values v, double[] weights, double[] mean, double[] out,
                                        int outOffset) {
        SparseChecks.weights(weights, rows);
        Checks.range("mean", mean, 0, cols);
        Checks.range("out", out, outOffset, cols);
        double total = totalWeight(weights, rows);
        for (int j = 0; j < cols; j++) out[outOffset + j] = centred(p[j], p[j + 1], idx, v, weights, mean[j], total);
    }

    /** Σ_stored wᵢ(aᵢⱼ − m)² + m²·(Σᵢwᵢ − Σ_stored wᵢ) over the entries [from, to) of one column. */
    private static double centred(int from, int to, int[] idx, Values v, double[] weights, double m, double total) {
        double stored = 0;
        double storedWeight = 0;
        for (int k = from; k < to; k++) {
            double w = weights == null ? 1.0 : weights[idx[k]];
            double d = v.at(k) - m;
            stored += w * d * d;
            storedWeight += w;
        }
        return stored + m * m * (total - storedWeight);
    }

    @Override
    public void columnMoments(CscView a, double[] weights, double[] v, double[] means, double[] squares, double[] products) {
        double[] x = a.values();
        columnMoments(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), k -> x[k], weights, v, means, squares, products);
    }

    @Override
    public void columnMoments(CscFloatView a, double[] weights, double[] v, double[] means, double[] squares, double[] products) {
        float[] x = a.values();
        columnMoments(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), k -> x[k], weights, v, means, squares, products);
    }

    private static void columnMoments(int rows, int cols, int[] p, int[] idx, Values x, double[] weights, double[] v, double[] means,
                                      double[] squares, double[] products) {
        checkMoments(rows, cols, weights, v, means, squares, products);
        double total = totalWeight(weights, rows);
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            double product = 0;
            for (int k = p[j]; k < p[j + 1]; k++) {
                double w = weights == null ? 1.0 : weights[idx[k]];
                sum += w * x.at(k);
                if (v != null) product += w * x.at(k) * v[idx[k]];
            }
            means[j] = sum / total;
            // the column's entries again, still in cache: the centred sum needs the mean first
            squares[j] = centred(p[j], p[j + 1], idx, x, weights, means[j], total);
            if (v != null) products[j] = product;
        }
    }

    private static void checkMoments(int rows, int cols, double[] weights, double[] v, double[] means, double[] squares, double[] products) {
        SparseChecks.weights(weights, rows);
        Checks.range("means", means, 0, cols);
        Checks.range("squares", squares, 0, cols);
        if (v != null) {
            Checks.range("v", v, 0, rows);
            Checks.range("products", products, 0, cols);
        }
    }

    static double totalWeight(double[] weights, int rows) {
        if (weights == null) return rows;
        double s = 0;
        for (int i = 0; i < rows; i++) s += weights[i];
        return s;
    }
}
