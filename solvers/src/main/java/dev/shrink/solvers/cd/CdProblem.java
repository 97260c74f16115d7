package dev.shrink.solvers.cd;

/**
 * A centred, weighted least-squares problem as coordinate descent sees it, in scikit-learn's scaling:
 * minimise {@code ½‖ỹ − X̃w‖² + Σⱼ l1ⱼ|wⱼ| + ½Σⱼ l2ⱼwⱼ²} where X̃, ỹ are the centred data scaled by √sᵢ (weights
 * normalised to sum to n) and, for glmnet's standardisation, columns divided by their scale. Two representations:
 * {@link CovarianceProblem} (Gram columns, R never formed) and {@link NaiveProblem} (residual vector R = ỹ − X̃w).
 */
abstract class CdProblem {
    final int p;
    /** ‖x̃ⱼ‖², the coordinate-wise curvature. */
    final double[] diag;

    private CoordinateDescent.Workspace workspace;

    CdProblem(int p, double[] diag) {
        this.p = p;
        this.diag = diag;
    }

    /** Work arrays for coordinate descent, created on first use and reused. */
    CoordinateDescent.Workspace workspace() {
        if (workspace == null) workspace = new CoordinateDescent.Workspace(p);
        return workspace;
    }

    /** x̃ⱼᵀR at the current coefficients. */
    abstract double xtr(int j);

    /** Coefficient j moved by δ: R ← R − δ·x̃ⱼ (or its Gram equivalent). */
    abstract void move(int j, double delta);

    /** X̃ᵀR for every column, into out[0 .. p). */
    abstract void xtrAll(double[] out);

    /** ‖R‖² at coefficients w (the current state). */
    abstract double residualNorm2(double[] w);

    /** Rᵀỹ at coefficients w (the current state). */
    abstract double residualDotY(double[] w);

    /**
     * Coordinate descent sweeps only the working set {@code set[0 .. size)} from now on: the problem may keep X̃ᵀR
     * exact only there and bring the rest up to date in {@link #xtrAll} (glmnet's covariance mode does this).
     * {@code null} ends the restriction.
     */
    void workingSet(int[] set, int size, boolean[] inSet) {}

    /**
     * Whether {@link #xtrAll} now costs much more than a sweep of the working set: a pass over X (naive mode), or
     * bringing X̃ᵀR up to date outside a small working set (covariance mode).
     */
    abstract boolean fullGradientIsExpensive();

    /**
     * Whether {@link #xtr} is O(1) (read off a Gram product) rather than a column pass: then X̃ᵀR on the working set and
     * ‖R‖², Rᵀỹ cost O(|set|), so the gap of the working-set problem costs less than a sweep and can follow every
     * sweep (CovarianceProblem on a small working set, WorkingSetProblem).
     */
    abstract boolean coordinateGradientIsCheap();

    /**
     * The current cost of {@link #xtrAll} in the units of one coordinate update of a working-set member
     * (multiply–adds of a Gram-based update): rounds of cheap sweeps end once they have cost this much. Only used when
     * {@link #fullGradientIsExpensive} and {@link #coordinateGradientIsCheap}.
     */
    double fullCheckCost() {
        return 0.0;
    }

    /** How many violators a full check may add to a working set of {@code size} (the strongest first). */
    int violatorLimit(int size) {
        return Integer.MAX_VALUE;
    }

    /**
     * Tries one step towards the minimiser of the problem restricted to the support of w with its signs fixed (a
     * Newton step on the quadratic piece, see {@link CovarianceProblem}) after {@code sweeps} sweeps; returns whether w
     * moved. Default: no step.
     */
    boolean supportNewton(double[] w, int[] set, int size, double l1, double l2, double[] factors, int sweeps) {
        return false;
    }

    /**
     * A copy of the internal state when it is an affine function of w that is cheap to combine (H = X̃ᵀX̃w in
     * covariance mode: O(p)), for {@link #extrapolateState}; null otherwise (then warm starts go through
     * {@link #reset} or moves).
     */
    double[] affineState() {
        return null;
    }

    /**
     * With the current state that of w₁ and {@code s0} that of w₀ (both from {@link #affineState}), makes it the state
     * of w₁ + r·(w₁ − w₀): s ← s + r·(s − s0). Only called when {@link #affineState} is not null.
     */
    void extrapolateState(double[] s0, double r) {
        throw new UnsupportedOperationException();
    }

    /** ‖ỹ‖². */
    abstract double yNorm2();

    /** X̃ᵀx̃ⱼ, column j of the Gram matrix, into out[0 .. p) (a pass over X unless the problem holds the Gram). */
    abstract void gramColumn(int j, double[] out);

    /** x̃ⱼᵀỹ. */
    abstract double xty(int j);

    private double[][] gramColumns;

    /** {@link #gramColumn} computed once and kept (the duality gap needs those of the unpenalised features). */
    final double[] cachedGramColumn(int j) {
        if (gramColumns == null) gramColumns = new double[p][];
        if (gramColumns[j] == null) {
            double[] c = new double[p];
            gramColumn(j, c);
            gramColumns[j] = c;
        }
        return gramColumns[j];
    }

    /** Makes the internal state (R or X̃ᵀX̃w) consistent with w (warm starts); w = 0 is the initial state. */
    abstract void reset(double[] w);
}
