package dev.shrink.bench.data;

import dev.shrink.solvers.SparseDesign;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sparse solver workloads of the sparse-designs issue: a text-like design (documents × terms), n = 100000, p =
 * 20000, about 0.1 % of the entries stored, with power-law ("Zipf") term frequencies — the count of column j is
 * proportional to (j + 10)^−1.1, from about a third of the rows for the commonest term down to a handful — and small
 * term counts 1, 2, 3 as values; y = 1 + X·β + noise with 200 non-zero β spread over common and rare terms, each
 * scaled to its column's norm so that rare terms carry as much signal as common ones. Generated
 * from fixed seeds, stored as CSC ({@link SparseDesign}), written for the peers as one Matrix Market file.
 *
 * <ul>
 *   <li>{@code sparse-lasso-path}: 100-alpha lasso path on scikit-learn's grid (eps 1e-3), passed explicitly to every
 *       side;</li>
 *   <li>{@code sparse-lasso}: one lasso fit at the middle alpha of that grid (the 51st).</li>
 * </ul>
 * The L1 logistic workloads use the same X with 0/1 labels drawn from a logistic model on it ({@link #labels}), and
 * scikit-learn's objective {@code C·Σᵢ logloss + ‖w‖₁} (glmnet's binomial objective without standardising, λ = 1/(C·n)):
 * <ul>
 *   <li>{@code sparse-logistic-path}: 100 λ from λ_max = max|Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ)|/n (every coefficient 0) down to
 *       {@value #LOGISTIC_RATIO}·λ_max, log-spaced, passed explicitly to every side (glmnet given lambdas stops
 *       nothing early; scikit-learn runs them as C = 1/(nλ) in a warm-started loop);</li>
 *   <li>{@code sparse-logistic}: one L1 logistic fit at the middle λ of that grid (the 51st), as C = 1/(nλ).</li>
 * </ul>
 */
public final class TextWorkloads {
    private TextWorkloads() {}

    static final double DENSITY = 0.001;
    static final double ZIPF_EXPONENT = 1.1;
    static final int N_ALPHAS = 100;
    static final double EPS = 1e-3;

    /** λ_min/λ_max of the L1 logistic path. */
    static final double LOGISTIC_RATIO = 1e-2;

    static Workload get(String name, double scale) {
        int n = Math.max(200, (int) Math.round(100_000 * scale));
        int p = Math.max(100, (int) Math.round(20_000 * scale));
        SparseDesign x = design(n, p);
        if (name.startsWith("sparse-logistic")) return logistic(name, x);
        double[] y = response(x);
        double[] grid = grid(x, y, N_ALPHAS, EPS);
        Map<String, String> settings = switch (name) {
            case "sparse-lasso-path" -> Workload.settings("l1_ratio", "1.0", "n_alphas", Integer.toString(N_ALPHAS), "eps", Double.toString(EPS),
                    "alphas", join(grid), "fit_intercept", "true");
            case "sparse-lasso" -> Workload.settings("l1_ratio", "1.0", "alpha", Double.toString(grid[N_ALPHAS / 2]), "fit_intercept", "true");
            default -> throw new IllegalArgumentException("unknown sparse workload '" + name + "'");
        };
        String model = name.equals("sparse-lasso-path") ? "elasticnet_path" : "lasso";
        return new Workload(name, model, n, p, null, y, settings, x);
    }

    /** Columns with Zipf counts, each a uniformly drawn set of distinct rows (sorted), values 1, 2 or 3. */
    public static SparseDesign design(int n, int p) {
        SplittableRandom random = new SplittableRandom(501);
        double norm = 0;
        for (int j = 0; j < p; j++) norm += Math.pow(j + 10, -ZIPF_EXPONENT);
        double total = DENSITY * n * p;
        int[] starts = new int[p + 1];
        for (int j = 0; j < p; j++) {
            int count = (int) Math.max(1, Math.min(n / 2, Math.round(total * Math.pow(j + 10, -ZIPF_EXPONENT) / norm)));
            starts[j + 1] = starts[j] + count;
        }
        int[] rows = new int[starts[p]];
        double[] values = new double[starts[p]];
        boolean[] taken = new boolean[n];
        for (int j = 0; j < p; j++) {
            int from = starts[j];
            int count = starts[j + 1] - from;
            for (int k = 0; k < count; k++) {
                int i;
                do {
                    i = random.nextInt(n);
                } while (taken[i]);
                taken[i] = true;
                rows[from + k] = i;
            }
            Arrays.sort(rows, from, from + count);
            for (int k = from; k < from + count; k++) {
                taken[rows[k]] = false;
                values[k] = 1 + random.nextInt(3);
            }
        }
        return SparseDesign.csc(n, p, starts, rows, values);
    }

