package dev.shrink.solvers.glm;

/**
 * The quadratic model of the loss at one outer iteration of {@link ProximalNewton}, restricted to the working set's m
 * features (slots of the {@link ColumnBlock}) and the K classes, plus the penalty, which is kept exact:
 * <pre>
 *   minimise over t (K×m) and the intercept step β (K):
 *   Σᵢ [ g_iᵀδη_i + ½·δη_iᵀ H_i δη_i ] + Σⱼ Ωⱼ(t_·j),   δη_ic = z_iᵀ(t_c − w_c) + β_c
 * </pre>
 * g and H the per-row first and second derivatives of the loss at the current state, Z the block's columns: a penalised
 * weighted least-squares problem, glmnet's inner problem (Friedman, Hastie &amp; Tibshirani 2010, §3).
 *
 * <p>Solved by cyclic coordinate descent: a sweep over every coordinate, then sweeps over the nonzero ones until they
 * settle, then a full sweep again (glmnet's active-set cycling), until no coordinate changes the model by more than the
 * tolerance (curvature·step²) and no coordinate's optimality residual exceeds a share of the gap. A grouped
 * feature is updated as a block with the group soft-threshold under a Gershgorin bound of its K×K curvature; a
 * multinomial feature then takes the shift over the classes that minimises its penalty (the loss does not see it).
 *
 * <p>Two representations of the model's gradient, as in coordinate descent for least squares:
 * {@link GramModel} (the weighted Gram blocks of the working set: a move costs O(K·m); also solves a smooth model by one
 * Cholesky step) and {@link ResidualModel} (glmnet's "naive" form: weighted residuals, a visit costs a column pass).
 */
abstract class NewtonModel {
    final int k;
    final int m;
    final boolean intercept;
    /** The loss's gradient on the block at the current state (class-major K×m), and Σᵢ gᵢ per class. */
    final double[] q;
    final double[] gb;
    /** The model's current minimiser candidate t (class-major K×m) and intercept step β. */
    final double[] t;
    final double[] beta;
    /** Per-slot strengths l1·aⱼ, l2·bⱼ and bounds. */
    private final double[] l1;
    private final double[] l2;
    private final double[] lo;
    private final double[] hi;
    private final boolean grouped;
    private final boolean[] active;
    /** Whether the loss does not see a common shift of a feature's coefficients over the classes (multinomial, no bounds). */
    private boolean shiftInvariant;
    /** The largest curvature·|move| of the current sweep (gradient units). */
    private double residual;
    int sweeps;
    /** Coordinate visits of the last solve (the cost model of the next outer iteration reads it). */
    long visits;

    NewtonModel(int k, int m, boolean intercept, boolean grouped) {
        this.k = k;
        this.m = m;
        this.intercept = intercept;
        this.grouped = grouped;
        q = new double[k * m];
        gb = new double[k];
        t = new double[k * m];
        beta = new double[k];
        l1 = new double[m];
        l2 = new double[m];
        lo = new double[m];
        hi = new double[m];
        active = new boolean[m];
    }

    /** The model loss's gradient with respect to t_cs at the current (t, β). */
    abstract double gradient(int c, int s);

    /** Σᵢ H_{cc'},i·z_is², the model's curvature between classes c, c' on slot s. */
    abstract double curvature(int c, int c2, int s);

    /** t_cs moved by d: the representation follows. */
    abstract void move(int c, int s, double d);

    /** The model loss's gradient with respect to β_c. */
    abstract double interceptGradient(int c);

    /** Σᵢ H_{cc'},i. */
    abstract double interceptCurvature(int c, int c2);

    /** β_c moved by d: the representation follows. */
    abstract void moveIntercept(int c, double d);

    /** Makes (t, β) = (w, 0) the starting point of a solve (the representation's state at it). */
    abstract void restart(double[] w);

    /** Newton's step of a smooth model when the representation can solve it directly; false otherwise. */
    boolean solveSmooth(double[] w) {
        return false;
    }

