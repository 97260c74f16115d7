package dev.shrink.solvers;

import java.util.Random;

/** Random problems for tests: Gaussian designs with optional correlation, sparse truths, labels. */
final class TestData {
    private TestData() {}

    /** n×p row-major Gaussian design, columns sharing a common factor with weight rho (pairwise correlation ≈ rho). */
    static double[] design(Random r, int n, int p, double rho, double shift) {
        double[] x = new double[n * p];
        double a = Math.sqrt(rho);
        double b = Math.sqrt(1 - rho);
        for (int i = 0; i < n; i++) {
            double common = r.nextGaussian();
            for (int j = 0; j < p; j++) x[i * p + j] = a * common + b * r.nextGaussian() + shift * (j % 3);
        }
        return x;
    }

    static double[] response(Random r, double[] x, int n, int p, int nonzeros, double noise) {
        double[] w = new double[p];
        for (int k = 0; k < Math.min(nonzeros, p); k++) w[r.nextInt(p)] = r.nextGaussian() * 2;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 1.5;
            for (int j = 0; j < p; j++) s += x[i * p + j] * w[j];
            y[i] = s + noise * r.nextGaussian();
        }
        return y;
    }

    static double[] labels(Random r, double[] x, int n, int p) {
        double[] y = response(r, x, n, p, Math.max(1, p / 3), 0);
        double mean = 0;
        for (double v : y) mean += v / n;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = r.nextDouble() < LogisticLoss.sigmoid((y[i] - mean) * 0.5) ? 1 : 0;
        out[0] = 0; // both classes present
        out[n - 1] = 1;
        return out;
    }

    /** One of the explicit coordinate-descent representations, at random. */
    static LeastSquaresProblem.Mode explicitMode(Random r) {
        LeastSquaresProblem.Mode[] modes = {LeastSquaresProblem.Mode.NAIVE, LeastSquaresProblem.Mode.COVARIANCE, LeastSquaresProblem.Mode.WORKING_SET};
        return modes[r.nextInt(modes.length)];
    }

    static double[] weights(Random r, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.2 + 2.8 * r.nextDouble();
        return w;
    }

    static double[][] rows(double[] x, int n, int p) {
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) System.arraycopy(x, i * p, out[i], 0, p);
        return out;
    }

    static double[] columnMajor(double[] x, int n, int p) {
        double[] out = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) out[j * n + i] = x[i * p + j];
        return out;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
