package dev.shrink.solvers;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.DenseMatrix;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.NotPositiveDefiniteException;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.internal.Thresholds;

/**
 * Ridge (n ≥ p) with float64 answers at float32 speed: mixed-precision iterative refinement (Wilkinson; Moler, "Iterative
 * refinement in floating point", JACM 1967; as LAPACK's {@code dsposv}). The p×p matrix A = X̃ᵀSX̃ + αI is formed and
 * factored in float32 — the Gram, which costs n·p² flops, at twice the lanes per FMA and half the bytes — and the
 * solution is refined in float64: each step computes the float64 gradient g = X̃ᵀS(ỹ − X̃w) − αw from X itself (one
 * sweep over X, {@link dev.shrink.kernels.MatrixVector#residualGradient}: two for column-major X) and corrects
 * w += A₃₂⁻¹g with the float32 factor. The refinement stops at
 * {@code ‖g‖∞ ≤ (√p·‖A‖_F·‖w‖∞ + √n·maxⱼ‖S^½x̃ⱼ‖₂·‖S^½r̃‖₂)·ε} (ε = 2⁻⁵³): the first term is dsposv's test, the
 * backward error of a float64 Cholesky solve; the second the rounding of the float64 gradient itself (each gᵢ is a sum
 * of n products, |Σ x̃ᵢⱼrᵢ| ≤ ‖x̃ⱼ‖‖r‖, with the usual √n growth of rounding errors), below which no float64 method can
 * resolve it — so the answer is as accurate as the float64 path's. It converges when cond(A)·ε₃₂ ≪ 1; when a step
 * fails to shrink the gradient
 * by {@link Thresholds#REFINEMENT_CONTRACTION} (condition number too large for float32), the float32 factorization fails,
 * or {@link Thresholds#REFINEMENT_MAX_STEPS} pass, it gives up and the caller solves in float64.
 *
 * <p>X̃ = X − 1x̄ᵀ is never formed: the Gram centres each block as it packs it, and X̃w = Xw − x̄·w, X̃ᵀr = Xᵀr − x̄·Σr.
 * X is read in place in any storage.
 */
final class RefinedRidge {
    private RefinedRidge() {}

    /**
     * The solution (w, b) and how it was reached, or {@link #stalled} set and w null when the refinement gave up.
     *
     * @param steps   refinement steps taken (gradient evaluations after the first solve)
     * @param gradient the last ‖g‖∞
     * @param tolerance the refinement's target
     * @param reason  why it gave up (null when it converged)
     */
    record Result(double[] w, double b, int steps, double gradient, double tolerance, String reason) {
        boolean stalled() {
            return w == null;
        }
    }

    /**
     * Solves the centred (when {@code intercept}), weighted (s may be null) ridge problem on X.
     *
     * @param passes the row-chunked kernels (threads) for the Gram and the Xᵀr passes
     */
    static Result solve(DenseMatrix x, double[] y, double[] s, double alpha, boolean intercept, ParallelKernels passes) {
        int n = x.rows();
        int p = x.cols();
        KernelProvider k = passes.kernels();
        double[] ones = s;
        if (ones == null) {
            ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
        }
        double sumS = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sumS += ones[i];
            sy += ones[i] * y[i];
        }
        double[] mean = new double[p];
        double ybar = 0;
        if (intercept) {
            passes.multiplyTransposed(x, ones, 0, mean, 0);
            for (int j = 0; j < p; j++) mean[j] /= sumS;
            ybar = sy / sumS;
        }
        double[] rowScale = null;
        if (s != null) {
            rowScale = new double[n];
            for (int i = 0; i < n; i++) rowScale[i] = Math.sqrt(s[i]);
        }

        float[] factor = new float[p * p];
        passes.gramFloat32(x, intercept ? mean : null, rowScale, factor, 0, p);
        double frobenius = 0;
        for (float v : factor) frobenius += (double) v * v;
        frobenius = Math.sqrt(frobenius) + alpha * Math.sqrt(p);
        double columnNorm = 0; // max ‖S^½x̃ⱼ‖₂
        for (int j = 0; j < p; j++) columnNorm = Math.max(columnNorm, Math.sqrt(factor[j * p + j]));
        Cholesky chol = k.cholesky();
        try {
            chol.factor(p, factor, 0, p, (float) alpha);
        } catch (NotPositiveDefiniteException e) {
            return stalled(0, Double.NaN, Double.NaN, "the float32 Cholesky failed at pivot " + e.pivot());
        }

        double[] w = new double[p];
        double[] r = new double[n];
        double[] g = new double[p];
        double previous = Double.POSITIVE_INFINITY;
        double tolerance = 0;
        for (int step = 0; ; step++) {
            // One sweep over X: r = S(y − ȳ − X̃w) with X̃w = Xw − x̄·w, and Xᵀr; then X̃ᵀr = Xᵀr − x̄·Σr.
            double mw = 0;
            for (int j = 0; j < p; j++) mw += mean[j] * w[j];
            passes.residualGradient(x, w, ybar - mw, y, s, r, g);
            double sumR = 0;
            double residualNorm = 0; // ‖S^½(ỹ − X̃w)‖₂ = √Σ rᵢ²/sᵢ
            for (int i = 0; i < n; i++) {
                sumR += r[i];
                if (s == null) residualNorm += r[i] * r[i];
                else if (s[i] > 0) residualNorm += r[i] * r[i] / s[i];
            }
            residualNorm = Math.sqrt(residualNorm);
            double gradient = 0;
            double wMax = 0;
            for (int j = 0; j < p; j++) {
                g[j] -= mean[j] * sumR + alpha * w[j];
                gradient = Math.max(gradient, Math.abs(g[j]));
                wMax = Math.max(wMax, Math.abs(w[j]));
            }
            tolerance = (Math.sqrt(p) * frobenius * wMax + Math.sqrt(n) * columnNorm * residualNorm) * 0x1p-53;
            if (!(gradient > tolerance) && step > 0 || gradient == 0) {
                double b = intercept ? ybar : 0.0;
                if (intercept) for (int j = 0; j < p; j++) b -= mean[j] * w[j];
                return new Result(w, b, step, gradient, tolerance, null);
            }
            if (!(gradient <= Thresholds.REFINEMENT_CONTRACTION * previous)) {
                return stalled(step, gradient, tolerance, "a step shrank max|gradient| only from " + previous + " to " + gradient);
            }
            if (step == Thresholds.REFINEMENT_MAX_STEPS) {
                return stalled(step, gradient, tolerance, Thresholds.REFINEMENT_MAX_STEPS + " steps did not reach the tolerance");
            }
            previous = gradient;
            chol.solve(p, factor, 0, p, g, 0);
            for (int j = 0; j < p; j++) w[j] += g[j];
        }
    }

    private static Result stalled(int steps, double gradient, double tolerance, String reason) {
        return new Result(null, Double.NaN, steps, gradient, tolerance, reason);
    }
}
