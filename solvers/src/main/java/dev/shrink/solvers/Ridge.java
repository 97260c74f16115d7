package dev.shrink.solvers;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.NotPositiveDefiniteException;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.krylov.RidgeConjugateGradients;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Ridge regression, scikit-learn's {@code Ridge(solver='cholesky')}: minimises
 * {@code Σᵢsᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼwⱼ²} (a plain sum, no 1/n; weights used as given); b is not penalised.
 *
 * <p>Direct solve: Cholesky of {@code X̃ᵀX̃ + αI} when n ≥ p, of {@code X̃X̃ᵀ + αI} when p &gt; n (then
 * {@code w = X̃ᵀ(X̃X̃ᵀ + αI)⁻¹ỹ}), X̃ = S^½(X − 1x̄ᵀ) centred with weighted means when an intercept is fitted.
 * A {@link SparseDesign} goes through its p×p Gram (sparse products, centred afterwards) when p ≤
 * {@value dev.shrink.solvers.internal.Thresholds#SPARSE_RIDGE_GRAM}, and otherwise through preconditioned conjugate
 * gradients on the normal equations with the centring implicit (one Xv and one Xᵀt per iteration, nothing p×p), which
 * stop at the relative residual {@link Builder#tol}. Immutable; build with {@link #builder()}.
 */
public final class Ridge {
    private final double alpha;
    private final boolean fitIntercept;
    private final int threads;
    private final double tol;
    private final int maxIter;
    private final boolean strict;

    private Ridge(Builder b) {
        this.alpha = Inputs.nonNegative("alpha", b.alpha);
        this.fitIntercept = b.fitIntercept;
        this.threads = Threads.check(b.threads);
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.strict = b.strict;
    }

    public static Builder builder() {
        return new Builder();
    }

    public double alpha() { return alpha; }
    public boolean fitIntercept() { return fitIntercept; }
    public int threads() { return threads; }
    public double tol() { return tol; }
    public int maxIter() { return maxIter; }
    public boolean strict() { return strict; }

    /** A builder holding this estimator's settings. */
    public Builder toBuilder() {
        return new Builder().alpha(alpha).fitIntercept(fitIntercept).threads(threads).tol(tol).maxIter(maxIter).strict(strict);
    }

    public LinearModel fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public LinearModel fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    public LinearModel fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * @throws IllegalArgumentException on bad input, or when alpha = 0 and the (centred) Gram matrix is singular
     * @throws ConvergenceException     in strict mode when conjugate gradients (sparse X, many columns) do not reach tol
     */
    public LinearModel fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.response(y, x.n());
        Inputs.weights(sampleWeight, x.n());
        return switch (x) {
            case SparseDesign sparse when x.p() > Thresholds.SPARSE_RIDGE_GRAM -> fitConjugateGradients(sparse, y, sampleWeight);
            case SparseDesign sparse -> fit(SufficientStats.of(sparse, y, sampleWeight, threads));
            case DenseDesign dense when x.n() < x.p() -> fitDual(dense, y, sampleWeight);
            case DenseDesign dense when !Thresholds.ridgeRefinement(x.n(), x.p(), alpha) -> fit(SufficientStats.of(dense, y, sampleWeight, threads));
            case DenseDesign dense -> fitRefined(dense, y, sampleWeight);
        };
    }

    /** Sparse X with many columns: conjugate gradients with the centring implicit (see the class comment). */
    private LinearModel fitConjugateGradients(SparseDesign x, double[] y, double[] s) {
        DesignMatrix m = DesignMatrix.of(x.matrix(), 1);
        double[] mean = fitIntercept ? m.columnMeans(s) : new double[x.p()];
        double ybar = fitIntercept ? Moments.mean(y, s) : 0.0;
        double[] y0 = new double[y.length];
        for (int i = 0; i < y.length; i++) y0[i] = y[i] - ybar;
        RidgeConjugateGradients.Result r = new RidgeConjugateGradients(m, s, mean).solve(y0, alpha, tol, maxIter);
        double[] w = r.coef();
        double b = 0;
        if (fitIntercept) {
            b = ybar;
            for (int j = 0; j < w.length; j++) b -= mean[j] * w[j];
        }
        Convergence c = Convergence.iterative(Convergence.Criterion.RELATIVE_RESIDUAL, "conjugate-gradient steps", r.iterations(),
                r.relativeResidual(), tol, r.converged(), maxIter);
        if (strict) c.requireConverged();
        return new LinearModel(w, b, c);
    }

    /**
     * Mixed precision ({@link RefinedRidge}): float32 Gram and Cholesky, float64 refinement to the float64 path's
     * accuracy; when the refinement stalls, the float64 path, and the convergence message says so.
     */
    LinearModel fitRefined(DenseDesign x, double[] y, double[] sampleWeight) {
        int p = x.p();
        RefinedRidge.Result r = RefinedRidge.solve(x.dense(), y, sampleWeight, alpha, fitIntercept, Threads.kernels(threads));
        if (!r.stalled()) {
            String message = "float32 Cholesky of XᵀX + αI (p = " + p + ") refined in float64: converged after " + r.steps()
                    + " refinement steps: max|gradient| " + r.gradient() + " ≤ " + r.tolerance();
            return new LinearModel(r.w(), r.b(), new Convergence(Convergence.Criterion.NORMAL_EQUATIONS, r.steps(), r.gradient(), r.tolerance(),
                    true, message));
        }
        LinearModel m = fit(SufficientStats.of(x, y, sampleWeight, threads));
        return new LinearModel(m.coef(), m.intercept(), Convergence.direct(m.convergence().message()
                + "; float32 refinement gave up after " + r.steps() + " steps (" + r.reason()
                + ": condition number too large for float32), so solved in float64"));
    }

    /** Solves from precomputed statistics (primal form, p×p Cholesky). */
    public LinearModel fit(SufficientStats st) {
        int p = st.p();
        double[] g = fitIntercept ? st.centeredGram() : st.gram();
        double[] w = fitIntercept ? st.centeredXty() : st.xty();
        Cholesky chol = KernelProvider.get().cholesky();
        factor(chol, p, g, "XᵀX");
        chol.solve(p, g, 0, p, w, 0);
        double b = 0;
        if (fitIntercept) {
            double[] m = st.xMean();
            b = st.yMean();
            for (int j = 0; j < p; j++) b -= m[j] * w[j];
        }
        return new LinearModel(w, b, Convergence.direct("direct solve: Cholesky of XᵀX + αI (p = " + p + ")"));
    }

    /**
     * Factors a + αI. A pivot that is ≤ 0 (the kernel's failure) or that lost all but 12 digits of its diagonal element
     * (numerically singular: duplicated or constant columns with alpha = 0) is reported instead of returning noise.
     */
    private void factor(Cholesky chol, int m, double[] a, String what) {
        double[] diagonal = new double[m];
        for (int i = 0; i < m; i++) diagonal[i] = a[i * m + i] + alpha;
        try {
            chol.factor(m, a, 0, m, alpha);
        } catch (NotPositiveDefiniteException e) {
            throw singular(what, e.pivot(), e.value(), e);
        }
        for (int i = 0; i < m; i++) {
            double pivot = a[i * m + i] * a[i * m + i];
            if (pivot <= Thresholds.SINGULAR_PIVOT * diagonal[i]) throw singular(what, i, pivot, null);
        }
    }

    private IllegalArgumentException singular(String what, int pivot, double value, Exception cause) {
        return new IllegalArgumentException("alpha = " + alpha + " and " + (fitIntercept ? "the centred " : "") + what
                + " is singular (Cholesky pivot " + pivot + " is " + value + "): use alpha > 0", cause);
    }

    /** p &gt; n: the n×n kernel system; X̃ is formed once (centred, weighted) because XXᵀ then costs n²p anyway. */
    private LinearModel fitDual(DenseDesign x, double[] y, double[] s) {
        int n = x.n();
        int p = x.p();
        double[] mean = fitIntercept ? DesignMatrix.of(x.view(), 1).columnMeans(s) : new double[p];
        double ybar = fitIntercept ? Moments.mean(y, s) : 0.0;
        double[] xt = new double[Checks.elements("the centred design", n, p)];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double r = s == null ? 1.0 : Math.sqrt(s[i]);
            for (int j = 0; j < p; j++) xt[i * p + j] = (x.get(i, j) - mean[j]) * r;
            z[i] = (y[i] - ybar) * r;
        }
        KernelProvider k = KernelProvider.get();
        // X̃X̃ᵀ is the Gram matrix of X̃ᵀ: the same array seen column-major as p×n.
        MatrixView transposed = new MatrixView(xt, 0, p, n, p, Layout.COLUMN_MAJOR);
        double[] kernel = new double[Checks.elements("the kernel matrix XXᵀ", n, n)];
        Threads.kernels(threads).gram(transposed, null, null, kernel, 0, n, null, 0);
        factor(k.cholesky(), n, kernel, "XXᵀ");
        k.cholesky().solve(n, kernel, 0, n, z, 0);
        double[] w = new double[p];
        k.matrixVector().multiplyTransposed(MatrixView.rowMajor(xt, n, p), z, 0, w, 0);
        double b = 0;
        if (fitIntercept) {
            b = ybar;
            for (int j = 0; j < p; j++) b -= mean[j] * w[j];
        }
        return new LinearModel(w, b, Convergence.direct("direct solve: Cholesky of XXᵀ + αI (n = " + n + " < p = " + p + ")"));
    }

    @Override
    public String toString() {
        return "Ridge[alpha=" + alpha + ", fitIntercept=" + fitIntercept + ", threads=" + threads + ", tol=" + tol + ", maxIter=" + maxIter + "]";
    }

    /** Builder with scikit-learn's defaults: alpha 1, fitIntercept; Gram on all processors (see {@link #threads}). */
    public static final class Builder {
        private double alpha = 1.0;
        private boolean fitIntercept = true;
        private int threads = Threads.defaultCount();
        private double tol = 1e-10;
        private int maxIter = 10_000;
        private boolean strict;

        private Builder() {}

        /** Penalty strength, finite and ≥ 0 (default 1). */
        public Builder alpha(double alpha) { this.alpha = alpha; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) { this.fitIntercept = fitIntercept; return this; }

        /**
         * Row chunks (threads on the common ForkJoinPool) of the Gram pass, ≥ 1. Default: the common pool's
         * parallelism + 1 (normally the processor count), as scikit-learn's multithreaded BLAS; the result is the same
         * on every run for a given count, and {@code threads(1)} is single-threaded and machine-independent. Small
         * problems (n·p² below ~1.7e7) run on the calling thread whatever the count.
         */
        public Builder threads(int threads) { this.threads = threads; return this; }
        /** Conjugate gradients (sparse X, many columns) stop at this relative residual (default 1e-10); direct solves ignore it. */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Most conjugate-gradient steps (default 10000); direct solves ignore it. */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Throw {@link ConvergenceException} when conjugate gradients stop short of tol (default false). */
        public Builder strict(boolean strict) { this.strict = strict; return this; }

        public Ridge build() {
            return new Ridge(this);
        }
    }
}
