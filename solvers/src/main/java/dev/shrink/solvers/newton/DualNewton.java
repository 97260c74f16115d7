package dev.shrink.solvers.newton;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.NotPositiveDefiniteException;
import dev.shrink.solvers.quasinewton.DifferentiableFunction;
import dev.shrink.solvers.quasinewton.WolfeLineSearch;

/**
 * Newton's method for {@link LogisticObjective} when p &gt; n, through the n×n kernel K = XXᵀ: never a p×p matrix,
 * memory O(n·p + n²). The minimiser has w in the row space of X (the gradient w + Xᵀr vanishes there), so
 * w = Xᵀα and every quantity of a Newton step lives in ℝⁿ: z = Kα + b, ‖w‖² = αᵀKα, ∇_w F = Xᵀ(α + r).
 *
 * <p>The Newton step of the primal problem, restricted to that subspace (the same iterates as Newton–Cholesky on
 * the (p+1)×(p+1) Hessian, by the Woodbury identity): with D = diag(dᵢ) the curvatures, the change of the linear
 * predictor Δz solves (I + KD)·Δz = −K(α + r) + Δb·1 together with 1ᵀD·Δz = −Σrᵢ, which a Cholesky factor of the
 * symmetric M = I + D^½KD^½ gives for two right-hand sides (Δz = v − KD^½·M⁻¹D^½v); then Δα = −(α + r) − D·Δz.
 * Along the step everything is O(n) (z + tΔz, and ‖w‖² through Kα and KΔα = Δz − Δb), so the line search costs no
 * pass over X. Cost: K (n²p/2 flops, once), n³/3 per step, and two passes over X at the end (w = Xᵀα, and the exact
 * primal gradient that certifies the result). Tolerances below the rounding that K carries into the dual iterates are
 * met by a few {@link NewtonCg} steps on the primal from there.
 */
public final class DualNewton {
    private final LogisticObjective f;
    private final int n;
    private final int p;
    private final MatrixVector mv = KernelProvider.get().matrixVector();

    /** Newton steps, the final max|∇F| (exact, from the primal gradient), whether it reached the tolerance, and why not. */
    public record Result(int iterations, double gradientNorm, boolean converged, String reason) {}

    public DualNewton(LogisticObjective f) {
        this.f = f;
        this.n = f.n();
        this.p = f.p();
        Checks.elements("the dual Newton system", n, n);
    }

