package dev.shrink.solvers.newton;

import dev.shrink.kernels.GlmRows;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.quasinewton.DifferentiableFunction;

/**
 * The L2-penalised logistic objective {@code F(w, b) = ½‖w‖² + C·Σᵢsᵢ·(log(1 + e^{zᵢ}) − yᵢzᵢ)}, z = Xw + b,
 * yᵢ ∈ {0, 1}, over θ = (w, b) (b only with an intercept: m = p + 1, else m = p). Its value and gradient cost one fused
 * pass over X ({@link DesignPasses#fused}); so does a Hessian-vector product. The last evaluation's linear predictor
 * z and residuals rᵢ = C·sᵢ·(σ(zᵢ) − yᵢ) are kept for the Newton methods. Every per-row term (loss, residual,
 * curvature) is the {@link GlmRows#logistic} kernel's. Not for concurrent use.
 */
public final class LogisticObjective implements DifferentiableFunction {
    private static final GlmRows ROWS = KernelProvider.get().glmRows();
    private final DesignPasses x;
    private final double[] y01;
    private final double[] s;
    private final double c;
    private final boolean intercept;
    private final int n;
    private final int p;
    private final double sumS;
    private final double[] z;
    private final double[] r;
    private final double[] u;
    private final double[] du;

    /**
     * @param y01 labels 0 or 1
     * @param s   sample weights (null: all 1)
     * @param c   the factor C &gt; 0
     */
    public LogisticObjective(DesignPasses x, double[] y01, double[] s, double c, boolean intercept) {
        this.x = x;
        this.y01 = y01;
        this.s = s;
        this.c = c;
        this.intercept = intercept;
        this.n = x.n();
        this.p = x.p();
        double sum = 0;
        for (int i = 0; i < n; i++) sum += s == null ? 1.0 : s[i];
        this.sumS = sum;
        this.z = new double[n];
        this.r = new double[n];
        this.u = new double[n];
        this.du = new double[n];
    }

    @Override
    public int dimension() {
        return intercept ? p + 1 : p;
    }

    public DesignPasses design() {
        return x;
    }

    public int n() {
        return n;
    }

    public int p() {
        return p;
    }

    public boolean intercept() {
        return intercept;
    }

    public double c() {
        return c;
    }

    /** Σsᵢ. */
    public double sumWeights() {
        return sumS;
    }

    /** The linear predictor z = Xw + b of the last {@link #valueAndGradient}. */
    public double[] linearPredictor() {
        return z;
    }

    /** The residuals rᵢ = C·sᵢ·(σ(zᵢ) − yᵢ) of the last {@link #valueAndGradient}. */
    public double[] residuals() {
        return r;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double b = intercept ? theta[p] : 0.0;
        double loss = x.fused(theta, b, z, r, this::lossAndResiduals, gradient);
        double q = 0;
        for (int j = 0; j < p; j++) {
            q += theta[j] * theta[j];
            gradient[j] += theta[j];
        }
        if (intercept) gradient[p] = sum(r);
        return 0.5 * q + c * loss;
    }

    /** The fused pass's elementwise step: rᵢ from zᵢ; returns Σsᵢ·(log(1 + e^{zᵢ}) − yᵢzᵢ) over the block. */
    private double lossAndResiduals(int from, int to, double[] zz, double[] rr) {
        return ROWS.logistic(from, to, c, zz, y01, s, rr, null);
    }

    /** The data term C·Σsᵢ·(log(1 + e^{zᵢ}) − yᵢzᵢ) at a given linear predictor (O(n): line searches along Xd). */
    public double lossAt(double[] zz) {
        return c * ROWS.logistic(0, n, 1.0, zz, y01, s, null, null);
    }

    /** Residuals rᵢ = C·sᵢ·(σ(zᵢ) − yᵢ) at a given linear predictor, into out. */
    public void residualsAt(double[] zz, double[] out) {
        ROWS.logistic(0, n, c, zz, y01, s, out, null);
    }

    /** The curvatures dᵢ = C·sᵢ·σ(zᵢ)(1 − σ(zᵢ)) at a given linear predictor, into out; returns their sum. */
    public double curvatureAt(double[] zz, double[] out) {
        ROWS.logistic(0, n, c, zz, y01, s, null, out);
        return sum(out);
    }

    /**
     * dᵀHd = ‖d_w‖² + Σᵢhᵢ(xᵢ·d_w + d_b)², hᵢ = C·sᵢ·σ(zᵢ)(1 − σ(zᵢ)) at the linear predictor of the last
     * {@link #valueAndGradient} (which must have been at θ), the sum over rows estimated from a sample
     * ({@link DesignPasses#sampledCurvature}).
     */
    @Override
    public double curvature(double[] theta, double[] d) {
        double q = x.sampledCurvature(d, intercept, i -> {
            double e = Math.exp(-Math.abs(z[i]));
            return c * (s == null ? 1.0 : s[i]) * e / ((1 + e) * (1 + e));
        });
        for (int j = 0; j < p; j++) q += d[j] * d[j];
        return q;
    }

    /**
     * out ← H·v with H = [I + XᵀDX, XᵀD1; 1ᵀDX, 1ᵀD1] (D = diag(d), the curvatures; without intercept the top-left
     * block only): one fused pass.
     */
    public void hessianTimes(double[] d, double[] v, double[] out) {
        double vb = intercept ? v[p] : 0.0;
        double sumDu = x.fused(v, vb, u, du, (from, to, uu, rr) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                rr[i] = d[i] * uu[i];
                sum += rr[i];
            }
            return sum;
        }, out);
        for (int j = 0; j < p; j++) out[j] += v[j];
        if (intercept) out[p] = sumDu;
    }

    private static double sum(double[] a) {
        double t = 0;
        for (double v : a) t += v;
        return t;
    }
}
