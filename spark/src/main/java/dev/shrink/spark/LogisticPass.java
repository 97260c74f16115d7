package dev.shrink.spark;

import java.io.Serializable;

/**
 * What one pass over the data gives a Newton step of binary logistic regression at margins η = x·w + b: the loss
 * Σsᵢ·log(1 + exp(−(2yᵢ − 1)ηᵢ)) and, in {@link MomentSums} of the rows augmented with 1 and the IRLS working residual
 * tᵢ = (μᵢ − yᵢ)/vᵢ under the IRLS weights dᵢ = sᵢvᵢ (μ = 1/(1 + e^−η), v = μ(1 − μ)), the Hessian Σdᵢaᵢaᵢᵀ, the gradient
 * Σdᵢtᵢaᵢ = Σsᵢ(μᵢ − yᵢ)aᵢ and the Pearson statistic Σdᵢtᵢ², a = (x, 1). Also Σs and Σs·y (the class balance).
 *
 * <p>t is computed as −1/μ (y = 1) or 1/(1 − μ) (y = 0), with μ and 1 − μ each from e^−|η|, so that no cancellation
 * occurs; the Newton quantities use η clipped to ±{@value #MARGIN_LIMIT} (curvature below 1e-13 there), the loss does not.
 */
final class LogisticPass implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Margins beyond ±30 are clipped for the Hessian and the working residuals (v = μ(1 − μ) ≥ 9e-14). */
    static final double MARGIN_LIMIT = 30;

    final MomentSums sums;
    double loss;
    double sumWeights;
    double positiveWeight;

    LogisticPass(int p) {
        sums = new MomentSums(p);
    }

    /** Adds the rows of a block at coefficients w and intercept b. */
    void add(RowBlock block, double[] w, double b) {
        double[] eta = block.margins(w, b);
        for (int i = 0; i < block.rows; i++) {
            double e = eta[i];
            double s = block.weight[i];
            double y = block.label[i];
            loss += s * (Math.max(e, 0) + Math.log1p(Math.exp(-Math.abs(e))) - y * e);
            sumWeights += s;
            positiveWeight += s * y;
            double c = Math.clamp(e, -MARGIN_LIMIT, MARGIN_LIMIT);
            double z = Math.exp(-Math.abs(c));
            double large = 1 / (1 + z);
            double small = z / (1 + z);
            double mu = c >= 0 ? large : small;
            double oneMinusMu = c >= 0 ? small : large;
            double t = y == 1 ? -1 / mu : 1 / oneMinusMu;
            block.addTo(sums, i, t, s * mu * oneMinusMu);
        }
    }

    /** Adds another partition's pass (in place; returns this). */
    LogisticPass add(LogisticPass o) {
        sums.add(o.sums);
        loss += o.loss;
        sumWeights += o.sumWeights;
        positiveWeight += o.positiveWeight;
        return this;
    }
}
