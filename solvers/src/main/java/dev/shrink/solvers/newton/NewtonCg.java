package dev.shrink.solvers.newton;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.quasinewton.WolfeLineSearch;

/**
 * Truncated Newton (Newton-CG; Nocedal &amp; Wright, Numerical Optimization, Alg. 7.1, as scikit-learn's
 * {@code _newton_cg}): the Newton system H·δ = −∇F is solved by conjugate gradients on Hessian-vector products
 * (one fused pass over X each, never a p×p matrix), stopped when the residual's 1-norm is below
 * η·‖∇F/C‖₁ with η = min(0.5, √‖∇F/C‖₁) — scikit-learn's forcing sequence on its objective F/C — or after
 * {@link Thresholds#CG_MAX_ITERATIONS} products; then a Wolfe line search from the unit step.
 */
public final class NewtonCg {
    private final LogisticObjective f;
    private final int m;

    /** Newton steps, Hessian-vector products, the final max|∇F|, whether it reached the tolerance, and why not. */
    public record Result(int iterations, int products, double gradientNorm, boolean converged, String reason) {}

    public NewtonCg(LogisticObjective f) {
        this.f = f;
        this.m = f.dimension();
    }

    /** Minimises from θ = (w, b) in place until max|∇F| ≤ gradientTol. */
    public Result solve(double[] theta, double gradientTol, int maxIter) {
        double[] grad = new double[m];
        double[] step = new double[m];
        double[] res = new double[m];
        double[] dir = new double[m];
        double[] hd = new double[m];
        double[] d = new double[f.n()];
        WolfeLineSearch search = new WolfeLineSearch(f);
        double value = f.valueAndGradient(theta, grad);
        double c = f.c();
        int products = 0;
        int iter = 0;
        while (true) {
            double gnorm = NewtonLogistic.maxAbs(grad);
            if (gnorm <= gradientTol) return new Result(iter, products, gnorm, true, "");
            if (iter >= maxIter) return new Result(iter, products, gnorm, false, "maxIter");
            iter++;
            f.curvatureAt(f.linearPredictor(), d);
            // CG on H·δ = −g from δ = 0, in scikit-learn's units (F/C) for the forcing term
            double g1 = 0;
            for (double v : grad) g1 += Math.abs(v) / c;
            double target = Math.min(0.5, Math.sqrt(g1)) * g1;
            java.util.Arrays.fill(step, 0.0);
            for (int j = 0; j < m; j++) {
                res[j] = -grad[j];
                dir[j] = res[j];
            }
            double rr = dot(res, res);
            for (int k = 0; k < Thresholds.CG_MAX_ITERATIONS; k++) {
                double r1 = 0;
                for (double v : res) r1 += Math.abs(v) / c;
                if (r1 <= target) break;
                f.hessianTimes(d, dir, hd);
                products++;
                double curvature = dot(dir, hd);
                if (!(curvature > 0)) break; // H is positive definite; only rounding can get here
                double a = rr / curvature;
                for (int j = 0; j < m; j++) {
                    step[j] += a * dir[j];
                    res[j] -= a * hd[j];
                }
                double rrNew = dot(res, res);
                double beta = rrNew / rr;
                rr = rrNew;
                for (int j = 0; j < m; j++) dir[j] = res[j] + beta * dir[j];
            }
            if (products == 0 || allZero(step)) for (int j = 0; j < m; j++) step[j] = -grad[j];
            WolfeLineSearch.Step s = search.search(theta, value, grad, step, 1.0);
            if (s.alpha() == 0) return new Result(iter, products, gnorm, false, "rounding floor");
            System.arraycopy(search.point(), 0, theta, 0, m);
            System.arraycopy(search.gradient(), 0, grad, 0, m);
            value = s.value();
        }
    }

    private static double dot(double[] a, double[] b) {
        return KernelProvider.get().level1().dot(a.length, a, 0, b, 0);
    }

    private static boolean allZero(double[] v) {
        for (double e : v) if (e != 0) return false;
        return true;
    }
}
