package dev.shrink.solvers.cd;

import dev.shrink.solvers.internal.AndersonWeights;
import dev.shrink.solvers.internal.Thresholds;

/**
 * Dual extrapolation of the residuals of coordinate descent (Massias, Gramfort &amp; Salmon 2018, "Celer: a fast solver
 * for the Lasso with dual extrapolation", §3; Massias et al. 2020, "Dual extrapolation for sparse GLMs", Prop. 7): on
 * a fixed working set the residuals Rₖ of successive sweeps follow a linear autoregression, so the affine
 * combination R_acc = Σₖcₖ·Rₖ (Σcₖ = 1) that cancels their differences best — (UUᵀ)z = 1, c = z/Σz with Uₖ = Rₖ₊₁ − Rₖ
 * — is far closer to the optimal dual point than the last residual. Rescaled into the dual feasible set it gives a
 * much smaller duality gap, i.e. an earlier certificate, and a better ranking of the features outside the set.
 *
 * <p>For the elastic net the residual is that of the augmented lasso, R̂ = (R, −√(l2·f)∘w): the combination is taken
 * of both parts (the coefficients on the working set are recorded with the residuals), so that x̂ⱼᵀR̂_acc =
 * x̃ⱼᵀR_acc − l2·fⱼ·(w_acc)ⱼ. Any rescaling s·R̂_acc with |x̂ⱼᵀ(s·R̂_acc)| ≤ l1·fⱼ for every feature is dual feasible,
 * whatever the combination, so the gap it gives is a valid bound on the distance to the minimum in every case; the
 * caller keeps the best of the last residual's, the extrapolated and the previous dual point.
 */
final class DualExtrapolation {
    private final int n;
    private final int depth = Thresholds.EXTRAPOLATION_DEPTH;
    /** The last depth + 1 residuals and coefficients on the working set, oldest first from {@code first}. */
    private final double[][] residuals;
    private double[][] coefficients = new double[0][];
    private final double[] gram = new double[depth * depth];
    private final double[] z = new double[depth];
    private int count;
    private int first;
    private int size;

    DualExtrapolation(int n) {
        this.n = n;
        residuals = new double[depth + 1][n];
    }

    /**
     * The weights c (Σc = 1) that minimise ‖Σₖcₖuₖ‖ given the differences' Gram matrix UᵀU (k×k, row-major, overwritten
     * by its factor; {@code scale} its largest diagonal entry): c = z/Σz with (UᵀU)z = 1, a tiny ridge added since the
     * differences become collinear near convergence. False when that system or the sum degenerates.
     */
    static boolean affineWeights(double[] gram, int k, double scale, double[] c) {
        return AndersonWeights.affine(gram, k, scale, c);
    }

    /** Forgets the recorded residuals (the working set changed, or a step that is not a sweep moved w). */
    void restart() {
        count = 0;
        first = 0;
    }

    /** Records the current residual (and w on {@code set[0 .. size)}, which must not change until a restart). */
    void record(CdProblem problem, double[] w, int[] set, int size) {
        if (coefficients.length != depth + 1 || coefficients[0].length < size) {
            coefficients = new double[depth + 1][Math.max(size, 16) * 2];
            restart();
        }
        this.size = size;
        int slot = (first + count) % (depth + 1);
        if (count == depth + 1) {
            slot = first;
            first = (first + 1) % (depth + 1);
        } else {
            count++;
        }
        problem.residual(residuals[slot]);
        double[] c = coefficients[slot];
        for (int t = 0; t < size; t++) c[t] = w[set[t]];
    }

    /** Whether depth + 1 residuals have been recorded since the last restart. */
    boolean ready() {
        return count == depth + 1;
    }

    /**
     * The extrapolated residual into {@code r} and the coefficients on the set into {@code wSet}; false when the
     * differences are degenerate (then nothing is written). With l2 &gt; 0 the differences include the coefficients'
     * part √(l2·fⱼ)·Δwⱼ.
     */
    boolean extrapolate(double l2, double[] factors, int[] set, double[] r, double[] wSet) {
        if (!ready()) return false;
        double[][] u = new double[depth][];
        double scale = 0;
        for (int a = 0; a < depth; a++) {
            for (int b = 0; b <= a; b++) {
                double[] ra0 = residuals[(first + a) % (depth + 1)], ra1 = residuals[(first + a + 1) % (depth + 1)];
                double[] rb0 = residuals[(first + b) % (depth + 1)], rb1 = residuals[(first + b + 1) % (depth + 1)];
                double d = 0;
                for (int i = 0; i < n; i++) d += (ra1[i] - ra0[i]) * (rb1[i] - rb0[i]);
                if (l2 > 0) {
                    double[] ca0 = coefficients[(first + a) % (depth + 1)], ca1 = coefficients[(first + a + 1) % (depth + 1)];
                    double[] cb0 = coefficients[(first + b) % (depth + 1)], cb1 = coefficients[(first + b + 1) % (depth + 1)];
                    for (int t = 0; t < size; t++) {
                        double f = factors == null ? 1.0 : factors[set[t]];
                        d += l2 * f * (ca1[t] - ca0[t]) * (cb1[t] - cb0[t]);
                    }
                }
                gram[a * depth + b] = d;
                gram[b * depth + a] = d;
            }
            scale = Math.max(scale, gram[a * depth + a]);
        }
        if (!affineWeights(gram, depth, scale, z)) return false;
        java.util.Arrays.fill(r, 0, n, 0.0);
        java.util.Arrays.fill(wSet, 0, size, 0.0);
        for (int k = 0; k < depth; k++) {
            double c = z[k];
            double[] rk = residuals[(first + k + 1) % (depth + 1)];
            double[] wk = coefficients[(first + k + 1) % (depth + 1)];
            for (int i = 0; i < n; i++) r[i] += c * rk[i];
            for (int t = 0; t < size; t++) wSet[t] += c * wk[t];
        }
        return true;
    }
}
