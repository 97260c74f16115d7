package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;

/** Xw + b through the matrix–vector kernel. */
final class Predictions {
    private Predictions() {}

    static double[] linear(Design x, double[] coef, double intercept) {
        if (x.p() != coef.length) throw new IllegalArgumentException("X has " + x.p() + " columns, the model has " + coef.length + " coefficients");
        double[] out = new double[x.n()];
        KernelProvider.get().matrixVector().multiply(x.matrix(), coef, 0, out, 0); // any storage, in place
        if (intercept != 0) for (int i = 0; i < out.length; i++) out[i] += intercept;
        return out;
    }
}
