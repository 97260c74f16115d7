package dev.shrink.bench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The solver workloads named in the solvers and paths issues, generated deterministically (fixed seeds,
 * {@link SplittableRandom}): the same bits on every run, so the external peers fit exactly the data the JVM fits.
 *
 * <ul>
 *   <li>{@code ridge}: Ridge(alpha=1), n = 20000, p = 500, Gaussian design;</li>
 *   <li>{@code lasso}, {@code elasticnet} (l1Ratio 0.5): n = 10000, p = 1000, correlated design (AR(1) columns,
 *       ρ = 0.6), 20 true non-zeros, alpha a fixed share of alpha_max giving about 50 non-zeros;</li>
 *   <li>{@code logistic}: LogisticRegression(C=1), n = 20000, p = 200;</li>
 *   <li>{@code enet-path}: 100-alpha elastic-net path (l1Ratio 0.5, eps 1e-3) on the lasso data;</li>
 *   <li>{@code lasso-path-wide}: 100-alpha lasso path (eps 1e-2) on n = 200, p = 10000;</li>
 *   <li>{@code enet-cv}: 5-fold (contiguous) ElasticNetCV, 100 alphas, l1Ratio 0.5, on the lasso data;</li>
 *   <li>{@code ridge-cv}: leave-one-out RidgeCV over 100 alphas (10⁻² … 10⁴) on the ridge data;</li>
 *   <li>{@code sparse-lasso-path}, {@code sparse-lasso}, {@code sparse-logistic-path}, {@code sparse-logistic}: a
 *       text-like sparse design, lasso and L1 logistic ({@link TextWorkloads}).</li>
 *   <li>{@code mt-enet}, {@code mt-enet-path} (issue 15): MultiTaskElasticNet (l1Ratio 0.5) at one alpha and along a
 *       100-alpha path (eps 1e-3), n = 10000, p = 500, T = 10 tasks sharing 40 active features (y holds Y row-major,
 *       {@code n_tasks} says T);</li>
 *   <li>{@code group-path}, {@code group-path-logistic} (issue 15): group lasso path, 100 alphas down to 1e-2·alpha_max,
 *       n = 10000, p = 1000 in 100 groups of 10 consecutive columns (within-group correlation 0.3), 10 active groups;
 *       squared loss, and logistic loss on labels drawn from the same linear predictor;</li>
 *   <li>{@code bayes-ridge} (issue 15): BayesianRidge with scikit-learn's defaults on the ridge data;</li>
 *   <li>{@code logistic-lasso-path} (issue 11): glmnet's binomial lasso path (100 λ, its grid rule, standardize) on n = 20000,
 *       p = 1000 AR(1) columns (ρ = 0.6), labels from a logistic model with 20 true non-zeros;</li>
 *   <li>{@code logistic-l1}, {@code logistic-enet} (l1Ratio 0.5): scikit-learn's LogisticRegression(penalty, C) on the
 *       same data, C a fixed multiple of the smallest C with a non-zero coefficient;</li>
 *   <li>{@code multinomial}: multinomial L2 LogisticRegression(C=1), n = 20000, p = 200, 5 classes;
 *       {@code multinomial-lasso-path}: glmnet's multinomial lasso path (100 λ) on the same data;</li>
 *   <li>{@code poisson}: PoissonRegressor(alpha=0.01), n = 20000, p = 200; {@code poisson-lasso-path}: glmnet's
 *       Poisson lasso path (100 λ) on the same data.</li>
 * </ul>
 * The hard designs (issue 16): the equicorrelated design, corr(xⱼ, xₖ) = ρ = 0.5 for every pair, response
 * y = Σⱼ(−1)ʲ·exp(−2(j − 1)/20)·xⱼ + k·z with signal-to-noise 3 (Friedman, Hastie &amp; Tibshirani 2010, §5.1):
 * <ul>
 *   <li>{@code lasso-equi}, {@code enet-equi} (l1Ratio 0.5): single fits, n = 10000, p = 1000;</li>
 *   <li>{@code enet-path-equi}: 100-alpha elastic-net path (l1Ratio 0.5, eps 1e-3) on the same data;</li>
 *   <li>{@code lasso-path-wide-equi}: 100-alpha lasso path (eps 1e-2) on n = 200, p = 10000;</li>
 *   <li>{@code logistic-ar1}, {@code logistic-equi}: LogisticRegression(C=1), n = 20000, p = 200, on the AR(1)
 *       (ρ = 0.6) and the equicorrelated design;</li>
 *   <li>{@code logistic-wide}, {@code logistic-wide-large}: LogisticRegression(C=1) with p ≫ n, 50×10000 and
 *       200×100000, Gaussian design.</li>
 * </ul>
 * {@code scale} &lt; 1 shrinks n (and p for the wide path) for the tests' toy mode.
 */
