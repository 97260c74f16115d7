package dev.shrink.solvers.group;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.Proximal;
import dev.shrink.solvers.internal.Thresholds;

import java.util.Arrays;

/**
 * Block coordinate descent for the (sparse-)group lasso on least-squares data,
 * {@code min ½‖ỹ − X̃w‖² + λ·Σ_g ω_g‖w_g‖₂ + l1·‖w‖₁}, with working sets over groups, gap-safe group screening and a
 * duality-gap certificate.
 *
 * <ul>
 *   <li>Block step (block coordinate proximal gradient; Qin, Scheinberg &amp; Goldfarb 2013): with L_g the largest
 *   eigenvalue of the group's Gram block and g = X̃_gᵀR, {@code w_g ← BST(S(w_g + g/L_g, l1/L_g), λω_g/L_g)} — the
 *   exact proximal operator of the sparse-group penalty (soft-threshold, then block soft-threshold: Friedman, Hastie
 *   &amp; Tibshirani 2010, "A note on the group lasso and a sparse group lasso"), one
 *   {@link Proximal#groupSoftThreshold} call. The move updates H = K·w through the group's rows of the working set's
 *   Gram K in one {@link MatrixVector#addMultiplyTransposed} (p_g rows per pass over H), so a sweep reads K once.</li>
 *   <li>Duality gap: θ = κR with κ the largest scaling that makes θ feasible for every group ({@link DualScale});
 *   written as {@code gap = Ω(w) − κ·wᵀX̃ᵀR + ½(1 − κ)²‖R‖²} (equal to ½(1+κ²)‖R‖² + Ω(w) − κRᵀỹ, since
 *   Rᵀỹ = ‖R‖² + wᵀX̃ᵀR), which keeps its accuracy near the minimum where ‖R‖² formed from ‖ỹ‖² would not.</li>
 *   <li>Working sets (Massias, Gramfort &amp; Salmon 2018, "Celer"; here over groups): sweeps run on the set's Gram
 *   with the set's gap checked after every sweep (O(m)); the full gradient is formed only when the set's gap falls
 *   below {@value Thresholds#INNER_SHARE} of the tolerance or the round's sweeps have cost as much as one full
 *   gradient; then violators (groups outside with ‖S(g_g, l1)‖ &gt; λω_g) join, the most violated first, at most
 *   max({@value Thresholds#FIRST_BATCH}, set size) columns' worth at a time.</li>
 *   <li>Gap-safe screening (Ndiaye, Fercoq, Gramfort &amp; Salmon 2017): the dual optimum lies within
 *   r = √(2·gap) of θ, so a group with ‖S(X̃_gᵀθ, l1)‖ + r·‖X̃_g‖₂ &lt; λω_g is zero at the optimum and is not
 *   examined again in this solve.</li>
 *   <li>Groups with ω_g = 0 and no L1 term are unpenalised: they stay in the set, and before each gap their block is
 *   minimised exactly (a Cholesky solve), so that θ satisfies their equality constraint X̃_gᵀθ = 0.</li>
 * </ul>
 * One instance serves a whole path: the set (and its Gram) only grows from one penalty to the next.
 */
final class BlockDescent {
    private final LeastSquaresData data;
    private final Groups groups;
    private final double[] curvature;
    private final Level1 level1 = KernelProvider.get().level1();
    private final Proximal prox = KernelProvider.get().proximal();
    private final MatrixVector mv = KernelProvider.get().matrixVector();
    private final boolean[] inSet;
    private final boolean[] screened;
    private int[] setGroups;
    private int q;
    private int[] offset;
    private int[] cols;
    private int m;
    private double[] cSet = new double[0];
    private double[] wSet = new double[0];
    private double[] h = new double[0];
    private double[] gradSet = new double[0];
    private final double[] gradFull;
    private final double[] z;
    private final double[] scratch;

    BlockDescent(LeastSquaresData data, Groups groups) {
        if (groups.p() != data.p) throw new IllegalArgumentException("groups cover " + groups.p() + " columns, X has " + data.p);
        this.data = data;
        this.groups = groups;
        this.curvature = data.blockNorms2(groups);
        this.inSet = new boolean[groups.count()];
        this.screened = new boolean[groups.count()];
        this.setGroups = new int[groups.count()];
        this.offset = new int[groups.count() + 1];
        this.cols = new int[data.p];
        this.gradFull = new double[data.p];
        this.z = new double[groups.maxSize()];
        this.scratch = new double[groups.maxSize()];
    }

    /** How a solve ended: sweeps, the last duality gap (full or, when maxIter ran out, the set's), converged. */
    record Result(int sweeps, double gap, boolean converged) {}

