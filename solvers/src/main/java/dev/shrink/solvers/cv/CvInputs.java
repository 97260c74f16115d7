package dev.shrink.solvers.cv;

import dev.shrink.solvers.internal.Inputs;

/**
 * Boundary checks specific to cross-validation (grids, weights; X and y go through {@link dev.shrink.solvers.Design}
 * and {@link Inputs}): each failure is an {@link IllegalArgumentException} that
 * names the argument and the position ("X has NaN at row 17, column 3"). Nothing here modifies user arrays.
 */
final class CvInputs {
    private CvInputs() {}

    /** Null (all ones) or validated sample weights (see {@link Inputs#weights}); returns the weights or ones. */
    static double[] weights(double[] w, int n) {
        Inputs.weights(w, n);
        if (w != null) return w.clone();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }

    /** A non-empty grid of finite positive values (named e.g. "alphas" or "Cs"); returns a copy. */
    static double[] positiveGrid(String name, double[] grid) {
        if (grid == null) throw new IllegalArgumentException(name + " must not be null");
        if (grid.length == 0) throw new IllegalArgumentException(name + " must not be empty");
        for (int k = 0; k < grid.length; k++) {
            if (!(grid[k] > 0) || grid[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + k + "] must be finite and > 0, got " + grid[k]);
            }
        }
        return grid.clone();
    }

    /** A positive grid ordered from the strongest penalty to the weakest: strictly decreasing. */
    static double[] decreasingGrid(String name, double[] grid) {
        double[] g = positiveGrid(name, grid);
        for (int k = 1; k < g.length; k++) {
            if (!(g[k] < g[k - 1])) {
                throw new IllegalArgumentException(name + " must be strictly decreasing (strongest penalty first), but "
                        + name + "[" + k + "] = " + g[k] + " ≥ " + name + "[" + (k - 1) + "] = " + g[k - 1]);
            }
        }
        return g;
    }

    /** A positive grid of inverse strengths (C) ordered from the strongest penalty: strictly increasing. */
    static double[] increasingGrid(String name, double[] grid) {
        double[] g = positiveGrid(name, grid);
        for (int k = 1; k < g.length; k++) {
            if (!(g[k] > g[k - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing (strongest penalty first), but "
                        + name + "[" + k + "] = " + g[k] + " ≤ " + name + "[" + (k - 1) + "] = " + g[k - 1]);
            }
        }
        return g;
    }
}
