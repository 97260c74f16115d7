package dev.shrink.solvers.path;

import dev.shrink.kernels.Checks;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

/**
 * glmnet's binomial ridge path ({@code family="binomial", alpha=0}): at each λ minimises
 * {@code −(1/n)·Σᵢ(yᵢ(b + xᵢ·w) − log(1 + exp(b + xᵢ·w))) + (λ/2)·Σⱼdⱼ²wⱼ²}, dⱼ the 1/n standard deviation of
 * column j when standardising (else 1). With sample weights (glmnet's {@code weights}, normalised to sum to n) the
 * loss is {@code −(1/n)·Σᵢsᵢ(…)} and means and standard deviations are weighted.
 *
 * <p>On the standardised columns v = d∘w this is {@code ½‖v‖² + C·Σᵢ logloss} with C = 1/(nλ), solved by
 * {@link LogisticRegression} (Newton–Cholesky) warm-started from the previous λ. Grid as glmnet: λ_max =
 * max|X̃ᵀ(y − ȳ)|/(n·0.001), ratio 1e-4 if n ≥ p else 0.01, unless explicit lambdas are given. Labels: any two values
 * (the larger is 1). Immutable; build with {@link #builder()}.
 */
public final class LogisticPath {
    private final double[] lambdas;
    private final int nLambdas;
    private final double lambdaMinRatio;
    private final boolean fitIntercept;
    private final boolean standardize;
    private final double tol;
    private final int maxIter;
    private final int threads;

    private LogisticPath(Builder b) {
        this.lambdas = b.lambdas == null ? null : ElasticNetPath.checkGrid("lambdas", b.lambdas);
        this.nLambdas = Inputs.positive("nLambdas", b.nLambdas);
        if (!Double.isNaN(b.lambdaMinRatio) && !(b.lambdaMinRatio > 0 && b.lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambdaMinRatio must be in (0, 1), got " + b.lambdaMinRatio);
        }
        this.lambdaMinRatio = b.lambdaMinRatio;
        this.fitIntercept = b.fitIntercept;
        this.standardize = b.standardize;
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
        this.threads = Threads.check(b.threads);
        if (lambdas != null) {
            for (int k = 0; k < lambdas.length; k++) {
                if (lambdas[k] == 0) throw new IllegalArgumentException("lambdas[" + k + "] must be > 0 for the binomial ridge path");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public PathResult fit(double[][] x, double[] y) {
        return fit(Design.of(x), y);
    }

    public PathResult fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /** @param sampleWeight null for all 1; normalised to sum to n */
    public PathResult fit(Design x, double[] y, double[] sampleWeight) {
        double[] labels = Inputs.twoLabels(y, x.n());
        int n = x.n();
        int p = x.p();
        double sumW = Inputs.weights(sampleWeight, n);
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) sw[i] = sampleWeight == null ? 1.0 : sampleWeight[i] * (n / sumW);
        double[] y01 = new double[n];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            y01[i] = y[i] == labels[1] ? 1 : 0;
            ybar += sw[i] * y01[i];
        }
        ybar /= n;
        double[] mean = new double[p];
        double[] d = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += sw[i] * x.get(i, j);
            double m = s / n;
            double v = 0;
            for (int i = 0; i < n; i++) v += sw[i] * (x.get(i, j) - m) * (x.get(i, j) - m);
            mean[j] = fitIntercept ? m : 0.0;
            d[j] = standardize ? Math.sqrt(v / n) : 1.0; // 1/n standard deviation
        }
        // standardised copy: columns (x − x̄)/d (constant columns become 0 and keep a zero coefficient)
        double[] xs = new double[Checks.elements("the standardised design", n, p)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) xs[i * p + j] = d[j] > 0 ? (x.get(i, j) - mean[j]) / d[j] : 0.0;
        }
        Design z = Design.rowMajor(xs, n, p);
        double[] grid = lambdas;
        if (grid == null) {
            double max = 0;
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += sw[i] * xs[i * p + j] * (y01[i] - ybar);
                max = Math.max(max, Math.abs(s));
            }
            double ratio = Double.isNaN(lambdaMinRatio) ? (n >= p ? 1e-4 : 1e-2) : lambdaMinRatio;
            grid = ElasticNetPath.glmnetGrid(max / (n * 1e-3), nLambdas, ratio);
        }
        int k = grid.length;
        double[][] coefs = new double[k][];
        double[] intercepts = new double[k];
        Convergence[] convergence = new Convergence[k];
        double[] v = null;
        double b = fitIntercept ? Math.log(ybar / (1 - ybar)) : 0.0;
        for (int i = 0; i < k; i++) {
            double c = 1 / (n * grid[i]);
            LogisticModel m = LogisticRegression.builder().C(c).fitIntercept(fitIntercept).tol(tol).maxIter(maxIter).threads(threads).solver("newton-cholesky").build()
                    .fit(z, y01, sampleWeight == null ? null : sw, v, b);
            v = m.coef();
            b = m.intercept();
            double[] w = new double[p];
            double b0 = b;
            for (int j = 0; j < p; j++) {
                w[j] = d[j] > 0 ? v[j] / d[j] : 0.0;
                b0 -= mean[j] * w[j];
            }
            coefs[i] = w;
            intercepts[i] = b0;
            convergence[i] = m.convergence();
        }
        return new PathResult(grid, coefs, intercepts, convergence);
    }

    /** Builder; defaults as glmnet: 100 lambdas, standardize, intercept; tol 1e-8 on the scaled gradient, 100 Newton steps. */
    public static final class Builder {
        private double[] lambdas;
        private int nLambdas = 100;
        private double lambdaMinRatio = Double.NaN;
        private boolean fitIntercept = true;
        private boolean standardize = true;
        private double tol = 1e-8;
        private int maxIter = 100;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Explicit λ values, strongest first. */
        public Builder lambdas(double[] lambdas) { this.lambdas = lambdas == null ? null : lambdas.clone(); return this; }
        /** Length of the computed grid, ≥ 1 (default 100). */
        public Builder nLambdas(int n) { this.nLambdas = n; return this; }
        /** glmnet's lambda.min.ratio, in (0, 1); default 1e-4 if n ≥ p, else 0.01. */
        public Builder lambdaMinRatio(double r) { this.lambdaMinRatio = r; return this; }
        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean b) { this.fitIntercept = b; return this; }
        /** Penalise the coefficients of the standardised columns, as glmnet (default true). */
        public Builder standardize(boolean b) { this.standardize = b; return this; }
        /** Stop each fit when max|gradient|/(C·n) ≤ tol (default 1e-8). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Newton steps per λ. */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }
        /** Row chunks (threads) of each Newton step's Gram XᵀDX, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) { this.threads = threads; return this; }

        public LogisticPath build() {
            return new LogisticPath(this);
        }
    }
}