    /**
     * y = 1 + Xβ + 2·noise, β non-zero on 200 columns spread evenly over the frequency ranks:
     * βⱼ = ±(1 … 2)·0.3·sqrt(n/‖xⱼ‖²), so that each carries about the same variance whatever its frequency.
     */
    static double[] response(SparseDesign x) {
        SplittableRandom random = new SplittableRandom(502);
        double[] y = signal(x, random, 0.3);
        for (int i = 0; i < y.length; i++) y[i] += 1 + 2 * random.nextGaussian();
        return y;
    }

    /** Xβ, βⱼ = ±(1 … 2)·size·sqrt(n/‖xⱼ‖²) on 200 columns spread evenly over the frequency ranks, 0 elsewhere. */
    private static double[] signal(SparseDesign x, SplittableRandom random, double size) {
        dev.shrink.kernels.CscView v = (dev.shrink.kernels.CscView) x.matrix();
        double[] out = new double[x.n()];
        int step = Math.max(1, x.p() / 200);
        for (int j = 0; j < x.p(); j += step) {
            double norm2 = 0;
            for (int k = v.columnStarts()[j]; k < v.columnStarts()[j + 1]; k++) norm2 += v.values()[k] * v.values()[k];
            double beta = (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble()) * size * Math.sqrt(x.n() / norm2);
            for (int k = v.columnStarts()[j]; k < v.columnStarts()[j + 1]; k++) out[v.rowIndices()[k]] += beta * v.values()[k];
        }
        return out;
    }

    /** The L1 logistic workloads on X (see the class comment). */
    private static Workload logistic(String name, SparseDesign x) {
        int n = x.n();
        double[] y = labels(x);
        double[] lambdas = grid(x, y, N_ALPHAS, LOGISTIC_RATIO); // the same rule: λ_max = max|x̃ⱼᵀ(y − ȳ)|/n
        Map<String, String> settings = switch (name) {
            case "sparse-logistic-path" -> Workload.settings("l1_ratio", "1.0", "lambdas", join(lambdas), "n_alphas", Integer.toString(N_ALPHAS),
                    "standardize", "false", "fit_intercept", "true");
            case "sparse-logistic" -> Workload.settings("penalty", "l1", "l1_ratio", "1.0", "C", Double.toString(1 / (n * lambdas[N_ALPHAS / 2])),
                    "fit_intercept", "true");
            default -> throw new IllegalArgumentException("unknown sparse workload '" + name + "'");
        };
        String model = name.equals("sparse-logistic-path") ? "logistic_path" : "logistic_penalized";
        return new Workload(name, model, n, x.p(), null, y, settings, x);
    }

    /**
     * 0/1 labels from P(y = 1) = σ(−0.5 + Xβ), β non-zero on 200 columns spread evenly over the frequency ranks as in
     * {@link #response}, βⱼ = ±(1 … 2)·0.09·sqrt(n/‖xⱼ‖²): each term adds about the same variance to the margin, whose
     * standard deviation is then about 2.
     */
    static double[] labels(SparseDesign x) {
        SplittableRandom random = new SplittableRandom(503);
        double[] eta = signal(x, random, 0.09);
        double[] y = new double[x.n()];
        for (int i = 0; i < y.length; i++) y[i] = random.nextDouble() < 1 / (1 + Math.exp(0.5 - eta[i])) ? 1 : 0;
        return y;
    }

    /** scikit-learn's lasso grid: alpha_max = max|Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ)|/n down to eps·alpha_max, log-spaced. */
    static double[] grid(SparseDesign x, double[] y, int count, double eps) {
        dev.shrink.kernels.CscView v = (dev.shrink.kernels.CscView) x.matrix();
        double ybar = 0;
        for (double t : y) ybar += t;
        ybar /= y.length;
        double max = 0;
        for (int j = 0; j < x.p(); j++) {
            double c = 0;
            for (int k = v.columnStarts()[j]; k < v.columnStarts()[j + 1]; k++) c += v.values()[k] * (y[v.rowIndices()[k]] - ybar);
            max = Math.max(max, Math.abs(c));
        }
        return dev.shrink.solvers.path.ElasticNetPath.scikitLearnGrid(max / x.n(), count, eps);
    }

    private static String join(double[] a) {
        StringBuilder b = new StringBuilder();
        for (double v : a) b.append(b.isEmpty() ? "" : " ").append(v);
        return b.toString();
    }
}
