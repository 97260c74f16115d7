package dev.shrink.solvers.internal;

/**
 * Every size rule and numerical threshold of the solvers, in one place (the list in the {@code dev.shrink.solvers}
 * package documentation quotes these values, so that the documented rules cannot drift from the code).
 */
public final class Thresholds {
    private Thresholds() {}

    /** Ridge: a Cholesky pivot below this share of its diagonal element means the matrix is numerically singular. */
    public static final double SINGULAR_PIVOT = 1e-12;

    /** Working-set mode: violators admitted at the first check; later checks admit as many as the set holds. */
    public static final int FIRST_BATCH = 64;

    /** Share of the gap tolerance a working-set problem is solved to while its sweeps are cheap. */
    public static final double INNER_SHARE = 0.01;

    /**
     * Covariance mode keeps X̃ᵀR current on the working set only (and catches up at full checks) while the set holds
     * at most 1/{@value} of the features.
     */
    public static final int SMALL_SET_DIVISOR = 3;

    /**
     * Covariance mode's sign-fixed Newton step on a support of k features is tried only while its Cholesky (k³/3 flops)
     * costs at most this many times the sweeps spent so far (k² ≤ {@value}·sweeps·p).
     */
    public static final double SUPPORT_NEWTON_BUDGET = 27.0;

    /** Anderson extrapolation of coordinate descent: iterates combined, tried every so many sweeps. */
    public static final int ANDERSON_DEPTH = 5;

    /** Anderson extrapolation: ridge added to the differences' Gram matrix, relative to its largest diagonal element. */
    public static final double ANDERSON_RIDGE = 1e-10;

    /**
     * Covariance mode centres the whole Gram matrix after one SYRK pass unless some column has
     * n·x̄ⱼ² &gt; {@value}·Σsᵢ(xᵢⱼ − x̄ⱼ)² (more than six digits would cancel); then columns are centred one by one.
     */
    public static final double CENTRING_LIMIT = 1e6;

    /** Newton: Armijo's sufficient-decrease constant. */
    public static final double ARMIJO = 1e-4;

    /** Newton: most step halvings of the backtracking line search. */
    public static final int MAX_HALVINGS = 40;

    /** Newton: the full step is taken when the predicted decrease is below this share of the objective (rounding regime). */
    public static final double ROUNDING_REGIME = 1e-10;

    /**
     * Ridge (n ≥ p, alpha &gt; 0) runs in mixed precision — float32 Gram and Cholesky, float64 iterative refinement —
     * when p ≥ {@value} … The float32 Gram saves about n·p²/(2F) seconds (F the float64 Gram's flop rate), the
     * refinement costs about four sweeps over X, 4·8np/B (B the memory bandwidth): a gain when p &gt; 64·F/B, about 200
     * on Zen 5 (F ≈ 80 GFLOP/s, B ≈ 25 GB/s for one core). Measured at 20000×500: 0.075 s against 0.097 s (the model
     * predicts 18 ms saved, 21 ms were).
     */
    public static final int REFINEMENT_MIN_COLUMNS = 256;

    /** … and the Gram's n·p² flops reach {@value} (below, the whole solve takes a few milliseconds either way). */
    public static final long REFINEMENT_MIN_FLOPS = 1L << 28;

    /** Mixed-precision ridge: most refinement steps before the float64 path takes over (LAPACK dsposv's ITERMAX). */
    public static final int REFINEMENT_MAX_STEPS = 30;

    /**
     * Mixed-precision ridge: a refinement step must shrink max|gradient| to at most this share of the previous step's,
     * else the refinement has stalled (cond(A)·ε₃₂ too close to 1) and the float64 path takes over.
     */
    public static final double REFINEMENT_CONTRACTION = 0.5;

    /**
     * System property that overrides the mixed-precision rule for benchmarks and tests: {@code on} (whenever n ≥ p and
     * alpha &gt; 0), {@code off} (always float64), {@code auto} or unset (the size rule above).
     */
    public static final String REFINEMENT_PROPERTY = "shrink.ridge.refinement";

    /** Whether ridge on an n×p design (n ≥ p) with this alpha uses mixed precision (see the constants above). */
    public static boolean ridgeRefinement(int n, int p, double alpha) {
        if (p > n || !(alpha > 0)) return false;
        String forced = System.getProperty(REFINEMENT_PROPERTY, "auto").trim();
        if (forced.equalsIgnoreCase("on")) return true;
        if (forced.equalsIgnoreCase("off")) return false;
        return p >= REFINEMENT_MIN_COLUMNS && (long) n * p * p >= REFINEMENT_MIN_FLOPS;
    }

    /**
     * Logistic group lasso (proximal Newton): the IRLS curvature X̃ᵀD̃X̃ of an earlier step is kept while each step
     * still cuts the working set's duality gap to this share of the previous one; otherwise it is rebuilt.
     */
    public static final double CURVATURE_REUSE = 0.5;

    /**
     * Logistic group lasso: up to this many columns joining the working set add their rows to the kept curvature (one
     * pass over the set's columns each); more rebuild it with one SYRK pass.
     */
    public static final int CURVATURE_EXTEND_LIMIT = 16;

    /** Logistic group lasso: IRLS weights sᵢpᵢ(1 − pᵢ) are floored at this share of sᵢ (rows predicted to within e⁻²⁸). */
    public static final double IRLS_WEIGHT_FLOOR = 1e-12;

    /**
     * Logistic group lasso: Newton steps on the working set stop (the rounding floor) after this many in a row that do
     * not bring its gap below {@link #CURVATURE_REUSE} of the previous one.
     */
    public static final int NEWTON_STALL = 3;
}
