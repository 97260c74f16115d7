package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;

/**
 * Covariance-mode coordinate descent (Friedman, Hastie &amp; Tibshirani 2010, "Regularization paths for GLMs via
 * coordinate descent", §2.2): keeps H = X̃ᵀX̃w and c = X̃ᵀỹ, so a coordinate update costs O(1) and a nonzero move
 * O(p) through one Gram column; Gram columns come from a {@link GramColumns} source (dense, or computed lazily only
 * for coefficients that ever move).
 */
final class CovarianceProblem extends CdProblem {
    private final GramColumns gram;
    private final double[] c;
    private final double yy;
    private final double[] h;
    private final Level1 level1 = KernelProvider.get().level1();

    CovarianceProblem(GramColumns gram, double[] diag, double[] c, double yy) {
        super(c.length, diag);
        this.gram = gram;
        this.c = c;
        this.yy = yy;
        this.h = new double[c.length];
    }

    @Override
    double xtr(int j) {
        return c[j] - h[j];
    }

    @Override
    void move(int j, double delta) {
        int at = gram.offset(j); // first: computing the column may replace the array
        level1.axpy(p, delta, gram.data(), at, h, 0);
    }

    @Override
    void xtrAll(double[] out) {
        for (int j = 0; j < p; j++) out[j] = c[j] - h[j];
    }

    @Override
    double residualNorm2(double[] w) {
        // ‖ỹ − X̃w‖² = ỹᵀỹ + wᵀHw... with H = X̃ᵀX̃w: yy + w·H − 2 c·w.
        return Math.max(0.0, yy + level1.dot(p, w, 0, h, 0) - 2 * level1.dot(p, c, 0, w, 0));
    }

    @Override
    double residualDotY(double[] w) {
        return yy - level1.dot(p, c, 0, w, 0);
    }

    @Override
    double yNorm2() {
        return yy;
    }

    @Override
    void reset(double[] w) {
        java.util.Arrays.fill(h, 0.0);
        for (int j = 0; j < p; j++) if (w[j] != 0) move(j, w[j]);
    }

    /** The Gram columns (for callers that reuse them along a path). */
    GramColumns gram() {
        return gram;
    }
}
