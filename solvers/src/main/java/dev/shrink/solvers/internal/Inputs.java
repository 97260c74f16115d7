package dev.shrink.solvers.internal;

import java.util.TreeSet;

/** Checks at the API boundary: each failure names the argument and the position or value. Arrays are only read. */
public final class Inputs {
    private Inputs() {}

    public static String describe(double x) {
        return Double.isNaN(x) ? "NaN" : x > 0 ? "+Infinity" : "-Infinity";
    }

    /**
     * y has n finite values, each small enough that sums of n squares stay finite (|yᵢ| ≤ √(MAX_VALUE/(16·n)); larger
     * values overflow in ‖y − ȳ‖² and Xᵀy).
     */
    public static void response(double[] y, int n) {
        labels(y, n);
        double limit = Math.sqrt(Double.MAX_VALUE / (16.0 * n));
        for (int i = 0; i < n; i++) {
            if (Math.abs(y[i]) > limit) {
                throw new IllegalArgumentException("y has " + y[i] + " at row " + i + ": sums of squares overflow a double beyond |y| = "
                        + String.format(java.util.Locale.ROOT, "%.3g", limit) + " (√(MAX_VALUE/(16·n)), n = " + n + "); rescale y");
            }
        }
    }

    /** y has n finite values (class labels: any magnitude). */
    public static void labels(double[] y, int n) {
        if (y == null) throw new IllegalArgumentException("y must not be null");
        if (y.length != n) throw new IllegalArgumentException("y has " + y.length + " rows, X has " + n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("y has " + describe(y[i]) + " at row " + i);
        }
    }

