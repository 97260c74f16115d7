package dev.shrink.solvers.newton;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.NotPositiveDefiniteException;
import dev.shrink.solvers.quasinewton.WolfeLineSearch;

/**
 * Newton's method with Cholesky solves of the m×m Hessian (m = p or p + 1) for {@link LogisticObjective}
 * (Nocedal &amp; Wright, Numerical Optimization, §3.1 and §3.5: Newton direction, Wolfe line search from the unit
 * step). The Hessian {@code [I + XᵀDX, XᵀD1; 1ᵀDX, 1ᵀD1]}, D = C·diag(sᵢσᵢ(1 − σᵢ)), comes from one weighted Gram
 * pass (n·p² flops); the gradient at each trial point from one fused pass. For p &gt; n, {@link DualNewton} takes the
 * same steps on an n×n system instead.
 */
public final class NewtonLogistic {
    private final LogisticObjective f;
    private final int p;
    private final int m;
    private final double[] hess;
    private final double[] grad;
    private final double[] step;
    private final double[] d;
    private final double[] ones;
    private final double[] xtd;

    /** Newton steps taken, the final max|∇F|, whether it reached the tolerance, and why not ("maxIter", "rounding floor"). */
    public record Result(int iterations, double gradientNorm, boolean converged, String reason) {}

    public NewtonLogistic(LogisticObjective f) {
        this.f = f;
        this.p = f.p();
        this.m = f.dimension();
        this.hess = new double[Checks.elements("the Newton–Cholesky Hessian", m, m)];
        this.grad = new double[m];
        this.step = new double[m];
        this.d = new double[f.n()];
        this.ones = f.intercept() ? new double[f.n()] : null;
        this.xtd = f.intercept() ? new double[p] : null;
        if (ones != null) java.util.Arrays.fill(ones, 1.0);
    }

    /** Minimises from θ = (w, b) in place until max|∇F| ≤ gradientTol (F's own units). */
    public Result solve(double[] theta, double gradientTol, int maxIter) {
        Cholesky chol = KernelProvider.get().cholesky();
        WolfeLineSearch search = new WolfeLineSearch(f);
        double value = f.valueAndGradient(theta, grad);
        int iter = 0;
        while (true) {
            double gnorm = maxAbs(grad);
            if (gnorm <= gradientTol) return new Result(iter, gnorm, true, "");
            if (iter >= maxIter) return new Result(iter, gnorm, false, "maxIter");
            iter++;
            double sumD = f.curvatureAt(f.linearPredictor(), d);
            f.design().weightedGram(d, hess, 0, m, ones, xtd);
            for (int j = 0; j < p; j++) hess[j * m + j] += 1.0;
            if (f.intercept()) {
                for (int j = 0; j < p; j++) {
                    hess[j * m + p] = xtd[j];
                    hess[p * m + j] = xtd[j];
                }
                hess[p * m + p] = sumD;
            }
            for (int j = 0; j < m; j++) step[j] = -grad[j];
            try {
                chol.factor(m, hess, 0, m, 0.0);
                chol.solve(m, hess, 0, m, step, 0);
            } catch (NotPositiveDefiniteException e) {
                // only the intercept row can be degenerate (every σ saturated): a scaled gradient step instead
                for (int j = 0; j < m; j++) step[j] = -grad[j] / Math.max(1.0, gnorm);
            }
            WolfeLineSearch.Step s = search.search(theta, value, grad, step, 1.0);
            if (s.alpha() == 0) return new Result(iter, gnorm, false, "rounding floor");
            System.arraycopy(search.point(), 0, theta, 0, m);
            System.arraycopy(search.gradient(), 0, grad, 0, m);
            value = s.value();
        }
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) max = Math.max(max, Math.abs(e));
        return max;
    }
}
