package dev.shrink.solvers.group;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.CenteredGram;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.proximal.LogisticLoss;

import java.util.Arrays;

/**
 * A prepared (sparse-)group lasso logistic problem: minimise
 * {@code F(w, b) = Σᵢsᵢ·ℓ(yᵢ, xᵢ·w + b) + λ·Σ_g ω_g‖w_g‖₂ + l1·‖w‖₁}, ℓ(y, z) = log(1 + eᶻ) − y·z, y ∈ {0, 1}, the
 * sample weights normalised to sum to n (the user's objective with the 1/n loss, times n: λ = n·α(1 − ρ), l1 = n·αρ).
 *
 * <p>Proximal Newton (Lee, Sun &amp; Saunders 2014) on a working set of groups: each step builds the IRLS quadratic
 * model — weights dᵢ = sᵢpᵢ(1 − pᵢ), working response uᵢ = zᵢ + sᵢ(yᵢ − pᵢ)/dᵢ — whose weighted Gram over the set's
 * columns is one SYRK pass (n·m²/2), solves that weighted group lasso with {@link BlockDescent} (to a tolerance that
 * shrinks with the outer gap), and takes a backtracking step on F. The Gram is the expensive part, so it is kept
 * (weights d̃ of an earlier step, across penalties of a path too) while each step it gives still cuts the set's gap to
 * {@value Thresholds#CURVATURE_REUSE} of the previous one:
 * the model's gradient stays exact (uᵢ = zᵢ + rᵢ/d̃ᵢ), only its curvature is d̃'s, which costs one pass of n·m per
 * step; up to {@value Thresholds#CURVATURE_EXTEND_LIMIT} columns joining the set add their rows (n·m each), more
 * rebuild it, and so does a step that falls short, at the current weights. A backtracking step on F (Armijo, {@value Thresholds#ARMIJO}; the full step once
 * the predicted decrease is below {@value Thresholds#ROUNDING_REGIME} of F, where F's rounding hides it). Measured
 * against FISTA on the whole problem (two passes over X per step and hundreds of steps) it needs a handful of steps
 * per penalty (see the bench notes).
 *
 * <p>Duality gap (any dual point θ with Σθᵢ = 0 when b is fitted): with rᵢ = sᵢ(yᵢ − pᵢ) and θ = κ·r, κ the largest
 * scaling feasible for every group, {@code gap = F(w, b) + Σᵢsᵢ·h*(qᵢ)}, qᵢ = yᵢ − κ(yᵢ − pᵢ), h*(q) = q·log q +
 * (1 − q)·log(1 − q) (the conjugate of the log-loss). Before every gap the intercept is minimised exactly (a scalar
 * Newton iteration), which makes Σrᵢ = 0. Gap-safe screening: the dual is (4/max sᵢ)-strongly concave, so the optimum
 * lies within √(gap·max sᵢ/2) of θ; a group with ‖S(X̃_gᵀθ, l1)‖ + radius·‖X̃_g‖₂ &lt; λω_g is zero (X̃_g the centred
 * block).
 *
 * <p>A sparse X (compressed columns) is read in place, never densified or centred: the set's columns are X's own, the
 * model's curvature the d̃-centred Gram of their stored entries ({@link CenteredGram}), products over stored entries.
 */
public final class GroupLogistic {
    /** Dense X (the set's columns gathered into xs), or null when X is sparse. */
    private final MatrixView x;
    /** Sparse X (compressed columns, read in place: the set is its columns cols[0 .. m)), or null when X is dense. */
    private final DesignMatrix sparse;
    private final int n;
    private final int p;
    private final double[] y;
    private final double[] s;
    private final double maxWeight;
    private final boolean fitIntercept;
    private final Groups groups;
    private final ParallelKernels passes;
    private final double[] mean;
    private final double[] blockNorms2;
    private final Level1 level1 = KernelProvider.get().level1();
    // the working set: its groups, their columns, the raw columns of X (column-major, n per column)
    private final boolean[] inSet;
    private final boolean[] screened;
    private final int[] setGroups;
    private final int[] setOffset;
    private int q;
    private final int[] cols;
    private int m;
    private double[] xs = new double[0];
    private final double[] wSet;
    private double b;
    private final double[] z;
    private final double[] prob;
    private final double[] r;
    private final double[] gradFull;
    private final double[] scratch;
    /** The curvature of the quadratic model: X̃ᵀD̃X̃ over the set (d̃-centred), kept while it serves (see newtonStep). */
    private double[] hessian;
    private double[] hessianMeans;
    private double[] hessianWeights;
    private int hessianColumns = -1;
    private boolean refreshHessian = true;

