package dev.shrink.solvers.group;

import java.util.Arrays;

/**
 * The dual side of the (sparse-)group penalty {@code λ·ω_g·‖w_g‖₂ + l1·‖w_g‖₁}: a dual point θ is feasible for group g
 * when ‖S(X̃_gᵀθ, l1)‖₂ ≤ λ·ω_g (S the soft-threshold; the subdifferential at 0 is the L∞ ball of radius l1 plus the
 * L2 ball of radius λ·ω_g). For θ = κ·R with gradient g = X̃_gᵀR, {@link #of} gives the largest feasible κ.
 */
final class DualScale {
    private DualScale() {}

    /**
     * The largest κ ≥ 0 with ‖S(κ·g, l1)‖₂ ≤ t, for g = {@code grad[at .. at + k)}; +∞ when no κ violates it (g = 0,
     * or l1 ≥ every |gⱼ|·κ for all κ, i.e. g = 0). For l1 = 0 this is t/‖g‖₂. For l1 &gt; 0 the function
     * κ ↦ Σⱼ(κ|gⱼ| − l1)₊² is an increasing quadratic between the breakpoints l1/|gⱼ|; the root is found on the piece
     * that holds it (sorting the |gⱼ|, k log k).
     */
    static double of(double[] grad, int at, int k, double l1, double t, double[] scratch) {
        if (l1 == 0) {
            double s = 0;
            for (int r = 0; r < k; r++) s += grad[at + r] * grad[at + r];
            return s == 0 ? Double.POSITIVE_INFINITY : t / Math.sqrt(s);
        }
        for (int r = 0; r < k; r++) scratch[r] = -Math.abs(grad[at + r]);
        Arrays.sort(scratch, 0, k); // descending magnitudes, negated
        double sumA2 = 0;
        double sumA = 0;
        double t2 = t * t;
        for (int q = 0; q < k; q++) {
            double a = -scratch[q];
            if (a == 0) break;
            sumA2 += a * a;
            sumA += a;
            int active = q + 1;
            // on this piece f(κ) = κ²·ΣA² − 2κ·l1·ΣA + active·l1²; its root f = t²
            double disc = l1 * l1 * sumA * sumA - sumA2 * (active * l1 * l1 - t2);
            double kappa = (l1 * sumA + Math.sqrt(Math.max(0.0, disc))) / sumA2;
            double next = q + 1 < k && scratch[q + 1] != 0 ? l1 / -scratch[q + 1] : Double.POSITIVE_INFINITY;
            if (kappa <= next) return kappa;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** ‖S(κ·g, l1)‖₂ for g = {@code grad[at .. at + k)}. */
    static double thresholdedNorm(double[] grad, int at, int k, double kappa, double l1) {
        double s = 0;
        for (int r = 0; r < k; r++) {
            double v = Math.max(0.0, Math.abs(kappa * grad[at + r]) - l1);
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
