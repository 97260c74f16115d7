package dev.shrink.solvers.newton;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.NotPositiveDefiniteException;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.quasinewton.Preconditioner;

/**
 * The Hessian of {@link LogisticObjective} estimated from an evenly spaced sample of k rows,
 * {@code I + (Σs/Σs_sample)·X_kᵀD_kX_k} (with the intercept's row and column), as L-BFGS's initial matrix: its Cholesky
 * factor costs k·p² + p³/3 flops against the full Hessian's n·p², and a factor that is right to a few tens of percent
 * leaves the BFGS pairs little to learn (sub-sampled Newton: Byrd, Chin, Neveitt &amp; Nocedal 2011; Roosta-Khorasani
 * &amp; Mahoney 2016). The gradient stays exact, so the sample only affects the speed, never the answer. It is rebuilt
 * at the current point when a step reduces the gradient by less than {@link Thresholds#PRECONDITIONER_REFRESH}.
 */
final class SampledHessian implements Preconditioner {
    private final LogisticObjective f;
    private final int k;
    private final int p;
    private final int m;
    private final double[] rows;
    private final double[] y01;
    private final double[] s;
    private final double weightRatio;
    private final double[] z;
    private final double[] d;
    private final double[] hess;
    private final double[] xtd;
    private final double[] ones;
    private final Cholesky chol = KernelProvider.get().cholesky();
    private boolean factored;
    private int builds;

    /**
     * @param sample the rows to keep (k of them)
     * @param y01    all labels, s all weights (null: 1)
     */
    SampledHessian(LogisticObjective f, int[] sample, double[] y01, double[] s) {
        this.f = f;
        this.k = sample.length;
        this.p = f.p();
        this.m = f.dimension();
        this.rows = new double[Checks.elements("the preconditioner's sample", k, p)];
        f.design().gatherRows(sample, rows);
        this.y01 = new double[k];
        this.s = s == null ? null : new double[k];
        double sampled = 0;
        for (int t = 0; t < k; t++) {
            this.y01[t] = y01[sample[t]];
            if (s != null) this.s[t] = s[sample[t]];
            sampled += s == null ? 1.0 : s[sample[t]];
        }
        this.weightRatio = f.sumWeights() / sampled;
        this.z = new double[k];
        this.d = new double[k];
        this.hess = new double[Checks.elements("the preconditioner", m, m)];
        this.xtd = new double[p];
        this.ones = new double[k];
        java.util.Arrays.fill(ones, 1.0);
    }

    /** Evenly spaced rows ⌊t·n/k⌋, t &lt; k. */
    static int[] evenly(int n, int k) {
        int[] sample = new int[k];
        for (int t = 0; t < k; t++) sample[t] = (int) ((long) t * n / k);
        return sample;
    }

    /** How many times the factor was computed. */
    int builds() {
        return builds;
    }

    /** Factors the sampled Hessian at θ. */
    void build(double[] theta) {
        KernelProvider kp = KernelProvider.get();
        MatrixView xs = MatrixView.rowMajor(rows, k, p);
        kp.matrixVector().multiply(xs, theta, 0, z, 0);
        double b = f.intercept() ? theta[p] : 0.0;
        for (int t = 0; t < k; t++) z[t] += b;
        double c = f.c();
        double sumD = 0;
        for (int t = 0; t < k; t++) {
            double e = Math.exp(-Math.abs(z[t]));
            d[t] = weightRatio * c * (s == null ? 1.0 : s[t]) * e / ((1 + e) * (1 + e));
            sumD += d[t];
        }
        kp.gram().gram(xs, d, f.intercept() ? ones : null, hess, 0, m, f.intercept() ? xtd : null, 0);
        for (int j = 0; j < p; j++) hess[j * m + j] += 1.0;
        if (f.intercept()) {
            for (int j = 0; j < p; j++) {
                hess[j * m + p] = xtd[j];
                hess[p * m + j] = xtd[j];
            }
            hess[p * m + p] = Math.max(sumD, Double.MIN_NORMAL);
        }
        builds++;
        try {
            chol.factor(m, hess, 0, m, 0.0);
            factored = true;
        } catch (NotPositiveDefiniteException e) {
            factored = false; // saturated sample: fall back to the identity until the next build
        }
    }

    @Override
    public void apply(double[] q) {
        if (factored) chol.solve(m, hess, 0, m, q, 0);
    }

    @Override
    public void update(double[] theta, double gradientRatio) {
        if (gradientRatio > Thresholds.PRECONDITIONER_REFRESH) build(theta);
    }
}