public final class Workloads {
    private Workloads() {}

    /** alpha as a share of alpha_max (the smallest alpha with all coefficients zero) for about 50 non-zeros. */
    static final double LASSO_ALPHA_SHARE = 0.032;
    static final double ENET_ALPHA_SHARE = 0.06;

    public static List<String> names() {
        return List.of("ridge", "lasso", "elasticnet", "logistic", "enet-path", "lasso-path-wide", "enet-cv", "ridge-cv",
                "lasso-equi", "enet-equi", "enet-path-equi", "lasso-path-wide-equi", "logistic-ar1", "logistic-equi",
                "logistic-wide", "logistic-wide-large",
                "mt-enet", "mt-enet-path", "group-path", "group-path-logistic", "bayes-ridge",
                "logistic-lasso-path", "logistic-l1", "logistic-enet", "multinomial", "multinomial-lasso-path", "poisson", "poisson-lasso-path",
                "sparse-lasso-path", "sparse-lasso", "sparse-logistic-path", "sparse-logistic");
    }

    /** Workloads that share a dataset share its files: the name of that dataset. */
    public static String dataset(String name) {
        return switch (name) {
            case "ridge", "ridge-cv", "bayes-ridge" -> "gaussian";
            case "mt-enet", "mt-enet-path" -> "multitask";
            case "group-path" -> "grouped";
            case "group-path-logistic" -> "grouped-binary";
            case "lasso", "elasticnet", "enet-path", "enet-cv" -> "correlated";
            case "lasso-path-wide" -> "wide";
            case "logistic" -> "binary";
            case "sparse-lasso-path", "sparse-lasso" -> "text";
            case "sparse-logistic-path", "sparse-logistic" -> "text-binary";
            case "lasso-equi", "enet-equi", "enet-path-equi" -> "equicorrelated";
            case "lasso-path-wide-equi" -> "wide-equicorrelated";
            case "logistic-ar1" -> "binary-ar1";
            case "logistic-equi" -> "binary-equicorrelated";
            case "logistic-wide" -> "binary-wide";
            case "logistic-wide-large" -> "binary-wide-large";
            case "logistic-lasso-path", "logistic-l1", "logistic-enet" -> "binary-ar1-p1000";
            case "multinomial", "multinomial-lasso-path" -> "multiclass";
            case "poisson", "poisson-lasso-path" -> "counts";
            default -> throw new IllegalArgumentException("unknown workload '" + name + "', expected one of " + names());
        };
    }

