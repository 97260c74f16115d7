package dev.shrink.solvers.krylov;

import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Ridge regression by preconditioned conjugate gradients on the normal equations
 * {@code (X̃ᵀX̃ + αI)w = X̃ᵀỹ}, X̃ = diag(√s)(X − 1x̄ᵀ) and ỹ = √s∘(y − ȳ) (x̄ = 0, ȳ = 0 without intercept), with the
 * centring implicit: each iteration is one product Xv and one Xᵀt, so a sparse X is read, never densified or
 * centred, and no p×p matrix is formed (Hestenes &amp; Stiefel 1952; the Jacobi preconditioner diag(X̃ᵀX̃) + α, as in
 * Saad, "Iterative methods for sparse linear systems", §9.2). Stops when {@code ‖b − Aw‖₂ ≤ tol·‖b‖₂}.
 */
public final class RidgeConjugateGradients {
    private final DesignMatrix x;
    private final double[] s;
    private final double[] mean;
    private final int n;
    private final int p;
    private final double[] t;

    /** Iterations, the final relative residual, and whether it reached the tolerance. */
    public record Result(double[] coef, int iterations, double relativeResidual, boolean converged) {}

    /**
     * @param s    sample weights (null: all 1), used as given
     * @param mean column means to subtract implicitly (weighted; zeros without intercept)
     */
    public RidgeConjugateGradients(DesignMatrix x, double[] s, double[] mean) {
        this.x = x;
        this.s = s;
        this.mean = mean;
        this.n = x.rows();
        this.p = x.cols();
        this.t = new double[n];
    }

    /** out ← X̃ᵀX̃v + αv. */
    private void apply(double[] v, double alpha, double[] out) {
        x.multiply(v, t);
        double mv = 0;
        for (int j = 0; j < p; j++) mv += mean[j] * v[j];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = t[i] - mv;
            t[i] = s == null ? e : s[i] * e;
            sum += t[i];
        }
        x.multiplyTransposed(t, out);
        for (int j = 0; j < p; j++) out[j] += alpha * v[j] - mean[j] * sum;
    }

    /** Solves from w = 0 for the centred response y0 = y − ȳ. */
    public Result solve(double[] y0, double alpha, double tol, int maxIter) {
        double[] b = new double[p];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            t[i] = s == null ? y0[i] : s[i] * y0[i];
            sum += t[i];
        }
        x.multiplyTransposed(t, b);
        for (int j = 0; j < p; j++) b[j] -= mean[j] * sum;
        double[] precondition = x.centeredSquares(s, mean);
        for (int j = 0; j < p; j++) precondition[j] = 1 / (precondition[j] + alpha > 0 ? precondition[j] + alpha : 1.0);
        double bNorm = Math.sqrt(dot(b, b));
        double[] w = new double[p];
        if (bNorm == 0) return new Result(w, 0, 0.0, true);
        double[] r = b.clone();
        double[] z = new double[p];
        double[] d = new double[p];
        double[] q = new double[p];
        for (int j = 0; j < p; j++) z[j] = precondition[j] * r[j];
        System.arraycopy(z, 0, d, 0, p);
        double rz = dot(r, z);
        double residual = 1.0;
        int k = 0;
        while (k < maxIter) {
            k++;
            apply(d, alpha, q);
            double dq = dot(d, q);
            if (!(dq > 0)) break; // A is not positive definite along d (alpha = 0 and X̃ rank-deficient): stop, not converged
            double step = rz / dq;
            for (int j = 0; j < p; j++) {
                w[j] += step * d[j];
                r[j] -= step * q[j];
            }
            // the recurrence drifts from b − Aw: recompute the true residual every 50 steps and before stopping
            boolean check = k % 50 == 0;
            residual = Math.sqrt(dot(r, r)) / bNorm;
            if (residual <= tol || check) {
                apply(w, alpha, q);
                for (int j = 0; j < p; j++) r[j] = b[j] - q[j];
                residual = Math.sqrt(dot(r, r)) / bNorm;
                if (residual <= tol) return new Result(w, k, residual, true);
            }
            for (int j = 0; j < p; j++) z[j] = precondition[j] * r[j];
            double rzNext = dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int j = 0; j < p; j++) d[j] = z[j] + beta * d[j];
        }
        return new Result(w, k, residual, false);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }
}
