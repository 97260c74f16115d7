package dev.shrink.solvers.cv;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.DenseDesign;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * One eigendecomposition that answers every ridge question for every α: the leave-one-out errors (through the
 * diagonal of the hat matrix) and the coefficients.
 *
 * <p>Setting (weighted ridge with an unpenalised intercept, minimising {@code Σᵢ sᵢ(yᵢ − xᵢ·w − b)² + α‖w‖²}): with
 * S = Σsᵢ, weighted means x̄, ȳ, and the centred, √s-scaled data Z = diag(√s)(X − 1x̄ᵀ), z̃ = diag(√s)(y − ȳ), the
 * smoother of the transformed problem is H = √s√sᵀ/S + Z(ZᵀZ + αI)⁻¹Zᵀ (the intercept column √s is orthogonal to
 * Z, so it separates). For any penalised least-squares fit the leave-one-out residual is rᵢ/(1 − Hᵢᵢ) (e.g. Hastie,
 * Tibshirani &amp; Friedman, ESL 2nd ed., §7.10.1, eq. 7.52); on the original scale the error of row i is
 * eᵢ = r̃ᵢ/(√sᵢ(1 − Hᵢᵢ)) and the reported score is Σsᵢeᵢ²/S = Σ(r̃ᵢ/(1 − Hᵢᵢ))²/S (the plain mean when s = 1).
 *
 * <p>Two factorizations, whichever is smaller:
 * <ul>
 *   <li>n ≥ p ("primal"): ZᵀZ = VΛVᵀ. With B = ZV and t = Bᵀz̃: Hᵢᵢ = sᵢ/S + Σₖ Bᵢₖ²/(λₖ + α) and the fitted
 *       centred response is Σₖ Bᵢₖtₖ/(λₖ + α); w = V·(t/(λ + α)).</li>
 *   <li>p &gt; n ("dual"): ZZᵀ = UΛUᵀ. With B = U and t = Uᵀz̃: Hᵢᵢ = sᵢ/S + Σₖ Bᵢₖ²λₖ/(λₖ + α), fitted
 *       Σₖ Bᵢₖtₖλₖ/(λₖ + α); w = Zᵀ·U·(t/(λ + α)).</li>
 * </ul>
 * Each α then costs O(n·r) (r = min(n, p)); the decomposition O(r³) and B = ZV O(n·p²) are paid once.
 *
 * <p>A sparse X is never densified: the Gram matrix (XᵀSX − S·x̄x̄ᵀ, or the n×n XXᵀ with the centring terms) comes
 * from sparse products, Zᵀv = Xᵀ(√s∘v) − x̄·Σ√sᵢvᵢ, and in the primal form the rows of B = ZV are formed one at a time
 * from the compressed rows of X while the scores are accumulated (O(nnz·p) in all, never n×p memory).
 */
final class RidgeSpectrum {
    private final int n;
    private final int p;
    private final boolean primal;
    private final double[] z; // n×p row-major, Z = diag(√s)(X − 1x̄ᵀ); null for a sparse X
    private final SparseRows sparseRows; // a sparse X: its compressed rows (primal B row by row) and columns; else null
    private final double[] zy; // z̃
    private final double[] hatBase; // sᵢ/S (intercept) or 0
    private final double sumWeights;
    private final double[] weights;
    private final double[] lambda; // eigenvalues, clipped at 0 (rounding can make them slightly negative)
    private final double[] vectors; // V (p×p) or U (n×n), eigenvectors as columns
    private final double[] b; // B, n×r row-major (null: sparse primal, rows formed on the fly)
    private final double[] t; // Bᵀz̃
    private final double[] xMean;
    private final double yMean;
    private final KernelProvider kernels;

    /** Dense or sparse X (see the class comment). */
    static RidgeSpectrum of(Design x, double[] y, double[] weights, boolean fitIntercept, KernelProvider kernels, ParallelKernels gramPass) {
        return switch (x) {
            case DenseDesign d -> new RidgeSpectrum(d.view(), y, weights, fitIntercept, kernels, gramPass);
            case SparseDesign s -> new RidgeSpectrum(s, y, weights, fitIntercept, kernels);
        };
    }

