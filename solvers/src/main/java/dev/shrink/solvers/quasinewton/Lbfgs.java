package dev.shrink.solvers.quasinewton;

import dev.shrink.solvers.internal.Thresholds;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, Alg. 7.4 and 7.5; Liu &amp; Nocedal 1989): the
 * direction is −H∇f with H the BFGS inverse-Hessian approximation built from the last {@code memory} pairs
 * (s = x₊ − x, y = ∇f₊ − ∇f), applied by the two-loop recursion with the initial scaling γ = sᵀy/yᵀy; steps satisfy
 * the Wolfe conditions ({@link WolfeLineSearch}), which keeps every sᵀy &gt; 0. One evaluation of f and ∇f per
 * accepted unit step: for the engines' objectives, one pass over X per iteration.
 */
public final class Lbfgs {
    /** Iterations, evaluations, the final max|∇f|, whether it reached the tolerance, and why not. */
    public record Result(int iterations, int evaluations, double gradientNorm, boolean converged, String reason) {}

    private Lbfgs() {}

    /**
     * The curvature pairs (s, y) and ρ = 1/sᵀy, newest last, in a ring of {@code memory} slots. Kept outside one call
     * so that a minimisation can go on from where another stopped with what it learned (e.g. on a more exact version of
     * the same function).
     */
    public static final class Pairs {
        private final int memory;
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] a;
        private int stored;
        private int newest = -1;

