package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;

import java.util.Arrays;

/**
 * Turns validated user data into a {@link CdProblem}: weights normalised to sum to n (scikit-learn), weighted
 * centring when an intercept is fitted, optional column scaling (glmnet standardisation), and the choice between
 * covariance mode (n ≥ p) and naive mode (p &gt; n).
 */
public final class LeastSquaresSetup {
    /** Which coordinate-descent representation to use. */
    public enum Mode {
        /** Covariance mode when n ≥ p, naive mode otherwise. */
        AUTO,
        /** Gram updates (glmnet "covariance"): cost per update independent of n. */
        COVARIANCE,
        /** Residual updates (glmnet "naive"): cost per update O(n), no Gram columns. */
        NAIVE
    }

    final CdProblem problem;
    final double[] mean;
    final double ybar;
    final double[] scale;
    final int n;

    private LeastSquaresSetup(CdProblem problem, double[] mean, double ybar, double[] scale, int n) {
        this.problem = problem;
        this.mean = mean;
        this.ybar = ybar;
        this.scale = scale;
        this.n = n;
    }

    /** Weights rescaled to sum to n (null stays null). */
    static double[] normalizedWeights(double[] w, int n) {
        if (w == null) return null;
        double sum = Inputs.weights(w, n);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = w[i] * (n / sum);
        return s;
    }

    /** Weighted column means x̄ = Xᵀs / Σs (s = 1 when null). */
    static double[] columnMeans(Design x, double[] s) {
        int n = x.n();
        double[] ones = s;
        if (ones == null) {
            ones = new double[n];
            Arrays.fill(ones, 1.0);
        }
        double[] m = new double[x.p()];
        KernelProvider.get().matrixVector().multiplyTransposed(x.view(), ones, 0, m, 0);
        double sum = 0;
        for (double v : ones) sum += v;
        for (int j = 0; j < m.length; j++) m[j] /= sum;
        return m;
    }

    static double weightedMean(double[] y, double[] s) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < y.length; i++) {
            double w = s == null ? 1.0 : s[i];
            a += w * y[i];
            b += w;
        }
        return a / b;
    }

    /** Σᵢ sᵢ((xᵢⱼ − mⱼ)·scaleⱼ)² for every column, one pass over X in its storage order. */
    static double[] centeredSquares(Design x, double[] s, double[] mean, double[] scale) {
        int n = x.n();
        int p = x.p();
        double[] out = new double[p];
        double[] a = x.view().data();
        if (x.layout() == dev.shrink.kernels.Layout.ROW_MAJOR) {
            for (int i = 0; i < n; i++) {
                int row = x.rowStart(i);
                double w = s == null ? 1.0 : s[i];
                for (int j = 0; j < p; j++) {
                    double d = a[row + j] - mean[j];
                    out[j] += w * d * d;
                }
            }
        } else {
            for (int j = 0; j < p; j++) {
                int col = x.columnStart(j);
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    double d = a[col + i] - mean[j];
                    acc += (s == null ? 1.0 : s[i]) * d * d;
                }
                out[j] = acc;
            }
        }
        if (scale != null) for (int j = 0; j < p; j++) out[j] *= scale[j] * scale[j];
        return out;
    }

    /**
     * @param s      normalised weights (sum n) or null
     * @param scale  column multipliers 1/dⱼ (glmnet standardisation) or null
     */
    static LeastSquaresSetup of(Design x, double[] y, double[] s, boolean fitIntercept, double[] scale, Mode mode) {
        int n = x.n();
        int p = x.p();
        double[] mean = fitIntercept ? columnMeans(x, s) : new double[p];
        double ybar = fitIntercept ? weightedMean(y, s) : 0.0;
        boolean covariance = mode == Mode.COVARIANCE || (mode == Mode.AUTO && n >= p);
        CdProblem problem;
        if (covariance) {
            double[] diag = centeredSquares(x, s, mean, scale);
            double[] u = new double[n];
            double sumU = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double w = s == null ? 1.0 : s[i];
                double d = y[i] - ybar;
                u[i] = w * d;
                sumU += u[i];
                yy += w * d * d;
            }
            double[] c = new double[p];
            KernelProvider.get().matrixVector().multiplyTransposed(x.view(), u, 0, c, 0);
            for (int j = 0; j < p; j++) {
                c[j] -= mean[j] * sumU;
                if (scale != null) c[j] *= scale[j];
            }
            problem = new CovarianceProblem(new LazyGramColumns(x, s, mean, scale), diag, c, yy);
        } else {
            problem = NaiveProblem.of(x, y, s, mean, ybar, scale);
        }
        return new LeastSquaresSetup(problem, mean, ybar, scale, n);
    }

    /** Covariance mode on precomputed statistics, in scikit-learn's scaling (weights normalised to sum to the row count). */
    static LeastSquaresSetup of(SufficientStats st, boolean fitIntercept) {
        int p = st.p();
        double k = st.rows() / st.sumWeights();
        double[] g = fitIntercept ? st.centeredGram() : st.gram();
        double[] c = fitIntercept ? st.centeredXty() : st.xty();
        double yy = fitIntercept ? st.centeredYty() : st.yty();
        double[] diag = new double[p];
        for (int i = 0; i < g.length; i++) g[i] *= k;
        for (int j = 0; j < p; j++) {
            c[j] *= k;
            diag[j] = g[j * p + j];
        }
        double[] mean = fitIntercept ? st.xMean() : new double[p];
        double ybar = fitIntercept ? st.yMean() : 0.0;
        return new LeastSquaresSetup(new CovarianceProblem(GramColumns.dense(g, p), diag, c, yy * k), mean, ybar, null, st.rows());
    }

    /** Coefficients on the original scale and the intercept ȳ − x̄ᵀw. */
    double[] originalCoef(double[] w) {
        double[] out = w.clone();
        if (scale != null) for (int j = 0; j < out.length; j++) out[j] *= scale[j];
        return out;
    }

    double intercept(double[] originalCoef) {
        double b = ybar;
        for (int j = 0; j < originalCoef.length; j++) b -= mean[j] * originalCoef[j];
        return b;
    }
}
