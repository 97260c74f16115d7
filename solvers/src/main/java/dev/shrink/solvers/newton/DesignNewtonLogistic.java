package dev.shrink.solvers.newton;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.GlmRows;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.NotPositiveDefiniteException;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Newton's method with Cholesky solves, on a {@link DesignMatrix} (dense or sparse X, centring implicit), for {@code ½‖w‖² + C·Σᵢsᵢ·(log(1 + e^{zᵢ}) − yᵢzᵢ)}, zᵢ = xᵢ·w + b
 * (Nocedal &amp; Wright, Numerical Optimization, §3.1 and §3.5: Newton direction, Armijo backtracking).
 * The Hessian {@code [XᵀDX + I, XᵀD1; 1ᵀDX, 1ᵀD1]}, D = C·diag(sᵢσᵢ(1 − σᵢ)), comes from one weighted Gram pass
 * (dense or sparse X alike, through {@link DesignMatrix}).
 * Stops when {@code max|∇| / (C·Σsᵢ) ≤ tol} (scikit-learn's newton-cholesky scaling).
 */
public final class DesignNewtonLogistic {
    private final DesignMatrix x;
    private final double[] y01;
    private final double[] s;
    private final double sumS;
    private final boolean intercept;
    private final int n;
    private final int p;
    private final int m;
    private final double[] z;
    private final double[] zStep;
    private final double[] d;
    private final double[] r;
    private final double[] hess;
    private final double[] grad;
    private final double[] step;
    private final double[] wTrial;
    /** Per-coefficient L2 weights πⱼ (null: all 1); +Inf holds wⱼ at 0. */
    private final double[] penalty;
    private static final GlmRows ROWS = KernelProvider.get().glmRows();
    private final KernelProvider k = KernelProvider.get();

    /** Newton steps taken, the final scaled gradient norm, whether it reached tol, and why not ("maxIter", "rounding floor"). */
    public record Result(int iterations, double gradientNorm, boolean converged, String reason) {}

    /** @param x the design (its row chunks are those of the Gram pass) */
    public DesignNewtonLogistic(DesignMatrix x, double[] y01, double[] s, boolean intercept) {
        this(x, y01, s, intercept, null);
    }

    /**
     * The objective with a weighted ridge penalty {@code ½·Σⱼπⱼwⱼ²} instead of ½‖w‖²: glmnet's standardised penalty
     * on the original columns (πⱼ = dⱼ²) without forming the standardised matrix. {@code πⱼ = +Inf} holds wⱼ at 0
     * (a constant column that glmnet leaves out).
     *
     * @param penalty per-coefficient weights ≥ 0 or +Inf, or null for all 1
     */
    public DesignNewtonLogistic(DesignMatrix x, double[] y01, double[] s, boolean intercept, double[] penalty) {
        this.penalty = penalty;
        this.x = x;
        this.y01 = y01;
        this.s = s;
        this.n = x.rows();
        this.p = x.cols();
        double sum = 0;
        for (int i = 0; i < n; i++) sum += s == null ? 1.0 : s[i];
        this.sumS = sum;
        this.intercept = intercept;
        this.m = intercept ? p + 1 : p;
        this.z = new double[n];
        this.zStep = new double[n];
        this.d = new double[n];
        this.r = new double[n];
        this.hess = new double[m * m];
        this.grad = new double[m];
        this.step = new double[m];
        this.wTrial = new double[p];
    }

    /** Objective at linear predictor z and coefficients w. */
    private double objective(double[] zz, double[] w, double c) {
        double f = ROWS.logistic(0, n, 1.0, zz, y01, s, null, null);
        double q = 0;
        if (penalty == null) {
            q = k.level1().dot(p, w, 0, w, 0);
        } else {
            for (int j = 0; j < p; j++) if (w[j] != 0) q += penalty[j] * w[j] * w[j];
        }
        return 0.5 * q + c * f;
    }

    /**
     * Minimises from (w, b[0]) in place.
     *
     * @param b one-element array holding the intercept (ignored when no intercept)
     */
    public Result solve(double[] w, double[] b, double c, double tol, int maxIter) {
        Cholesky chol = k.cholesky();
        double b0 = intercept ? b[0] : 0.0;
        x.multiply(w, z);
        for (int i = 0; i < n; i++) z[i] += b0;
        double f = objective(z, w, c);
        double scale = c * sumS;
        double gnorm = Double.POSITIVE_INFINITY;
        int iter = 0;
        while (true) {
            // gradient and curvature at the current point
            ROWS.logistic(0, n, c, z, y01, s, r, d);
            double gb = 0;
            double db = 0;
            for (int i = 0; i < n; i++) {
                gb += r[i];
                db += d[i];
            }
            x.multiplyTransposed(r, grad);
            for (int j = 0; j < p; j++) grad[j] = penalty == null ? grad[j] + w[j] : penalty[j] == Double.POSITIVE_INFINITY ? 0.0 : grad[j] + penalty[j] * w[j];
            if (intercept) grad[p] = gb;
            gnorm = k.level1().maxAbs(m, grad, 0) / scale;
            if (gnorm <= tol) return new Result(iter, gnorm, true, "");
            if (iter >= maxIter) return new Result(iter, gnorm, false, "maxIter");
            iter++;
            x.gram(d, null, hess, 0, m, null);
            for (int j = 0; j < p; j++) hess[j * m + j] += penalty == null ? 1.0 : penalty[j] == Double.POSITIVE_INFINITY ? 0.0 : penalty[j];
            if (intercept) {
                x.multiplyTransposed(d, step);
                for (int j = 0; j < p; j++) {
                    hess[j * m + p] = step[j];
                    hess[p * m + j] = step[j];
                }
                hess[p * m + p] = db;
            }
            if (penalty != null) {
                // a held coefficient: its row and column become the identity's, so its step is −grad = 0
                for (int j = 0; j < p; j++) {
                    if (penalty[j] != Double.POSITIVE_INFINITY) continue;
                    for (int t = 0; t < m; t++) {
                        hess[j * m + t] = 0.0;
                        hess[t * m + j] = 0.0;
                    }
                    hess[j * m + j] = 1.0;
                }
            }
            for (int j = 0; j < m; j++) step[j] = -grad[j];
            try {
                chol.factor(m, hess, 0, m, 0.0);
            } catch (NotPositiveDefiniteException e) {
                // only the intercept row can be degenerate (all σ saturated): fall back to a gradient step
                for (int j = 0; j < m; j++) step[j] = -grad[j] / Math.max(1.0, scale);
                chol = null;
            }
            if (chol != null) chol.solve(m, hess, 0, m, step, 0);
            chol = k.cholesky();
            double slope = k.level1().dot(m, grad, 0, step, 0);
            if (!(slope < 0)) return new Result(iter, gnorm, false, "rounding floor");
            // zStep = X·Δw + Δb
            x.multiply(step, zStep);
            double stepB = intercept ? step[p] : 0.0;
            double t = 1.0;
            boolean accepted = false;
            for (int ls = 0; ls < Thresholds.MAX_HALVINGS; ls++) {
                for (int j = 0; j < p; j++) wTrial[j] = w[j] + t * step[j];
                for (int i = 0; i < n; i++) r[i] = z[i] + t * (zStep[i] + stepB);
                double fTrial = objective(r, wTrial, c);
                // Near the minimiser the predicted decrease drops below the rounding of f: then the full Newton step
                // (quadratically convergent there) is taken if f does not rise beyond rounding; the gradient decides.
                boolean roundingRegime = t == 1.0 && -slope <= Thresholds.ROUNDING_REGIME * Math.abs(f) && fTrial <= f + 1e-13 * Math.abs(f);
                if (fTrial <= f + Thresholds.ARMIJO * t * slope || (fTrial <= f && t < 1) || roundingRegime) {
                    System.arraycopy(wTrial, 0, w, 0, p);
                    System.arraycopy(r, 0, z, 0, n);
                    b0 += t * stepB;
                    accepted = fTrial < f || t == 1.0 || roundingRegime;
                    f = fTrial;
                    break;
                }
                t *= 0.5;
            }
            if (intercept) b[0] = b0;
            if (!accepted) return new Result(iter, gnorm, false, "rounding floor");
        }
    }
}