    RidgeSpectrum(MatrixView x, double[] y, double[] weights, boolean fitIntercept, KernelProvider kernels, ParallelKernels gramPass) {
        this.kernels = kernels;
        this.sparseRows = null;
        this.n = x.rows();
        this.p = x.cols();
        double s = 0;
        for (int i = 0; i < n; i++) s += weights[i];
        this.sumWeights = s;
        this.weights = weights.clone();
        this.xMean = new double[p];
        double ym = 0;
        if (fitIntercept) {
            for (int i = 0; i < n; i++) {
                ym += weights[i] * y[i];
                for (int j = 0; j < p; j++) xMean[j] += weights[i] * x.get(i, j);
            }
            ym /= s;
            for (int j = 0; j < p; j++) xMean[j] /= s;
        }
        this.yMean = ym;
        this.z = new double[Math.max(1, Checks.elements("the centred design", n, p))];
        this.zy = new double[n];
        this.hatBase = new double[n];
        for (int i = 0; i < n; i++) {
            double root = Math.sqrt(weights[i]);
            for (int j = 0; j < p; j++) z[i * p + j] = root * (x.get(i, j) - xMean[j]);
            zy[i] = root * (y[i] - ym);
            if (fitIntercept) hatBase[i] = weights[i] / s;
        }
        MatrixView zView = MatrixView.rowMajor(z, n, p);
        this.primal = n >= p;
        int r = primal ? p : n;
        double[] gram = new double[Math.max(1, Checks.elements("the Gram matrix", r, r))];
        if (primal) {
            gramPass.gram(zView, null, null, gram, 0, Math.max(1, r), null, 0);
        } else {
            // ZZᵀ is the Gram matrix of Zᵀ, which is Z's storage read as a column-major p×n matrix.
            gramPass.gram(new MatrixView(z, 0, p, n, Math.max(1, p), Layout.COLUMN_MAJOR), null, null, gram, 0, Math.max(1, r), null, 0);
        }
        this.lambda = new double[r];
        this.vectors = new double[Checks.elements("the eigenvector matrix", r, r)];
        kernels.symmetricEigen().decompose(r, gram, 0, Math.max(1, r), lambda, vectors);
        for (int k = 0; k < r; k++) lambda[k] = Math.max(lambda[k], 0);
        if (primal) {
            this.b = new double[Math.max(1, Checks.elements("the projected design", n, r))];
            multiply(n, p, z, vectors, b, kernels.level1());
        } else {
            this.b = vectors;
        }
        this.t = new double[r];
        if (r > 0) kernels.matrixVector().multiplyTransposed(MatrixView.rowMajor(b, n, r), zy, 0, t, 0);
    }