    /** Sample weights: null (all 1) or n finite values ≥ 0, not all zero. Returns their sum. */
    public static double weights(double[] w, int n) {
        if (w == null) return n;
        if (w.length != n) throw new IllegalArgumentException("sampleWeight has " + w.length + " rows, X has " + n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = w[i];
            if (!Double.isFinite(v)) throw new IllegalArgumentException("sampleWeight has " + describe(v) + " at row " + i);
            if (v < 0) throw new IllegalArgumentException("sampleWeight has a negative value " + v + " at row " + i);
            sum += v;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("sampleWeight is all zero: at least one row needs a positive weight");
        if (sum == Double.POSITIVE_INFINITY) throw new IllegalArgumentException("sampleWeight sums to more than the largest double: rescale the weights");
        return sum;
    }

    /** A penalty strength such as alpha: finite and ≥ 0. */
    public static double nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + v);
        return v;
    }

    /** A strictly positive finite value such as C or tol. */
    public static double positive(String name, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        return v;
    }

    /** l1Ratio in [0, 1]. */
    public static double ratio(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        return v;
    }

    public static int positive(String name, int v) {
        if (v <= 0) throw new IllegalArgumentException(name + " must be ≥ 1, got " + v);
        return v;
    }

    /** Initial coefficients: p finite values. */
    public static void coefficients(String name, double[] w, int p) {
        if (w == null) return;
        if (w.length != p) throw new IllegalArgumentException(name + " has " + w.length + " values, X has " + p + " columns");
        for (int j = 0; j < p; j++) {
            if (!Double.isFinite(w[j])) throw new IllegalArgumentException(name + " has " + describe(w[j]) + " at index " + j);
        }
    }

    /**
     * Labels with exactly two distinct finite values; returns them sorted {negative, positive} (the larger value is the
     * positive class, as scikit-learn's sorted {@code classes_}).
     */
    public static double[] twoLabels(double[] y, int n) {
        labels(y, n);
        TreeSet<Double> seen = new TreeSet<>();
        for (double v : y) {
            seen.add(v == 0.0 ? 0.0 : v); // -0.0 and 0.0 are one label
            if (seen.size() > 20) break;
        }
        if (seen.size() != 2) {
            String values = seen.size() > 20 ? seen.stream().limit(20).map(Inputs::label).toList() + " …" : seen.stream().map(Inputs::label).toList().toString();
            String count = seen.size() > 20 ? "more than 20" : String.valueOf(seen.size());
            throw new IllegalArgumentException("labels must take exactly two values, found " + count + ": " + values);
        }
        return new double[] {seen.first(), seen.last()};
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * glmnet's {@code lower.limits} / {@code upper.limits} for p features: null (none) or p values each, lower in
     * [−∞, 0] and upper in [0, +∞] (glmnet requires the box to hold 0), not NaN. Either may be null.
     */
    public static void limits(double[] lower, double[] upper, int p) {
        if (lower != null) {
            if (lower.length != p) throw new IllegalArgumentException("lowerLimits has " + lower.length + " values, X has " + p + " columns");
            for (int j = 0; j < p; j++) {
                if (!(lower[j] <= 0)) throw new IllegalArgumentException("lowerLimits[" + j + "] must be ≤ 0 (the box must hold 0, as glmnet requires), got " + lower[j]);
            }
        }
        if (upper != null) {
            if (upper.length != p) throw new IllegalArgumentException("upperLimits has " + upper.length + " values, X has " + p + " columns");
            for (int j = 0; j < p; j++) {
                if (!(upper[j] >= 0)) throw new IllegalArgumentException("upperLimits[" + j + "] must be ≥ 0 (the box must hold 0, as glmnet requires), got " + upper[j]);
            }
        }
    }

    /**
     * glmnet's {@code penalty.factor}: null or p finite values ≥ 0, not all 0. Returns them rescaled to sum to p, as
     * glmnet does (a copy; null stays null).
     */
    public static double[] penaltyFactors(double[] f, int p) {
        if (f == null) return null;
        if (f.length != p) throw new IllegalArgumentException("penaltyFactors has " + f.length + " values, X has " + p + " columns");
        double sum = 0;
        for (int j = 0; j < p; j++) {
            if (!(f[j] >= 0) || f[j] == Double.POSITIVE_INFINITY) throw new IllegalArgumentException("penaltyFactors[" + j + "] must be finite and ≥ 0, got " + f[j]);
            sum += f[j];
        }
        if (!(sum > 0)) throw new IllegalArgumentException("penaltyFactors are all zero: at least one feature must be penalised");
        double[] out = new double[p];
        for (int j = 0; j < p; j++) out[j] = f[j] * p / sum;
        return out;
    }

    /** The adaptive lasso's stage-2 factors: p values ≥ 0, +∞ allowed (the feature is left out). */
    public static void adaptiveFactors(double[] f, int p) {
        if (f == null) throw new IllegalArgumentException("factors must not be null");
        if (f.length != p) throw new IllegalArgumentException("factors has " + f.length + " values, X has " + p + " columns");
        for (int j = 0; j < p; j++) {
            if (!(f[j] >= 0)) throw new IllegalArgumentException("factors[" + j + "] must be ≥ 0 (+∞ leaves the feature out), got " + f[j]);
        }
    }

    /**
     * Class labels: at least two distinct finite values; returns them in increasing order (scikit-learn's
     * {@code classes_}). -0.0 and 0.0 are one label.
     */
    public static double[] classes(double[] y, int n) {
        labels(y, n);
        // the few distinct values by a linear search (no boxing: this runs once per fit over every label); a sorted
        // copy when there are many
        double[] seen = new double[16];
        int k = 0;
        for (double v0 : y) {
            double v = v0 == 0.0 ? 0.0 : v0;
            int c = 0;
            while (c < k && seen[c] != v) c++;
            if (c < k) continue;
            if (k == seen.length) return sortedDistinct(y);
            seen[k++] = v;
        }
        if (k < 2) throw new IllegalArgumentException("labels must take at least two values, found one: " + label(seen[0]));
        double[] out = java.util.Arrays.copyOf(seen, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /** The distinct values of y (at least 17 of them), -0.0 counted as 0.0, in increasing order. */
    private static double[] sortedDistinct(double[] y) {
        double[] sorted = new double[y.length];
        for (int i = 0; i < y.length; i++) sorted[i] = y[i] == 0.0 ? 0.0 : y[i];
        java.util.Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[k - 1]) sorted[k++] = sorted[i];
        return java.util.Arrays.copyOf(sorted, k);
    }

    /** The index of each label in {@code classes} (from {@link #classes}), as doubles 0 .. K − 1. */
    public static double[] classIndices(double[] y, double[] classes) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) out[i] = java.util.Arrays.binarySearch(classes, y[i] == 0.0 ? 0.0 : y[i]);
        return out;
    }

    /**
     * Poisson responses: n finite counts ≥ 0 (non-integer values are allowed, as in scikit-learn and glmnet), and with an
     * intercept at least one positive (else the intercept has no finite minimiser).
     */
    public static void counts(double[] y, int n, boolean intercept) {
        response(y, n);
        boolean positive = false;
        for (int i = 0; i < n; i++) {
            if (y[i] < 0) throw new IllegalArgumentException("y must be ≥ 0 for a Poisson model (counts), got " + y[i] + " at row " + i);
            positive |= y[i] > 0;
        }
        if (!positive && intercept) {
            throw new IllegalArgumentException("y is all zero: a Poisson model with an intercept has no finite minimiser (its intercept tends to −∞)");
        }
    }

}
