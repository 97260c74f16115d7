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
 *   <li>{@code mt-enet}, {@code mt-enet-path} (issue 15): MultiTaskElasticNet (l1Ratio 0.5) at one alpha and along a
 *       100-alpha path (eps 1e-3), n = 10000, p = 500, T = 10 tasks sharing 40 active features (y holds Y row-major,
 *       {@code n_tasks} says T);</li>
 *   <li>{@code group-path}, {@code group-path-logistic} (issue 15): group lasso path, 100 alphas down to 1e-2·alpha_max,
 *       n = 10000, p = 1000 in 100 groups of 10 consecutive columns (within-group correlation 0.3), 10 active groups;
 *       squared loss, and logistic loss on labels drawn from the same linear predictor;</li>
 *   <li>{@code bayes-ridge} (issue 15): BayesianRidge with scikit-learn's defaults on the ridge data.</li>
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
                "mt-enet", "mt-enet-path", "group-path", "group-path-logistic", "bayes-ridge");
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
            case "bayes-ridge" -> ridgeData(name, "bayesian_ridge", scale, Workload.settings("fit_intercept", "true"));
            case "mt-enet" -> withMultiTaskAlpha(multiTask(name, "multitask_elasticnet", scale, Workload.settings("l1_ratio", "0.5")), MT_ALPHA_SHARE);
            case "mt-enet-path" -> multiTask(name, "multitask_elasticnet_path", scale,
                    Workload.settings("l1_ratio", "0.5", "n_alphas", "100", "eps", "1e-3"));
            case "group-path" -> grouped(name, false, scale);
            case "group-path-logistic" -> grouped(name, true, scale);
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

    private static double dot(double[] x, int offset, double[] b, int p) {
        double s = 0;
        for (int j = 0; j < p; j++) s += x[offset + j] * b[j];
        return s;
    }
}
