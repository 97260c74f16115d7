package dev.shrink.solvers.glm;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.solvers.internal.SemidefiniteSolve;

/**
 * The quadratic model of the loss at one outer iteration of {@link ProximalNewton}, restricted to the working set's m
 * features (slots of the {@link ColumnBlock}) and the K classes, plus the penalty, which is kept exact:
 * <pre>
 *   minimise over t (K×m) and the intercept step β (K):
 *   Σ_c q_cᵀ(t_c − w_c) + gbᵀβ + ½·Σ_{c,c'} (t_c − w_c)ᵀG_{cc'}(t_{c'} − w_{c'}) + Σ_{c,c'} β_c·zd_{cc'}ᵀ(t_{c'} − w_{c'})
 *     + ½·βᵀHb·β + Σⱼ Ωⱼ(t_·j)
 * </pre>
 * with G_{cc'} = Zᵀdiag(h_{cc'})Z, zd_{cc'} = Zᵀh_{cc'}, Hb_{cc'} = Σᵢh_{cc',i} (h the per-row second derivatives),
 * q_c = Zᵀg_c and gb_c = Σᵢg_{c,i} (g the first derivatives): a penalised weighted least-squares problem, glmnet's
 * inner problem (Friedman, Hastie &amp; Tibshirani 2010, §3).
 *
 * <p>Solved by cyclic coordinate descent in covariance form (the model's gradient is kept up to date through the Gram
 * blocks: a coordinate that moves costs O(K·m)): a sweep over every coordinate, then sweeps over the nonzero ones until
 * they settle, then a full sweep again (glmnet's active-set cycling), until no coordinate moves by more than the
 * tolerance in the model's own units (curvature·step²). A grouped feature is updated as a block with the group
 * soft-threshold under a Gershgorin bound of its K×K curvature. When the model is smooth and unconstrained (no L1
 * weight on the working set, no bounds), its minimiser is one Cholesky solve instead — Newton's step.
 */
final class NewtonModel {
    private final int k;
    private final int m;
    private final boolean intercept;
    private final Level1 level1 = KernelProvider.get().level1();
    final double[][] gram;
    final double[][] zd;
    final double[] hb;
    final double[] q;
    final double[] gb;
    /** The model's current minimiser candidate t (class-major K×m) and intercept step β. */
    final double[] t;
    final double[] beta;
    /** Gradient of the model's loss part at (t, β). */
    private final double[] grad;
    private final double[] gradB;
    /** Per-slot strengths l1·aⱼ, l2·bⱼ and bounds. */
    private final double[] l1;
    private final double[] l2;
    private final double[] lo;
    private final double[] hi;
    private final boolean grouped;
    private final boolean[] active;
    /** Whether the loss does not see a common shift of a feature's coefficients over the classes (multinomial, no bounds). */
    private boolean shiftInvariant;
    /** The largest coordinate move of the current sweep. */
    private double step;
    int sweeps;

    NewtonModel(int k, int m, boolean intercept, boolean grouped) {
        this.k = k;
        this.m = m;
        this.intercept = intercept;
        this.grouped = grouped;
        int pairs = Family.pairs(k);
        gram = new double[pairs][m * m];
        zd = new double[pairs][m];
        hb = new double[pairs];
        q = new double[k * m];
        gb = new double[k];
        t = new double[k * m];
        beta = new double[k];
        grad = new double[k * m];
        gradB = new double[k];
        l1 = new double[m];
        l2 = new double[m];
        lo = new double[m];
        hi = new double[m];
        active = new boolean[m];
    }

    /** Strengths and bounds of slot s. */
    void penalty(int slot, double l1Strength, double l2Strength, double lower, double upper) {
        l1[slot] = l1Strength;
        l2[slot] = l2Strength;
        lo[slot] = lower;
        hi[slot] = upper;
    }

    /**
     * The model's loss does not change when one feature's coefficients move by the same t in every class (a multinomial
     * Hessian's blocks sum to zero over the classes): after its coordinate updates each feature takes the t that
     * minimises its penalty, free of cost — without it coordinate descent crawls along that flat direction.
     */
    void shiftInvariant(boolean invariant) {
        this.shiftInvariant = invariant && k > 1;
    }