    /** The least-squares data the solver reads. */
    LeastSquaresData data() {
        return data;
    }

    /**
     * The smallest penalty scale at which w = 0 is the minimiser, for penalties {@code s·((1 − ρ)·Σω_g‖w_g‖ + ρ‖w‖₁)}:
     * max over groups of 1/κ_g, κ_g = {@link DualScale#of}(X̃_gᵀỹ, ρ, (1 − ρ)ω_g) (for ρ = 0: ‖X̃_gᵀỹ‖/ω_g). Groups
     * left unpenalised (ω_g = 0, ρ = 0) are skipped; they are fitted at every penalty.
     */
    double penaltyMax(double rho) {
        double max = 0;
        for (int g = 0; g < groups.count(); g++) {
            if (groups.weight(g) == 0 && rho == 0) continue;
            int k = gather(data.c, g, z);
            double kappa = DualScale.of(z, 0, k, rho, (1 - rho) * groups.weight(g), scratch);
            if (kappa < Double.POSITIVE_INFINITY) max = Math.max(max, 1 / kappa);
        }
        return max;
    }

    /**
     * Minimises from w (warm start, all p coefficients; left holding the minimiser).
     *
     * @param lambda       weight λ of the group norms
     * @param l1           weight of the L1 norm (sparse-group lasso; 0 for the group lasso)
     * @param strongLambda groups whose thresholded gradient at w exceeds strongLambda·ω_g start in the working set
     *                     (the sequential strong rule: 2λ − λ_previous on a path; λ for none)
     * @param gapTol       absolute duality-gap tolerance (in the units of ½‖ỹ − X̃w‖²)
     * @param maxIter      most sweeps
     */
    Result solve(double[] w, double lambda, double l1, double strongLambda, double gapTol, int maxIter) {
        Arrays.fill(screened, false);
        // the set: groups already non-zero, unpenalised groups, and those the strong rule names
        loadSet(w);
        boolean anyOutside = false;
        int[] add = new int[groups.count()];
        int adding = 0;
        for (int g = 0; g < groups.count(); g++) {
            if (inSet[g]) continue;
            boolean unpenalised = groups.weight(g) == 0 && l1 == 0;
            if (unpenalised || groups.norm(w, g) != 0) {
                add[adding++] = g;
            } else {
                anyOutside = true;
            }
        }
        if (adding > 0) grow(add, adding, w);
        if (anyOutside && strongLambda < Double.POSITIVE_INFINITY) {
            data.gradient(cols, m, wSet, gradFull);
            adding = 0;
            for (int g = 0; g < groups.count(); g++) {
                if (inSet[g]) continue;
                int k = gather(gradFull, g, z);
                if (DualScale.thresholdedNorm(z, 0, k, 1.0, l1) > strongLambda * groups.weight(g)) add[adding++] = g;
            }
            if (adding > 0) grow(add, adding, w);
        }
        double gap = Double.POSITIVE_INFINITY;
        double roundWork = 0;
        int sweeps = 0;
        boolean fullCheckDue = m == 0;
        while (sweeps < maxIter || fullCheckDue) {
            double maxDelta = 0;
            if (!fullCheckDue) {
                sweeps++;
                maxDelta = sweep(lambda, l1);
                roundWork += (double) m * m;
                gap = setGap(lambda, l1);
                boolean moving = maxDelta > 0;
                if (sweeps < maxIter && moving && gap > Thresholds.INNER_SHARE * gapTol && roundWork < data.gradientCost()) continue;
                if (sweeps >= maxIter && gap > gapTol) break;
            }
            fullCheckDue = false;
            roundWork = 0;
            profileUnpenalised(lambda, l1);
            data.gradient(cols, m, wSet, gradFull);
            double kappa = 1.0;
            for (int g = 0; g < groups.count(); g++) {
                if (screened[g]) continue;
                int k = gather(gradFull, g, z);
                if (groups.weight(g) == 0 && l1 == 0) continue; // profiled out: X̃_gᵀR = 0 up to rounding
                kappa = Math.min(kappa, DualScale.of(z, 0, k, l1, lambda * groups.weight(g), scratch));
            }
            gap = gap(lambda, l1, kappa, gradientOnSet(gradFull));
            adding = violators(lambda, l1, kappa, gap, add);
            if (adding == 0 && gap <= gapTol) {
                store(w);
                return new Result(sweeps, gap, true);
            }
            if (adding > 0) {
                grow(add, adding, w);
            } else if (maxDelta == 0 && sweeps > 0) {
                break; // rounding floor: the sweeps change nothing and no group is missing
            }
        }
        store(w);
        return new Result(sweeps, gap, false);
    }