    /** The end of one solve: Newton steps, duality gap (absolute, in this problem's scaling), converged. */
    public record Solution(int steps, double gap, boolean converged) {}

    private GroupLogistic(Matrix design, double[] y01, double[] s, boolean fitIntercept, Groups groups, ParallelKernels passes) {
        this.x = design instanceof MatrixView v ? v : null;
        this.sparse = x == null ? DesignMatrix.of(design, 1) : null;
        this.n = design.rows();
        this.p = design.cols();
        this.y = y01;
        this.s = s;
        double mw = 0;
        for (double v : s) mw = Math.max(mw, v);
        this.maxWeight = mw;
        this.fitIntercept = fitIntercept;
        this.groups = groups;
        this.passes = passes;
        if (x != null) {
            this.mean = fitIntercept ? Moments.columnMeans(x, null) : new double[p];
            this.blockNorms2 = LeastSquaresData.gathered(x, new double[n], null, fitIntercept, passes).blockNorms2(groups);
        } else {
            this.mean = fitIntercept ? sparse.columnMeans(null) : new double[p];
            this.blockNorms2 = LeastSquaresData.sparse(sparse, new double[n], null, fitIntercept).blockNorms2(groups);
        }
        this.inSet = new boolean[groups.count()];
        this.screened = new boolean[groups.count()];
        this.setGroups = new int[groups.count()];
        this.setOffset = new int[groups.count() + 1];
        this.cols = new int[p];
        this.wSet = new double[p];
        this.z = new double[n];
        this.prob = new double[n];
        this.r = new double[n];
        this.gradFull = new double[p];
        this.scratch = new double[Math.max(groups.maxSize(), 1)];
        if (fitIntercept) {
            double ybar = Moments.mean(y, s);
            b = ybar <= 0 || ybar >= 1 ? 0.0 : Math.log(ybar / (1 - ybar));
        }
    }

    /**
     * Validates and prepares user data.
     *
     * @param y01          labels 0 or 1
     * @param sampleWeight null for all 1; normalised to sum to n
     */
    public static GroupLogistic of(Matrix x, double[] y01, double[] sampleWeight, boolean fitIntercept, Groups groups, int threads) {
        Threads.check(threads);
        Inputs.response(y01, x.rows());
        for (int i = 0; i < y01.length; i++) {
            if (y01[i] != 0 && y01[i] != 1) throw new IllegalArgumentException("labels must be 0 or 1, got " + y01[i] + " at row " + i);
        }
        double[] s = Moments.normalizedWeights(sampleWeight, x.rows());
        if (s == null) {
            s = new double[x.rows()];
            Arrays.fill(s, 1.0);
        }
        if (groups.p() != x.cols()) throw new IllegalArgumentException("groups cover " + groups.p() + " columns, X has " + x.cols());
        return new GroupLogistic(x, y01.clone(), s, fitIntercept, groups, Threads.kernels(threads));
    }

    public int n() {
        return n;
    }

    /** The intercept of the last solve. */
    public double intercept() {
        return b;
    }

    /** F at w = 0 with the best intercept (n times the entropy of the labels when b is fitted): the scale of tol. */
    public double nullLoss() {
        double ybar = Moments.mean(y, s);
        double b0 = !fitIntercept || ybar <= 0 || ybar >= 1 ? 0.0 : Math.log(ybar / (1 - ybar));
        double f = 0;
        for (int i = 0; i < n; i++) f += s[i] * (LogisticLoss.softplus(b0) - y[i] * b0);
        return f;
    }

    /**
     * The smallest α ({@code α(1 − ρ)·Σω_g‖w_g‖ + αρ‖w‖₁} on the 1/n loss) at which w = 0 is the minimiser, from the
     * gradient at w = 0 with the best intercept: for ρ = 0, max_g ‖X̃_gᵀr‖₂/(n·ω_g), rᵢ = sᵢ(yᵢ − ȳ).
     */
    public double alphaMax(double rho) {
        double ybar = fitIntercept ? Moments.mean(y, s) : 0.5;
        for (int i = 0; i < n; i++) r[i] = s[i] * (y[i] - ybar);
        fullGradient();
        double max = 0;
        for (int g = 0; g < groups.count(); g++) {
            if (groups.weight(g) == 0 && rho == 0) continue;
            int k = gather(gradFull, g, scratch);
            double kappa = DualScale.of(scratch, 0, k, rho, (1 - rho) * groups.weight(g), new double[k]);
            if (kappa < Double.POSITIVE_INFINITY) max = Math.max(max, 1 / kappa);
        }
        return max / n;
    }