    /** Strengths and bounds of slot s. */
    void penalty(int slot, double l1Strength, double l2Strength, double lower, double upper) {
        l1[slot] = l1Strength;
        l2[slot] = l2Strength;
        lo[slot] = lower;
        hi[slot] = upper;
    }

    final double l2(int slot) {
        return l2[slot];
    }

    /**
     * The model's loss does not change when one feature's coefficients move by the same t in every class (a multinomial
     * Hessian's blocks sum to zero over the classes): after its coordinate updates each feature takes the t that
     * minimises its penalty, free of cost — without it coordinate descent crawls along that flat direction.
     */
    void shiftInvariant(boolean invariant) {
        this.shiftInvariant = invariant && k > 1;
    }

    /** Whether the model is smooth and unconstrained on the block (no L1 weight, no bounds). */
    final boolean smooth() {
        for (int s = 0; s < m; s++) {
            if (l1[s] > 0) return false;
            if (lo[s] != Double.NEGATIVE_INFINITY || hi[s] != Double.POSITIVE_INFINITY) return false;
        }
        return true;
    }

    /**
     * Minimises the model from t = w (w: the current coefficients on the slots, class-major K×m) until no coordinate
     * changes the model by more than {@code tol} (curvature·step²) and none moves by more than {@code residualTol} in
     * gradient units (curvature·|step|, the size of its optimality residual), at most {@code maxSweeps} sweeps. Near the
     * minimiser the model's changes fall far below the objective's resolution while the optimality conditions — which
     * the duality gap is linear in — still move: hence the second test. Sweeps that stop reducing the residual (the
     * rounding floor) end the solve.
     */
    final void solve(double[] w, double tol, double residualTol, int maxSweeps) {
        solve(w, null, tol, residualTol, maxSweeps);
    }

    /**
     * {@link #solve(double[], double, double, int)} with the coordinate descent started at {@code start} (class-major K×m;
     * null: at w) — e.g. a prediction of the minimiser along a path. The representation follows the moves from w to start
     * (a {@link GramModel}: O(K·m) per coordinate that differs).
     */
    final void solve(double[] w, double[] start, double tol, double residualTol, int maxSweeps) {
        System.arraycopy(w, 0, t, 0, k * m);
        java.util.Arrays.fill(beta, 0.0);
        restart(w);
        sweeps = 0;
        visits = 0;
        if (smooth() && solveSmooth(w)) return;
        if (start != null) {
            for (int at = 0; at < k * m; at++) {
                double d = start[at] - w[at];
                if (d == 0) continue;
                move(at / m, at % m, d);
                t[at] = start[at];
            }
        }
        boolean all = true;
        double bestResidual = Double.POSITIVE_INFINITY;
        int stagnant = 0;
        while (sweeps < maxSweeps) {
            sweeps++;
            residual = 0;
            double change = intercept ? interceptSweep() : 0.0;
            for (int s = 0; s < m; s++) {
                if (!all && !active[s]) continue;
                change = Math.max(change, grouped ? groupUpdate(s) : coordinateUpdates(s));
                if (shiftInvariant) shift(s);
            }
            if (residual < bestResidual) {
                bestResidual = residual;
                stagnant = 0;
            } else if (++stagnant >= STAGNANT_SWEEPS && change <= tol) {
                return; // the residual no longer falls: rounding
            }
            if (change <= tol && residual <= residualTol) {
                if (all) return; // a full sweep moved nothing: converged
                all = true;      // the active set settled: check every coordinate again
            } else if (all) {
                all = false;
                for (int s = 0; s < m; s++) {
                    boolean nonzero = false;
                    for (int c = 0; c < k; c++) nonzero |= t[c * m + s] != 0;
                    active[s] = nonzero;
                }
            }
        }
    }

