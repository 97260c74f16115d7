package dev.shrink.solvers.cd;

/**
 * Box constraints {@code lower[j] ≤ wⱼ ≤ upper[j]} on the coefficients coordinate descent sees (scikit-learn's
 * {@code positive=True} is lower 0, upper +∞; glmnet's {@code lower.limits} / {@code upper.limits}). Every box holds
 * 0 ({@code lower ≤ 0 ≤ upper}), so w = 0 is feasible and warm starts from 0 need no projection. Arrays are kept, not
 * copied: the caller owns them and does not change them.
 *
 * @param lower lower bounds (≤ 0, −∞ for none)
 * @param upper upper bounds (≥ 0, +∞ for none)
 */
public record Box(double[] lower, double[] upper) {

    public Box {
        if (lower.length != upper.length) throw new IllegalArgumentException("lower and upper bounds differ in length");
    }

    /** wⱼ ≥ 0 for every one of p features. */
    public static Box nonNegative(int p) {
        double[] lo = new double[p];
        double[] hi = new double[p];
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Box(lo, hi);
    }

    /** The box of bounds on the original scale seen on a scale where coefficients are wⱼ/mⱼ (mⱼ ≥ 0; 0: w fixed at 0). */
    public Box scaledBy(double[] multipliers) {
        if (multipliers == null) return this;
        double[] lo = new double[lower.length];
        double[] hi = new double[upper.length];
        for (int j = 0; j < lo.length; j++) {
            double m = multipliers[j];
            lo[j] = m == 0 ? 0.0 : lower[j] / m;
            hi[j] = m == 0 ? 0.0 : upper[j] / m;
        }
        return new Box(lo, hi);
    }

    /** x clipped into [lower[j], upper[j]]. */
    double clip(int j, double x) {
        return Math.min(Math.max(x, lower[j]), upper[j]);
    }

    /** Whether coordinate j may move up from w (the coefficient is below its upper bound). */
    boolean canRise(int j, double w) {
        return w < upper[j];
    }

    /** Whether coordinate j may move down from w. */
    boolean canFall(int j, double w) {
        return w > lower[j];
    }
}