    /**
     * Minimises from w (warm start; the intercept from the last solve) and leaves the minimiser in w.
     *
     * @param strongLambda groups whose thresholded gradient at w exceeds strongLambda·ω_g start in the working set
     * @param gapTol       absolute duality-gap tolerance (e.g. tol·{@link #nullLoss()})
     * @param maxIter      most Newton steps
     */
    public Solution solve(double[] w, double lambda, double l1, double strongLambda, double gapTol, int maxIter) {
        if (w.length != p) throw new IllegalArgumentException("w has " + w.length + " values, the problem has " + p);
        Arrays.fill(screened, false);
        int[] add = new int[groups.count()];
        int adding = 0;
        for (int t = 0; t < m; t++) wSet[t] = w[cols[t]];
        for (int g = 0; g < groups.count(); g++) {
            if (!inSet[g] && ((groups.weight(g) == 0 && l1 == 0) || groups.norm(w, g) != 0)) add[adding++] = g;
        }
        if (adding > 0) grow(add, adding, w);
        updateLinearPredictor();
        profileIntercept();
        if (strongLambda < Double.POSITIVE_INFINITY) {
            fullGradient();
            adding = 0;
            for (int g = 0; g < groups.count(); g++) {
                if (inSet[g]) continue;
                int k = gather(gradFull, g, scratch);
                if (DualScale.thresholdedNorm(scratch, 0, k, 1.0, l1) > strongLambda * groups.weight(g)) add[adding++] = g;
            }
            if (adding > 0) grow(add, adding, w);
        }
        int steps = 0;
        double gap = Double.POSITIVE_INFINITY;
        while (true) {
            // Newton steps on the set until its gap is a small share of the tolerance, or stalls (rounding floor)
            double previous = Double.POSITIVE_INFINITY;
            int stalled = 0;
            while (m > 0 && steps < maxIter) {
                double[] gradient = setGradient();
                double setGap = gap(lambda, l1, gradient, false);
                if (setGap <= Thresholds.INNER_SHARE * gapTol) break;
                stalled = setGap > Thresholds.CURVATURE_REUSE * previous ? stalled + 1 : 0;
                if (stalled >= Thresholds.NEWTON_STALL) break;
                // a reused Hessian whose steps no longer halve the gap is rebuilt at the current weights (a rebuild costs
                // about m/2 of the n·m passes a step with it takes)
                if (setGap > Thresholds.CURVATURE_REUSE * previous) refreshHessian = true;
                previous = setGap;
                steps++;
                if (!newtonStep(lambda, l1, Thresholds.INNER_SHARE * Math.max(setGap, gapTol), gradient)) break;
            }
            fullGradient();
            gap = gap(lambda, l1, gradFull, true);
            adding = violators(lambda, l1, gap, add);
            if (adding == 0 && gap <= gapTol) {
                store(w);
                return new Solution(steps, gap, true);
            }
            if (adding == 0 || steps >= maxIter) break;
            grow(add, adding, w);
        }
        store(w);
        return new Solution(steps, gap, false);
    }