    public static Workload get(String name, double scale) {
        return switch (name) {
            case "ridge" -> ridgeData(name, "ridge", scale, Workload.settings("alpha", "1.0", "fit_intercept", "true"));
            case "ridge-cv" -> ridgeData(name, "ridge_cv", scale, Workload.settings("alphas", logspace(-2, 4, 100), "fit_intercept", "true"));
            case "lasso" -> withAlpha(correlated(name, "lasso", scale, Workload.settings("l1_ratio", "1.0")), LASSO_ALPHA_SHARE);
            case "elasticnet" -> withAlpha(correlated(name, "elasticnet", scale, Workload.settings("l1_ratio", "0.5")), ENET_ALPHA_SHARE);
            case "enet-path" -> correlated(name, "elasticnet_path", scale,
                    Workload.settings("l1_ratio", "0.5", "n_alphas", "100", "eps", "1e-3"));
            case "enet-cv" -> correlated(name, "elasticnet_cv", scale,
                    Workload.settings("l1_ratio", "0.5", "n_alphas", "100", "eps", "1e-3", "n_folds", "5"));
            case "lasso-path-wide" -> wide(name, scale);
            case "logistic" -> logistic(name, scale);
            case "sparse-lasso-path", "sparse-lasso", "sparse-logistic-path", "sparse-logistic" -> TextWorkloads.get(name, scale);
            case "lasso-equi" -> withAlpha(equicorrelated(name, "lasso", 10000, 1000, scale, Workload.settings("l1_ratio", "1.0")), LASSO_ALPHA_SHARE);
            case "enet-equi" -> withAlpha(equicorrelated(name, "elasticnet", 10000, 1000, scale, Workload.settings("l1_ratio", "0.5")), ENET_ALPHA_SHARE);
            case "enet-path-equi" -> equicorrelated(name, "elasticnet_path", 10000, 1000, scale,
                    Workload.settings("l1_ratio", "0.5", "n_alphas", "100", "eps", "1e-3"));
            case "lasso-path-wide-equi" -> equicorrelated(name, "elasticnet_path", 200, 10000, scale,
                    Workload.settings("l1_ratio", "1.0", "n_alphas", "100", "eps", "1e-2"));
            case "logistic-ar1" -> binary(name, scaled(20000, scale), scaled(200, Math.sqrt(scale)), Columns.AR1);
            case "logistic-equi" -> binary(name, scaled(20000, scale), scaled(200, Math.sqrt(scale)), Columns.EQUICORRELATED);
            case "logistic-wide" -> binary(name, scaled(50, Math.sqrt(scale)), scaled(10000, scale), Columns.GAUSSIAN);
            case "logistic-wide-large" -> binary(name, scaled(200, Math.sqrt(scale)), scaled(100000, scale), Columns.GAUSSIAN);
            case "bayes-ridge" -> ridgeData(name, "bayesian_ridge", scale, Workload.settings("fit_intercept", "true"));
            case "mt-enet" -> withMultiTaskAlpha(multiTask(name, "multitask_elasticnet", scale, Workload.settings("l1_ratio", "0.5")), MT_ALPHA_SHARE);
            case "mt-enet-path" -> multiTask(name, "multitask_elasticnet_path", scale,
                    Workload.settings("l1_ratio", "0.5", "n_alphas", "100", "eps", "1e-3"));
            case "group-path" -> grouped(name, false, scale);
            case "group-path-logistic" -> grouped(name, true, scale);
            case "logistic-lasso-path" -> withGlmnetGrid(binaryAr1(name, "logistic_path", scale, Workload.settings("l1_ratio", "1.0")), 1);
            case "logistic-l1" -> withC(binaryAr1(name, "logistic_penalized", scale, Workload.settings("penalty", "l1", "l1_ratio", "1.0")), 1.0);
            case "logistic-enet" -> withC(binaryAr1(name, "logistic_penalized", scale, Workload.settings("penalty", "elasticnet", "l1_ratio", "0.5")), 0.5);
            case "multinomial" -> multiclass(name, "multinomial", scale, Workload.settings("C", "1.0", "l1_ratio", "0.0"));
            case "multinomial-lasso-path" -> withGlmnetGrid(multiclass(name, "multinomial_path", scale, Workload.settings("l1_ratio", "1.0")), 5);
            case "poisson" -> counts(name, "poisson", scale, Workload.settings("alpha", "0.01"));
            case "poisson-lasso-path" -> withGlmnetGrid(counts(name, "poisson_path", scale, Workload.settings("l1_ratio", "1.0")), 1);
            default -> throw new IllegalArgumentException("unknown workload '" + name + "', expected one of " + names());
        };
    }

    private static int scaled(int size, double scale) {
        return Math.max(20, (int) Math.round(size * scale));
    }

