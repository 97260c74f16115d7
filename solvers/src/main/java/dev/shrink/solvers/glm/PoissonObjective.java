package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.quasinewton.DifferentiableFunction;

/**
 * scikit-learn's Poisson objective (its {@code PoissonRegressor}, log link):
 * {@code F(w, b) = Σᵢρᵢ·(μᵢ − yᵢzᵢ + yᵢ·log yᵢ − yᵢ) + ½·α·‖w‖²}, z = Xw + b, μ = e^z, ρᵢ = sᵢ/Σs (the half deviance,
 * weighted mean), over θ = (w, b) (b only with an intercept). Value and gradient: one fused pass over X
 * ({@link DesignPasses#fused(double[], double, double[], double[], DesignPasses.RowMap, double[])}), the residuals
 * ρᵢ(μᵢ − yᵢ) computed between the forward and the backward product. Not for concurrent use.
 */
public final class PoissonObjective implements DifferentiableFunction {
    private final DesignPasses x;
    private final double[] y;
    private final double[] rho;
    private final double alpha;
    private final boolean intercept;
    private final int n;
    private final int p;
    private final double constant;
    private final double[] z;
    private final double[] r;

    /**
     * @param y   counts ≥ 0
     * @param rho row weights summing to 1
     */
    public PoissonObjective(DesignPasses x, double[] y, double[] rho, double alpha, boolean intercept) {
        this.x = x;
        this.y = y;
        this.rho = rho;
        this.alpha = alpha;
        this.intercept = intercept;
        this.n = x.n();
        this.p = x.p();
        double k = 0;
        for (int i = 0; i < n; i++) if (y[i] > 0) k += rho[i] * (y[i] * Math.log(y[i]) - y[i]);
        this.constant = k;
        this.z = new double[n];
        this.r = new double[n];
    }

    @Override
    public int dimension() {
        return intercept ? p + 1 : p;
    }

    /** scikit-learn's start: w = 0 and, with an intercept, b = log of the weighted mean of y (when positive). */
    public double[] start() {
        double[] theta = new double[dimension()];
        if (intercept) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += rho[i] * y[i];
            if (mean > 0) theta[p] = Math.log(mean);
        }
        return theta;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double b = intercept ? theta[p] : 0.0;
        double loss = x.fused(theta, b, z, r, this::lossAndResiduals, gradient);
        double q = 0;
        for (int j = 0; j < p; j++) {
            q += theta[j] * theta[j];
            gradient[j] += alpha * theta[j];
        }
        if (intercept) {
            double sum = 0;
            for (double v : r) sum += v;
            gradient[p] = sum;
        }
        return loss + constant + 0.5 * alpha * q;
    }

    /**
     * dᵀHd = α‖d_w‖² + Σᵢρᵢe^{zᵢ}(xᵢ·d_w + d_b)² at the linear predictor of the last {@link #valueAndGradient} (which
     * must have been at θ), the sum over rows estimated from a sample ({@link DesignPasses#sampledCurvature}).
     */
    @Override
    public double curvature(double[] theta, double[] d) {
        double q = x.sampledCurvature(d, intercept, i -> rho[i] * Math.exp(z[i]));
        for (int j = 0; j < p; j++) q += alpha * d[j] * d[j];
        return q;
    }

    /** The fused pass's elementwise step: rᵢ = ρᵢ(e^{zᵢ} − yᵢ); returns Σρᵢ(e^{zᵢ} − yᵢzᵢ) over the block. */
    private double lossAndResiduals(int from, int to, double[] zz, double[] rr) {
        return Family.ROWS.poisson(from, to, 1.0, zz, y, rho, rr, null);
    }
}
