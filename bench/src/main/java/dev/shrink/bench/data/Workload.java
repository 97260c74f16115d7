package dev.shrink.bench.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One solver benchmark problem: data (row-major X, y) generated from a seed, and what to fit on it.
 *
 * @param name     the report's name, e.g. {@code lasso}, {@code enet-path}
 * @param model    {@code ridge}, {@code lasso}, {@code elasticnet}, {@code logistic}, {@code elasticnet_path},
 *                 {@code elasticnet_cv}, {@code ridge_cv}, {@code multitask_elasticnet}, {@code multitask_elasticnet_path},
 *                 {@code group_lasso_path}, {@code bayesian_ridge}
 * @param n        rows
 * @param p        columns
 * @param x        n×p row-major
 * @param y        n responses (0/1 labels for logistic); multi-task: n×T row-major ({@code n_tasks} = T)
 * @param settings the fit's settings in the peers' words: {@code alpha}, {@code l1_ratio}, {@code C}, {@code n_alphas},
 *                 {@code eps}, {@code n_folds}, {@code alphas} (space-separated), {@code fit_intercept}, {@code n_tasks},
 *                 {@code loss} and {@code group_size} (consecutive groups of that size)
 * @param sparse   a sparse workload's X (then {@code x} is null), else null
 */
public record Workload(String name, String model, int n, int p, double[] x, double[] y, Map<String, String> settings,
                       dev.shrink.solvers.SparseDesign sparse) {

    /** A dense workload. */
    public Workload(String name, String model, int n, int p, double[] x, double[] y, Map<String, String> settings) {
        this(name, model, n, p, x, y, settings, null);
    }

    /** X as the solvers take it: the sparse design, or a row-major view of x. */
    public dev.shrink.solvers.Design design() {
        return sparse != null ? sparse : dev.shrink.solvers.Design.rowMajor(x, n, p);
    }

    public String shape() {
        return n + "x" + p;
    }

    public double number(String key) {
        String v = settings.get(key);
        if (v == null) throw new IllegalArgumentException("workload " + name + " has no setting " + key);
        return Double.parseDouble(v);
    }

    public double[] numbers(String key) {
        String v = settings.get(key);
        if (v == null) throw new IllegalArgumentException("workload " + name + " has no setting " + key);
        String[] parts = v.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
        return out;
    }

    static Map<String, String> settings(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return m;
    }
}