    private static Workload ridgeData(String name, String model, double scale, Map<String, String> settings) {
        int n = scaled(20000, scale), p = scaled(500, Math.sqrt(scale));
        double[] x = Matrices.gaussian(101, n * p);
        double[] beta = Matrices.gaussian(102, p);
        double[] noise = Matrices.gaussian(103, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 3 + dot(x, i * p, beta, p) + 2 * noise[i];
        settings.put("fit_intercept", "true");
        return new Workload(name, model, n, p, x, y, settings);
    }

    /** AR(1) columns: x_ij = ρ·x_i,j−1 + √(1−ρ²)·z_ij, so corr(x_j, x_k) = ρ^|j−k|. */
    private static Workload correlated(String name, String model, double scale, Map<String, String> settings) {
        int n = scaled(10000, scale), p = scaled(1000, Math.sqrt(scale));
        double rho = 0.6, c = Math.sqrt(1 - rho * rho);
        double[] z = Matrices.gaussian(201, n * p);
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            x[i * p] = z[i * p];
            for (int j = 1; j < p; j++) x[i * p + j] = rho * x[i * p + j - 1] + c * z[i * p + j];
        }
        double[] beta = sparse(202, p, Math.min(20, p / 2));
        double[] noise = Matrices.gaussian(203, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 1 + dot(x, i * p, beta, p) + 3 * noise[i];
        settings.put("fit_intercept", "true");
        return new Workload(name, model, n, p, x, y, settings);
    }

    private static Workload wide(String name, double scale) {
        int n = scaled(200, Math.sqrt(scale)), p = scaled(10000, scale);
        double[] x = Matrices.gaussian(301, n * p);
        double[] beta = sparse(302, p, Math.min(10, p / 2));
        double[] noise = Matrices.gaussian(303, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = dot(x, i * p, beta, p) + noise[i];
        return new Workload(name, "elasticnet_path", n, p, x, y,
                Workload.settings("l1_ratio", "1.0", "n_alphas", "100", "eps", "1e-2", "fit_intercept", "true"));
    }

    private static Workload logistic(String name, double scale) {
        int n = scaled(20000, scale), p = scaled(200, Math.sqrt(scale));
        double[] x = Matrices.gaussian(401, n * p);
        double[] beta = Matrices.gaussian(402, p);
        for (int j = 0; j < p; j++) beta[j] *= 2.0 / Math.sqrt(p);   // signal-to-noise of about 2 in the margin
        SplittableRandom random = new SplittableRandom(403);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double prob = 1 / (1 + Math.exp(-(0.5 + dot(x, i * p, beta, p))));
            y[i] = random.nextDouble() < prob ? 1 : 0;
        }
        return new Workload(name, "logistic", n, p, x, y, Workload.settings("C", "1.0", "fit_intercept", "true"));
    }

    /**
     * The equicorrelated design of Friedman et al. 2010, §5.1: xᵢⱼ = √ρ·uᵢ + √(1 − ρ)·zᵢⱼ (ρ = 0.5, so every pair of
     * columns has correlation ρ), y = Σⱼβⱼxⱼ + k·noise with βⱼ = (−1)ʲ·exp(−2(j − 1)/20) and k such that the
     * signal-to-noise ratio sd(Xβ)/k is 3.
     */
    private static Workload equicorrelated(String name, String model, int rows, int cols, double scale, Map<String, String> settings) {
        boolean wide = cols > rows;
        int n = wide ? scaled(rows, Math.sqrt(scale)) : scaled(rows, scale);
        int p = wide ? scaled(cols, scale) : scaled(cols, Math.sqrt(scale));
        double[] x = design(Columns.EQUICORRELATED, 501 + (wide ? 10 : 0), n, p);
        double[] beta = new double[p];
        double sum = 0, sumSq = 0;
        for (int j = 0; j < p; j++) {
            beta[j] = (j % 2 == 0 ? -1 : 1) * Math.exp(-2.0 * j / 20);   // j counted from 0: (−1)^(j+1)·exp(−2j/20)
            sum += beta[j];
            sumSq += beta[j] * beta[j];
        }
        double signalVariance = (1 - EQUI_RHO) * sumSq + EQUI_RHO * sum * sum;
        double k = Math.sqrt(signalVariance) / 3;
        double[] noise = Matrices.gaussian(503 + (wide ? 10 : 0), n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = dot(x, i * p, beta, p) + k * noise[i];
        settings.put("fit_intercept", "true");
        return new Workload(name, model, n, p, x, y, settings);
    }

    /** Multi-task alpha as a share of alpha_max (about 60 of the 500 features selected). */
    static final double MT_ALPHA_SHARE = 0.05;

    /** Y = 1 + XBᵀ + noise, B: T tasks over 40 shared active features; Y row-major in y, T in {@code n_tasks}. */
    private static Workload multiTask(String name, String model, double scale, Map<String, String> settings) {
        int n = scaled(10000, scale), p = scaled(500, Math.sqrt(scale)), tasks = 10;
        double[] x = Matrices.gaussian(501, n * p);
        double[] b = new double[tasks * p];
        SplittableRandom random = new SplittableRandom(502);
        int active = Math.min(40, p / 2);
        for (int k = 0; k < active; k++) {
            int j = k * (p / active);
            for (int t = 0; t < tasks; t++) b[t * p + j] = random.nextGaussian();
        }
        double[] noise = Matrices.gaussian(503, n * tasks);
        double[] y = new double[n * tasks];
        for (int i = 0; i < n; i++) for (int t = 0; t < tasks; t++) y[i * tasks + t] = 1 + dot(x, i * p, java.util.Arrays.copyOfRange(b, t * p, t * p + p), p) + 2 * noise[i * tasks + t];
        settings.put("n_tasks", Integer.toString(tasks));
        settings.put("fit_intercept", "true");
        return new Workload(name, model, n, p, x, y, settings);
    }

    /** Correlation between every pair of columns of the equicorrelated design. */
    static final double EQUI_RHO = 0.5;

    /** The column structures of the generated designs. */
    enum Columns { GAUSSIAN, AR1, EQUICORRELATED }

    /** An n×p row-major design: independent standard normal, AR(1) columns with ρ = 0.6, or equicorrelated with ρ = 0.5. */
    static double[] design(Columns kind, long seed, int n, int p) {
        double[] z = Matrices.gaussian(seed, n * p);
        switch (kind) {
            case GAUSSIAN -> { }
            case AR1 -> {
                double rho = 0.6, c = Math.sqrt(1 - rho * rho);
                for (int i = 0; i < n; i++) for (int j = 1; j < p; j++) z[i * p + j] = rho * z[i * p + j - 1] + c * z[i * p + j];
            }
            case EQUICORRELATED -> {
                double[] u = Matrices.gaussian(seed + 1, n);
                double a = Math.sqrt(EQUI_RHO), c = Math.sqrt(1 - EQUI_RHO);
                for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) z[i * p + j] = a * u[i] + c * z[i * p + j];
            }
        }
        return z;
    }

    /**
     * Binary labels from a logistic model on a design of the given kind: β Gaussian scaled so that the margin xᵢ·β has
     * a standard deviation of about 2 (for the equicorrelated design, ρ·(Σβ)² adds to it), intercept 0.5.
     */
    private static Workload binary(String name, int n, int p, Columns kind) {
        long seed = 600 + 10L * kind.ordinal() + (p > n ? 5 : 0) + (p > 50000 ? 2 : 0);
        double[] x = design(kind, seed, n, p);
        double[] beta = Matrices.gaussian(seed + 3, p);
        for (int j = 0; j < p; j++) beta[j] *= 2.0 / Math.sqrt(p);
        SplittableRandom random = new SplittableRandom(seed + 4);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double prob = 1 / (1 + Math.exp(-(0.5 + dot(x, (long) i * p, beta, p))));
            y[i] = random.nextDouble() < prob ? 1 : 0;
        }
        return new Workload(name, "logistic", n, p, x, y, Workload.settings("C", "1.0", "fit_intercept", "true"));
    }