    private void shift(int s) {
        double d = Penalties.bestShift(l1[s], l2[s], grouped, t, s, m, k);
        if (d == 0) return;
        double before = 0;
        double after = 0;
        for (int c = 0; c < k; c++) {
            double v = t[c * m + s];
            before += (grouped ? 0 : l1[s] * Math.abs(v)) + 0.5 * l2[s] * v * v;
            after += (grouped ? 0 : l1[s] * Math.abs(v + d)) + 0.5 * l2[s] * (v + d) * (v + d);
        }
        if (grouped) {
            double n0 = 0;
            double n1 = 0;
            for (int c = 0; c < k; c++) {
                n0 += t[c * m + s] * t[c * m + s];
                n1 += (t[c * m + s] + d) * (t[c * m + s] + d);
            }
            before += l1[s] * Math.sqrt(n0);
            after += l1[s] * Math.sqrt(n1);
        }
        if (!(after < before)) return;
        for (int c = 0; c < k; c++) t[c * m + s] += d; // the gradient does not change: Σ_c' G_cc' = 0
    }

    private int pair(int c, int c2) {
        return Family.pair(c, c2, k);
    }

    /**
     * Minimises the model from t = w (w: the current coefficients on the slots, class-major K×m) until no coordinate
     * changes the model by more than {@code tol} (curvature·step²), at most {@code maxSweeps} sweeps.
     */
    void solve(double[] w, double tol, int maxSweeps) {
        solve(w, tol, 0.0, maxSweeps);
    }