    /**
     * Sweeps without any new low of the residual after which the solve counts as at the rounding floor. Coordinate
     * descent on an ill-conditioned model (a multinomial block with its flat shift direction) lowers the residual by a
     * few percent per sweep, after a first rise when the sweeps narrow to the active set: a shorter window, or one that
     * asks for a 10% fall, stops such a solve as "rounding" while it is still converging.
     */
    private static final int STAGNANT_SWEEPS = 20;

    private double interceptSweep() {
        double change = 0;
        for (int c = 0; c < k; c++) {
            double a = interceptCurvature(c, c);
            if (!(a > 0)) continue;
            double d = -interceptGradient(c) / a;
            if (d == 0) continue;
            beta[c] += d;
            moveIntercept(c, d);
            change = Math.max(change, a * d * d);
            residual = Math.max(residual, a * Math.abs(d));
        }
        return change;
    }

    /** Coordinate updates of slot s in every class; returns the largest curvature·step². */
    private double coordinateUpdates(int s) {
        double change = 0;
        for (int c = 0; c < k; c++) {
            double g = curvature(c, c, s);
            double a = g + l2[s];
            if (!(a > 0)) continue;
            visits++;
            int at = c * m + s;
            double old = t[at];
            double z = g * old - gradient(c, s);
            double next = Math.copySign(Math.max(Math.abs(z) - l1[s], 0.0), z) / a;
            next = Math.min(Math.max(next, lo[s]), hi[s]);
            if (next != old) {
                move(c, s, next - old);
                t[at] = next;
                change = Math.max(change, a * (next - old) * (next - old));
                residual = Math.max(residual, a * Math.abs(next - old));
            }
        }
        return change;
    }

    /** The block update of a grouped feature: group soft-threshold under the Gershgorin bound L of its K×K curvature. */
    private double groupUpdate(int s) {
        double bound = 0;
        for (int c = 0; c < k; c++) {
            double row = 0;
            for (int c2 = 0; c2 < k; c2++) row += Math.abs(curvature(c, c2, s));
            bound = Math.max(bound, row);
        }
        double lip = bound + l2[s];
        if (!(lip > 0)) return 0.0;
        visits += k;
        double norm2 = 0;
        double[] v = new double[k];
        for (int c = 0; c < k; c++) {
            int at = c * m + s;
            v[c] = t[at] - (gradient(c, s) + l2[s] * t[at]) / lip;
            norm2 += v[c] * v[c];
        }
        double norm = Math.sqrt(norm2);
        double shrink = norm > 0 ? Math.max(0.0, 1 - l1[s] / (lip * norm)) : 0.0;
        double change = 0;
        for (int c = 0; c < k; c++) {
            int at = c * m + s;
            double next = v[c] * shrink;
            if (next != t[at]) {
                double d = next - t[at];
                move(c, s, d);
                t[at] = next;
                change += lip * d * d;
                residual = Math.max(residual, lip * Math.abs(d));
            }
        }
        return change;
    }

    private void shift(int s) {
        double d = Penalties.bestShift(l1[s], l2[s], grouped, t, s, m, k);
        if (d == 0) return;
        double before = 0;
        double after = 0;
        double n0 = 0;
        double n1 = 0;
        for (int c = 0; c < k; c++) {
            double v = t[c * m + s];
            before += (grouped ? 0 : l1[s] * Math.abs(v)) + 0.5 * l2[s] * v * v;
            after += (grouped ? 0 : l1[s] * Math.abs(v + d)) + 0.5 * l2[s] * (v + d) * (v + d);
            n0 += v * v;
            n1 += (v + d) * (v + d);
        }
        if (grouped) {
            before += l1[s] * Math.sqrt(n0);
            after += l1[s] * Math.sqrt(n1);
        }
        if (!(after < before)) return;
        for (int c = 0; c < k; c++) t[c * m + s] += d; // the loss's gradient does not change: Σ_c' H_cc' = 0
        shifted(s, d);
    }

    /** Slot s moved by d in every class (the loss does not change; a representation that tracks δη follows). */
    void shifted(int s, double d) {}

    int pair(int c, int c2) {
        return Family.pair(c, c2, k);
    }
}
