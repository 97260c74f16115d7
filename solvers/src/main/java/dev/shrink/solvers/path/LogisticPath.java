package dev.shrink.solvers.path;

import dev.shrink.kernels.Checks;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.SparseDesign;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.newton.DesignNewtonLogistic;
import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;

/**
 * glmnet's binomial path ({@code family="binomial"}): at each λ minimises
 * {@code −(1/n)·Σᵢ(yᵢ(b + xᵢ·w) − log(1 + exp(b + xᵢ·w))) + λ·Σⱼpfⱼ(α·dⱼ·|wⱼ| + ½(1 − α)·dⱼ²·wⱼ²)} subject to
 * lowerLimitsⱼ ≤ wⱼ ≤ upperLimitsⱼ, α = l1Ratio, dⱼ the 1/n standard deviation of column j when standardising (else
 * 1), pf the penalty factors rescaled to sum to p. With sample weights (glmnet's {@code weights}, normalised to sum to
 * n) the loss is {@code −(1/n)·Σᵢsᵢ(…)} and means and standard deviations are weighted. Labels: any two values (the
 * larger is 1).
 *
 * <p>The default l1Ratio is 0, the binomial ridge path this class computed first (glmnet's own default is alpha = 1):
 * that path is solved on the standardised columns v = d∘w as {@code ½‖v‖² + C·Σᵢ logloss}, C = 1/(nλ), by
 * {@link LogisticRegression} (Newton–Cholesky, stopping on the scaled gradient) warm-started from the previous λ.
 * Every other path — l1Ratio &gt; 0, penalty factors, limits — runs on the proximal Newton engine with warm starts and
 * the strong rule, stopping on the duality gap ({@link GlmnetPaths}). Grid as glmnet: λ_max = max|X̃ᵀ(y − ȳ)|/(n·max(α,
 * 0.001)) (with the unpenalised features fitted first), ratio 1e-4 if n ≥ p else 0.01, unless explicit lambdas are given.
 * A {@link SparseDesign} is never densified: the ridge path runs on its original columns with the penalty weighted
 * instead, the engine's paths read its stored entries with the centring implicit. Immutable; build with
 * {@link #builder()}.
 */
public final class LogisticPath {
    private final GlmnetConfig config;

