package dev.shrink.solvers;

import java.util.Random;

/**
 * Random problems for the tests of every package (public so that the engine packages' tests share it): Gaussian
 * designs with optional correlation, sparse truths, labels, weights, and the layouts of one design.
 */
public final class TestData {
    private TestData() {}

    /** n×p row-major Gaussian design, columns sharing a common factor with weight rho (pairwise correlation ≈ rho). */
    public static double[] design(Random r, int n, int p, double rho, double shift) {
        double[] x = new double[n * p];
        double a = Math.sqrt(rho);
        double b = Math.sqrt(1 - rho);
        for (int i = 0; i < n; i++) {
            double common = r.nextGaussian();
            for (int j = 0; j < p; j++) x[i * p + j] = a * common + b * r.nextGaussian() + shift * (j % 3);
        }
        return x;
    }

    /** y = 1.5 + Xw + noise with a random w of at most {@code nonzeros} nonzero entries. */
    public static double[] response(Random r, double[] x, int n, int p, int nonzeros, double noise) {
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

    /** Labels 0/1 drawn from a logistic model on a random sparse truth; row 0 is 0 and row n − 1 is 1. */
    public static double[] labels(Random r, double[] x, int n, int p) {
        double[] y = response(r, x, n, p, Math.max(1, p / 3), 0);
        double mean = 0;
        for (double v : y) mean += v / n;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = r.nextDouble() < sigmoid((y[i] - mean) * 0.5) ? 1 : 0;
        out[0] = 0; // both classes present
        out[n - 1] = 1;
        return out;
    }

    /** One of the explicit coordinate-descent choices (not AUTO), at random. */
    public static Precompute explicitPrecompute(Random r) {
        Precompute[] modes = {Precompute.NONE, Precompute.GRAM, Precompute.WORKING_SET};
        return modes[r.nextInt(modes.length)];
    }

    /** Weights in [0.2, 3). */
    public static double[] weights(Random r, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.2 + 2.8 * r.nextDouble();
        return w;
    }

    /** The rows of a row-major n×p array as a double[][]. */
    public static double[][] rows(double[] x, int n, int p) {
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) System.arraycopy(x, i * p, out[i], 0, p);
        return out;
    }

    /** A row-major n×p array copied into column-major order. */
    public static double[] columnMajor(double[] x, int n, int p) {
        double[] out = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) out[j * n + i] = x[i * p + j];
        return out;
    }

    public static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** The arrays one after another in one array. */
    public static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] a : parts) length += a.length;
        double[] out = new double[length];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    public static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) m = Math.max(m, Math.abs(a));
        return m;
    }

    /** Whether two arrays differ in at least one bit (the threads tests' evidence that a pass was split). */
    public static boolean differBitwise(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) return true;
        return false;
    }

    /** σ(z) = 1/(1 + e^(−z)). */
    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
