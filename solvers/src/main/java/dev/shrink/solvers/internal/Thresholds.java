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
     * GLM proximal Newton: the model of an outer iteration is solved until no coordinate changes it by more than this
     * share of the current duality gap: a sweep of the model costs a few thousandths of the Gram pass that built it, so
     * it is solved accurately and the outer iterations converge as Newton's method does.
     */
    public static final double GLM_INNER_SHARE = 1e-6;

    /** GLM proximal Newton: ... but never below this share of the gap tolerance. */
    public static final double GLM_INNER_FLOOR = 1e-3;

    /** GLM proximal Newton: most coordinate-descent sweeps over the model of one outer iteration. */
    public static final int GLM_MAX_SWEEPS = 10_000;

    /** GLM proximal Newton: most Newton steps that profile the intercepts and unpenalised features before a gap. */
    public static final int GLM_PROFILE_STEPS = 10;

    /** GLM proximal Newton: a full step in the rounding regime may raise the objective by this share of it (rounding). */
    public static final double ROUNDING_SLACK = 1e-13;

    /** GLM proximal Newton: rounding-regime steps in a row that fail to halve the gap before the solve stops there. */
    public static final int GLM_ROUNDING_STEPS = 3;

    /**
     * GLM proximal Newton: the intercepts and unpenalised features count as profiled once their gradient is below this
     * share of Σᵢ|∇Fᵢ| (a few roundings of the sums that form it).
     */
    public static final double PROFILE_GRADIENT = 1e-14;

    /**
     * GLM proximal Newton: the model of each outer iteration is also solved until no coordinate's optimality residual
     * (curvature·|step|) exceeds this share of the gap divided by 1 + ‖w‖₁: the duality gap is linear in the optimality
     * conditions while the model's changes are quadratic, so near the minimiser only this test keeps Newton's rate.
     */
    public static final double GLM_RESIDUAL_SHARE = 0.01;

    /**
     * GLM proximal Newton: the blocked Gram kernel's speed per multiply–add relative to a column pass's (dot product,
     * weighted axpy), for the choice between the Gram and the residual form of the Newton model.
     */
    public static final double GRAM_SPEEDUP = 4.0;

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
