package dev.shrink.solvers.group;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.Proximal;
import dev.shrink.solvers.cd.GramColumns;
import dev.shrink.solvers.cd.LazyGramColumns;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;

import java.util.Arrays;

/**
 * A prepared multi-task elastic-net problem in scikit-learn's scaling ({@code enet_coordinate_descent_multi_task}):
 * minimise {@code ½‖Ỹ − X̃W‖²_F + l1·Σⱼ‖wⱼ‖₂ + ½·l2·‖W‖²_F}, W the p×T coefficients (row wⱼ = feature j across the
 * T tasks), X̃, Ỹ centred when intercepts are fitted. scikit-learn's MultiTaskElasticNet(alpha, l1Ratio) is
 * l1 = n·alpha·l1Ratio, l2 = n·alpha·(1 − l1Ratio).
 *
 * <p>Block coordinate descent on the rows of W in covariance mode (Friedman et al. 2010 §2.2, one block per feature):
 * the state is H = X̃ᵀX̃W (T×p, task-major) and C = X̃ᵀỸ, so the gradient of row j is cⱼ − hⱼ and the exact block
 * minimiser (the block's curvature is Gⱼⱼ·I) is
 * {@code wⱼ ← BST(Gⱼⱼwⱼ + cⱼ − hⱼ, l1)/(Gⱼⱼ + l2)} — one {@link Proximal#groupSoftThreshold}. A move updates all T rows
 * of H with the one Gram column j ({@link MatrixVector#rankOneUpdate}: T right-hand sides per column read), so a sweep
 * costs p·T per moved feature and never reads X. The Gram matrix is whole when n ≥ p (one SYRK pass), else its columns
 * are computed on first use (glmnet's covariance mode, {@link LazyGramColumns}).
 *
 * <p>Duality gap: scikit-learn's (dual point θ = κR, κ = min(1, l1/maxⱼ‖X̃ⱼᵀR − l2·wⱼ‖₂)), evaluated as
 * {@code ½(1 − κ)²(‖R‖² + l2‖W‖²) + l1·Σⱼ‖wⱼ‖ − κ·⟨W, X̃ᵀR − l2W⟩} — the same number, since
 * ⟨R, Ỹ⟩ = ‖R‖² + ⟨W, X̃ᵀR⟩ — which keeps its accuracy near the minimum; after every sweep (O(p·T)).
 */
public final class MultiTaskProblem {
    private final int n;
    private final int p;
    private final int tasks;
    private final double[] mean;
    private final double[] ybar;
    private final double[] c;
    private final double yy;
    private final GramColumns gram;
    private final double[] diag;
    private final double[] h;
    private final double[] state;
    private final double[] z;
    private final Proximal prox = KernelProvider.get().proximal();
    private final MatrixVector mv = KernelProvider.get().matrixVector();

    private MultiTaskProblem(int n, int p, int tasks, double[] mean, double[] ybar, double[] c, double yy, GramColumns gram, double[] diag) {
        this.n = n;
        this.p = p;
        this.tasks = tasks;
        this.mean = mean;
        this.ybar = ybar;
        this.c = c;
        this.yy = yy;
        this.gram = gram;
        this.diag = diag;
        this.h = new double[tasks * p];
        this.state = new double[p * tasks];
        this.z = new double[tasks];
    }

    /** The end of one solve: sweeps, duality gap (absolute, in this problem's scaling), converged. */
    public record Solution(int sweeps, double gap, boolean converged) {}

