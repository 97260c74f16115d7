package dev.shrink.solvers.internal;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;

/**
 * The affine weights of Anderson extrapolation (Anderson 1965; as used for dual points by Massias, Gramfort &amp; Salmon
 * 2018, "Celer", §3): given the Gram matrix UᵀU of k successive differences of an iteration, the weights c with
 * Σc = 1 that minimise ‖Σₜcₜ·uₜ‖ are c = z/Σz with (UᵀU)z = 1. Shared by the coordinate-descent residuals' and the GLM
 * engine's predictors' extrapolation.
 */
public final class AndersonWeights {
    private AndersonWeights() {}

    /**
     * The weights into c[0 .. k) from the differences' Gram matrix (k×k, row-major, overwritten by its factor;
     * {@code scale} its largest diagonal entry), with a ridge of {@value Thresholds#ANDERSON_RIDGE}·scale since the
     * differences become collinear near convergence. False when that system or the sum degenerates.
     */
    public static boolean affine(double[] gram, int k, double scale, double[] c) {
        if (!(scale > 0) || !Double.isFinite(scale)) return false;
        java.util.Arrays.fill(c, 0, k, 1.0);
        try {
            Cholesky chol = KernelProvider.get().cholesky();
            chol.factor(k, gram, 0, k, Thresholds.ANDERSON_RIDGE * scale);
            chol.solve(k, gram, 0, k, c, 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
        double sum = 0;
        for (int t = 0; t < k; t++) sum += c[t];
        if (!(Math.abs(sum) > 0) || !Double.isFinite(sum)) return false;
        for (int t = 0; t < k; t++) c[t] /= sum;
        return true;
    }
}