    /**
     * Minimises from θ = (w, b) in place until max|∇F| ≤ gradientTol. A nonzero starting w enters through its linear
     * predictor (α with Kα = Xw, in the least-squares sense).
     */
    public Result solve(double[] theta, double gradientTol, int maxIter) {
        boolean intercept = f.intercept();
        double[] k = f.design().kernel();
        MatrixView kv = MatrixView.rowMajor(k, n, n);
        double[] alpha = new double[n];
        double b = intercept ? theta[p] : 0.0;
        if (!allZero(theta, p)) startFrom(theta, k, alpha);
        double[] ka = new double[n];
        mv.multiply(kv, alpha, 0, ka, 0);
        double[] z = new double[n];
        double[] r = new double[n];
        double[] d = new double[n];
        double[] sqrtD = new double[n];
        double[] u = new double[n];
        double[] v = new double[n];
        double[] kv0 = new double[n];
        double[] dz0 = new double[n];
        double[] dz1 = new double[n];
        double[] dz = new double[n];
        double[] da = new double[n];
        double[] kda = new double[n];
        double[] mm = new double[k.length];
        Cholesky chol = KernelProvider.get().cholesky();
        int iter = 0;
        String reason = "";
        while (true) {
            for (int i = 0; i < n; i++) z[i] = ka[i] + b;
            f.residualsAt(z, r);
            // ‖∇_w F‖∞ ≤ ‖∇_w F‖₂ = √((α + r)ᵀK(α + r)): a certificate without a pass over X
            for (int i = 0; i < n; i++) u[i] = alpha[i] + r[i];
            mv.multiply(kv, u, 0, kv0, 0);
            double sumR = sum(r);
            double bound = Math.max(Math.sqrt(Math.max(0, dot(u, kv0))), intercept ? Math.abs(sumR) : 0.0);
            if (bound <= gradientTol) break;
            if (iter >= maxIter) {
                reason = "maxIter";
                break;
            }
            iter++;
            f.curvatureAt(z, d);
            for (int i = 0; i < n; i++) sqrtD[i] = Math.sqrt(d[i]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) mm[i * n + j] = sqrtD[i] * k[i * n + j] * sqrtD[j];
                mm[i * n + i] += 1.0;
            }
            try {
                chol.factor(n, mm, 0, n, 0.0);
            } catch (NotPositiveDefiniteException e) {
                reason = "rounding floor"; // I + D^½KD^½ ≥ I: only NaN or overflow in K gets here
                break;
            }
            for (int i = 0; i < n; i++) v[i] = -kv0[i];
            solveShifted(chol, mm, k, kv, sqrtD, v, dz0);
            double db = 0;
            if (intercept) {
                java.util.Arrays.fill(v, 1.0);
                solveShifted(chol, mm, k, kv, sqrtD, v, dz1);
                double num = -sumR;
                double den = 0;
                for (int i = 0; i < n; i++) {
                    num -= d[i] * dz0[i];
                    den += d[i] * dz1[i];
                }
                db = den > 0 ? num / den : 0.0;
            }
            for (int i = 0; i < n; i++) {
                dz[i] = dz0[i] + (intercept ? db * dz1[i] : 0.0);
                da[i] = -u[i] - d[i] * dz[i];
                kda[i] = dz[i] - db;
            }
            Line line = new Line(alpha, ka, z, b, da, kda, dz, db);
            double slope = dot(u, kda) + (intercept ? sumR * db : 0.0);
            WolfeLineSearch search = new WolfeLineSearch(line);
            WolfeLineSearch.Step step = search.search(new double[] {0}, line.value(0), new double[] {slope}, new double[] {1}, 1.0);
            if (step.alpha() == 0) {
                reason = "rounding floor";
                break;
            }
            double t = step.alpha();
            for (int i = 0; i < n; i++) {
                alpha[i] += t * da[i];
                ka[i] += t * kda[i];
            }
            b += t * db;
        }
        // back to the primal: w = Xᵀα, and the exact gradient there (one fused pass)
        f.design().multiplyTransposed(alpha, theta);
        if (intercept) theta[p] = b;
        double[] grad = new double[f.dimension()];
        f.valueAndGradient(theta, grad);
        double gnorm = NewtonLogistic.maxAbs(grad);
        if (gnorm > gradientTol && iter < maxIter) {
            // K = XXᵀ carries the rounding of its n·p-term sums into z = Kα + b, and so into the dual's idea of the
            // gradient: below that floor, Newton-CG on the primal (exact passes over X, no p×p matrix) finishes
            NewtonCg.Result polish = new NewtonCg(f).solve(theta, gradientTol, maxIter - iter);
            return new Result(iter + polish.iterations(), polish.gradientNorm(), polish.converged(), polish.reason());
        }
        boolean converged = gnorm <= gradientTol;
        return new Result(iter, gnorm, converged, converged ? "" : reason.isEmpty() ? "rounding floor" : reason);
    }

    /** Δz = v − K·D^½·M⁻¹·D^½·v (the solution of (I + KD)·Δz = v), into out. */
    private void solveShifted(Cholesky chol, double[] mm, double[] k, MatrixView kv, double[] sqrtD, double[] v, double[] out) {
        double[] q = new double[n];
        for (int i = 0; i < n; i++) q[i] = sqrtD[i] * v[i];
        chol.solve(n, mm, 0, n, q, 0);
        for (int i = 0; i < n; i++) q[i] *= sqrtD[i];
        mv.multiply(kv, q, 0, out, 0);
        for (int i = 0; i < n; i++) out[i] = v[i] - out[i];
    }

    /** α with Kα = Xw (least squares, a tiny ridge on K): the starting point's linear predictor in the dual. */
    private void startFrom(double[] theta, double[] k, double[] alpha) {
        double[] xw = new double[n];
        f.design().multiply(theta, xw);
        double[] a = k.clone();
        double trace = 0;
        for (int i = 0; i < n; i++) trace += k[i * n + i];
        try {
            Cholesky chol = KernelProvider.get().cholesky();
            chol.factor(n, a, 0, n, 1e-12 * Math.max(trace / n, Double.MIN_NORMAL));
            chol.solve(n, a, 0, n, xw, 0);
            System.arraycopy(xw, 0, alpha, 0, n);
        } catch (IllegalArgumentException e) {
            java.util.Arrays.fill(alpha, 0.0); // no usable start: from zero
        }
    }

    /** F along the Newton step, φ(t) = F(α + tΔα, b + tΔb), and φ'(t): O(n) each. */
    private final class Line implements DifferentiableFunction {
        private final double[] zt = new double[n];
        private final double[] rt = new double[n];
        private final double[] alpha, ka, z, da, kda, dz;
        private final double b, db;
        private final double aKa, daKa, daKda;

        Line(double[] alpha, double[] ka, double[] z, double b, double[] da, double[] kda, double[] dz, double db) {
            this.alpha = alpha;
            this.ka = ka;
            this.z = z;
            this.b = b;
            this.da = da;
            this.kda = kda;
            this.dz = dz;
            this.db = db;
            this.aKa = dot(alpha, ka);
            this.daKa = dot(da, ka);
            this.daKda = dot(da, kda);
        }

        @Override
        public int dimension() {
            return 1;
        }

        double value(double t) {
            return valueAndGradient(new double[] {t}, new double[1]);
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double t = x[0];
            for (int i = 0; i < n; i++) zt[i] = z[i] + t * dz[i];
            double w2 = aKa + 2 * t * daKa + t * t * daKda;
            double value = f.lossAt(zt) + 0.5 * w2;
            f.residualsAt(zt, rt);
            // φ'(t) = ∇_w F·Δw + ∂_b F·Δb = (α + tΔα + r(t))ᵀKΔα + Σr(t)·Δb
            double slope = 0;
            double sumR = 0;
            for (int i = 0; i < n; i++) {
                slope += (alpha[i] + t * da[i] + rt[i]) * kda[i];
                sumR += rt[i];
            }
            gradient[0] = slope + (f.intercept() ? sumR * db : 0.0);
            return value;
        }
    }

    private static boolean allZero(double[] v, int count) {
        for (int j = 0; j < count; j++) if (v[j] != 0) return false;
        return true;
    }

    private static double sum(double[] a) {
        double t = 0;
        for (double v : a) t += v;
        return t;
    }

    private static double dot(double[] a, double[] b) {
        return KernelProvider.get().level1().dot(a.length, a, 0, b, 0);
    }
}