    /**
     * From w (all p coefficients; only the set's are read), {@code count} sweeps over the current set — what a solve
     * does between its checks, without the checks (the benchmark of a sweep against one read of the set's Gram).
     */
    double sweeps(double[] w, double lambda, double l1, int count) {
        loadSet(w);
        double delta = 0;
        for (int k = 0; k < count; k++) delta = sweep(lambda, l1);
        return delta;
    }

    /** One read of every entry of the set's Gram K (m² doubles): the baseline a sweep is measured against. */
    double readSetGram() {
        return level1.sum(m * m, data.k, 0);
    }

    /** Columns in the working set. */
    int setColumns() {
        return m;
    }

    /** One pass over the set's groups (see the class comment); returns the largest coefficient change. */
    private double sweep(double lambda, double l1) {
        double maxDelta = 0;
        for (int a = 0; a < q; a++) {
            int g = setGroups[a];
            double lip = curvature[g];
            if (!(lip > 0)) continue; // all-zero columns: nothing to fit
            int s = offset[a];
            int k = offset[a + 1] - s;
            for (int r = 0; r < k; r++) z[r] = wSet[s + r] + (cSet[s + r] - h[s + r]) / lip;
            if (l1 > 0) prox.softThreshold(k, l1 / lip, z, 0, z, 0);
            prox.groupSoftThreshold(k, lambda * groups.weight(g) / lip, 1.0, z, 0, z, 0);
            boolean moved = false;
            for (int r = 0; r < k; r++) {
                double delta = z[r] - wSet[s + r];
                wSet[s + r] = z[r];
                z[r] = delta;
                moved |= delta != 0;
                maxDelta = Math.max(maxDelta, Math.abs(delta));
            }
            // H += K[group rows]ᵀ·δ: the group's k rows of K (K is symmetric, so rows are columns) in one pass over H
            if (moved) mv.addMultiplyTransposed(new MatrixView(data.k, s * m, k, m, m, Layout.ROW_MAJOR), z, 0, h, 0);
        }
        return maxDelta;
    }

    /** The gap of the problem restricted to the set (κ from the set's groups only). */
    private double setGap(double lambda, double l1) {
        for (int t = 0; t < m; t++) gradSet[t] = cSet[t] - h[t];
        double kappa = 1.0;
        for (int a = 0; a < q; a++) {
            int g = setGroups[a];
            if (groups.weight(g) == 0 && l1 == 0) continue;
            kappa = Math.min(kappa, DualScale.of(gradSet, offset[a], offset[a + 1] - offset[a], l1, lambda * groups.weight(g), scratch));
        }
        return gap(lambda, l1, kappa, gradSet);
    }

    /** The set's entries of a full gradient, in set order, into gradSet. */
    private double[] gradientOnSet(double[] full) {
        for (int t = 0; t < m; t++) gradSet[t] = full[cols[t]];
        return gradSet;
    }

    /** Ω(w) − κ·wᵀg + ½(1 − κ)²‖R‖², with g = X̃ᵀR on the set and ‖R‖² = ‖ỹ‖² − 2cᵀw + wᵀKw. */
    private double gap(double lambda, double l1, double kappa, double[] g) {
        double penalty = 0;
        double wg = 0;
        double cw = 0;
        double wh = 0;
        for (int a = 0; a < q; a++) {
            double norm = 0;
            double abs = 0;
            for (int t = offset[a]; t < offset[a + 1]; t++) {
                double v = wSet[t];
                norm += v * v;
                abs += Math.abs(v);
                wg += v * g[t];
                cw += cSet[t] * v;
                wh += v * h[t];
            }
            penalty += lambda * groups.weight(setGroups[a]) * Math.sqrt(norm) + l1 * abs;
        }
        double rn2 = Math.max(0.0, data.yy - 2 * cw + wh);
        return penalty - kappa * wg + 0.5 * (1 - kappa) * (1 - kappa) * rn2;
    }

