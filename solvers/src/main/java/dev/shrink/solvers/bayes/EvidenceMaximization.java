package dev.shrink.solvers.bayes;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.CenteredGram;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * Bayesian ridge regression by evidence maximisation (MacKay 1992; Tipping 2001 §5), as scikit-learn 1.2.1's
 * {@code BayesianRidge}: the noise precision α and the weight precision λ are the fixed point of
 * {@code γ = Σₖ αeₖ/(λ + αeₖ)}, {@code λ ← (γ + 2λ₁)/(‖w‖² + 2λ₂)}, {@code α ← (n − γ + 2α₁)/(‖ỹ − X̃w‖² + 2α₂)},
 * w the ridge solution (X̃ᵀX̃ + (λ/α)I)⁻¹X̃ᵀỹ, on the data centred (weighted means) and scaled by √sᵢ (sample weights
 * as given), eₖ the eigenvalues of X̃ᵀX̃.
 *
 * <p>One eigendecomposition, then every iteration is O(r), r = min(n, p): with X̃ᵀX̃ = VΛVᵀ (n &gt; p; or X̃X̃ᵀ = UΛUᵀ
 * when p ≥ n) and t = VᵀX̃ᵀỹ (or Uᵀỹ), the coefficients in the eigenbasis are βₖ = tₖ/(eₖ + λ/α) (or their images),
 * ‖w‖² = Σβₖ² (Σeₖβₖ²), and the residual follows from t alone ({@link #residual}) — where scikit-learn forms w and Xw,
 * O(n·p), every iteration. scikit-learn's stop,
 * Σⱼ|wⱼ − wⱼ_previous| &lt; tol, is decided from the bounds ‖Δβ‖₂ ≤ ‖Δw‖₁ ≤ √p·‖Δβ‖₂ (V is orthogonal) and only in
 * between by forming w (O(p·r)), so the iterations are scikit-learn's.
 */
public final class EvidenceMaximization {
    private final int n;
    private final int p;
    private final boolean primal;
    private final double[] mean;
    private final double ybar;
    private final double yy;
    private final double yVariance;
    private final double[] e;
    private final double[] t;
    private final double[] vectors;
    /** Columns with X̃ⱼ = 0 (an all-zero or, with an intercept, constant column; primal form only, else null): wⱼ = 0. */
    private final boolean[] nullColumns;
    /** Zᵀa for the dual form (null in the primal one): Z = diag(√s)(X − 1x̄ᵀ), held or implicit. */
    private final Transposed z;
    private final int r;

    /** a ↦ Zᵀa (p values) for an n-vector a. */
    private interface Transposed {
        void times(double[] a, double[] out);
    }

    private EvidenceMaximization(int n, int p, boolean primal, double[] mean, double ybar, double yy, double yVariance, double[] e, double[] t,
                                 double[] vectors, boolean[] nullColumns, Transposed z) {
        this.n = n;
        this.p = p;
        this.primal = primal;
        this.mean = mean;
        this.ybar = ybar;
        this.yy = yy;
        this.yVariance = yVariance;
        this.e = e;
        this.t = t;
        this.vectors = vectors;
        this.nullColumns = nullColumns;
        this.z = z;
        this.r = e.length;
    }

    /**
     * The decomposition behind every iteration: X̃ᵀX̃ (one SYRK pass) when n &gt; p, else X̃X̃ᵀ, through
     * {@link KernelProvider#symmetricEigen()}. A sparse X (compressed columns) is never centred or densified: its
     * X̃ᵀX̃ is the centred Gram of the stored entries ({@link CenteredGram}); for p ≥ n, X̃X̃ᵀ is built one row at a time
     * from the dense centred row (p values; O(n·(p + nnz)) time, O(n² + p) memory) and Zᵀa stays a product with X.
     *
     * @param sampleWeight null for all 1; used as given (scikit-learn rescales rows by √sᵢ)
     * @param threads      row chunks of the Gram pass over dense X (results depend on the count only)
     */
    public static EvidenceMaximization of(Matrix x, double[] y, double[] sampleWeight, boolean fitIntercept, int threads) {
        int n = x.rows();
        int p = x.cols();
        Inputs.response(y, n);
        Inputs.weights(sampleWeight, n);
        ParallelKernels passes = Threads.kernels(threads);
        MatrixView dense = x instanceof MatrixView v ? v : null;
        DesignMatrix sparse = dense == null ? DesignMatrix.of(x, 1) : null;
        double[] mean = !fitIntercept ? new double[p] : dense != null ? Moments.columnMeans(dense, sampleWeight) : sparse.columnMeans(sampleWeight);
        double ybar = fitIntercept ? Moments.mean(y, sampleWeight) : 0.0;
        double[] d = new double[n];
        double yy = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = y[i] - ybar;
            double root = sampleWeight == null ? 1.0 : Math.sqrt(sampleWeight[i]);
            double yt = root * d[i];
            yy += yt * yt;
            sum += yt;
        }
        double yVariance = yy / n - (sum / n) * (sum / n); // numpy's var of the rescaled ỹ
        var eigen = KernelProvider.get().symmetricEigen();
        if (n > p) {
            double[] xty = new double[p];
            double[] g = dense != null ? Moments.centeredGram(dense, sampleWeight, mean, d, xty, passes) : CenteredGram.all(sparse, sampleWeight, mean, d, xty);
            double[] e = new double[p];
            double[] v = new double[p * p];
            boolean[] nullColumns = new boolean[p];
            for (int j = 0; j < p; j++) nullColumns[j] = g[j * p + j] == 0;
            eigen.decompose(p, g, 0, Math.max(1, p), e, v);
            for (int k = 0; k < p; k++) e[k] = Math.max(e[k], 0.0); // rounding can leave a null direction slightly negative
            double[] tk = new double[p];
            KernelProvider.get().matrixVector().multiplyTransposed(MatrixView.rowMajor(v, p, p), xty, 0, tk, 0);
            return new EvidenceMaximization(n, p, true, mean, ybar, yy, yVariance, e, tk, v, nullColumns, null);
        }
        // p ≥ n: the n×n kernel of Z = diag(√s)(X − 1x̄ᵀ), and the images Zᵀuₖ of its eigenvectors when w is needed
        double[] root = new double[n];
        double[] yt = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = sampleWeight == null ? 1.0 : Math.sqrt(sampleWeight[i]);
            yt[i] = root[i] * d[i];
        }
        double[] k = new double[n * n];
        Transposed zt;
        if (dense != null) {
            double[] z = new double[n * p];
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) z[i * p + j] = root[i] * (dense.get(i, j) - mean[j]);
            passes.gram(new MatrixView(z, 0, p, n, p, Layout.COLUMN_MAJOR), null, null, k, 0, n, null, 0);
            MatrixView zView = MatrixView.rowMajor(z, n, p);
            zt = (a, out) -> KernelProvider.get().matrixVector().multiplyTransposed(zView, a, 0, out, 0);
        } else {
            sparseKernel(x, sparse, root, mean, k);
            zt = (a, out) -> { // Zᵀa = Xᵀ(√s∘a) − x̄·Σ√sᵢaᵢ
                double[] u = new double[n];
                double su = 0;
                for (int i = 0; i < n; i++) {
                    u[i] = root[i] * a[i];
                    su += u[i];
                }
                sparse.multiplyTransposed(u, out);
                for (int j = 0; j < p; j++) out[j] -= mean[j] * su;
            };
        }
        double[] e = new double[n];
        double[] u = new double[n * n];
        eigen.decompose(n, k, 0, n, e, u);
        for (int q = 0; q < n; q++) e[q] = Math.max(e[q], 0.0);
        double[] s = new double[n];
        KernelProvider.get().matrixVector().multiplyTransposed(MatrixView.rowMajor(u, n, n), yt, 0, s, 0);
        return new EvidenceMaximization(n, p, false, mean, ybar, yy, yVariance, e, s, u, null, zt);
    }

    /**
     * k ← ZZᵀ (n×n) for a sparse X: row i is √sᵢ·√s∘(X·zᵢ − (x̄·zᵢ)1) with zᵢ = xᵢ − x̄ dense, the rows of X read from
     * their transpose (one O(nnz) copy); symmetrised.
     */
    private static void sparseKernel(Matrix x, DesignMatrix columns, double[] root, double[] mean, double[] k) {
        int n = x.rows();
        int p = x.cols();
        DesignMatrix rows = DesignMatrix.of(switch (x) {
            case CscView c -> c.transpose();
            case CscFloatView c -> c.transpose();
            case MatrixView v -> throw new IllegalStateException("dense X: " + v);
        }, 1);
        double[] zi = new double[p];
        double[] xz = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) zi[j] = -mean[j];
            rows.columnAxpy(i, 1.0, null, zi);
            columns.multiply(zi, xz);
            double c = 0;
            for (int j = 0; j < p; j++) c += mean[j] * zi[j];
            for (int q = 0; q < n; q++) k[i * n + q] = root[i] * root[q] * (xz[q] - c);
        }
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < i; q++) {
                double avg = 0.5 * (k[i * n + q] + k[q * n + i]);
                k[i * n + q] = avg;
                k[q * n + i] = avg;
            }
        }
    }

    /** Gamma hyper-priors (shape, rate) of α (α₁, α₂) and of λ (λ₁, λ₂); scikit-learn's defaults are all 1e-6. */
    public record Priors(double alpha1, double alpha2, double lambda1, double lambda2) {}

    /**
     * How the iteration ended.
     *
     * @param alpha      the noise precision α
     * @param lambda     the weight precision λ
     * @param iterations scikit-learn's {@code n_iter_}
     * @param converged  whether Σ|Δw| fell below tol before maxIter
     * @param lastChange Σ|Δw| at the last iteration (NaN after one iteration)
     * @param scores     the log marginal likelihood at each iteration and at the end (empty unless asked for)
     */
    public record Result(double alpha, double lambda, int iterations, boolean converged, double lastChange, double[] scores) {}

    /**
     * scikit-learn's loop: from (α₀, λ₀) — α₀ NaN means 1/(var(ỹ) + ε), λ₀ NaN means 1 — w from (α, λ), the score,
     * then both updates, then the stop on Σ|w − w_previous| &lt; tol (not at the first iteration).
     */
    public Result fit(double alphaInit, double lambdaInit, Priors priors, double tol, int maxIter, boolean computeScore) {
        double alpha = Double.isNaN(alphaInit) ? 1.0 / (yVariance + Math.ulp(1.0)) : alphaInit;
        double lambda = Double.isNaN(lambdaInit) ? 1.0 : lambdaInit;
        double[] beta = new double[r];
        double[] previous = null;
        double[] scores = new double[computeScore ? maxIter + 1 : 0];
        int scoreCount = 0;
        int iter = 0;
        boolean converged = false;
        double change = Double.NaN;
        for (; iter < maxIter; iter++) {
            double ratio = lambda / alpha;
            coefficientsInBasis(ratio, beta);
            double w2 = weightNorm2(ratio);
            double rss = residual(ratio);
            if (computeScore) scores[scoreCount++] = logMarginalLikelihood(priors, alpha, lambda, w2, rss);
            double gamma = 0;
            for (int k = 0; k < r; k++) gamma += alpha * e[k] / (lambda + alpha * e[k]);
            lambda = (gamma + 2 * priors.lambda1()) / (w2 + 2 * priors.lambda2());
            alpha = (n - gamma + 2 * priors.alpha1()) / (rss + 2 * priors.alpha2());
            if (iter != 0) {
                change = coefficientChange(previous, beta, tol);
                if (change < tol) {
                    converged = true;
                    break;
                }
            }
            if (previous == null) previous = new double[r];
            System.arraycopy(beta, 0, previous, 0, r);
        }
        int iterations = converged ? iter + 1 : maxIter;
        if (computeScore) {
            double ratio = lambda / alpha;
            scores[scoreCount++] = logMarginalLikelihood(priors, alpha, lambda, weightNorm2(ratio), residual(ratio));
        }
        return new Result(alpha, lambda, iterations, converged, change, java.util.Arrays.copyOf(scores, scoreCount));
    }

    /** βₖ = tₖ/(eₖ + λ/α): w = Vβ (primal) or w = Z̃ᵀUβ (dual). */
    private void coefficientsInBasis(double ratio, double[] beta) {
        for (int k = 0; k < r; k++) beta[k] = t[k] / (e[k] + ratio);
    }

    private double weightNorm2(double ratio) {
        double s = 0;
        for (int k = 0; k < r; k++) {
            double b = t[k] / (e[k] + ratio);
            s += primal ? b * b : b * b * e[k];
        }
        return s;
    }

    /**
     * ‖ỹ − X̃w‖² in the eigenbasis, clipped at 0: ‖ỹ‖² − Σₖtₖ²(eₖ + 2ρ)/(eₖ + ρ)² (ρ = λ/α) in the primal form, which
     * stays exact for eₖ → 0; Σₖsₖ²(ρ/(eₖ + ρ))² in the dual form, where ỹ = Us lies wholly in the eigenbasis.
     */
    private double residual(double ratio) {
        double s = 0;
        for (int k = 0; k < r; k++) {
            double d = e[k] + ratio;
            s += primal ? t[k] * t[k] * (e[k] + 2 * ratio) / (d * d) : t[k] * t[k] * (ratio / d) * (ratio / d);
        }
        return primal ? Math.max(0.0, yy - s) : s;
    }

    /** scikit-learn's {@code _log_marginal_likelihood}. */
    private double logMarginalLikelihood(Priors h, double alpha, double lambda, double w2, double rss) {
        double logdet = 0;
        for (int k = 0; k < r; k++) logdet += Math.log(lambda + alpha * e[k]);
        if (!primal) logdet += (p - r) * Math.log(lambda);
        return h.lambda1() * Math.log(lambda) - h.lambda2() * lambda + h.alpha1() * Math.log(alpha) - h.alpha2() * alpha
                + 0.5 * (p * Math.log(lambda) + n * Math.log(alpha) - alpha * rss - lambda * w2 - logdet - n * Math.log(2 * Math.PI));
    }

    /**
     * Σⱼ|Δwⱼ| compared with tol: decided from ‖Δβ‖₂ (a lower bound, times √p an upper bound, in the primal form where
     * w = Vβ; in the dual form ‖Δw‖₂² = Σeₖ·Δβₖ²) when that settles it, else computed from w itself.
     */
    private double coefficientChange(double[] before, double[] now, double tol) {
        double d2 = 0;
        for (int k = 0; k < r; k++) {
            double d = now[k] - before[k];
            d2 += primal ? d * d : e[k] * d * d;
        }
        double l2 = Math.sqrt(d2);
        if (l2 >= tol) return l2; // ‖Δw‖₁ ≥ ‖Δw‖₂ ≥ tol: not converged (the lower bound is reported)
        if (l2 * Math.sqrt(p) < tol) return l2 * Math.sqrt(p); // ‖Δw‖₁ ≤ √p·‖Δw‖₂ < tol: converged (the upper bound)
        double[] delta = new double[r];
        for (int k = 0; k < r; k++) delta[k] = now[k] - before[k];
        double l1 = 0;
        for (double v : coefficients(delta)) l1 += Math.abs(v);
        return l1;
    }

    /** w from coordinates β in the eigenbasis: Vβ (primal) or Z̃ᵀUβ (dual). */
    private double[] coefficients(double[] beta) {
        MatrixVector mv = KernelProvider.get().matrixVector();
        double[] w = new double[p];
        if (primal) {
            mv.multiply(MatrixView.rowMajor(vectors, p, p), beta, 0, w, 0);
            for (int j = 0; j < p; j++) if (nullColumns[j]) w[j] = 0; // exactly: the eigenvectors mix it in at rounding level
        } else {
            double[] dual = new double[n];
            mv.multiply(MatrixView.rowMajor(vectors, n, n), beta, 0, dual, 0);
            z.times(dual, w);
        }
        return w;
    }

    /** The coefficients w at (α, λ) on the original scale of X. */
    public double[] coefficients(double alpha, double lambda) {
        double[] beta = new double[r];
        coefficientsInBasis(lambda / alpha, beta);
        return coefficients(beta);
    }

    /** ȳ − x̄·w (0 without intercept). */
    public double intercept(double[] w) {
        double b = ybar;
        for (int j = 0; j < p; j++) b -= mean[j] * w[j];
        return b;
    }

    /**
     * The posterior covariance Σ = (λI + αX̃ᵀX̃)⁻¹ of w in factored form Σ = c·I + B·diag(d)·Bᵀ, B p×k row-major.
     * Primal form (n &gt; p): B = V, all p eigenvectors, dₖ = 1/(αeₖ + λ), c = 0 — scikit-learn's {@code sigma_}.
     * Dual form (p ≥ n): B holds the directions vₖ = X̃ᵀuₖ/√eₖ of the range of X̃ᵀ, and the rest of ℝᵖ (the null space
     * of X̃, where the data say nothing) keeps the prior variance: c = 1/λ, dₖ = 1/(αeₖ + λ) − 1/λ. Directions with
     * eₖ at the rounding level of the largest eigenvalue (a centred X̃ has rank ≤ n − 1) are left to the null space:
     * their vₖ would be noise, and their weight is within rounding of 0 anyway. (scikit-learn 1.2.1's {@code sigma_}
     * for p ≥ n keeps only the min(n, p) singular directions, so it lacks the null space's 1/λ, and with an intercept
     * it counts one arbitrary null direction.)
     */
    public Posterior posterior(double alpha, double lambda) {
        if (primal) {
            double[] d = new double[p];
            for (int k = 0; k < p; k++) d[k] = 1 / (alpha * (e[k] + lambda / alpha));
            return new Posterior(p, p, vectors.clone(), d, 0.0);
        }
        double largest = 0;
        for (int k = 0; k < r; k++) largest = Math.max(largest, e[k]);
        double floor = n * Math.ulp(1.0) * largest;
        int kept = 0;
        for (int k = 0; k < r; k++) if (e[k] > floor) kept++;
        double[] basis = new double[p * kept];
        double[] d = new double[kept];
        double[] u = new double[n];
        double[] v = new double[p];
        int c = 0;
        for (int k = 0; k < r; k++) {
            if (!(e[k] > floor)) continue;
            for (int i = 0; i < n; i++) u[i] = vectors[i * n + k];
            z.times(u, v);
            double scale = 1 / Math.sqrt(e[k]);
            for (int j = 0; j < p; j++) basis[j * kept + c] = v[j] * scale;
            d[c++] = -alpha * e[k] / (lambda * (alpha * e[k] + lambda)); // 1/(αeₖ + λ) − 1/λ without cancellation
        }
        return new Posterior(p, kept, basis, d, 1 / lambda);
    }

    /**
     * Σ = c·I + B·diag(d)·Bᵀ with B p×k row-major, its columns orthonormal.
     *
     * @param p     rows of B
     * @param k     columns of B
     * @param basis B, row-major
     * @param d     the k weights
     * @param c     the variance of every direction orthogonal to B's columns, plus the weights' base
     */
    public record Posterior(int p, int k, double[] basis, double[] d, double c) {}
}
