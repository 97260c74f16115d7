package dev.shrink.solvers.glm;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;

/**
 * The {@link NewtonModel} in glmnet's "naive" form: the model's gradient is read off the weighted residuals
 * r_c = g_c + Σ_c' h_{cc'}∘δη_{c'} (n values per class), kept up to date as coordinates move — a visit costs one column
 * pass (a dot product), a move K more (weighted axpys), and no Gram matrix is formed. Cheaper than {@link GramModel}
 * when the working set is large and the model takes few sweeps; its curvatures Σᵢh_{cc'}z_is² cost one pass over the
 * block per class pair.
 */
final class ResidualModel extends NewtonModel {
    private final ColumnBlock block;
    private final int n;
    private final double[] g;
    private final double[] h;
    private final double[] r;
    private final double[][] diag;
    private final double[] hb;
    private final Level1 level1 = KernelProvider.get().level1();

    /**
     * @param g the per-row first derivatives of the loss at the current state (class-major)
     * @param h the per-row second derivatives (packed class pairs); both read, not kept beyond the outer iteration
     */
    ResidualModel(ColumnBlock block, int n, int k, int m, boolean intercept, boolean grouped, double[] g, double[] h) {
        super(k, m, intercept, grouped);
        this.block = block;
        this.n = n;
        this.g = g;
        this.h = h;
        this.r = new double[k * n];
        int pairs = Family.pairs(k);
        this.diag = new double[pairs][m];
        this.hb = new double[pairs];
        for (int pr = 0; pr < pairs; pr++) {
            for (int s = 0; s < m; s++) diag[pr][s] = block.weightedSquares(s, h, pr * n);
            double sum = 0;
            for (int i = 0; i < n; i++) sum += h[pr * n + i];
            hb[pr] = sum;
        }
    }

    @Override
    void restart(double[] w) {
        System.arraycopy(g, 0, r, 0, k * n);
    }

    @Override
    double gradient(int c, int s) {
        return block.dot(s, r, c * n, null, 0);
    }

    @Override
    double curvature(int c, int c2, int s) {
        return diag[pair(c, c2)][s];
    }

    @Override
    void move(int c, int s, double d) {
        for (int c2 = 0; c2 < k; c2++) {
            int pr = pair(c, c2);
            block.axpyWeighted(s, d, h, pr * n, r, c2 * n);
        }
    }

    @Override
    double interceptGradient(int c) {
        return intercept ? level1.sum(n, r, c * n) : 0.0;
    }

    @Override
    double interceptCurvature(int c, int c2) {
        return hb[pair(c, c2)];
    }

    @Override
    void moveIntercept(int c, double d) {
        for (int c2 = 0; c2 < k; c2++) level1.axpy(n, d, h, pair(c, c2) * n, r, c2 * n);
    }
}