        /** Room for {@code memory} pairs of vectors of {@code dimension} values (scikit-learn / SciPy keep 10). */
        public Pairs(int memory, int dimension) {
            this.memory = memory;
            this.s = new double[memory][dimension];
            this.y = new double[memory][dimension];
            this.rho = new double[memory];
            this.a = new double[memory];
        }
    }

    /**
     * Minimises f from x (overwritten with the result) until max|∇f| ≤ gradientTol.
     *
     * @param memory pairs kept (scikit-learn / SciPy: 10)
     */
    public static Result minimize(DifferentiableFunction f, double[] x, double gradientTol, int maxIter, int memory) {
        return minimize(f, x, gradientTol, maxIter, memory, null);
    }

    /**
     * As {@link #minimize(DifferentiableFunction, double[], double, int, int)}, with H₀ from a preconditioner (null:
     * the scaled identity sᵀy/yᵀy·I of the newest pair).
     */
    public static Result minimize(DifferentiableFunction f, double[] x, double gradientTol, int maxIter, int memory, Preconditioner h0) {
        return minimize(f, x, gradientTol, maxIter, new Pairs(memory, f.dimension()), h0);
    }

    /**
     * In two phases when {@code rough} is given (f on cheaper data of the same problem, e.g. a float32 copy of X): L-BFGS
     * first minimises rough to the same tolerance, then goes on from there on f with the pairs it learned. The stopping
     * test is always on f's own gradient, so the answer and its certificate are f's. rough null: f alone.
     */
    public static Result minimize(DifferentiableFunction rough, DifferentiableFunction f, double[] x, double gradientTol, int maxIter,
                                  int memory, Preconditioner h0) {
        Pairs pairs = new Pairs(memory, f.dimension());
        Result first = rough == null ? null : minimize(rough, x, gradientTol, maxIter, pairs, h0);
        int done = first == null ? 0 : first.iterations();
        Result last = minimize(f, x, gradientTol, maxIter - done, pairs, h0);
        if (first != null && Boolean.getBoolean("shrink.trace")) System.err.println("lbfgs two phases: " + first + ", then " + last);
        return first == null ? last
                : new Result(done + last.iterations(), first.evaluations() + last.evaluations(), last.gradientNorm(), last.converged(), last.reason());
    }

    /**
     * As {@link #minimize(DifferentiableFunction, double[], double, int, int, Preconditioner)}, starting from the
     * pairs given (and leaving the last ones there).
     */
    public static Result minimize(DifferentiableFunction f, double[] x, double gradientTol, int maxIter, Pairs pairs, Preconditioner h0) {
        int m = f.dimension();
        int memory = pairs.memory;
        double[][] s = pairs.s;
        double[][] y = pairs.y;
        double[] rho = pairs.rho;
        double[] a = pairs.a;
        double[] g = new double[m];
        double[] d = new double[m];
        WolfeLineSearch search = new WolfeLineSearch(f);
        double value = f.valueAndGradient(x, g);
        int iter = 0;
        while (true) {
            double gnorm = maxAbs(g);
            if (gnorm <= gradientTol) return new Result(iter, search.evaluations() + 1, gnorm, true, "");
            if (!Double.isFinite(value) || !Double.isFinite(gnorm)) return new Result(iter, search.evaluations() + 1, gnorm, false, "non-finite objective");
            if (iter >= maxIter) return new Result(iter, search.evaluations() + 1, gnorm, false, "maxIter");
            int stored = pairs.stored;
            int newest = pairs.newest;
            iter++;
            // two-loop recursion: d = −H·g
            for (int i = 0; i < m; i++) d[i] = -g[i];
            for (int k = 0; k < stored; k++) {
                int t = Math.floorMod(newest - k, memory);
                a[t] = rho[t] * WolfeLineSearch.dot(s[t], d);
                axpy(-a[t], y[t], d);
            }
            double alpha0 = 1.0;
            if (h0 != null) {
                h0.apply(d);
            } else if (stored > 0) {
                double gamma = 1 / (rho[newest] * WolfeLineSearch.dot(y[newest], y[newest]));
                for (int i = 0; i < m; i++) d[i] *= gamma;
            } else {
                alpha0 = firstStep(f, x, g, d, gnorm);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int t = Math.floorMod(newest - k, memory);
                double b = rho[t] * WolfeLineSearch.dot(y[t], d);
                axpy(a[t] - b, s[t], d);
            }
            WolfeLineSearch.Step step = search.search(x, value, g, d, alpha0);
            if (step.alpha() == 0) {
                if (stored == 0) return new Result(iter, search.evaluations() + 1, gnorm, false, "rounding floor");
                pairs.stored = 0; // the memory's direction led nowhere: start again from steepest descent
                continue;
            }
            double[] xNew = search.point();
            double[] gNew = search.gradient();
            int slot = (newest + 1) % memory;
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < m; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                s[slot][i] = si;
                y[slot][i] = yi;
                sy += si * yi;
                yy += yi * yi;
            }
            // a pair with sᵀy ≤ 0 (possible only when the Wolfe search failed) would make H indefinite: not stored
            if (sy > Thresholds.CURVATURE_FLOOR * yy) {
                rho[slot] = 1 / sy;
                pairs.newest = slot;
                pairs.stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, m);
            System.arraycopy(gNew, 0, g, 0, m);
            value = step.value();
            if (h0 != null) h0.update(x, maxAbs(g) / gnorm);
        }
    }

    /**
     * The first step along d = −g, where no curvature pair is known: the minimiser of the quadratic model along d,
     * gᵀg/dᵀ∇²f·d (Cauchy's step; one product with X for the GLM objectives), which the Wolfe search then accepts at
     * its first trial where f is close to quadratic along d; when f does not know its curvature, a step of length 1
     * in the max norm (SciPy's L-BFGS-B: 1/‖d‖), which on a GLM with large gradients overshoots by orders of
     * magnitude and costs the search several evaluations to come back.
     */
    private static double firstStep(DifferentiableFunction f, double[] x, double[] g, double[] d, double gnorm) {
        double curvature = f.curvature(x, d);
        double gg = WolfeLineSearch.dot(g, g);
        if (curvature > 0 && Double.isFinite(curvature) && gg > 0 && Double.isFinite(gg / curvature)) return gg / curvature;
        return 1 / Math.max(gnorm, Double.MIN_NORMAL);
    }

    private static void axpy(double alpha, double[] a, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += alpha * a[i];
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }
}
