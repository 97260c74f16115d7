package dev.shrink.solvers.glm;

/**
 * The penalty of the GLM engine, per feature j and shared by the K classes:
 * {@code Ωⱼ(w) = l1·aⱼ·Σ_c|w_cj| + ½·l2·bⱼ·Σ_c w_cj²} (ungrouped) or {@code l1·aⱼ·‖w_·j‖₂ + ½·l2·bⱼ·‖w_·j‖²} (grouped,
 * glmnet's {@code type.multinomial="grouped"}), subject to {@code lowerⱼ ≤ w_cj ≤ upperⱼ}. The weights aⱼ, bⱼ carry
 * glmnet's penalty factors and standardisation (aⱼ = pfⱼ·dⱼ, bⱼ = pfⱼ·dⱼ²); l1, l2 are the strengths of one fit.
 * A feature with aⱼ = bⱼ = 0 is unpenalised. Immutable; arrays are the caller's, not copied.
 *
 * @param l1Weights aⱼ ≥ 0, or null for all 1
 * @param l2Weights bⱼ ≥ 0, or null for all 1
 * @param lower     lower bounds ≤ 0 (−∞: none), or null for none
 * @param upper     upper bounds ≥ 0 (+∞: none), or null for none
 * @param grouped   one L2 norm over the classes per feature instead of absolute values
 */
record Penalties(double[] l1Weights, double[] l2Weights, double[] lower, double[] upper, boolean grouped) {

    /** No weights, no bounds. */
    static Penalties plain() {
        return new Penalties(null, null, null, null, false);
    }

    double a(int j) {
        return l1Weights == null ? 1.0 : l1Weights[j];
    }

    double b(int j) {
        return l2Weights == null ? 1.0 : l2Weights[j];
    }

    double lower(int j) {
        return lower == null ? Double.NEGATIVE_INFINITY : lower[j];
    }

    double upper(int j) {
        return upper == null ? Double.POSITIVE_INFINITY : upper[j];
    }

    boolean bounded() {
        return lower != null || upper != null;
    }

    boolean unpenalised(int j) {
        return a(j) == 0 && b(j) == 0;
    }

    /** Ω(w) at strengths l1, l2 for the k class vectors of w (class-major, p features each). */
    double value(double l1, double l2, double[] w, int k, int p) {
        double sum = 0;
        for (int j = 0; j < p; j++) sum += value(l1, l2, w, k, p, j);
        return sum;
    }

    /** Ωⱼ of feature j in w (class-major, p features per class). */
    double value(double l1, double l2, double[] w, int k, int p, int j) {
        return value(l1, l2, w, j, p, k, j);
    }

    /** Ωⱼ of the K values {@code v[offset + c·stride]} (the coefficients of feature j in every class). */
    double value(double l1, double l2, double[] v, int offset, int stride, int k, int j) {
        double abs = 0;
        double sq = 0;
        for (int c = 0; c < k; c++) {
            double x = v[offset + c * stride];
            abs += Math.abs(x);
            sq += x * x;
        }
        double l1Part = grouped ? Math.sqrt(sq) : abs;
        return (a(j) == 0 ? 0 : l1 * a(j) * l1Part) + (b(j) == 0 ? 0 : 0.5 * l2 * b(j) * sq);
    }

    /**
     * The shift t that minimises Ωⱼ(w_·j + t) over the classes (the loss of a multinomial model does not change when the
     * same t is added to a feature's coefficient in every class, so the minimiser takes this t): see
     * {@link #bestShift(double, double, boolean, double[], int, int, int)} with feature j's strengths.
     */
    double bestShift(double l1, double l2, double[] w, int k, int p, int j) {
        return bestShift(l1 * a(j), l2 * b(j), grouped, w, j, p, k);
    }

    /**
     * The t minimising Σ_c (a·|v_c + t| + ½·b·(v_c + t)²) (or a·‖v + t‖ + ½·b·‖v + t‖² grouped), v_c =
     * {@code v[offset + c·stride]}: the mean's negative for the grouped or pure L2 penalty, else the root of the monotone
     * derivative Σ_c (a·sign(v_c + t) + b·(v_c + t)), found among the breakpoints −v_c (the elastic-net "median" glmnet
     * applies).
     */
    static double bestShift(double a, double b, boolean grouped, double[] v, int offset, int stride, int k) {
        double mean = 0;
        for (int c = 0; c < k; c++) mean += v[offset + c * stride] / k;
        if (grouped || a == 0) return -mean;
        double[] points = new double[k];
        for (int c = 0; c < k; c++) points[c] = -v[offset + c * stride];
        java.util.Arrays.sort(points);
        // between points[r−1] and points[r] exactly r of the v_c + t are positive: derivative a·(2r − k) + b·k·(t + mean)
        for (int r = 0; r <= k; r++) {
            double lo = r == 0 ? Double.NEGATIVE_INFINITY : points[r - 1];
            double hi = r == k ? Double.POSITIVE_INFINITY : points[r];
            double slope = a * (2 * r - k);
            if (b > 0) {
                double t = -(slope / (k * b)) - mean;
                if (t > lo && t < hi) return t;
            }
            if (r < k) { // the derivative jumps across 0 at the breakpoint hi
                double left = slope + b * k * (hi + mean);
                double right = a * (2 * (r + 1) - k) + b * k * (hi + mean);
                if (left <= 0 && right >= 0) return hi;
            }
        }
        return 0.0;
    }
}
