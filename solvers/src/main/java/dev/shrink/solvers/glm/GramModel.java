package dev.shrink.solvers.glm;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.solvers.internal.SemidefiniteSolve;

/**
 * The {@link NewtonModel} in covariance form: the weighted Gram blocks G_{cc'} = Zᵀdiag(h_{cc'})Z of the working set
 * (one Gram-kernel call each), zd_{cc'} = Zᵀh_{cc'} and Hb_{cc'} = Σᵢh_{cc',i}; the model's gradient is kept up to date
 * through them, so a coordinate that moves costs O(K·m) and a sweep no pass over the data. When the model is smooth and
 * unconstrained its minimiser is one Cholesky solve — Newton's step.
 */
final class GramModel extends NewtonModel {
    private final Level1 level1 = KernelProvider.get().level1();
    final double[][] gram;
    final double[][] zd;
    final double[] hb;
    private final double[] grad;
    private final double[] gradB;
    /** ρ: the model's metric is ρ times the blocks (a kept Gram rescaled to the curvature the current weights show). */
    private final double scale;

    GramModel(int k, int m, boolean intercept, boolean grouped) {
        this(k, m, intercept, grouped, new double[Family.pairs(k)][m * m], new double[Family.pairs(k)][m], new double[Family.pairs(k)], 1.0);
    }

    /**
     * A model on given blocks (read, never written: e.g. a {@link GramCache}'s, at weights of an earlier state) times
     * {@code scale} &gt; 0.
     */
    GramModel(int k, int m, boolean intercept, boolean grouped, double[][] gram, double[][] zd, double[] hb, double scale) {
        super(k, m, intercept, grouped);
        this.gram = gram;
        this.zd = zd;
        this.hb = hb;
        this.scale = scale;
        grad = new double[k * m];
        gradB = new double[k];
    }

    @Override
    void restart(double[] w) {
        System.arraycopy(q, 0, grad, 0, k * m);
        System.arraycopy(gb, 0, gradB, 0, k);
    }

    @Override
    double gradient(int c, int s) {
        return grad[c * m + s];
    }

    @Override
    double curvature(int c, int c2, int s) {
        return scale * gram[pair(c, c2)][s * m + s];
    }

    @Override
    void move(int c, int s, double d) {
        double e = scale * d;
        for (int c2 = 0; c2 < k; c2++) {
            int pr = pair(c, c2);
            level1.axpy(m, e, gram[pr], s * m, grad, c2 * m);
            if (intercept) gradB[c2] += zd[pr][s] * e;
        }
    }

    @Override
    double interceptGradient(int c) {
        return gradB[c];
    }

    @Override
    double interceptCurvature(int c, int c2) {
        return scale * hb[pair(c, c2)];
    }

    @Override
    void moveIntercept(int c, double d) {
        double e = scale * d;
        for (int c2 = 0; c2 < k; c2++) {
            int pr = pair(c, c2);
            level1.axpy(m, e, zd[pr], 0, grad, c2 * m);
            gradB[c2] += hb[pr] * e;
        }
    }

    /**
     * Newton's step of the smooth model: (H + diag(l2))·δ = −(q + l2∘w) over the coefficients and the intercepts.
     * The multinomial loss does not change when a constant is added to every class, so with K &gt; 1 the last class's
     * intercept (and its coefficients when nothing else pins them, l2 = 0) keep their values. Returns false when the
     * system cannot be solved (then coordinate descent runs instead).
     */
    @Override
    boolean solveSmooth(double[] w) {
        boolean pinned = k > 1;
        int kw = k;
        if (pinned) {
            for (int s = 0; s < m; s++) if (l2(s) == 0) kw = k - 1;
        }
        int kb = intercept ? (pinned ? k - 1 : k) : 0;
        int d = kw * m + kb;
        if (d == 0) return true;
        double[] h = new double[d * d];
        double[] r = new double[d];
        for (int c = 0; c < kw; c++) {
            for (int s = 0; s < m; s++) {
                int row = c * m + s;
                r[row] = -(q[c * m + s] + l2(s) * w[c * m + s]);
                for (int c2 = 0; c2 < kw; c2++) {
                    double[] block = gram[pair(c, c2)];
                    for (int s2 = 0; s2 < m; s2++) h[row * d + c2 * m + s2] = scale * block[s * m + s2];
                }
                h[row * d + row] += l2(s);
                for (int c2 = 0; c2 < kb; c2++) {
                    double v = scale * zd[pair(c, c2)][s];
                    h[row * d + kw * m + c2] = v;
                    h[(kw * m + c2) * d + row] = v;
                }
            }
        }
        for (int c = 0; c < kb; c++) {
            r[kw * m + c] = -gb[c];
            for (int c2 = 0; c2 < kb; c2++) h[(kw * m + c) * d + kw * m + c2] = scale * hb[pair(c, c2)];
        }
        double[] copy = h.clone();
        double[] sol = r.clone();
        try {
            var chol = KernelProvider.get().cholesky();
            chol.factor(d, copy, 0, d, 0.0);
            chol.solve(d, copy, 0, d, sol, 0);
        } catch (IllegalArgumentException e) { // singular (an unpenalised constant column, collinear unpenalised ones)
            sol = r.clone();
            SemidefiniteSolve.solve(d, h, sol);
        }
        for (double v : sol) if (!Double.isFinite(v)) return false;
        for (int c = 0; c < kw; c++) for (int s = 0; s < m; s++) t[c * m + s] = w[c * m + s] + sol[c * m + s];
        for (int c = 0; c < kb; c++) beta[c] = sol[kw * m + c];
        sweeps = 1;
        return true;
    }
}