    /**
     * Screens (gap-safe) and collects violators among the groups outside the set, most violated first, up to
     * max(FIRST_BATCH, m) columns; returns how many were written to {@code add}.
     */
    private int violators(double lambda, double l1, double kappa, double gap, int[] add) {
        double radius = Math.sqrt(2 * Math.max(gap, 0.0));
        int count = 0;
        double[] score = new double[groups.count()];
        for (int g = 0; g < groups.count(); g++) {
            if (inSet[g] || screened[g]) continue;
            int k = gather(gradFull, g, z);
            double bound = lambda * groups.weight(g);
            if (DualScale.thresholdedNorm(z, 0, k, kappa, l1) + radius * Math.sqrt(curvature[g]) < bound) {
                screened[g] = true;
                continue;
            }
            double violation = DualScale.thresholdedNorm(z, 0, k, 1.0, l1);
            if (violation > bound) {
                score[count] = bound == 0 ? Double.POSITIVE_INFINITY : violation / bound;
                add[count++] = g;
            }
        }
        if (count == 0) return 0;
        // the most violated first, as many columns as the set holds (at least FIRST_BATCH): the set grows geometrically
        Integer[] order = new Integer[count];
        for (int t = 0; t < count; t++) order[t] = t;
        Arrays.sort(order, (x, y) -> Double.compare(score[y], score[x]));
        int limit = Math.max(Thresholds.FIRST_BATCH, m);
        int[] chosen = new int[count];
        int taken = 0;
        int columns = 0;
        for (int t = 0; t < count && (taken == 0 || columns < limit); t++) {
            chosen[taken++] = add[order[t]];
            columns += groups.size(add[order[t]]);
        }
        System.arraycopy(chosen, 0, add, 0, taken);
        return taken;
    }

    /** Minimises exactly over the unpenalised groups of the set (ω_g = 0, l1 = 0): K_UU·δ = X̃_UᵀR. */
    private void profileUnpenalised(double lambda, double l1) {
        if (l1 != 0) return;
        int u = 0;
        for (int a = 0; a < q; a++) if (groups.weight(setGroups[a]) == 0) u += offset[a + 1] - offset[a];
        if (u == 0) return;
        int[] pos = new int[u];
        u = 0;
        for (int a = 0; a < q; a++) {
            if (groups.weight(setGroups[a]) != 0) continue;
            for (int t = offset[a]; t < offset[a + 1]; t++) pos[u++] = t;
        }
        double[] a = new double[u * u];
        double[] d = new double[u];
        for (int r = 0; r < u; r++) {
            for (int s = 0; s < u; s++) a[r * u + s] = data.k[pos[r] * m + pos[s]];
            d[r] = cSet[pos[r]] - h[pos[r]];
        }
        try {
            Cholesky chol = KernelProvider.get().cholesky();
            chol.factor(u, a, 0, u, 0.0);
            chol.solve(u, a, 0, u, d, 0);
        } catch (IllegalArgumentException e) {
            return; // collinear unpenalised columns: the sweeps alone approach their block minimum
        }
        for (int r = 0; r < u; r++) {
            if (d[r] == 0 || !Double.isFinite(d[r])) continue;
            level1.axpy(m, d[r], data.k, pos[r] * m, h, 0);
            wSet[pos[r]] += d[r];
        }
    }

    /** Copies the entries of group g of a p-vector into out[0 .. p_g); returns p_g. */
    private int gather(double[] full, int g, double[] out) {
        int s = groups.start(g);
        int k = groups.size(g);
        for (int r = 0; r < k; r++) out[r] = full[groups.column(s + r)];
        return k;
    }

    /** Reads the set's coefficients from w (a warm start may differ from the last solution). */
    private void loadSet(double[] w) {
        boolean changed = false;
        for (int t = 0; t < m; t++) {
            if (wSet[t] != w[cols[t]]) {
                wSet[t] = w[cols[t]];
                changed = true;
            }
        }
        if (changed) refreshH();
    }

    /** H = K·w on the set, afresh. */
    private void refreshH() {
        Arrays.fill(h, 0, m, 0.0);
        for (int t = 0; t < m; t++) if (wSet[t] != 0) level1.axpy(m, wSet[t], data.k, t * m, h, 0);
    }

    /** Writes the set's coefficients into w (zero elsewhere). */
    private void store(double[] w) {
        Arrays.fill(w, 0.0);
        for (int t = 0; t < m; t++) w[cols[t]] = wSet[t];
    }

    /** Appends groups to the set (their coefficients read from w): their columns, the set's Gram, c, H. */
    private void grow(int[] add, int count, double[] w) {
        int before = m;
        for (int i = 0; i < count; i++) {
            int g = add[i];
            inSet[g] = true;
            setGroups[q] = g;
            int s = groups.start(g);
            for (int r = 0; r < groups.size(g); r++) cols[m + r] = groups.column(s + r);
            m += groups.size(g);
            offset[++q] = m;
        }
        if (cSet.length < m) {
            cSet = Arrays.copyOf(cSet, data.p);
            wSet = Arrays.copyOf(wSet, data.p);
            h = new double[data.p];
            gradSet = new double[data.p];
        }
        for (int t = before; t < m; t++) {
            cSet[t] = data.c[cols[t]];
            wSet[t] = w[cols[t]];
        }
        data.setColumns(cols, m);
        refreshH();
    }
}
