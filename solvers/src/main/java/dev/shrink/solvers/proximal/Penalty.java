package dev.shrink.solvers.proximal;

import dev.shrink.solvers.internal.Inputs;

/**
 * The penalty {@code l1·Σⱼ|wⱼ| + (l2/2)·Σⱼwⱼ²} on the coefficients (never on the intercept). L2 is the smooth part
 * (its gradient joins the loss gradient), L1 the proximal part (soft-threshold).
 *
 * @param l1 weight of the L1 norm, ≥ 0
 * @param l2 weight of half the squared L2 norm, ≥ 0
 */
public record Penalty(double l1, double l2) {

    public Penalty {
        Inputs.nonNegative("l1", l1);
        Inputs.nonNegative("l2", l2);
    }

    /** scikit-learn's elastic-net penalty {@code alpha·l1Ratio·‖w‖₁ + ½·alpha·(1 − l1Ratio)·‖w‖²}. */
    public static Penalty elasticNet(double alpha, double l1Ratio) {
        Inputs.nonNegative("alpha", alpha);
        Inputs.ratio("l1Ratio", l1Ratio);
        return new Penalty(alpha * l1Ratio, alpha * (1 - l1Ratio));
    }

    /** {@code lambda·‖w‖₁}. */
    public static Penalty lasso(double lambda) {
        return new Penalty(lambda, 0);
    }

    /** {@code (lambda/2)·‖w‖²}. */
    public static Penalty ridge(double lambda) {
        return new Penalty(0, lambda);
    }

    public static Penalty none() {
        return new Penalty(0, 0);
    }

    /** The penalty's value at w. */
    public double value(double[] w) {
        double a = 0;
        double q = 0;
        for (double v : w) {
            a += Math.abs(v);
            q += v * v;
        }
        return l1 * a + 0.5 * l2 * q;
    }
}