    /** A sparse X: the same decomposition from sparse products (see the class comment). */
    private RidgeSpectrum(SparseDesign x, double[] y, double[] weights, boolean fitIntercept, KernelProvider kernels) {
        this.kernels = kernels;
        this.n = x.n();
        this.p = x.p();
        this.z = null;
        DesignMatrix columns = DesignMatrix.of(x.matrix(), 1);
        double s = 0;
        for (int i = 0; i < n; i++) s += weights[i];
        this.sumWeights = s;
        this.weights = weights.clone();
        this.xMean = fitIntercept ? columns.columnMeans(weights) : new double[p];
        this.yMean = fitIntercept ? dev.shrink.solvers.internal.Moments.mean(y, weights) : 0.0;
        this.zy = new double[n];
        this.hatBase = new double[n];
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = Math.sqrt(weights[i]);
            zy[i] = root[i] * (y[i] - yMean);
            if (fitIntercept) hatBase[i] = weights[i] / s;
        }
        this.primal = n >= p;
        int r = primal ? p : n;
        double[] gram = new double[Math.max(1, r * r)];
        this.sparseRows = new SparseRows(x.matrix(), columns, root, xMean);
        if (primal) {
            // ZᵀZ = XᵀSX − S·x̄x̄ᵀ, its diagonal from the exactly centred sums of squares
            columns.gram(weights, null, gram, 0, Math.max(1, r), null);
            double[] squares = columns.centeredSquares(weights, xMean);
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) gram[a * p + c] = a == c ? squares[a] : gram[a * p + c] - s * xMean[a] * xMean[c];
            }
        } else {
            sparseRows.outerGram(gram);
        }
        this.lambda = new double[r];
        this.vectors = new double[r * r];
        kernels.symmetricEigen().decompose(r, gram, 0, Math.max(1, r), lambda, vectors);
        for (int k = 0; k < r; k++) lambda[k] = Math.max(lambda[k], 0);
        this.t = new double[r];
        if (primal) {
            this.b = null;
            double[] c = sparseRows.zTransposed(zy); // Zᵀz̃, then t = Vᵀ(Zᵀz̃)
            if (r > 0) kernels.matrixVector().multiplyTransposed(MatrixView.rowMajor(vectors, r, r), c, 0, t, 0);
        } else {
            this.b = vectors;
            if (r > 0) kernels.matrixVector().multiplyTransposed(MatrixView.rowMajor(b, n, r), zy, 0, t, 0);
        }
    }

    /**
     * A sparse X for the spectrum: its compressed rows (the CSC of Xᵀ) for the rows of B = ZV, the column view for
     * products Zᵀv, with √s and x̄ to apply the weights and the centring.
     */
    private static final class SparseRows {
        private final int[] starts;
        private final int[] indices;
        private final double[] values;
        private final DesignMatrix columns;
        private final DesignMatrix transposed;
        private final double[] root;
        private final double[] mean;

        SparseRows(Matrix csc, DesignMatrix columns, double[] root, double[] mean) {
            Matrix t = csc instanceof CscView v ? v.transpose() : ((CscFloatView) csc).transpose();
            this.starts = t instanceof CscView v ? v.columnStarts() : ((CscFloatView) t).columnStarts();
            this.indices = t instanceof CscView v ? v.rowIndices() : ((CscFloatView) t).rowIndices();
            if (t instanceof CscView v) {
                this.values = v.values();
            } else {
                float[] f = ((CscFloatView) t).values();
                this.values = new double[f.length];
                for (int k = 0; k < f.length; k++) values[k] = f[k];
            }
            this.columns = columns;
            this.transposed = DesignMatrix.of(t, 1);
            this.root = root;
            this.mean = mean;
        }

        /** Row i of B = ZV into out[0 .. p): √sᵢ·(Σₖ xᵢₖ·Vₖ − x̄ᵀV), given meanV = x̄ᵀV. */
        void rowOfB(int i, double[] v, double[] meanV, double[] out, Level1 level1) {
            int p = meanV.length;
            for (int c = 0; c < p; c++) out[c] = -meanV[c];
            for (int k = starts[i]; k < starts[i + 1]; k++) level1.axpy(p, values[k], v, indices[k] * p, out, 0);
            for (int c = 0; c < p; c++) out[c] *= root[i];
        }

        /** Zᵀv = Xᵀ(√s∘v) − x̄·Σ√sᵢvᵢ. */
        double[] zTransposed(double[] v) {
            double[] u = new double[v.length];
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                u[i] = root[i] * v[i];
                sum += u[i];
            }
            double[] out = new double[mean.length];
            columns.multiplyTransposed(u, out);
            for (int j = 0; j < out.length; j++) out[j] -= mean[j] * sum;
            return out;
        }

        /** ZZᵀ (n×n): √sᵢ√sₗ(xᵢ·xₗ − xᵢ·x̄ − xₗ·x̄ + x̄·x̄), xᵢ·xₗ from the Gram of Xᵀ's columns. */
        void outerGram(double[] g) {
            int n = root.length;
            transposed.gram(null, null, g, 0, Math.max(1, n), null);
            double[] xm = new double[n];
            columns.multiply(mean, xm);
            double mm = 0;
            for (double m : mean) mm += m * m;
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < n; l++) g[i * n + l] = root[i] * root[l] * (g[i * n + l] - xm[i] - xm[l] + mm);
            }
        }
    }

    /** Rows of Z processed per pass over V in {@link #multiply}: V's row j is reused from L1 by all of them. */
    private static final int ROW_BLOCK = 16;

    /**
     * B = Z·V (n×p times p×p, row-major): row i of B is Σⱼ Zᵢⱼ·(row j of V), one axpy per (i, j). Rows of Z are
     * taken ROW_BLOCK at a time so that V streams through the cache n/ROW_BLOCK times instead of n times.
     */
    static void multiply(int n, int p, double[] z, double[] v, double[] b, Level1 level1) {
        for (int i0 = 0; i0 < n; i0 += ROW_BLOCK) {
            int i1 = Math.min(n, i0 + ROW_BLOCK);
            for (int j = 0; j < p; j++) {
                for (int i = i0; i < i1; i++) {
                    double zij = z[i * p + j];
                    if (zij != 0) level1.axpy(p, zij, v, j * p, b, i * p);
                }
            }
        }
    }

    int rank() {
        return primal ? p : n;
    }

    boolean isPrimal() {
        return primal;
    }

    /**
     * Leave-one-out scores for each α (see the class comment): the mean Σᵢ(r̃ᵢ/(1 − Hᵢᵢ))²/S of the squared errors
     * eᵢ² = (r̃ᵢ/(1 − Hᵢᵢ))²/sᵢ weighted by sᵢ, and its standard error over the n one-row folds,
     * {@code sqrt(Σᵢsᵢ(eᵢ² − mean)²/S/(n − 1))} (CvScores' weighted rule). Rows whose Hᵢᵢ is 1 (a row the fit
     * interpolates whatever α) give +Inf, as the exact leave-one-out error is then undefined.
     */
    CvScores leaveOneOut(double[] alphas) {
        int r = rank();
        int na = alphas.length;
        // gₖ(α) applied to Bᵢₖ² (hat diagonal) and gₖ(α)·tₖ applied to Bᵢₖ (fitted values), stored k-major so that
        // one row of B updates all α at once with two axpys of length na per k: an outer product, no reductions.
        double[] hatWeights = new double[Math.max(1, Checks.elements("the weights per alpha", r, na))];
        double[] fitWeights = new double[Math.max(1, Checks.elements("the weights per alpha", r, na))];
        for (int k = 0; k < r; k++) {
            for (int a = 0; a < na; a++) {
                double g = primal ? 1 / (lambda[k] + alphas[a]) : lambda[k] / (lambda[k] + alphas[a]);
                hatWeights[k * na + a] = g;
                fitWeights[k * na + a] = g * t[k];
            }
        }
        double[] sums = new double[na];
        // weighted running mean and sum of squared deviations of the per-row errors (West 1979), for the standard error
        double[] runningMean = new double[na];
        double[] squares = new double[na];
        double seen = 0;
        double[] hat = new double[na];
        double[] fitted = new double[na];
        Level1 level1 = kernels.level1();
        double[] bRows = b;
        double[] meanV = null;
        if (b == null) {
            // sparse primal: row i of B is formed into a one-row buffer just before it is used
            bRows = new double[Math.max(1, r)];
            meanV = new double[r];
            kernels.matrixVector().multiplyTransposed(MatrixView.rowMajor(vectors, r, r), xMean, 0, meanV, 0);
        }
        for (int i = 0; i < n; i++) {
            int row = i * r;
            if (b == null) {
                sparseRows.rowOfB(i, vectors, meanV, bRows, level1);
                row = 0;
            }
            java.util.Arrays.fill(hat, hatBase[i]);
            java.util.Arrays.fill(fitted, 0.0);
            for (int k = 0; k < r; k++) {
                double bik = bRows[row + k];
                if (bik == 0) continue;
                level1.axpy(na, bik * bik, hatWeights, k * na, hat, 0);
                level1.axpy(na, bik, fitWeights, k * na, fitted, 0);
            }
            double si = weights[i];
            if (si > 0) seen += si;
            for (int a = 0; a < na; a++) {
                double e = (zy[i] - fitted[a]) / (1 - hat[a]);
                sums[a] += e * e;
                if (si > 0) {
                    double error = e * e / si;
                    double delta = error - runningMean[a];
                    runningMean[a] += si / seen * delta;
                    squares[a] += si * delta * (error - runningMean[a]);
                }
            }
        }
        double[] se = new double[na];
        for (int a = 0; a < na; a++) {
            sums[a] /= sumWeights;
            se[a] = n > 1 ? Math.sqrt(squares[a] / sumWeights / (n - 1)) : Double.NaN;
        }
        return CvScores.of(alphas, sums, se, true);
    }

    /** Coefficients w of the fit on all rows at α (original scale of X). */
    double[] coefficients(double alpha) {
        int r = rank();
        double[] g = new double[r];
        for (int k = 0; k < r; k++) g[k] = t[k] / (lambda[k] + alpha);
        double[] w = new double[p];
        if (r == 0) return w;
        if (primal) {
            kernels.matrixVector().multiply(MatrixView.rowMajor(vectors, r, r), g, 0, w, 0);
        } else {
            double[] dual = new double[n]; // (ZZᵀ + αI)⁻¹z̃
            kernels.matrixVector().multiply(MatrixView.rowMajor(vectors, r, r), g, 0, dual, 0);
            if (z == null) return sparseRows.zTransposed(dual);
            kernels.matrixVector().multiplyTransposed(MatrixView.rowMajor(z, n, p), dual, 0, w, 0);
        }
        return w;
    }

    /** The intercept that goes with coefficients w: ȳ − x̄·w (0 without intercept, as the means are then 0). */
    double intercept(double[] w) {
        double s = yMean;
        for (int j = 0; j < p; j++) s -= xMean[j] * w[j];
        return s;
    }
}