    /**
     * One proximal Newton step on the set: the IRLS model's weighted group lasso solved to {@code innerTol}, then a
     * backtracking line search on F. Returns false when the step no longer changes F (the rounding floor).
     */
    private boolean newtonStep(double lambda, double l1, double innerTol, double[] gradient) {
        MatrixView xsView = x == null ? null : new MatrixView(xs, 0, n, m, n, Layout.COLUMN_MAJOR);
        // a few new columns: their rows (one pass over the set's columns each); many: one SYRK pass, at the current weights
        if (hessian == null || refreshHessian || m - hessianColumns > Thresholds.CURVATURE_EXTEND_LIMIT) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                double pi = prob[i];
                d[i] = Math.max(s[i] * pi * (1 - pi), Thresholds.IRLS_WEIGHT_FLOOR * s[i]); // rows predicted to within e⁻²⁸ keep a floor weight
            }
            hessianWeights = d;
            if (x != null) {
                hessianMeans = fitIntercept ? Moments.columnMeans(xsView, d) : new double[m];
                hessian = Moments.centeredGram(xsView, d, hessianMeans, null, null, passes);
            } else {
                double sumD = 0;
                for (double di : d) sumD += di;
                hessianMeans = new double[m];
                if (fitIntercept) for (int t = 0; t < m; t++) hessianMeans[t] = sparse.columnDot(cols[t], null, d) / sumD;
                hessian = new double[m * m];
                CenteredGram.block(sparse, cols, m, d, hessianMeans, sumD, hessian);
            }
            hessianColumns = m;
            refreshHessian = false;
        } else if (hessianColumns < m) {
            hessianMeans = Arrays.copyOf(hessianMeans, m);
            hessian = x != null ? LeastSquaresData.extendGram(hessian, hessianColumns, xsView, hessianWeights, hessianMeans, fitIntercept, passes)
                    : CenteredGram.extend(hessian, hessianColumns, sparse, cols, m, hessianWeights, hessianMeans, fitIntercept);
            hessianColumns = m;
        }
        LeastSquaresData model = quadraticModel(gradient);        Groups local = setGroupsLocal();
        BlockDescent inner = new BlockDescent(model, local);
        double[] next = Arrays.copyOf(wSet, m);
        inner.solve(next, lambda, l1, lambda, innerTol, 100_000);
        double nextB = b;
        if (fitIntercept) {
            nextB = model.ybar;
            for (int t = 0; t < m; t++) nextB -= model.mean[t] * next[t];
        }
        // direction and its image Δz = X_S·Δw + Δb
        double[] dz = new double[n];
        Arrays.fill(dz, nextB - b);
        for (int t = 0; t < m; t++) {
            double delta = next[t] - wSet[t];
            if (delta != 0) setAxpy(t, delta, dz);
        }
        double slope = 0;
        for (int i = 0; i < n; i++) slope -= r[i] * dz[i];
        double penaltyNow = penalty(wSet, lambda, l1);
        double decrease = slope + penalty(next, lambda, l1) - penaltyNow; // Lee, Sun & Saunders' predicted decrease
        double f0 = loss(z, 0.0, dz) + penaltyNow;
        // a predicted decrease below the rounding of F cannot be checked (nor its sign trusted): the full step is taken
        // — the gap, linear in the remaining error where F is quadratic, still sees the progress
        boolean rounding = Math.abs(decrease) <= Thresholds.ROUNDING_REGIME * Math.abs(f0);
        boolean moves = nextB != b;
        for (int t = 0; t < m && !moves; t++) moves = next[t] != wSet[t];
        if (!moves || (!rounding && !(decrease < 0))) return false;
        double[] trial = new double[m];
        double t = 1.0;
        for (int halving = 0; halving <= Thresholds.MAX_HALVINGS; halving++, t *= 0.5) {
            for (int k = 0; k < m; k++) trial[k] = wSet[k] + t * (next[k] - wSet[k]);
            double f = rounding ? f0 : loss(z, t, dz) + penalty(trial, lambda, l1);
            if (rounding || f <= f0 + Thresholds.ARMIJO * t * decrease) {
                System.arraycopy(trial, 0, wSet, 0, m);
                b += t * (nextB - b);
                level1.axpy(n, t, dz, 0, z, 0);
                profileIntercept();
                return true;
            }
        }
        return false;
    }

    /**
     * The IRLS model ½Σd̃ᵢ(uᵢ − xᵢ·w − b)², uᵢ = zᵢ + rᵢ/d̃ᵢ, from the kept curvature alone: with X̃ d̃-centred, c = X̃ᵀD̃(u − ū)
     * = K̃·w + X̃ᵀr (D̃(u − ū) = D̃X̃w + r − const·d̃, and X̃ᵀd̃ = 0), ū = x̄·w + b + Σr/Σd̃ and
     * ‖ũ‖² = wᵀK̃w + 2wᵀX̃ᵀr + Σrᵢ²/d̃ᵢ − (Σr)²/Σd̃ — O(m² + n), no pass over the set's columns. The model's gradient at
     * w is the exact X̃ᵀr; its curvature is d̃'s. {@code gradient} is X̃ᵀr with plain centring (setGradient).
     */
    private LeastSquaresData quadraticModel(double[] gradient) {
        double sumR = 0;
        double sumD = 0;
        double r2d = 0;
        for (int i = 0; i < n; i++) {
            sumR += r[i];
            sumD += hessianWeights[i];
            r2d += r[i] * r[i] / hessianWeights[i];
        }
        double[] g = new double[m];
        double[] c = new double[m];
        double wg = 0;
        double wkw = 0;
        double ubar = b + (fitIntercept ? sumR / sumD : 0.0);
        for (int t = 0; t < m; t++) {
            g[t] = gradient[t] + (mean[cols[t]] - hessianMeans[t]) * sumR; // from plain to d̃-weighted centring
            double kw = level1.dot(m, hessian, t * m, wSet, 0);
            c[t] = kw + g[t];
            wg += wSet[t] * g[t];
            wkw += wSet[t] * kw;
            ubar += hessianMeans[t] * wSet[t];
        }
        double yy = wkw + 2 * wg + r2d - (fitIntercept ? sumR * sumR / sumD : 0.0);
        return LeastSquaresData.ofGram(hessianMeans, fitIntercept ? ubar : 0.0, c, Math.max(0.0, yy), hessian);
    }

    /** Σᵢsᵢℓ(yᵢ, zᵢ + t·Δzᵢ). */
    private double loss(double[] z0, double t, double[] dz) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double zi = z0[i] + t * dz[i];
            f += s[i] * (LogisticLoss.softplus(zi) - y[i] * zi);
        }
        return f;
    }

    private double penalty(double[] w, double lambda, double l1) {
        double f = 0;
        for (int a = 0; a < q; a++) {
            int g = setGroups[a];
            double norm = 0;
            for (int t = offset(a); t < offset(a + 1); t++) {
                norm += w[t] * w[t];
                f += l1 * Math.abs(w[t]);
            }
            f += lambda * groups.weight(g) * Math.sqrt(norm);
        }
        return f;
    }

    /** z = X_S·w_S + b, p = σ(z), r = s∘(y − p). */
    private void updateLinearPredictor() {
        Arrays.fill(z, b);
        for (int t = 0; t < m; t++) if (wSet[t] != 0) setAxpy(t, wSet[t], z);
        residuals();
    }

    /** out ← out + α·x_{cols[t]}: the gathered column of dense X, the stored entries of sparse X. */
    private void setAxpy(int t, double alpha, double[] out) {
        if (x != null) level1.axpy(n, alpha, xs, t * n, out, 0);
        else sparse.columnAxpy(cols[t], alpha, null, out);
    }

    private void residuals() {
        for (int i = 0; i < n; i++) {
            prob[i] = LogisticLoss.sigmoid(z[i]);
            r[i] = s[i] * (y[i] - prob[i]);
        }
    }

    /** Newton's method on b alone until Σrᵢ = 0 to rounding (the dual point then satisfies Σθᵢ = 0). */
    private void profileIntercept() {
        residuals();
        if (!fitIntercept) return;
        for (int it = 0; it < 50; it++) {
            double g = 0;
            double hess = 0;
            for (int i = 0; i < n; i++) {
                g += r[i];
                hess += s[i] * prob[i] * (1 - prob[i]);
            }
            if (!(hess > 0)) return;
            double step = g / hess;
            if (!Double.isFinite(step) || Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(b))) return;
            b += step;
            for (int i = 0; i < n; i++) z[i] += step;
            residuals();
        }
    }

    /** X̃ᵀr on the set's columns (n·m), in set order; Σr = 0 after profiling, so X̃_Sᵀr = X_Sᵀr − x̄·Σr. */
    private double[] setGradient() {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += r[i];
        double[] g = new double[m];
        for (int t = 0; t < m; t++) g[t] = (x != null ? level1.dot(n, xs, t * n, r, 0) : sparse.columnDot(cols[t], null, r)) - mean[cols[t]] * sum;
        return g;
    }

    /** gradFull = X̃ᵀr over all columns: one pass over X. */
    private void fullGradient() {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += r[i];
        if (x != null) passes.multiplyTransposed(x, r, 0, gradFull, 0);
        else sparse.multiplyTransposed(r, gradFull);
        for (int j = 0; j < p; j++) gradFull[j] -= mean[j] * sum;
    }

    /**
     * The duality gap F(w, b) + Σsᵢh*(qᵢ), θ = κr with κ from the set's groups ({@code full} false: g on the set, in
     * set order) or from every group not screened ({@code full} true: g over all p columns).
     */
    private double gap(double lambda, double l1, double[] g, boolean full) {
        double kappa = 1.0;
        if (full) {
            for (int gr = 0; gr < groups.count(); gr++) {
                if (screened[gr] || (groups.weight(gr) == 0 && l1 == 0)) continue;
                int k = gather(g, gr, scratch);
                kappa = Math.min(kappa, DualScale.of(scratch, 0, k, l1, lambda * groups.weight(gr), new double[k]));
            }
        } else {
            for (int a = 0; a < q; a++) {
                int gr = setGroups[a];
                if (groups.weight(gr) == 0 && l1 == 0) continue;
                kappa = Math.min(kappa, DualScale.of(g, offset(a), offset(a + 1) - offset(a), l1, lambda * groups.weight(gr), scratch));
            }
        }
        double f = penalty(wSet, lambda, l1);
        for (int i = 0; i < n; i++) {
            double qi = y[i] - kappa * (y[i] - prob[i]);
            f += s[i] * (LogisticLoss.softplus(z[i]) - y[i] * z[i] + entropy(qi));
        }
        return f;
    }

    /** h*(q) = q·log q + (1 − q)·log(1 − q), 0·log 0 = 0. */
    private static double entropy(double q) {
        double a = q > 0 ? q * Math.log(q) : 0.0;
        double c = q < 1 ? (1 - q) * Math.log1p(-q) : 0.0;
        return a + c;
    }

    /** Gap-safe screening and the violators outside the set, most violated first (see BlockDescent). */
    private int violators(double lambda, double l1, double gap, int[] add) {
        double kappa = 1.0;
        for (int gr = 0; gr < groups.count(); gr++) {
            if (screened[gr] || (groups.weight(gr) == 0 && l1 == 0)) continue;
            int k = gather(gradFull, gr, scratch);
            kappa = Math.min(kappa, DualScale.of(scratch, 0, k, l1, lambda * groups.weight(gr), new double[k]));
        }
        double radius = Math.sqrt(Math.max(gap, 0.0) * maxWeight / 2);
        int count = 0;
        double[] score = new double[groups.count()];
        for (int g = 0; g < groups.count(); g++) {
            if (inSet[g] || screened[g]) continue;
            int k = gather(gradFull, g, scratch);
            double bound = lambda * groups.weight(g);
            if (DualScale.thresholdedNorm(scratch, 0, k, kappa, l1) + radius * Math.sqrt(blockNorms2[g]) < bound) {
                screened[g] = true;
                continue;
            }
            double violation = DualScale.thresholdedNorm(scratch, 0, k, 1.0, l1);
            if (violation > bound) {
                score[count] = bound == 0 ? Double.POSITIVE_INFINITY : violation / bound;
                add[count++] = g;
            }
        }
        if (count == 0) return 0;
        Integer[] order = new Integer[count];
        for (int t = 0; t < count; t++) order[t] = t;
        Arrays.sort(order, (a, c) -> Double.compare(score[c], score[a]));
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

    /** The set's groups as groups of the set's columns 0 .. m−1 (same weights). */
    private Groups setGroupsLocal() {
        int[] id = new int[m];
        double[] weights = new double[q];
        for (int a = 0; a < q; a++) {
            weights[a] = groups.weight(setGroups[a]);
            for (int t = offset(a); t < offset(a + 1); t++) id[t] = a;
        }
        return Groups.of(id, m, weights);
    }

    /** Start of set group a's columns in set order. */
    private int offset(int a) {
        return setOffset[a];
    }

    private int gather(double[] full, int g, double[] out) {
        int st = groups.start(g);
        int k = groups.size(g);
        for (int t = 0; t < k; t++) out[t] = full[groups.column(st + t)];
        return k;
    }

    private void store(double[] w) {
        Arrays.fill(w, 0.0);
        for (int t = 0; t < m; t++) w[cols[t]] = wSet[t];
    }

    /** Appends groups to the set: their raw columns of X (dense X; sparse X is read in place) and their coefficients from w. */
    private void grow(int[] add, int count, double[] w) {
        int before = m;
        for (int i = 0; i < count; i++) {
            int g = add[i];
            inSet[g] = true;
            setGroups[q++] = g;
            int st = groups.start(g);
            for (int t = 0; t < groups.size(g); t++) cols[m++] = groups.column(st + t);
            setOffset[q] = m;
        }
        if (x != null && xs.length < m * n) xs = Arrays.copyOf(xs, Math.min(p, Math.max(m, 2 * before)) * n);
        for (int t = before; t < m; t++) {
            int j = cols[t];
            if (x != null) for (int i = 0; i < n; i++) xs[t * n + i] = x.get(i, j);
            wSet[t] = w[j];
        }
        updateLinearPredictor();
        profileIntercept();
    }
}
