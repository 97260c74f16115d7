package dev.shrink.solvers.group;

import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Moments;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * A prepared (sparse-)group lasso least-squares problem in scikit-learn's scaling: minimise
 * {@code ½‖ỹ − X̃w‖² + λ·Σ_g ω_g‖w_g‖₂ + l1·‖w‖₁}, X̃, ỹ the data with sample weights normalised to sum to n and
 * centred (weighted means) when an intercept is fitted. The user's objective
 * {@code (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)² + α(1 − ρ)·Σ_g ω_g‖w_g‖₂ + αρ·‖w‖₁} is this one divided by n, with
 * λ = n·α·(1 − ρ) and l1 = n·α·ρ.
 *
 * <p>The whole Gram matrix when n ≥ p (one SYRK pass), else the working set's columns only
 * ({@link LeastSquaresData}); a sparse X is read in place, the set's Gram from its stored entries with the centring
 * implicit. {@link BlockDescent} solves. Keeps its working set between solves, so a warm-started
 * sequence (a path) is cheap; one instance is not for concurrent use.
 */
public final class GroupLeastSquares {
    private final BlockDescent solver;
    private final LeastSquaresData data;
    private final int n;

    private GroupLeastSquares(LeastSquaresData data, Groups groups, int n) {
        this.data = data;
        this.solver = new BlockDescent(data, groups);
        this.n = n;
    }

    /** The end of one solve: sweeps, duality gap (absolute, in this problem's scaling), converged. */
    public record Solution(int sweeps, double gap, boolean converged) {}

    /**
     * Validates and prepares user data.
     *
     * @param sampleWeight null for all 1; normalised to sum to n
     * @param threads      row chunks (≥ 1) of the passes over X (Gram, full gradients); results depend on the count only
     */
    public static GroupLeastSquares of(Matrix x, double[] y, double[] sampleWeight, boolean fitIntercept, Groups groups, int threads) {
        Threads.check(threads);
        Inputs.response(y, x.rows());
        double[] v = Moments.normalizedWeights(sampleWeight, x.rows());
        var passes = Threads.kernels(threads);
        LeastSquaresData data = switch (x) {
            case MatrixView d when d.rows() >= d.cols() -> LeastSquaresData.dense(d, y, v, fitIntercept, passes);
            case MatrixView d -> LeastSquaresData.gathered(d, y, v, fitIntercept, passes);
            default -> LeastSquaresData.sparse(DesignMatrix.of(x, 1), y, v, fitIntercept);
        };
        return new GroupLeastSquares(data, groups, x.rows());
    }

    public int n() {
        return n;
    }

    public int p() {
        return data.p;
    }

    /** ‖ỹ‖² (the scale of scikit-learn's gap tolerance: tol·‖ỹ‖²). */
    public double yNorm2() {
        return data.yy;
    }

    /**
     * The smallest α of the user's objective ({@code α(1 − ρ)·Σω_g‖w_g‖ + αρ‖w‖₁} on the 1/(2n) loss) at which w = 0:
     * for ρ = 0, max_g ‖X̃_gᵀỹ‖₂/(n·ω_g).
     */
    public double alphaMax(double rho) {
        return solver.penaltyMax(rho) / n;
    }

    /**
     * Minimises from w (warm start; left holding the minimiser).
     *
     * @param strongLambda the sequential strong rule's threshold for the initial working set (2λ − λ_previous on a
     *                     path), or λ for none
     * @param gapTol       absolute duality-gap tolerance (scikit-learn: tol·{@link #yNorm2()})
     */
    public Solution solve(double[] w, double lambda, double l1, double strongLambda, double gapTol, int maxIter) {
        if (w.length != data.p) throw new IllegalArgumentException("w has " + w.length + " values, the problem has " + data.p);
        BlockDescent.Result r = solver.solve(w, lambda, l1, strongLambda, gapTol, maxIter);
        return new Solution(r.sweeps(), r.gap(), r.converged());
    }

    /** The intercept that goes with w: ȳ − x̄·w (0 without intercept). */
    public double intercept(double[] w) {
        double b = data.ybar;
        for (int j = 0; j < w.length; j++) b -= data.mean[j] * w[j];
        return b;
    }

    /**
     * For the benchmark of a sweep: from w, {@code count} block-coordinate-descent sweeps over the current working set
     * (no checks); returns the last largest coefficient change.
     */
    public double sweeps(double[] w, double lambda, double l1, int count) {
        return solver.sweeps(w, lambda, l1, count);
    }

    /** For the same benchmark: one read of the working set's Gram (every entry once). */
    public double readSetGram() {
        return solver.readSetGram();
    }

    /** Columns in the working set (after the last solve). */
    public int workingSetColumns() {
        return solver.setColumns();
    }
}
