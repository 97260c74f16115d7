package dev.shrink.solvers.proximal;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.Proximal;
import dev.shrink.solvers.internal.Inputs;

/**
 * FISTA with backtracking (Beck &amp; Teboulle 2009, "A fast iterative shrinkage-thresholding algorithm", §4) and
 * gradient-based adaptive restart (O'Donoghue &amp; Candès 2015) for {@code f(w, b) + l1·‖w‖₁ + (l2/2)·‖w‖²}, any
 * {@link SmoothLoss} f; each step is one {@link Proximal#penalizedGradientStep}. Slower than the specialised
 * solvers on their problems, but generic: a new loss is one small class. Stops when the gradient mapping
 * {@code L·‖w⁺ − w‖∞} (the proximal analogue of the gradient) is ≤ tol. Immutable; build with {@link #builder()}.
 * The estimators that use it turn its {@link Result} into their model and convergence record.
 */
public final class ProximalGradient {
    private final boolean fitIntercept;
    private final int maxIter;
    private final double tol;

    private ProximalGradient(Builder b) {
        this.fitIntercept = b.fitIntercept;
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.tol = Inputs.positive("tol", b.tol);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a minimisation reached.
     *
     * @param coef       the coefficients w
     * @param intercept  the intercept b (0 without intercept)
     * @param iterations FISTA steps taken
     * @param mapping    the final gradient mapping
     * @param converged  whether the mapping reached tol
     */
    public record Result(double[] coef, double intercept, int iterations, double mapping, boolean converged) {}

    /** Minimises from w = 0, b = 0. */
    public Result minimize(SmoothLoss loss, Penalty penalty) {
        return minimize(loss, penalty, null, 0.0);
    }

    /** Minimises from (initialCoef, initialIntercept). */
    public Result minimize(SmoothLoss loss, Penalty penalty, double[] initialCoef, double initialIntercept) {
        int p = loss.p();
        Inputs.coefficients("initialCoef", initialCoef, p);
        Level1 level1 = KernelProvider.get().level1();
        Proximal prox = KernelProvider.get().proximal();
        double l1 = penalty.l1();
        double l2 = penalty.l2();
        double[] x = initialCoef == null ? new double[p] : initialCoef.clone();
        double bx = fitIntercept ? initialIntercept : 0.0;
        double[] y = x.clone();
        double by = bx;
        double[] next = new double[p];
        double[] g = new double[p + 1];
        double lipschitz = 1.0;
        double t = 1.0;
        double mapping = Double.POSITIVE_INFINITY;
        int iter = 0;
        boolean converged = false;
        while (iter < maxIter) {
            iter++;
            double fy = loss.valueAndGradient(y, by, g) + 0.5 * l2 * level1.dot(p, y, 0, y, 0);
            double bNext;
            while (true) {
                double eta = 1 / lipschitz;
                System.arraycopy(y, 0, next, 0, p);
                prox.penalizedGradientStep(p, eta, l1, l2, next, 0, g, 0);
                bNext = fitIntercept ? by - eta * g[p] : 0.0;
                // sufficient decrease of the smooth part f + (l2/2)‖w‖² (its gradient at y is g + l2·y)
                double lin = 0;
                double sq = 0;
                for (int j = 0; j < p; j++) {
                    double d = next[j] - y[j];
                    lin += (g[j] + l2 * y[j]) * d;
                    sq += d * d;
                }
                double db = bNext - by;
                lin += g[p] * db;
                sq += db * db;
                double fNext = loss.value(next, bNext) + 0.5 * l2 * level1.dot(p, next, 0, next, 0);
                if (fNext <= fy + lin + 0.5 * lipschitz * sq * (1 + 1e-12) + 1e-15 * Math.abs(fy) || lipschitz > 1e300) break;
                lipschitz *= 2;
            }
            mapping = 0;
            for (int j = 0; j < p; j++) mapping = Math.max(mapping, Math.abs(next[j] - y[j]));
            mapping = Math.max(mapping, Math.abs(bNext - by)) * lipschitz;
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double momentum = (t - 1) / tNext;
            // restart when the momentum points uphill: (y − x⁺)·(x⁺ − x) > 0
            double uphill = (by - bNext) * (bNext - bx);
            for (int j = 0; j < p; j++) uphill += (y[j] - next[j]) * (next[j] - x[j]);
            if (uphill > 0) {
                momentum = 0;
                tNext = 1;
            }
            for (int j = 0; j < p; j++) {
                double v = next[j];
                y[j] = v + momentum * (v - x[j]);
                x[j] = v;
            }
            by = bNext + momentum * (bNext - bx);
            bx = bNext;
            t = tNext;
            lipschitz *= 0.9; // let the step grow again
            if (mapping <= tol) {
                converged = true;
                break;
            }
        }
        return new Result(x, bx, iter, mapping, converged);
    }

    /** Builder; defaults: intercept fitted, maxIter 10000, tol 1e-8. */
    public static final class Builder {
        private boolean fitIntercept = true;
        private int maxIter = 10_000;
        private double tol = 1e-8;

        private Builder() {}

        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean b) { this.fitIntercept = b; return this; }
        /** Most FISTA steps (default 10000). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Stop when the gradient mapping is ≤ tol (default 1e-8). */
        public Builder tol(double tol) { this.tol = tol; return this; }

        public ProximalGradient build() {
            return new ProximalGradient(this);
        }
    }
}
