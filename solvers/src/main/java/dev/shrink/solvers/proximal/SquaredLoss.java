package dev.shrink.solvers.proximal;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Inputs;

/** Least squares {@code (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)²}, S = Σsᵢ (scikit-learn's elastic-net loss). */
public final class SquaredLoss implements SmoothLoss {
    private final MatrixView x;
    private final double[] y;
    private final double[] s;
    private final double sumS;
    private final double[] r;
    private final MatrixVector mv = KernelProvider.get().matrixVector();

    /** @param sampleWeight null for all 1 */
    public SquaredLoss(MatrixView x, double[] y, double[] sampleWeight) {
        Inputs.response(y, x.rows());
        this.sumS = Inputs.weights(sampleWeight, x.rows());
        this.x = x;
        this.y = y.clone();
        this.s = sampleWeight == null ? null : sampleWeight.clone();
        this.r = new double[x.rows()];
    }

    @Override
    public int p() {
        return x.cols();
    }

    private double residuals(double[] w, double b) {
        mv.multiply(x, w, 0, r, 0);
        double f = 0;
        for (int i = 0; i < r.length; i++) {
            double e = r[i] + b - y[i];
            double wi = s == null ? 1.0 : s[i];
            f += wi * e * e;
            r[i] = wi * e / sumS;
        }
        return f / (2 * sumS);
    }

    @Override
    public double value(double[] w, double b) {
        return residuals(w, b);
    }

    @Override
    public double valueAndGradient(double[] w, double b, double[] grad) {
        double f = residuals(w, b);
        mv.multiplyTransposed(x, r, 0, grad, 0);
        double gb = 0;
        for (double v : r) gb += v;
        grad[x.cols()] = gb;
        return f;
    }
}
