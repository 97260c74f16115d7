package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.MultiTaskModel;

/**
 * A multi-task regularisation path: for each penalty value (strongest first) the T×p coefficients, the T intercepts
 * and how that fit ended. Immutable; arrays are copied in and out.
 */
public final class MultiTaskPathResult {
    private final double[] penalties;
    private final MultiTaskModel[] models;

    MultiTaskPathResult(double[] penalties, MultiTaskModel[] models) {
        this.penalties = penalties.clone();
        this.models = models.clone();
    }

    /** Number of penalty values. */
    public int size() { return penalties.length; }

    /** The penalty values (alpha), strongest first. */
    public double[] penalties() { return penalties.clone(); }

    /** Penalty value k. */
    public double penalty(int k) { return penalties[k]; }

    /** Coefficients at penalty k: T rows of p (a copy). */
    public double[][] coef(int k) { return models[k].coef(); }

    /** The T intercepts at penalty k (a copy). */
    public double[] intercepts(int k) { return models[k].intercepts(); }

    /** How the fit at penalty k ended. */
    public Convergence convergence(int k) { return models[k].convergence(); }

    /** The fit at penalty k as a model. */
    public MultiTaskModel model(int k) { return models[k]; }

    /** Whether every penalty value converged. */
    public boolean allConverged() {
        for (MultiTaskModel m : models) if (!m.convergence().converged()) return false;
        return true;
    }
}
