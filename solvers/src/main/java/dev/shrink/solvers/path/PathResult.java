package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.LinearModel;

/**
 * A regularisation path: for each penalty value (in the order fitted, strongest first) the coefficients on the
 * original scale of X, the intercept, and how that fit ended ({@link Convergence}: a duality gap for least squares,
 * a scaled gradient norm for logistic regression, with its tolerance and iterations). Immutable; arrays are copied
 * in and out.
 */
public final class PathResult {
    private final double[] penalties;
    private final double[][] coefs;
    private final double[] intercepts;
    private final Convergence[] convergence;

    PathResult(double[] penalties, double[][] coefs, double[] intercepts, Convergence[] convergence) {
        this.penalties = penalties.clone();
        this.coefs = new double[coefs.length][];
        for (int k = 0; k < coefs.length; k++) this.coefs[k] = coefs[k].clone();
        this.intercepts = intercepts.clone();
        this.convergence = convergence.clone();
    }

    /** Number of penalty values. */
    public int size() { return penalties.length; }

    /** The penalty values (scikit-learn's alpha, or glmnet's lambda), strongest first. */
    public double[] penalties() { return penalties.clone(); }

    /** Penalty value k. */
    public double penalty(int k) { return penalties[k]; }

    /** Coefficients at penalty k (a copy). */
    public double[] coef(int k) { return coefs[k].clone(); }

    /** All coefficients, one row per penalty value (a copy). */
    public double[][] coefs() {
        double[][] out = new double[coefs.length][];
        for (int k = 0; k < coefs.length; k++) out[k] = coefs[k].clone();
        return out;
    }

    /** The intercept at penalty k (0 when none is fitted). */
    public double intercept(int k) { return intercepts[k]; }

    /** All intercepts (a copy). */
    public double[] intercepts() { return intercepts.clone(); }

    /** How the fit at penalty k ended: its criterion (named), value, tolerance and iterations. */
    public Convergence convergence(int k) { return convergence[k]; }

    /** Whether every penalty value converged. */
    public boolean allConverged() {
        for (Convergence c : convergence) if (!c.converged()) return false;
        return true;
    }

    /** The fit at penalty k as a model. */
    public LinearModel model(int k) {
        return new LinearModel(coefs[k], intercepts[k], convergence[k]);
    }
}