    /**
     * Prepares validated data.
     *
     * @param y       n×T responses, row-major ({@code y[i·T + t]})
     * @param threads row chunks (≥ 1) of the Gram pass
     */
    public static MultiTaskProblem of(MatrixView x, double[] y, int tasks, boolean fitIntercept, int threads) {
        Threads.check(threads);
        int n = x.rows();
        int p = x.cols();
        if (y.length != n * tasks) throw new IllegalArgumentException("Y has " + y.length + " values, n·T = " + n + "·" + tasks);
        double[] mean = fitIntercept ? Moments.columnMeans(x, null) : new double[p];
        double[] ybar = new double[tasks];
        if (fitIntercept) {
            for (int i = 0; i < n; i++) for (int t = 0; t < tasks; t++) ybar[t] += y[i * tasks + t];
            for (int t = 0; t < tasks; t++) ybar[t] /= n;
        }
        double[] centred = new double[n * tasks];
        double yy = 0;
        for (int i = 0; i < n * tasks; i++) {
            centred[i] = y[i] - ybar[i % tasks];
            yy += centred[i] * centred[i];
        }
        // C = Xᵀ(Y − ȳ) (T×p): Σ(Y − ȳ) = 0, so centring X as well changes nothing
        double[] c = new double[tasks * p];
        MatrixVector mv = KernelProvider.get().matrixVector();
        if (x.layout() == Layout.ROW_MAJOR) {
            for (int i = 0; i < n; i++) mv.rankOneUpdate(tasks, p, centred, i * tasks, x.data(), x.index(i, 0), c, 0, p);
        } else {
            double[] column = new double[n];
            for (int t = 0; t < tasks; t++) {
                for (int i = 0; i < n; i++) column[i] = centred[i * tasks + t];
                mv.multiplyTransposed(x, column, 0, c, t * p);
            }
        }
        GramColumns gram;
        double[] diag = new double[p];
        if (n >= p) {
            double[] g = Moments.centeredGram(x, null, mean, null, null, Threads.kernels(threads));
            for (int j = 0; j < p; j++) diag[j] = g[j * p + j];
            gram = GramColumns.dense(g, p);
        } else {
            diag = Moments.centeredSquares(x, null, mean, null);
            gram = new LazyGramColumns(x, null, mean, null);
        }
        return new MultiTaskProblem(n, p, tasks, mean, ybar, c, yy, gram, diag);
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
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int t = 0; t < tasks; t++) s += c[t * p + j] * c[t * p + j];
            max = Math.max(max, Math.sqrt(s));
        }
        return max;
    }

    /**
     * Minimises from W (p×T row-major, {@code w[j·T + t]}; warm start) and leaves the minimiser in it.
     *
     * @param gapTol absolute gap tolerance (scikit-learn: tol·{@link #yNorm2()})
     */
    public Solution solve(double[] w, double l1, double l2, double gapTol, int maxIter) {
        if (w.length != p * tasks) throw new IllegalArgumentException("W has " + w.length + " values, p·T = " + p + "·" + tasks);
        if (!Arrays.equals(state, w)) reset(w);
        double gap = Double.POSITIVE_INFINITY;
        int sweep = 0;
        while (sweep < maxIter) {
            sweep++;
            double maxDelta = 0;
            for (int j = 0; j < p; j++) {
                double curvature = diag[j] + l2;
                if (!(curvature > 0)) continue; // an all-zero column without L2: its row stays where it is
                int row = j * tasks;
                for (int t = 0; t < tasks; t++) z[t] = c[t * p + j] - h[t * p + j] + diag[j] * w[row + t];
                prox.groupSoftThreshold(tasks, l1, 1 / curvature, z, 0, z, 0);
                boolean moved = false;
                for (int t = 0; t < tasks; t++) {
                    double delta = z[t] - w[row + t];
                    z[t] = delta;
                    if (delta != 0) {
                        moved = true;
                        maxDelta = Math.max(maxDelta, Math.abs(delta));
                    }
                }
                if (!moved) continue;
                int at = gram.offset(j); // first: computing the column may replace the array
                mv.rankOneUpdate(tasks, p, z, 0, gram.data(), at, h, 0, p);
                for (int t = 0; t < tasks; t++) w[row + t] += z[t];
            }
            gap = gap(w, l1, l2);
            if (gap <= gapTol) break;
            if (maxDelta == 0) break; // rounding floor: sweeps change nothing
        }
        System.arraycopy(w, 0, state, 0, w.length);
        return new Solution(sweep, gap, gap <= gapTol);
    }

    /** scikit-learn's multi-task gap in the accurate form of the class comment. */
    double gap(double[] w, double l1, double l2) {
        double dual = 0;
        double cw = 0;
        double wh = 0;
        double w2 = 0;
        double l21 = 0;
        double wXtA = 0;
        for (int j = 0; j < p; j++) {
            double norm2 = 0;
            double xta2 = 0;
            for (int t = 0; t < tasks; t++) {
                double wjt = w[j * tasks + t];
                double g = c[t * p + j] - h[t * p + j];
                double xta = g - l2 * wjt;
                xta2 += xta * xta;
                norm2 += wjt * wjt;
                cw += c[t * p + j] * wjt;
                wh += wjt * h[t * p + j];
                wXtA += wjt * xta;
            }
            dual = Math.max(dual, Math.sqrt(xta2));
            w2 += norm2;
            l21 += Math.sqrt(norm2);
        }
        double rn2 = Math.max(0.0, yy - 2 * cw + wh);
        double kappa = dual > l1 ? l1 / dual : 1.0;
        double q = (1 - kappa) * (1 - kappa);
        return 0.5 * q * (rn2 + l2 * w2) + l1 * l21 - kappa * wXtA;
    }

    /** H = G·W afresh from the rows of W that are non-zero. */
    private void reset(double[] w) {
        Arrays.fill(h, 0.0);
        for (int j = 0; j < p; j++) {
            boolean zero = true;
            for (int t = 0; t < tasks && zero; t++) zero = w[j * tasks + t] == 0;
            if (zero) continue;
            int at = gram.offset(j);
            mv.rankOneUpdate(tasks, p, w, j * tasks, gram.data(), at, h, 0, p);
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
