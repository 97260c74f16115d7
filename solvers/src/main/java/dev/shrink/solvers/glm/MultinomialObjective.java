package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.quasinewton.DifferentiableFunction;

/**
 * The multinomial (softmax) logistic objective in scikit-learn's lbfgs scaling,
 * {@code F(W, b) = ½·λ·Σ_c‖w_c‖² + C·Σᵢsᵢ·(log Σ_c e^{z_ic} − z_{i,yᵢ})}, z_ic = xᵢ·w_c + b_c, λ = 1 (L2) or 0 (no
 * penalty), over θ = (w_0, …, w_{K−1}, b_0, …, b_{K−1}) (the intercepts only with one). Its value and gradient cost one
 * fused pass over X for all K classes together ({@link DesignPasses#fused(int, double[], double[], double[], double[],
 * DesignPasses.RowMap, double[])}): the forward products, the softmax, and the backward products Xᵀ(C·s∘(P − Y)) of a
 * block of rows while it is in cache. Not for concurrent use.
 */
public final class MultinomialObjective implements DifferentiableFunction {
    private final DesignPasses x;
    private final double[] label;
    private final double[] s;
    private final double c;
    private final double lambda;
    private final boolean intercept;
    private final int k;
    private final int n;
    private final int p;
    private final double[] z;
    private final double[] r;
    private final double[] shifts;

    /**
     * @param y      class indices 0 .. k−1
     * @param s      sample weights (null: all 1)
     * @param lambda the L2 weight (1, or 0 for no penalty)
     */
    public MultinomialObjective(DesignPasses x, double[] y, int k, double[] s, double c, double lambda, boolean intercept) {
        this.x = x;
        this.n = x.n();
        this.p = x.p();
        this.k = k;
        this.label = y;
        this.s = s;
        this.c = c;
        this.lambda = lambda;
        this.intercept = intercept;
        this.z = new double[k * n];
        this.r = new double[k * n];
        this.shifts = new double[k];
    }

    @Override
    public int dimension() {
        return intercept ? k * (p + 1) : k * p;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        if (intercept) System.arraycopy(theta, k * p, shifts, 0, k);
        double loss = x.fused(k, theta, intercept ? shifts : null, z, r, this::lossAndResiduals, gradient);
        double q = 0;
        for (int j = 0; j < k * p; j++) {
            q += theta[j] * theta[j];
            gradient[j] += lambda * theta[j];
        }
        if (intercept) {
            for (int cl = 0; cl < k; cl++) {
                double sum = 0;
                for (int i = cl * n; i < (cl + 1) * n; i++) sum += r[i];
                gradient[k * p + cl] = sum;
            }
        }
        return 0.5 * lambda * q + c * loss;
    }

    /** The fused pass's elementwise step: r_ic = C·sᵢ·(softmax(zᵢ)_c − [yᵢ = c]); returns Σsᵢ·(log Σ_c e^{z_ic} − z_{i,yᵢ}). */
    private double lossAndResiduals(int from, int to, double[] zz, double[] rr) {
        return Family.ROWS.softmax(from, to, k, n, c, zz, label, s, null, rr);
    }
}