    /**
     * As {@link #solve(double[], double, int)}, and also until no coefficient moves by more than {@code stepTol} times
     * the largest one: near the minimiser the model's changes are far below the objective's resolution while the
     * optimality conditions — which the duality gap is linear in — still move.
     */
    void solve(double[] w, double tol, double stepTol, int maxSweeps) {
        System.arraycopy(w, 0, t, 0, k * m);
        java.util.Arrays.fill(beta, 0.0);
        System.arraycopy(q, 0, grad, 0, k * m);
        System.arraycopy(gb, 0, gradB, 0, k);
        sweeps = 0;
        if (smooth() && solveSmooth(w)) return;
        boolean all = true;
        while (sweeps < maxSweeps) {
            sweeps++;
            double change = intercept ? interceptSweep() : 0.0;
            step = 0;
            for (int s = 0; s < m; s++) {
                if (!all && !active[s]) continue;
                change = Math.max(change, grouped ? groupUpdate(s) : coordinateUpdates(s));
                if (shiftInvariant) shift(s);
            }
            double largest = 0;
            for (int i = 0; i < k * m; i++) largest = Math.max(largest, Math.abs(t[i]));
            if (change <= tol && step <= stepTol * largest) {
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

    private boolean smooth() {
        if (grouped && k > 1) {
            for (int s = 0; s < m; s++) if (l1[s] > 0) return false;
        }
        for (int s = 0; s < m; s++) {
            if (l1[s] > 0) return false;
            if (lo[s] != Double.NEGATIVE_INFINITY || hi[s] != Double.POSITIVE_INFINITY) return false;
        }
        return true;
    }

    private double interceptSweep() {
        double change = 0;
        for (int c = 0; c < k; c++) {
            double a = hb[pair(c, c)];
            if (!(a > 0)) continue;
            double d = -gradB[c] / a;
            if (d == 0) continue;
            beta[c] += d;
            for (int c2 = 0; c2 < k; c2++) {
                int pr = pair(c, c2);
                level1.axpy(m, d, zd[pr], 0, grad, c2 * m);
                gradB[c2] += hb[pr] * d;
            }
            change = Math.max(change, a * d * d);
        }
        return change;
    }

    /** Coordinate updates of slot s in every class; returns the largest curvature·step². */
    private double coordinateUpdates(int s) {
        double change = 0;
        for (int c = 0; c < k; c++) {
            double g = gram[pair(c, c)][s * m + s];
            double a = g + l2[s];
            if (!(a > 0)) continue;
            int at = c * m + s;
            double old = t[at];
            double z = g * old - grad[at];
            double next = Math.copySign(Math.max(Math.abs(z) - l1[s], 0.0), z) / a;
            next = Math.min(Math.max(next, lo[s]), hi[s]);
            if (next != old) {
                move(c, s, next - old);
                t[at] = next;
                change = Math.max(change, a * (next - old) * (next - old));
                step = Math.max(step, Math.abs(next - old));
            }
        }
        return change;
    }

    /** The block update of a grouped feature: group soft-threshold under the Gershgorin bound L of its K×K curvature. */
    private double groupUpdate(int s) {
        double bound = 0;
        for (int c = 0; c < k; c++) {
            double row = 0;
            for (int c2 = 0; c2 < k; c2++) row += Math.abs(gram[pair(c, c2)][s * m + s]);
            bound = Math.max(bound, row);
        }
        double lip = bound + l2[s];
        if (!(lip > 0)) return 0.0;
        double norm2 = 0;
        double[] v = new double[k];
        for (int c = 0; c < k; c++) {
            int at = c * m + s;
            v[c] = t[at] - (grad[at] + l2[s] * t[at]) / lip;
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
                step = Math.max(step, Math.abs(d));
            }
        }
        return change;
    }

    /** t_cs moved by d: the model gradient follows through the Gram blocks. */
    private void move(int c, int s, double d) {
        for (int c2 = 0; c2 < k; c2++) {
            int pr = pair(c, c2);
            level1.axpy(m, d, gram[pr], s * m, grad, c2 * m);
            if (intercept) gradB[c2] += zd[pr][s] * d;
        }
    }

    /**
     * Newton's step of the smooth model: (H + diag(l2))·δ = −(q + l2∘w) over the coefficients and the intercepts.
     * The multinomial loss does not change when a constant is added to every class, so with K &gt; 1 the last class's
     * intercept (and its coefficients when nothing else pins them, l2 = 0) keep their values. Returns false when the
     * system cannot be solved (then coordinate descent runs instead).
     */
    private boolean solveSmooth(double[] w) {
        boolean pinned = k > 1;
        int kw = k;
        if (pinned) {
            for (int s = 0; s < m; s++) if (l2[s] == 0) kw = k - 1;
        }
        int kb = intercept ? (pinned ? k - 1 : k) : 0;
        int d = kw * m + kb;
        if (d == 0) return true;
        double[] h = new double[d * d];
        double[] r = new double[d];
        for (int c = 0; c < kw; c++) {
            for (int s = 0; s < m; s++) {
                int row = c * m + s;
                r[row] = -(q[c * m + s] + l2[s] * w[c * m + s]);
                for (int c2 = 0; c2 < kw; c2++) {
                    double[] g = gram[pair(c, c2)];
                    System.arraycopy(g, s * m, h, row * d + c2 * m, m);
                }
                h[row * d + row] += l2[s];
                for (int c2 = 0; c2 < kb; c2++) {
                    double v = zd[pair(c, c2)][s];
                    h[row * d + kw * m + c2] = v;
                    h[(kw * m + c2) * d + row] = v;
                }
            }
        }
        for (int c = 0; c < kb; c++) {
            r[kw * m + c] = -gb[c];
            for (int c2 = 0; c2 < kb; c2++) h[(kw * m + c) * d + kw * m + c2] = hb[pair(c, c2)];
        }
        double[] copy = h.clone();
        double[] sol = r.clone();
        try {
            var chol = KernelProvider.get().cholesky();
            chol.factor(d, copy, 0, d, 0.0);
            chol.solve(d, copy, 0, d, sol, 0);
        } catch (IllegalArgumentException e) { // singular (an unpenalised constant column, collinear unpenalised ones)
            sol = r.clone();
            SemidefiniteSolve.solve(d, h, sol);
        }
        for (double v : sol) if (!Double.isFinite(v)) return false;
        for (int c = 0; c < kw; c++) for (int s = 0; s < m; s++) t[c * m + s] = w[c * m + s] + sol[c * m + s];
        for (int c = 0; c < kb; c++) beta[c] = sol[kw * m + c];
        sweeps = 1;
        return true;
    }
}
