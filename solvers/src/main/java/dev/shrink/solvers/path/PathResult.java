package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.LinearModel;

/**
 * A regularisation path: for each penalty value (in the order fitted, strongest first) the coefficients on the
 * original scale of X, the intercept, and how that fit ended ({@link Convergence}: a duality gap for least squares and
 * penalised GLMs, a scaled gradient norm for the binomial ridge path, with its tolerance and iterations). A multinomial
 * path has {@link #classes()} K &gt; 1 coefficient vectors and intercepts per penalty value ({@link #coef(int, int)},
 * classes in increasing order of their labels); every other path has one. Immutable; arrays are copied in and out.
 */
public final class PathResult {
    private final double[] penalties;
    private final double[][][] coefs;
    private final double[][] intercepts;
    private final Convergence[] convergence;

    PathResult(double[] penalties, double[][] coefs, double[] intercepts, Convergence[] convergence) {
        this(penalties, wrap(coefs), wrap(intercepts), convergence);
    }

    /** K coefficient vectors and intercepts per penalty value: {@code coefs[k][c]}, {@code intercepts[k][c]}. */
    PathResult(double[] penalties, double[][][] coefs, double[][] intercepts, Convergence[] convergence) {
        this.penalties = penalties.clone();
        this.coefs = new double[coefs.length][][];
        this.intercepts = new double[coefs.length][];
        for (int k = 0; k < coefs.length; k++) {
            this.coefs[k] = new double[coefs[k].length][];
            for (int c = 0; c < coefs[k].length; c++) this.coefs[k][c] = coefs[k][c].clone();
            this.intercepts[k] = intercepts[k].clone();
        }
        this.convergence = convergence.clone();
    }

    private static double[][][] wrap(double[][] coefs) {
        double[][][] out = new double[coefs.length][][];
        for (int k = 0; k < coefs.length; k++) out[k] = new double[][] {coefs[k]};
        return out;
    }

    private static double[][] wrap(double[] intercepts) {
        double[][] out = new double[intercepts.length][];
        for (int k = 0; k < intercepts.length; k++) out[k] = new double[] {intercepts[k]};
        return out;
    }

    /** Number of penalty values. */
    public int size() { return penalties.length; }

    /** Coefficient vectors per penalty value: 1, or the number of classes of a multinomial path. */
    public int classes() { return coefs.length == 0 ? 1 : coefs[0].length; }

    /** The penalty values (scikit-learn's alpha, or glmnet's lambda), strongest first. */
    public double[] penalties() { return penalties.clone(); }

    /** Penalty value k. */
    public double penalty(int k) { return penalties[k]; }

    /** Coefficients at penalty k (a copy). @throws IllegalStateException on a multinomial path (use {@link #coef(int, int)}) */
    public double[] coef(int k) {
        single();
        return coefs[k][0].clone();
    }

    /** Coefficients of class c at penalty k (a copy). */
    public double[] coef(int k, int c) { return coefs[k][c].clone(); }

    /** All coefficients, one row per penalty value (a copy). @throws IllegalStateException on a multinomial path */
    public double[][] coefs() {
        single();
        double[][] out = new double[coefs.length][];
        for (int k = 0; k < coefs.length; k++) out[k] = coefs[k][0].clone();
        return out;
    }

    /** The intercept at penalty k (0 when none is fitted). @throws IllegalStateException on a multinomial path */
    public double intercept(int k) {
        single();
        return intercepts[k][0];
    }

    /** The intercept of class c at penalty k (a multinomial path's sum to 0 over the classes). */
    public double intercept(int k, int c) { return intercepts[k][c]; }

    /** All intercepts (a copy). @throws IllegalStateException on a multinomial path */
    public double[] intercepts() {
        single();
        double[] out = new double[intercepts.length];
        for (int k = 0; k < out.length; k++) out[k] = intercepts[k][0];
        return out;
    }

    /** How the fit at penalty k ended: its criterion (named), value, tolerance and iterations. */
    public Convergence convergence(int k) { return convergence[k]; }

    /** Whether every penalty value converged. */
    public boolean allConverged() {
        for (Convergence c : convergence) if (!c.converged()) return false;
        return true;
    }

    /** The fit at penalty k as a linear model (for a Poisson path: the linear predictor, log of the mean). */
    public LinearModel model(int k) {
        single();
        return new LinearModel(coefs[k][0], intercepts[k][0], convergence[k]);
    }

    private void single() {
        if (classes() > 1) throw new IllegalStateException("a multinomial path has " + classes() + " coefficient vectors per penalty: use coef(k, c)");
    }
}
