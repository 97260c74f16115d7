package dev.shrink.examples;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The README's "Usage" snippet on made-up data: an elastic-net fit and a logistic fit, printed. Run it on the module
 * path (see examples/README.md); {@code --add-modules jdk.incubator.vector} lets the kernels use SIMD.
 */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        int n = 500;
        int p = 8;
        SplittableRandom random = new SplittableRandom(42);
        double[][] X = new double[n][p];
        double[] y = new double[n];
        double[] labels = new double[n];
        double[] truth = {1.5, -2, 0, 0, 0.5, 0, 0, 3};
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
                X[i][j] = random.nextGaussian();
                z += truth[j] * X[i][j];
            }
            y[i] = z + 0.1 * random.nextGaussian();
            labels[i] = z + random.nextGaussian() > 0 ? 1 : 0;
        }

        // --- the README's snippet ---
        LinearModel m = ElasticNet.builder().alpha(0.1).l1Ratio(0.5).build().fit(X, y);   // X: double[][]
        double[] w = m.coef(); double b = m.intercept(); m.convergence();                   // gap, iterations, converged
        LogisticModel c = LogisticRegression.builder().C(1.0).build().fit(X, labels);
        double[] p1 = c.predictProbability(X);
        // --- end of the snippet ---

        // large data: a flat row-major array is viewed, not copied
        double[] flat = new double[n * p];
        for (int i = 0; i < n; i++) System.arraycopy(X[i], 0, flat, i * p, p);
        LinearModel viewed = ElasticNet.builder().alpha(0.1).l1Ratio(0.5).build().fit(Design.rowMajor(flat, n, p), y);

        System.out.println("elastic net coef      " + Arrays.toString(round(w)));
        System.out.println("elastic net intercept " + round(b));
        System.out.println("convergence           " + m.convergence().message());
        System.out.println("same fit on a view    " + Arrays.equals(w, viewed.coef()));
        System.out.println("logistic coef         " + Arrays.toString(round(c.coef())));
        System.out.println("P(y = 1) of row 0     " + round(p1[0]) + " (label " + labels[0] + ")");
        if (!m.convergence().converged() || !c.convergence().converged() || !Arrays.equals(w, viewed.coef())) {
            throw new IllegalStateException("the example's fits did not converge or disagree");
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = round(v[i]);
        return out;
    }
}
