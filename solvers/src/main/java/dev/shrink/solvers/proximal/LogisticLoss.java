package dev.shrink.solvers.proximal;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Inputs;

/**
 * Weighted logistic loss {@code C·Σᵢsᵢ·(log(1 + exp(zᵢ)) − yᵢzᵢ)}, zᵢ = xᵢ·w + b, yᵢ ∈ {0, 1}: the data term of
 * scikit-learn's {@code LogisticRegression(C)} ({@code log(1 + exp(−tᵢzᵢ))} with tᵢ = 2yᵢ − 1 is the same number).
 */
public final class LogisticLoss implements SmoothLoss {
    private final MatrixView x;
    private final double[] y01;
    private final double[] s;
    private final double c;
    private final double[] z;
    private final MatrixVector mv = KernelProvider.get().matrixVector();

    /**
     * @param y01          labels 0 or 1
     * @param sampleWeight null for all 1
     * @param c            the factor C &gt; 0
     */
    public LogisticLoss(MatrixView x, double[] y01, double[] sampleWeight, double c) {
        Inputs.response(y01, x.rows());
        Inputs.weights(sampleWeight, x.rows());
        for (int i = 0; i < y01.length; i++) {
            if (y01[i] != 0 && y01[i] != 1) throw new IllegalArgumentException("y01 must be 0 or 1, got " + y01[i] + " at row " + i);
        }
        this.x = x;
        this.y01 = y01.clone();
        this.s = sampleWeight == null ? null : sampleWeight.clone();
        this.c = Inputs.positive("C", c);
        this.z = new double[x.rows()];
    }

    /** σ(z) = 1/(1 + e^(−z)) without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** log(1 + e^z) without overflow or loss of accuracy. */
    public static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    @Override
    public int p() {
        return x.cols();
    }

    @Override
    public double value(double[] w, double b) {
        mv.multiply(x, w, 0, z, 0);
        double f = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i] + b;
            f += (s == null ? 1.0 : s[i]) * (softplus(zi) - y01[i] * zi);
        }
        return c * f;
    }

    @Override
    public double valueAndGradient(double[] w, double b, double[] grad) {
        mv.multiply(x, w, 0, z, 0);
        double f = 0;
        double gb = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i] + b;
            double si = s == null ? 1.0 : s[i];
            f += si * (softplus(zi) - y01[i] * zi);
            z[i] = c * si * (sigmoid(zi) - y01[i]);
            gb += z[i];
        }
        mv.multiplyTransposed(x, z, 0, grad, 0);
        grad[x.cols()] = gb;
        return c * f;
    }
}
