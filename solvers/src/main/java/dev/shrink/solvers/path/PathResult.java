package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.LinearModel;

/**
 * A regularisation path: for each penalty value (in the order fitted, strongest first) the coefficients on the
 * original scale of X, the intercept, the stopping criterion reached (duality gap, or scaled gradient norm for
 * logistic paths) with its tolerance, and the iterations used. Immutable.
 */
public final class PathResult {
    private final double[] alphas;
    private final double[][] coefs;
    private final double[] intercepts;
    private final double[] criteria;
    private final double[] tolerances;
    private final int[] iterations;
    private final boolean[] converged;
    private final String criterionName;

    PathResult(double[] alphas, double[][] coefs, double[] intercepts, double[] criteria, double[] tolerances, int[] iterations,
               boolean[] converged, String criterionName) {
        this.alphas = alphas.clone();
        this.coefs = new double[coefs.length][];
        for (int k = 0; k < coefs.length; k++) this.coefs[k] = coefs[k].clone();
        this.intercepts = intercepts.clone();
        this.criteria = criteria.clone();
        this.tolerances = tolerances.clone();
        this.iterations = iterations.clone();
        this.converged = converged.clone();
        this.criterionName = criterionName;
    }

    /** Number of penalty values. */
    public int size() { return alphas.length; }

    /** The penalty values (alpha, or glmnet's lambda). */
    public double[] alphas() { return alphas.clone(); }

    public double alpha(int k) { return alphas[k]; }

    /** Coefficients at penalty k (a copy). */
    public double[] coef(int k) { return coefs[k].clone(); }

    /** All coefficients, one row per penalty value (a copy). */
    public double[][] coefs() {
        double[][] out = new double[coefs.length][];
        for (int k = 0; k < coefs.length; k++) out[k] = coefs[k].clone();
        return out;
    }

    public double intercept(int k) { return intercepts[k]; }

    public double[] intercepts() { return intercepts.clone(); }

    /** Duality gap (elastic net) or max|gradient|/(C·Σs) (logistic) at penalty k. */
    public double gap(int k) { return criteria[k]; }

    public double[] gaps() { return criteria.clone(); }

    public int iterations(int k) { return iterations[k]; }

    public int[] iterations() { return iterations.clone(); }

    public boolean converged(int k) { return converged[k]; }

    /** Whether every penalty value converged. */
    public boolean allConverged() {
        for (boolean c : converged) if (!c) return false;
        return true;
    }

    /** The fit at penalty k as a model. */
    public LinearModel model(int k) {
        String msg = (converged[k] ? "converged" : "not converged") + " after " + iterations[k] + " iterations at alpha " + alphas[k]
                + ": " + criterionName + " " + criteria[k] + (converged[k] ? " ≤ " : " > ") + tolerances[k];
        return new LinearModel(coefs[k], intercepts[k], new Convergence(iterations[k], criteria[k], tolerances[k], converged[k], msg));
    }
}
