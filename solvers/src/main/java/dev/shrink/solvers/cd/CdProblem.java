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

    /**
     * ‖x̃ⱼ‖² for every feature, which gap safe screening needs, or null where they are not known without a pass over X
     * (then there is no screening). Default: {@link #diag}, which holds them all.
     */
    double[] columnNorms2() {
        return diag;
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

    /**
     * X̃ᵀR for every column not {@code skip}ped (null: all), into out; skipped entries are left as they are. Default:
     * all of them (worth skipping only where columns are read one by one).
     */
    void xtrAll(double[] out, boolean[] skip) {
        xtrAll(out);
    }

    /**
     * {@link #xtrAll(double[], boolean[])}, recording for every column computed the residual drift at that moment
     * ({@link Workspace#driftAt}), so that a later solve can bound how far a skipped column's entry has moved since.
     */
    final void gradient(double[] out, boolean[] skip) {
        xtrAll(out, skip);
        if (!tracksDrift()) return;
        CoordinateDescent.Workspace ws = workspace();
        double now = ws.drift + residualDrift();
        ws.drift = now;
        for (int j = 0; j < p; j++) {
            if (skip != null && skip[j]) continue;
            ws.driftAt[j] = now;
            ws.epochs.forget(j);
        }
    }

    /**
     * ‖R − R₀‖ for R₀ the residual at the previous call (then R₀ ← R), which bounds |x̃ⱼᵀR − x̃ⱼᵀR₀| by ‖x̃ⱼ‖·‖R − R₀‖;
     * NaN where R is not formed (the Gram representations: there the full X̃ᵀR costs O(p) and is never stale).
     */
    double residualDrift() {
        return Double.NaN;
    }

    /** Whether {@link #residualDrift} is tracked (naive mode). */
    boolean tracksDrift() {
        return false;
    }

    /**
     * The length of the residual vector this problem keeps (naive mode: n), or 0 when it keeps none (the Gram
     * representations): then there is no {@link DualExtrapolation}.
     */
    int residualLength() {
        return 0;
    }

    /**
     * The current residual as a vector r (n values) of the space in which {@link #xtr(int, double[], double)},
     * {@link #norm2} and {@link #dotY} read it; linear in the state, so affine combinations of residuals are residuals
     * of the same combination of coefficients.
     */
    void residual(double[] out) {
        throw new UnsupportedOperationException();
    }

    /** x̃ⱼᵀr for a residual-space vector r with {@code sum} = {@link #residualSum}(r). */
    double xtr(int j, double[] r, double sum) {
        throw new UnsupportedOperationException();
    }

    /** The sum that {@link #xtr(int, double[], double)} needs for r (the weighted sum of its entries under centring). */
    double residualSum(double[] r) {
        throw new UnsupportedOperationException();
    }

    /**
     * Per-feature constants (aⱼ, bⱼ) with |x̃ⱼᵀv| ≤ aⱼ·‖v‖∞ + bⱼ·|{@link #residualSum}(v)| for every residual-space
     * vector v (Hölder's inequality on the stored entries, the centring term apart), as {a, b} (b null when there is
     * no centring), or null where that bound would not pay (a dense column: ‖x̃ⱼ‖₁‖v‖∞ ≥ ‖x̃ⱼ‖‖v‖ unless v is
     * nearly constant in size). Default: null.
     */
    double[][] holderConstants() {
        return null;
    }

    /** Numbers of X the problem reads in a pass (its stored entries); 0 where it reads no X (Gram representations). */
    long storedEntries() {
        return 0;
    }

    /** ⟨a, b⟩ of two residual-space vectors, in the inner product of {@link #norm2}. */
    double residualDot(double[] a, double[] b) {
        throw new UnsupportedOperationException();
    }

    /** ‖r‖² of a residual-space vector (the norm of {@link #residualNorm2}). */
    double norm2(double[] r) {
        return residualDot(r, r);
    }

    /** rᵀỹ of a residual-space vector (as {@link #residualDotY}). */
    double dotY(double[] r) {
        throw new UnsupportedOperationException();
    }

    /**
     * Whether {@link #xtrApproximate} is available: x̃ⱼᵀR read from a float32 copy of the columns (half the bytes of a
     * column read; dense naive mode), within {@link #approximationError}.
     */
    boolean approximates() {
        return false;
    }

    /** Makes {@link #xtrApproximate} read the current residual (rounds R to float32; the copy of X on first use). */
    void prepareApproximation() {
        throw new UnsupportedOperationException();
    }

    /** x̃ⱼᵀR in float32 arithmetic from the rounded column and residual (only when {@link #approximates}). */
    double xtrApproximate(int j) {
        throw new UnsupportedOperationException();
    }

    /** A bound on |{@link #xtrApproximate}(j) − x̃ⱼᵀR| given ‖x̃ⱼ‖ and ‖R‖ (a non-finite value flags float32 overflow). */
    double approximationError(double columnNorm, double residualNorm) {
        throw new UnsupportedOperationException();
    }

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

    /** A support Newton attempt: the flops it cost (0 when not tried) and whether w moved. */
    record NewtonStep(double cost, boolean moved) {
        static final NewtonStep NONE = new NewtonStep(0, false);
    }

    /**
     * Coordinate descent converges slowly when the active columns are strongly correlated (e.g. equicorrelated
     * designs: one large eigenvalue). With the support A and signs σ of w fixed, the objective is the quadratic
     * ½wᵀ(G_AA + l2·F)w − (c − l1·F·σ)ᵀw, whose minimiser is w + δ with (G_AA + l2·F)δ = X̃_AᵀR − l2·F·w − l1·F·σ
     * (the active-set / homotopy step; Osborne, Presnell &amp; Turlach 2000). The step is cut where a coefficient would
     * change sign (the objective along the segment is a convex quadratic minimised at its end, so any cut decreases
     * it) and that coefficient is set to 0. The factor of G_AA + l2·F is kept and updated ({@link SupportFactor}:
     * O(k²) per feature that joins or leaves, k³/3 only when l2 changes), so after a few sweeps on a warm start a step
     * usually costs about as much as a sweep. Taken only when its estimated cost fits in {@code allowance} flops.
     */
    NewtonStep supportNewton(double[] w, int[] set, int size, double l1, double l2, double[] factors, double allowance) {
        if (!hasGram()) return NewtonStep.NONE;
        int k = 0;
        for (int t = 0; t < size; t++) if (w[set[t]] != 0) k++;
        if (k < 2) return NewtonStep.NONE;
        int[] a = new int[k];
        k = 0;
        for (int t = 0; t < size; t++) if (w[set[t]] != 0) a[k++] = set[t];
        if (support == null) support = new SupportFactor(p);
        double cost = support.cost(a, k, l2, factors) + gramCost(a, k);
        if (cost > allowance) return NewtonStep.NONE;
        prepareGram(a, k);
        if (!support.sync(a, k, l2, factors, this::gram)) return new NewtonStep(cost, false); // collinear support without L2: leave it to CD
        int[] order = support.features().clone();
        double[] d = new double[k];
        double[] next = new double[k];
        double[] step = new double[k];
        for (int r = 0; r < k; r++) {
            int j = order[r];
            double f = factors == null ? 1.0 : factors[j];
            d[r] = xtr(j) - l2 * f * w[j] - l1 * f * Math.signum(w[j]);
            next[r] = w[j];
        }
        // Cut where a coefficient would change sign, drop it and go on from there on the smaller support (the
        // homotopy's inner loop): along the step the right-hand side shrinks to (1 − t)·d, and the dropped row leaves
        // the factor in O(k²), so every cut costs O(k²) and no pass over the columns until the step completes.
        int m = k;
        boolean moved = false;
        for (int cuts = 0; m > 0 && cuts < k; cuts++) {
            System.arraycopy(d, 0, step, 0, m);
            support.solve(step);
            double t = 1.0;
            int blocking = -1;
            for (int r = 0; r < m; r++) {
                double wj = next[r];
                double target = wj + step[r];
                if (!Double.isFinite(target)) return finish(w, order, next, k, cost, moved);
                if (target != 0 && Math.signum(target) != Math.signum(wj)) {
                    double tr = -wj / step[r];
                    if (tr < t) {
                        t = tr;
                        blocking = r;
                    }
                }
            }
            if (!(t > 0)) break;
            for (int r = 0; r < m; r++) {
                double v = r == blocking ? 0.0 : next[r] + t * step[r];
                if (r != blocking && Math.signum(v) != Math.signum(next[r])) v = 0.0; // rounding at the cut
                next[r] = v;
            }
            moved = true;
            if (blocking < 0) break;
            for (int r = 0; r < m; r++) d[r] *= 1 - t;
            // the dropped feature's final value (0) is kept at the end of the arrays, out of the factor's range
            int j = order[blocking];
            support.drop(j);
            double dropped = next[blocking];
            for (int r = blocking; r < m - 1; r++) {
                order[r] = order[r + 1];
                next[r] = next[r + 1];
                d[r] = d[r + 1];
            }
            m--;
            order[m] = j;
            next[m] = dropped;
        }
        return finish(w, order, next, k, cost, moved);
    }

    /** Moves w to the values {@code next} of the features {@code order[0 .. k)}. */
    private NewtonStep finish(double[] w, int[] order, double[] next, int k, double cost, boolean moved) {
        if (!moved) return new NewtonStep(cost, false);
        for (int r = 0; r < k; r++) {
            int j = order[r];
            if (next[r] != w[j]) {
                move(j, next[r] - w[j]);
                w[j] = next[r];
            }
        }
        return new NewtonStep(cost, true);
    }

    private SupportFactor support;

    /** Whether {@link #gram} is available (the Gram representations, and naive mode through its cache). Default: no. */
    boolean hasGram() {
        return false;
    }

    /** Flops to make the Gram entries of the support available (naive mode: dot products of new columns). Default 0. */
    double gramCost(int[] a, int k) {
        return 0;
    }

    /** Makes {@link #gram} answer for the features a[0 .. k) (naive mode: fills its cache). Default: nothing to do. */
    void prepareGram(int[] a, int k) {}

    /** The Gram entry x̃ᵢᵀx̃ⱼ of two features of the support (only called when {@link #hasGram}). */
    double gram(int i, int j) {
        throw new UnsupportedOperationException();
    }

    /** Flops of one coordinate-descent sweep over {@code size} coordinates (their updates; for the Newton allowance). */
    abstract double sweepCost(int size);

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