    private LogisticPath(Builder b) {
        this.config = b.config();
        if (config.lambdas() != null && config.plainRidge()) {
            for (int k = 0; k < config.lambdas().length; k++) {
                if (config.lambdas()[k] == 0) throw new IllegalArgumentException("lambdas[" + k + "] must be > 0 for the binomial ridge path");
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
        Inputs.weights(sampleWeight, x.n());
        double[] y01 = new double[x.n()];
        for (int i = 0; i < y01.length; i++) y01[i] = y[i] == labels[1] ? 1 : 0;
        if (config.plainRidge()) return ridge(x, y01, sampleWeight);
        GlmProblem problem = new GlmProblem(GlmProblem.Kind.BINOMIAL, x.matrix(), y01, 2, GlmnetPaths.rowWeights(sampleWeight, x.n()), sampleWeight,
                config.engine(x.p(), false));
        return GlmnetPaths.run(problem, config.settings(), x.n(), x.p());
    }

    /** The binomial ridge path by Newton–Cholesky on the standardised columns (see the class comment). */
    private PathResult ridge(Design x, double[] y01, double[] sampleWeight) {
        int n = x.n();
        int p = x.p();
        double sumW = Inputs.weights(sampleWeight, n);
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) sw[i] = sampleWeight == null ? 1.0 : sampleWeight[i] * (n / sumW);
        double ybar = 0;
        for (int i = 0; i < n; i++) ybar += sw[i] * y01[i];
        ybar /= n;
        if (x instanceof SparseDesign) return fitImplicit(x, y01, sampleWeight == null ? null : sw, ybar);
        double[] mean = new double[p];
        double[] d = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += sw[i] * x.get(i, j);
            double m = s / n;
            double v = 0;
            for (int i = 0; i < n; i++) v += sw[i] * (x.get(i, j) - m) * (x.get(i, j) - m);
            mean[j] = config.fitIntercept() ? m : 0.0;
            d[j] = config.standardize() ? Math.sqrt(v / n) : 1.0; // 1/n standard deviation
        }
        // standardised copy: columns (x − x̄)/d (constant columns become 0 and keep a zero coefficient)
        double[] xs = new double[Checks.elements("the standardised design", n, p)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) xs[i * p + j] = d[j] > 0 ? (x.get(i, j) - mean[j]) / d[j] : 0.0;
        }
        Design z = Design.rowMajor(xs, n, p);
        double[] grid = config.lambdas();
        if (grid == null) {
            double max = 0;
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += sw[i] * xs[i * p + j] * (y01[i] - ybar);
                max = Math.max(max, Math.abs(s));
            }
            double ratio = Double.isNaN(config.lambdaMinRatio()) ? (n >= p ? 1e-4 : 1e-2) : config.lambdaMinRatio();
            grid = ElasticNetPath.glmnetGrid(max / (n * 1e-3), config.nLambdas(), ratio);
        }
        int k = grid.length;
        double[][] coefs = new double[k][];
        double[] intercepts = new double[k];
        Convergence[] convergence = new Convergence[k];
        double[] v = null;
        double b = config.fitIntercept() ? Math.log(ybar / (1 - ybar)) : 0.0;
        for (int i = 0; i < k; i++) {
            double c = 1 / (n * grid[i]);
            LogisticModel m = LogisticRegression.builder().C(c).fitIntercept(config.fitIntercept()).tol(config.tol()).maxIter(config.maxIter())
                    .threads(config.threads()).solver("newton-cholesky").build().fit(z, y01, sampleWeight == null ? null : sw, v, b);
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

    /**
     * A sparse X, never densified nor centred: on the original columns the standardised problem is
     * {@code ½·Σⱼdⱼ²wⱼ² + C·Σᵢsᵢ·logloss(xᵢ·w + b')} with b' = b − x̄·w (the intercept absorbs the centring), which
     * Newton's method solves with the weighted penalty πⱼ = dⱼ² (πⱼ = 1 without standardising; a column with dⱼ = 0 is
     * held at 0, as glmnet leaves it out).
     *
     * @param s normalised weights (sum n) or null
     */
    private PathResult fitImplicit(Design x, double[] y01, double[] s, double ybar) {
        int n = x.n();
        int p = x.p();
        DesignMatrix m = DesignMatrix.of(x.matrix(), config.threads());
        double[] realMean = m.columnMeans(s);
        double[] squares = m.centeredSquares(s, realMean);
        double[] mean = config.fitIntercept() ? realMean : new double[p];
        double[] d = new double[p];
        double[] penalty = new double[p];
        for (int j = 0; j < p; j++) {
            d[j] = config.standardize() ? Math.sqrt(squares[j] / n) : 1.0;
            penalty[j] = d[j] > 0 ? d[j] * d[j] : Double.POSITIVE_INFINITY;
        }
        double[] grid = config.lambdas();
        if (grid == null) {
            // max |Σᵢsᵢ·(xᵢⱼ − x̄ⱼ)/dⱼ·(yᵢ − ȳ)| = max |(Xᵀ(s∘(y − ȳ)))ⱼ − x̄ⱼ·Σᵢsᵢ(yᵢ − ȳ)|/dⱼ
            double[] u = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                u[i] = (s == null ? 1.0 : s[i]) * (y01[i] - ybar);
                sum += u[i];
            }
            double[] c = new double[p];
            m.multiplyTransposed(u, c);
            double max = 0;
            for (int j = 0; j < p; j++) if (d[j] > 0) max = Math.max(max, Math.abs(c[j] - mean[j] * sum) / d[j]);
            double ratio = Double.isNaN(config.lambdaMinRatio()) ? (n >= p ? 1e-4 : 1e-2) : config.lambdaMinRatio();
            grid = ElasticNetPath.glmnetGrid(max / (n * 1e-3), config.nLambdas(), ratio);
        }
        DesignNewtonLogistic newton = new DesignNewtonLogistic(m, y01, s, config.fitIntercept(), penalty);
        int k = grid.length;
        double[][] coefs = new double[k][];
        double[] intercepts = new double[k];
        Convergence[] convergence = new Convergence[k];
        double[] w = new double[p];
        double[] b = {config.fitIntercept() ? Math.log(ybar / (1 - ybar)) : 0.0};
        for (int i = 0; i < k; i++) {
            DesignNewtonLogistic.Result r = newton.solve(w, b, 1 / (n * grid[i]), config.tol(), config.maxIter());
            coefs[i] = w.clone();
            intercepts[i] = config.fitIntercept() ? b[0] : 0.0;
            convergence[i] = Convergence.iterative(Convergence.Criterion.SCALED_GRADIENT, "Newton steps", r.iterations(), r.gradientNorm(), config.tol(),
                    r.converged(), config.maxIter());
        }
        return new PathResult(grid, coefs, intercepts, convergence);
    }

    /** Builder; defaults as glmnet except l1Ratio 0: 100 lambdas, standardize, intercept; tol 1e-8, 100 Newton steps per λ. */
    public static final class Builder extends GlmnetOptions<Builder> {
        private Builder() {
            super(0.0);
        }

        public LogisticPath build() {
            return new LogisticPath(this);
        }
    }
}
