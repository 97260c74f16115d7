package dev.shrink.solvers.group;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.kernels.Proximal;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.matrix.CenteredGram;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * A prepared multi-task elastic-net problem in scikit-learn's scaling ({@code enet_coordinate_descent_multi_task}):
 * minimise {@code ½‖Ỹ − X̃W‖²_F + l1·Σⱼ‖wⱼ‖₂ + ½·l2·‖W‖²_F}, W the p×T coefficients (row wⱼ = feature j across the
 * T tasks), X̃, Ỹ centred when intercepts are fitted. scikit-learn's MultiTaskElasticNet(alpha, l1Ratio) is
 * l1 = n·alpha·l1Ratio, l2 = n·alpha·(1 − l1Ratio).
 *
 * <p>Block coordinate descent on the rows of W in covariance mode (Friedman et al. 2010 §2.2, one block per feature)
 * over a set of features with Gram K: the state is H = K·W (T×m, task-major) and C = X̃ᵀỸ, so the gradient of row j is
 * cⱼ − hⱼ and the exact block minimiser (the block's curvature is Kⱼⱼ·I) is
 * {@code wⱼ ← BST(Kⱼⱼwⱼ + cⱼ − hⱼ, l1)/(Kⱼⱼ + l2)} — one {@link Proximal#groupSoftThreshold}. A move updates all T rows
 * of H with the one Gram row j ({@link MatrixVector#rankOneUpdate}: T right-hand sides per row read).
 * <ul>
 *   <li>{@link #whole}: every feature, K the whole Gram (one SYRK pass) — paths and cross-validation, which need most
 *   columns anyway;</li>
 *   <li>{@link #gathered}: a working set (Massias et al. 2018, "Celer", over features): its columns gathered (n per
 *   column) and their Gram, the full gradient X̃ᵀR one pass over X per check, violators ‖X̃ⱼᵀR‖ &gt; l1 admitted most
 *   violated first, max({@value Thresholds#FIRST_BATCH}, set size) at a time, the set solved to
 *   {@value Thresholds#INNER_SHARE} of the tolerance in between — a single fit needs a few passes over X instead of the
 *   n·p²/2 of the whole Gram, and p &gt; n works without a p×p matrix.</li>
 * </ul>
 *
 * <p>Duality gap: scikit-learn's (dual point θ = κR, κ = min(1, l1/maxⱼ‖X̃ⱼᵀR − l2·wⱼ‖₂)), evaluated as
 * {@code ½(1 − κ)²(‖R‖² + l2‖W‖²) + l1·Σⱼ‖wⱼ‖ − κ·⟨W, X̃ᵀR − l2W⟩} — the same number, since
 * ⟨R, Ỹ⟩ = ‖R‖² + ⟨W, X̃ᵀR⟩ — which keeps its accuracy near the minimum; on the set after every sweep (O(m·T)).
 *
 * <p>A sparse X (compressed columns) is read in place, never densified or centred: K is the centred Gram of the stored
 * entries ({@link CenteredGram}), X̃ᵀR and X̃_S·W_S are products over the stored entries with the means subtracted.
 */
public final class MultiTaskProblem {
    /** Dense X (the set's centred columns gathered into z), or null when X is sparse. */
    private final MatrixView x;
    /** Sparse X (compressed columns, read in place; the set's Gram from its stored entries), or null when X is dense. */
    private final DesignMatrix sparse;
    private final ParallelKernels passes;
    private final boolean whole;
    private final int n;
    private final int p;
    private final int tasks;
    private final double[] mean;
    private final double[] ybar;
    private final double[] yc;
    private final double[] c;
    private final double yy;
    // the set: features cols[0 .. m), slot[j] their position (−1 outside); K over them (m×m); H = K·W (T×m)
    private final int[] cols;
    private final int[] slot;
    private int m;
    private double[] k;
    private double[] h = new double[0];
    private double[] z = new double[0];
    private final double[] state;
    private final double[] step;
    private final double[] grad;
    private final Proximal prox = KernelProvider.get().proximal();
    private final MatrixVector mv = KernelProvider.get().matrixVector();

    private MultiTaskProblem(Matrix design, ParallelKernels passes, boolean whole, int tasks, double[] mean, double[] ybar, double[] yc, double[] c,
                             double yy) {
        this.x = design instanceof MatrixView v ? v : null;
        this.sparse = x == null ? DesignMatrix.of(design, 1) : null;
        this.passes = passes;
        this.whole = whole;
        this.n = design.rows();
        this.p = design.cols();
        this.tasks = tasks;
        this.mean = mean;
        this.ybar = ybar;
        this.yc = yc;
        this.c = c;
        this.yy = yy;
        this.cols = new int[p];
        this.slot = new int[p];
        Arrays.fill(slot, -1);
        this.state = new double[p * tasks];
        this.step = new double[tasks];
        this.grad = new double[tasks * p];
    }

    /** The end of one solve: sweeps, duality gap (absolute, in this problem's scaling), converged. */
    public record Solution(int sweeps, double gap, boolean converged) {}

    /**
     * Every feature on the whole Gram (one SYRK pass); for paths and cross-validation with n ≥ p.
     *
     * @param y       n×T responses, row-major ({@code y[i·T + t]})
     * @param threads row chunks (≥ 1) of the Gram pass
     */
    public static MultiTaskProblem whole(Matrix x, double[] y, int tasks, boolean fitIntercept, int threads) {
        MultiTaskProblem problem = prepare(x, y, tasks, fitIntercept, threads, true);
        int p = x.cols();
        problem.k = problem.x != null ? Moments.centeredGram(problem.x, null, problem.mean, null, null, problem.passes)
                : CenteredGram.all(problem.sparse, null, problem.mean, null, null);
        for (int j = 0; j < p; j++) {
            problem.cols[j] = j;
            problem.slot[j] = j;
        }
        problem.m = p;
        problem.h = new double[tasks * p];
        return problem;
    }

    /** A working set of features with gathered columns (see the class comment); for single fits, and any p &gt; n. */
    public static MultiTaskProblem gathered(Matrix x, double[] y, int tasks, boolean fitIntercept, int threads) {
        return prepare(x, y, tasks, fitIntercept, threads, false);
    }

    /**
     * The representation a fit of this shape should use: a working set for single fits and p &gt; n, else the whole Gram
     * (for a sparse X only when the p×p Gram is no larger than its stored entries, p² ≤ nnz, or than Ridge's sparse
     * Gram, p ≤ {@value Thresholds#SPARSE_RIDGE_GRAM}: a path revisits most columns, and re-forming the working set's
     * Gram as it grows cost 7× the whole Gram's time on a 3000×300 design at 3 % density).
     */
    public static MultiTaskProblem of(Matrix x, double[] y, int tasks, boolean fitIntercept, int threads, boolean path) {
        long p = x.cols();
        boolean fits = x.rows() >= p && (x instanceof MatrixView || p <= Thresholds.SPARSE_RIDGE_GRAM || p * p <= DesignMatrix.of(x, 1).storedEntries());
        return path && fits ? whole(x, y, tasks, fitIntercept, threads) : gathered(x, y, tasks, fitIntercept, threads);
    }

    /**
     * Centred Y, ‖Ỹ‖², and in one pass over X both C = X̃ᵀỸ (T×p) = Xᵀ(Y − ȳ) (Σ(Y − ȳ) = 0, so centring X changes
     * nothing) and the column sums of X for the means: the k = T + 1 right-hand sides [Y − ȳ, 1] of
     * {@link MatrixVector#multiplyTransposed(MatrixView, double[], int, int, int, double[], int, int)}.
     */
    private static MultiTaskProblem prepare(Matrix x, double[] y, int tasks, boolean fitIntercept, int threads, boolean whole) {
        Threads.check(threads);
        int n = x.rows();
        int p = x.cols();
        if (y.length != n * tasks) throw new IllegalArgumentException("Y has " + y.length + " values, n·T = " + n + "·" + tasks);
        double[] ybar = new double[tasks];
        if (fitIntercept) {
            for (int i = 0; i < n; i++) for (int t = 0; t < tasks; t++) ybar[t] += y[i * tasks + t];
            for (int t = 0; t < tasks; t++) ybar[t] /= n;
        }
        double[] centred = new double[n * tasks];
        double[] augmented = new double[n * (tasks + 1)];
        double yy = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tasks; t++) {
                double v = y[i * tasks + t] - ybar[t];
                centred[i * tasks + t] = v;
                augmented[i * (tasks + 1) + t] = v;
                yy += v * v;
            }
            augmented[i * (tasks + 1) + tasks] = 1.0;
        }
        double[] products = new double[(tasks + 1) * p];
        if (x instanceof MatrixView v) {
            KernelProvider.get().matrixVector().multiplyTransposed(v, augmented, 0, tasks + 1, tasks + 1, products, 0, p);
        } else {
            sparseTransposed(DesignMatrix.of(x, 1), augmented, tasks + 1, products);
        }
        double[] c = Arrays.copyOf(products, tasks * p);
        double[] mean = new double[p];
        if (fitIntercept) for (int j = 0; j < p; j++) mean[j] = products[tasks * p + j] / n;
        return new MultiTaskProblem(x, Threads.kernels(threads), whole, tasks, mean, ybar, centred, c, yy);
    }

    /** out (T×p) ← X̃ᵀR for R n×T row-major: one pass over X for all T columns, minus x̄·ΣR (0 up to rounding when R is centred). */
    private void transposedProduct(double[] r, double[] out) {
        if (x != null) mv.multiplyTransposed(x, r, 0, tasks, tasks, out, 0, p);
        else sparseTransposed(sparse, r, tasks, out);
        for (int t = 0; t < tasks; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += r[i * tasks + t];
            for (int j = 0; j < p; j++) out[t * p + j] -= mean[j] * sum;
        }
    }

    /** out (k×p) ← Xᵀ·R for R n×k row-major on a sparse X: one pass over the stored entries per column of R. */
    private static void sparseTransposed(DesignMatrix x, double[] r, int k, double[] out) {
        int n = x.rows();
        int p = x.cols();
        double[] column = new double[n];
        double[] row = new double[p];
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < n; i++) column[i] = r[i * k + t];
            x.multiplyTransposed(column, row);
            System.arraycopy(row, 0, out, t * p, p);
        }
    }

    public int n() { return n; }
    public int p() { return p; }
    public int tasks() { return tasks; }

    /** ‖Ỹ‖²_F (the scale of scikit-learn's gap tolerance). */
    public double yNorm2() {
        return yy;
    }

    /** maxⱼ ‖X̃ⱼᵀỸ‖₂: scikit-learn's alpha_max is this over n·l1Ratio. */
    public double correlationMax() {
        double max = 0;
        for (int j = 0; j < p; j++) max = Math.max(max, rowNorm(c, j, 0.0, null));
        return max;
    }

    /** ‖g[·, j] − l2·wⱼ‖₂ for a T×p gradient g (w null: 0). */
    private double rowNorm(double[] g, int j, double l2, double[] w) {
        double s = 0;
        for (int t = 0; t < tasks; t++) {
            double v = g[t * p + j] - (w == null ? 0.0 : l2 * w[j * tasks + t]);
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Minimises from W (p×T row-major, {@code w[j·T + t]}; warm start) and leaves the minimiser in it.
     *
     * @param gapTol absolute gap tolerance (scikit-learn: tol·{@link #yNorm2()})
     */
    public Solution solve(double[] w, double l1, double l2, double gapTol, int maxIter) {
        if (w.length != p * tasks) throw new IllegalArgumentException("W has " + w.length + " values, p·T = " + p + "·" + tasks);
        boolean grown = false;
        if (!whole) {
            int[] add = new int[p];
            int adding = 0;
            for (int j = 0; j < p; j++) if (slot[j] < 0 && rowNorm(w, j) != 0) add[adding++] = j;
            if (m == 0 && adding == 0) adding = violators(c, w, l1, 0.0, add); // w = 0: the gradient is C
            if (adding > 0) grow(add, adding);
            grown = adding > 0;
        }
        if (grown || !Arrays.equals(state, w)) refreshH(w);
        double gap = Double.POSITIVE_INFINITY;
        int sweeps = 0;
        double roundWork = 0;
        boolean checkDue = !whole && m == 0;
        while (sweeps < maxIter || checkDue) {
            double maxDelta = 0;
            if (!checkDue) {
                sweeps++;
                maxDelta = sweep(w, l1, l2);
                gap = setGap(w, l1, l2);
                if (whole) {
                    if (gap <= gapTol || maxDelta == 0) break; // the set is every feature: its gap is the gap
                    continue;
                }
                roundWork += (double) m * m * tasks;
                if (sweeps < maxIter && maxDelta > 0 && gap > Thresholds.INNER_SHARE * gapTol && roundWork < (double) n * p * tasks) continue;
                if (sweeps >= maxIter && gap > gapTol) break;
            }
            checkDue = false;
            roundWork = 0;
            gap = fullCheck(w, l1, l2);
            int[] add = new int[p];
            int adding = violators(grad, w, l1, l2, add);
            if (adding == 0 && (gap <= gapTol || maxDelta == 0 && sweeps > 0)) break;
            if (adding > 0) {
                grow(add, adding);
                refreshH(w);
            }
        }
        System.arraycopy(w, 0, state, 0, w.length);
        return new Solution(sweeps, gap, gap <= gapTol);
    }

    private double rowNorm(double[] w, int j) {
        double s = 0;
        for (int t = 0; t < tasks; t++) s += w[j * tasks + t] * w[j * tasks + t];
        return s;
    }

    /** One pass over the set's features; returns the largest coefficient change. */
    private double sweep(double[] w, double l1, double l2) {
        double maxDelta = 0;
        for (int a = 0; a < m; a++) {
            double kjj = k[a * m + a];
            double curvature = kjj + l2;
            if (!(curvature > 0)) continue; // an all-zero column without L2: its row stays where it is
            int j = cols[a];
            int row = j * tasks;
            for (int t = 0; t < tasks; t++) step[t] = c[t * p + j] - h[t * m + a] + kjj * w[row + t];
            prox.groupSoftThreshold(tasks, l1, 1 / curvature, step, 0, step, 0);
            boolean moved = false;
            for (int t = 0; t < tasks; t++) {
                double delta = step[t] - w[row + t];
                step[t] = delta;
                if (delta != 0) {
                    moved = true;
                    maxDelta = Math.max(maxDelta, Math.abs(delta));
                    w[row + t] += delta;
                }
            }
            if (moved) mv.rankOneUpdate(tasks, m, step, 0, k, a * m, h, 0, m); // K is symmetric: row a is column a
        }
        return maxDelta;
    }

    /** The gap of the problem restricted to the set, with ‖R‖² = ‖Ỹ‖² − 2⟨C, W⟩ + ⟨W, H⟩ (see the class comment). */
    private double setGap(double[] w, double l1, double l2) {
        double dual = 0;
        double cw = 0;
        double wh = 0;
        double w2 = 0;
        double l21 = 0;
        double wXtA = 0;
        for (int a = 0; a < m; a++) {
            int j = cols[a];
            double norm2 = 0;
            double xta2 = 0;
            for (int t = 0; t < tasks; t++) {
                double wjt = w[j * tasks + t];
                double g = c[t * p + j] - h[t * m + a];
                double xta = g - l2 * wjt;
                xta2 += xta * xta;
                norm2 += wjt * wjt;
                cw += c[t * p + j] * wjt;
                wh += wjt * h[t * m + a];
                wXtA += wjt * xta;
            }
            dual = Math.max(dual, Math.sqrt(xta2));
            w2 += norm2;
            l21 += Math.sqrt(norm2);
        }
        return gap(dual, Math.max(0.0, yy - 2 * cw + wh), w2, l21, wXtA, l1, l2);
    }

    private static double gap(double dual, double rn2, double w2, double l21, double wXtA, double l1, double l2) {
        double kappa = dual > l1 ? l1 / dual : 1.0;
        double q = (1 - kappa) * (1 - kappa);
        return 0.5 * q * (rn2 + l2 * w2) + l1 * l21 - kappa * wXtA;
    }

    /**
     * The exact residual R = Ỹ − ZW (the set's gathered columns times its rows of W: one product with T right-hand sides,
     * Zᵀ's storage being Z's), the full gradient X̃ᵀR into {@code grad} (one pass over X), and the full gap.
     */
    private double fullCheck(double[] w, double l1, double l2) {
        double[] r = yc.clone();
        if (m > 0) {
            double[] wSet = new double[m * tasks];
            for (int a = 0; a < m; a++) System.arraycopy(w, cols[a] * tasks, wSet, a * tasks, tasks);
            double[] zw = new double[tasks * n];
            if (x != null) {
                mv.multiplyTransposed(new MatrixView(z, 0, m, n, n, Layout.ROW_MAJOR), wSet, 0, tasks, tasks, zw, 0, n);
            } else { // X̃_S·W_S = X_S·W_S − 1·(x̄_S·W_S), task by task over the set's stored entries
                double[] task = new double[n];
                for (int t = 0; t < tasks; t++) {
                    Arrays.fill(task, 0.0);
                    double shift = 0;
                    for (int a = 0; a < m; a++) {
                        double wat = wSet[a * tasks + t];
                        if (wat == 0) continue;
                        shift += mean[cols[a]] * wat;
                        sparse.columnAxpy(cols[a], wat, null, task);
                    }
                    for (int i = 0; i < n; i++) zw[t * n + i] = task[i] - shift;
                }
            }
            for (int i = 0; i < n; i++) for (int t = 0; t < tasks; t++) r[i * tasks + t] -= zw[t * n + i];
        }
        double rn2 = 0;
        for (double v : r) rn2 += v * v;
        transposedProduct(r, grad);
        double dual = 0;
        for (int j = 0; j < p; j++) dual = Math.max(dual, rowNorm(grad, j, l2, w));
        double w2 = 0;
        double l21 = 0;
        double wXtA = 0;
        for (int a = 0; a < m; a++) {
            int j = cols[a];
            double norm2 = 0;
            for (int t = 0; t < tasks; t++) {
                double wjt = w[j * tasks + t];
                norm2 += wjt * wjt;
                wXtA += wjt * (grad[t * p + j] - l2 * wjt);
            }
            w2 += norm2;
            l21 += Math.sqrt(norm2);
        }
        return gap(dual, rn2, w2, l21, wXtA, l1, l2);
    }

    /** Features outside the set with ‖gⱼ‖ &gt; l1 (w is 0 there), most violated first, up to max(FIRST_BATCH, m). */
    private int violators(double[] g, double[] w, double l1, double l2, int[] add) {
        int count = 0;
        double[] score = new double[p];
        for (int j = 0; j < p; j++) {
            if (slot[j] >= 0) continue;
            double norm = rowNorm(g, j, l2, w);
            if (norm > l1) {
                score[count] = norm;
                add[count++] = j;
            }
        }
        int limit = Math.max(Thresholds.FIRST_BATCH, m);
        if (count <= limit) return count;
        Integer[] order = new Integer[count];
        for (int t = 0; t < count; t++) order[t] = t;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        int[] chosen = new int[limit];
        for (int t = 0; t < limit; t++) chosen[t] = add[order[t]];
        System.arraycopy(chosen, 0, add, 0, limit);
        return limit;
    }

    /**
     * Appends features to the set: their centred columns (n each) and the set's Gram afresh (one Gram kernel call); on a
     * sparse X the set's centred Gram from its stored entries ({@link CenteredGram}), nothing gathered.
     */
    private void grow(int[] add, int count) {
        Arrays.sort(add, 0, count); // ascending columns read each row of a row-major X in order
        int m1 = m + count;
        if (x == null) {
            for (int t = 0; t < count; t++) {
                cols[m + t] = add[t];
                slot[add[t]] = m + t;
            }
            m = m1;
            k = new double[m * m];
            double[] means = new double[m];
            for (int a = 0; a < m; a++) means[a] = mean[cols[a]];
            CenteredGram.block(sparse, cols, m, null, means, n, k);
            return;
        }
        if (z.length < m1 * n) z = Arrays.copyOf(z, Math.min(p, Math.max(m1, 2 * m)) * n);
        double[] data = x.data();
        if (x.layout() == Layout.ROW_MAJOR) {
            for (int i = 0; i < n; i++) {
                int at = x.index(i, 0);
                for (int t = 0; t < count; t++) z[(m + t) * n + i] = data[at + add[t]] - mean[add[t]];
            }
        } else {
            for (int t = 0; t < count; t++) {
                int at = x.index(0, add[t]);
                for (int i = 0; i < n; i++) z[(m + t) * n + i] = data[at + i] - mean[add[t]];
            }
        }
        for (int t = 0; t < count; t++) {
            cols[m + t] = add[t];
            slot[add[t]] = m + t;
        }
        m = m1;
        k = new double[m * m];
        passes.gram(new MatrixView(z, 0, n, m, n, Layout.COLUMN_MAJOR), null, null, k, 0, m, null, 0);
    }

    /** H = K·W on the set afresh. */
    private void refreshH(double[] w) {
        if (h.length < tasks * m) h = new double[tasks * Math.max(m, 1)];
        Arrays.fill(h, 0, tasks * m, 0.0);
        for (int a = 0; a < m; a++) {
            int j = cols[a];
            if (rowNorm(w, j) != 0) mv.rankOneUpdate(tasks, m, w, j * tasks, k, a * m, h, 0, m);
        }
    }

    /** The intercepts ȳₜ − x̄·wₜ that go with W (0 without intercepts). */
    public double[] intercepts(double[] w) {
        double[] b = ybar.clone();
        for (int j = 0; j < p; j++) for (int t = 0; t < tasks; t++) b[t] -= mean[j] * w[j * tasks + t];
        return b;
    }

    /** W (this problem's p×T row-major layout) as T rows of p coefficients, task t's in row t. */
    public double[][] taskCoefficients(double[] w) {
        double[][] coef = new double[tasks][p];
        for (int j = 0; j < p; j++) for (int t = 0; t < tasks; t++) coef[t][j] = w[j * tasks + t];
        return coef;
    }
}
