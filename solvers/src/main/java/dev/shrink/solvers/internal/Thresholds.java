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