    /** alpha = share·max_j ‖X̃ⱼᵀỸ‖₂/(n·l1Ratio) (scikit-learn's multi-task rule). */
    private static Workload withMultiTaskAlpha(Workload w, double share) {
        int n = w.n(), p = w.p(), tasks = (int) w.number("n_tasks");
        double[] c = new double[p * tasks];
        double[] ybar = new double[tasks];
        for (int i = 0; i < n; i++) for (int t = 0; t < tasks; t++) ybar[t] += w.y()[i * tasks + t] / n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double xij = w.x()[i * p + j];
                for (int t = 0; t < tasks; t++) c[j * tasks + t] += xij * (w.y()[i * tasks + t] - ybar[t]);
            }
        }
        double max = 0;
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int t = 0; t < tasks; t++) s += c[j * tasks + t] * c[j * tasks + t];
            max = Math.max(max, Math.sqrt(s));
        }
        w.settings().put("alpha", Double.toString(share * max / (n * w.number("l1_ratio"))));
        return w;
    }

    /**
     * 100 groups of 10 consecutive columns, within-group correlation 0.3 (a shared factor per group and row), 10 active
     * groups; y = 1 + Xβ + noise, or labels from σ(0.5 + Xβ/2) for the logistic loss.
     */
    private static Workload grouped(String name, boolean logistic, double scale) {
        int n = scaled(10000, scale), groupSize = 10, groups = Math.max(2, (int) Math.round(100 * Math.sqrt(scale))), p = groups * groupSize;
        double[] z = Matrices.gaussian(logistic ? 611 : 601, n * p);
        double[] common = Matrices.gaussian(logistic ? 612 : 602, n * groups);
        double a = Math.sqrt(0.3), c = Math.sqrt(0.7);
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) x[i * p + j] = a * common[i * groups + j / groupSize] + c * z[i * p + j];
        double[] beta = new double[p];
        SplittableRandom random = new SplittableRandom(logistic ? 613 : 603);
        int active = Math.max(1, groups / 10);
        for (int k = 0; k < active; k++) {
            int g = k * (groups / active);
            for (int t = 0; t < groupSize; t++) beta[g * groupSize + t] = random.nextGaussian() * (logistic ? 0.3 : 1.0);
        }
        double[] noise = Matrices.gaussian(logistic ? 614 : 604, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = dot(x, i * p, beta, p);
            y[i] = logistic ? (random.nextDouble() < 1 / (1 + Math.exp(-(0.5 + eta))) ? 1 : 0) : 1 + eta + 3 * noise[i];
        }
        return new Workload(name, "group_lasso_path", n, p, x, y, Workload.settings("loss", logistic ? "logistic" : "squared",
                "group_size", Integer.toString(groupSize), "n_alphas", "100", "eps", "1e-2", "fit_intercept", "true"));
    }

    /** AR(1) columns (ρ = 0.6) as {@link #correlated}, 0/1 labels from a logistic model with 20 true non-zeros. */
    private static Workload binaryAr1(String name, String model, double scale, Map<String, String> settings) {
        int n = scaled(20000, scale), p = scaled(1000, Math.sqrt(scale));
        double rho = 0.6, c = Math.sqrt(1 - rho * rho);
        double[] z = Matrices.gaussian(501, n * p);
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            x[i * p] = z[i * p];
            for (int j = 1; j < p; j++) x[i * p + j] = rho * x[i * p + j - 1] + c * z[i * p + j];
        }
        double[] beta = sparse(502, p, Math.min(20, p / 2));
        for (int j = 0; j < p; j++) beta[j] *= 0.5;
        SplittableRandom random = new SplittableRandom(503);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 + dot(x, i * p, beta, p)))) ? 1 : 0;
        settings.put("fit_intercept", "true");
        return new Workload(name, model, n, p, x, y, settings);
    }

    /** Gaussian columns, labels 0 .. 4 drawn from a softmax model with random class coefficients. */
    private static Workload multiclass(String name, String model, double scale, Map<String, String> settings) {
        int n = scaled(20000, scale), p = scaled(200, Math.sqrt(scale));
        int k = 5;
        double[] x = Matrices.gaussian(601, n * p);
        double[] w = Matrices.gaussian(602, k * p);
        for (int i = 0; i < w.length; i++) w[i] *= 1.5 / Math.sqrt(p);
        SplittableRandom random = new SplittableRandom(603);
        double[] y = new double[n];
        double[] prob = new double[k];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) sum += prob[c] = Math.exp(dot(x, i * p, java.util.Arrays.copyOfRange(w, c * p, c * p + p), p));
            double u = random.nextDouble() * sum;
            int c = 0;
            while (c < k - 1 && (u -= prob[c]) > 0) c++;
            y[i] = c;
        }
        settings.put("fit_intercept", "true");
        settings.put("n_classes", Integer.toString(k));
        return new Workload(name, model, n, p, x, y, settings);
    }

    /** Gaussian columns, counts drawn from a Poisson model with the log link (means around e^0.5). */
    private static Workload counts(String name, String model, double scale, Map<String, String> settings) {
        int n = scaled(20000, scale), p = scaled(200, Math.sqrt(scale));
        double[] x = Matrices.gaussian(701, n * p);
        double[] beta = Matrices.gaussian(702, p);
        for (int j = 0; j < p; j++) beta[j] *= (j % 4 == 0 ? 1.0 : 0.1) / Math.sqrt(p);
        SplittableRandom random = new SplittableRandom(703);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double mu = Math.exp(0.5 + dot(x, i * p, beta, p));
            // Knuth's product of uniforms: the counts depend on the seed alone
            double limit = Math.exp(-mu), prod = random.nextDouble();
            int count = 0;
            while (prod > limit) {
                prod *= random.nextDouble();
                count++;
            }
            y[i] = count;
        }
        settings.put("fit_intercept", "true");
        return new Workload(name, model, n, p, x, y, settings);
    }

    /**
     * glmnet's default λ grid written out (so that every side fits exactly the same 100 values; glmnet given
     * {@code lambda=} stops nothing early): λ_max = max_j |Σᵢ x̃ᵢⱼ(Yᵢ − Ȳ)|/n over the standardised columns (and, for
     * k &gt; 1 classes, over the one-hot columns of Y), λ_k = λ_max·10^(−4·k/99) (n ≥ p).
     */
    private static Workload withGlmnetGrid(Workload w, int classes) {
        int n = w.n(), p = w.p();
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) mean[j] += w.x()[i * p + j] / n;
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) sd[j] += Math.pow(w.x()[i * p + j] - mean[j], 2) / n;
        double max = 0;
        for (int c = 0; c < classes; c++) {
            double[] yc = new double[n];
            double ybar = 0;
            for (int i = 0; i < n; i++) ybar += (yc[i] = classes == 1 ? w.y()[i] : w.y()[i] == c ? 1 : 0) / n;
            double[] corr = new double[p];
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) corr[j] += (w.x()[i * p + j] - mean[j]) * (yc[i] - ybar);
            for (int j = 0; j < p; j++) max = Math.max(max, Math.abs(corr[j]) / Math.sqrt(sd[j]) / n);
        }
        int count = 100;
        double ratio = n >= p ? 1e-4 : 1e-2;
        List<String> grid = new ArrayList<>();
        for (int k = 0; k < count; k++) grid.add(Double.toString(max * Math.pow(ratio, (double) k / (count - 1))));
        w.settings().put("lambdas", String.join(" ", grid));
        w.settings().put("n_alphas", Integer.toString(count));
        return w;
    }

    /**
     * C = multiple × C_min, C_min = 1/max_j |Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ)| / l1Ratio (below it every coefficient of the L1 or
     * elastic-net logistic fit is 0, scikit-learn's {@code l1_min_c} with an intercept): a few dozen non-zeros.
     */
    private static Workload withC(Workload w, double l1Ratio) {
        double cMin = 1 / (alphaMax(w.x(), w.y(), w.n(), w.p(), 1.0) * w.n() / l1Ratio);
        w.settings().put("C", Double.toString(LOGISTIC_C_MULTIPLE * cMin));
        return w;
    }

    /** C of the L1 / elastic-net logistic workloads as a multiple of the smallest C with a non-zero coefficient. */
    static final double LOGISTIC_C_MULTIPLE = 5.0;

    /** alpha = share·alpha_max, alpha_max = max_j |Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ)| / (n·l1Ratio) (scikit-learn's rule). */
    private static Workload withAlpha(Workload w, double share) {
        double alphaMax = alphaMax(w.x(), w.y(), w.n(), w.p(), w.number("l1_ratio"));
        w.settings().put("alpha", Double.toString(share * alphaMax));
        return w;
    }

    public static double alphaMax(double[] x, double[] y, int n, int p, double l1Ratio) {
        double ybar = 0;
        for (double v : y) ybar += v;
        ybar /= n;
        double[] means = new double[p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) means[j] += x[i * p + j];
        double[] c = new double[p];
        for (int i = 0; i < n; i++) {
            double r = y[i] - ybar;
            for (int j = 0; j < p; j++) c[j] += (x[i * p + j] - means[j] / n) * r;
        }
        double max = 0;
        for (double v : c) max = Math.max(max, Math.abs(v));
        return max / (n * l1Ratio);
    }

    private static double[] sparse(long seed, int p, int k) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] beta = new double[p];
        int step = Math.max(1, p / k);
        for (int t = 0; t < k; t++) beta[t * step] = (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble());
        return beta;
    }

    private static String logspace(double from, double to, int count) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < count; k++) parts.add(Double.toString(Math.pow(10, from + (to - from) * k / (count - 1))));
        return String.join(" ", parts);
    }

    private static double dot(double[] x, long offset, double[] b, int p) {
        double s = 0;
        for (int j = 0; j < p; j++) s += x[(int) offset + j] * b[j];
        return s;
    }
}
