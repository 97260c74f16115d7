package dev.shrink.solvers.cv;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;

/**
 * Boundary checks for the cross-validation estimators: each failure is an {@link IllegalArgumentException} that
 * names the argument and the position ("X has NaN at row 17, column 3"). Nothing here modifies user arrays.
 */
final class CvInputs {
    private CvInputs() {}

    /** A view of a rectangular {@code double[][]} (copied once, row-major), rejecting ragged rows, NaN and ±Inf. */
    static MatrixView matrix(String name, double[][] x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        int n = x.length;
        int p = n == 0 ? 0 : lengthOf(name, x, 0);
        double[] data = new double[Math.max(1, n * p)];
        for (int i = 0; i < n; i++) {
            if (lengthOf(name, x, i) != p) {
                throw new IllegalArgumentException(name + " row " + i + " has " + x[i].length + " columns, row 0 has " + p);
            }
            System.arraycopy(x[i], 0, data, i * p, p);
        }
        MatrixView view = new MatrixView(data, 0, n, p, Math.max(1, p), Layout.ROW_MAJOR);
        finite(name, view);
        return view;
    }

    private static int lengthOf(String name, double[][] x, int i) {
        if (x[i] == null) throw new IllegalArgumentException(name + " row " + i + " is null");
        return x[i].length;
    }

    /** Every element of the view is finite. */
    static void finite(String name, MatrixView x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                double v = x.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " has " + (Double.isNaN(v) ? "NaN" : v) + " at row " + i + ", column " + j);
                }
            }
        }
    }

    /** y has n finite values. */
    static void response(double[] y, int n) {
        if (y == null) throw new IllegalArgumentException("y must not be null");
        if (y.length != n) throw new IllegalArgumentException("y has " + y.length + " rows, X has " + n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("y has " + y[i] + " at row " + i);
        }
    }

    /** Labels 0 or 1, both present. */
    static void labels(double[] y, int n) {
        response(y, n);
        boolean zero = false;
        boolean one = false;
        for (int i = 0; i < n; i++) {
            if (y[i] == 0) zero = true;
            else if (y[i] == 1) one = true;
            else throw new IllegalArgumentException("y must hold labels 0 or 1, found " + y[i] + " at row " + i);
        }
        if (n > 0 && !(zero && one)) {
            throw new IllegalArgumentException("y must hold both labels 0 and 1, found only " + (zero ? 0 : 1));
        }
    }

    /** Null (all ones) or n finite non-negative weights with a positive sum; returns the weights or ones. */
    static double[] weights(double[] w, int n) {
        if (w == null) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            return ones;
        }
        if (w.length != n) throw new IllegalArgumentException("sampleWeight has " + w.length + " rows, X has " + n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || w[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("sampleWeight must be finite and ≥ 0, got " + w[i] + " at row " + i);
            }
            sum += w[i];
        }
        if (!(sum > 0)) throw new IllegalArgumentException("sampleWeight must have a positive sum, got " + sum);
        return w.clone();
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
