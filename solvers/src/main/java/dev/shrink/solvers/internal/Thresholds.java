package dev.shrink.solvers.internal;

/**
 * Every size rule and numerical threshold of the solvers, in one place (the list in the {@code dev.shrink.solvers}
 * package documentation quotes these values, so that the documented rules cannot drift from the code).
 */
public final class Thresholds {
    private Thresholds() {}

    /** Ridge: a Cholesky pivot below this share of its diagonal element means the matrix is numerically singular. */
    public static final double SINGULAR_PIVOT = 1e-12;

    /**
     * Ridge on a sparse design: the p×p Gram matrix (at most 32 MB) and Cholesky up to this many columns, conjugate
     * gradients beyond.
     */
    public static final int SPARSE_RIDGE_GRAM = 2048;

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
     * Coordinate descent's sign-fixed Newton step on the support is taken after a sweep whenever the Newton steps' work
     * so far (their factor updates and solves) stays within {@value} times the sweeps' work.
     */
    public static final double SUPPORT_NEWTON_BUDGET = 9.0;

    /** Anderson extrapolation of coordinate descent: iterates combined, tried every so many sweeps. */
    public static final int ANDERSON_DEPTH = 5;

    /** Dual extrapolation (celer) of naive-mode coordinate descent: residuals of so many sweeps' differences combined. */
    public static final int EXTRAPOLATION_DEPTH = 5;

    /** Anderson extrapolation: ridge added to the differences' Gram matrix, relative to its largest diagonal element. */
    public static final double ANDERSON_RIDGE = 1e-10;

    /**
     * Covariance mode centres the whole Gram matrix after one SYRK pass unless some column has
     * n·x̄ⱼ² &gt; {@value}·Σsᵢ(xᵢⱼ − x̄ⱼ)² (more than six digits would cancel); then columns are centred one by one.
     */
    public static final double CENTRING_LIMIT = 1e6;

    /** Line searches (Newton, Newton-CG, L-BFGS): Armijo's sufficient-decrease constant c₁. */
    public static final double ARMIJO = 1e-4;

    /** Line searches: the strong Wolfe curvature constant c₂ (SciPy's L-BFGS-B and Nocedal &amp; Wright's choice for quasi-Newton). */
    public static final double WOLFE_CURVATURE = 0.9;

    /**
     * Line searches: f(x + αd) within this share of |f(x)| of f(x) counts as no increase when the derivative says the
     * step decreased f (Hager &amp; Zhang's approximate Wolfe condition; the evaluation error of f is below it).
     */
    public static final double VALUE_ROUNDING = 1e-11;

    /** Line searches: most evaluations of f and ∇f per search (SciPy's L-BFGS-B: 20). */
    public static final int LINE_SEARCH_EVALUATIONS = 20;

    /** Line searches: a bracket narrower than this share of the step ends the search. */
    public static final double STEP_RESOLUTION = 1e-10;

    /** Line searches: factor by which the step grows while the curvature condition asks for a longer one. */
    public static final double EXTRAPOLATION = 4.0;

    /** L-BFGS: pairs (s, y) kept (SciPy's and scikit-learn's default). */
    public static final int LBFGS_MEMORY = 10;

    /**
     * L-BFGS's first step on a GLM: rows of the evenly spaced sample on which the curvature dᵀHd along −g is estimated
     * (all rows up to this many). The estimate only sets the length of the first trial step, which the Wolfe search
     * then checks on the whole problem; its relative error, about √2/√k for a Gaussian design, is 3 % here, and the sample costs a tenth of the
     * product Xd at n = 20000 (0.1 against 0.9 ms).
     */
    public static final int CURVATURE_SAMPLE_ROWS = 2048;

    /** L-BFGS: a pair is stored only when sᵀy exceeds this share of yᵀy (positive curvature beyond rounding). */
    public static final double CURVATURE_FLOOR = 1e-14;

    /** Newton-CG: most conjugate-gradient iterations (Hessian-vector products) per Newton step (scikit-learn: 200). */
    public static final int CG_MAX_ITERATIONS = 200;

    /**
     * Logistic method choice: Newton–Cholesky on the (p+1)×(p+1) Hessian up to this many features. Newton's cost grows
     * as n·p² a step (4 steps here), L-BFGS's as n·p an iteration (15–20, one fused pass each). Measured (n = 20000,
     * Gaussian X, C = 1, one thread, Zen 5 under load ~5, CPU time, best of the last 4 of 8 fits in one JVM;
     * L-BFGS / Newton–Cholesky in ms): p = 10: 9.4 / 6.7; 25: 13.9 / 8.5; 40: 17.6 / 11.2; 50: 28 / 32; 100:
     * 20.5 / 26.0; 150: 51.5 / 61.3; 200: 41.5 / 71.1; 300: 60 / 123. On the AR(1) and equicorrelated 20000×200
     * workloads L-BFGS also wins (55 / 95 and 61 / 96). The crossover lies between 40 and 100 features. (The earlier
     * rule, 256, was measured while a shared horizontal-sum helper slowed every matrix–vector product ~5× after a
     * 512-bit Cholesky had run: L-BFGS paid it, the Gram-based Newton did not.)
     */
    public static final int NEWTON_MAX_FEATURES = 64;

    /**
     * L-BFGS (logistic, multinomial, Poisson): from this many elements of X (n·p) on, the iterations first run on a
     * float32 copy of X and finish on X itself ({@code DesignPasses.float32IfLarge}, {@code Lbfgs.minimize(rough, f, …)});
     * {@code -Dshrink.float32MinElements=N} sets it. Off (the largest long): measured on Zen 5, one thread, 20000×200,
     * one evaluation costs 0.7–0.95 ms on the float32 copy against 1.3–1.5 ms on X, and the float32 phase ends where the
     * float64 one would (one exact evaluation confirms it), but the copy (a scan and a conversion of X) eats most of
     * that over 10–20 evaluations: whole fits, float32 phase against none, alternated in one JVM at load 5.5–7,
     * median CPU time ×1.08 (Gaussian logistic), ×0.92 (AR(1)), ×0.93 (equicorrelated), ×0.98 (multinomial, 5
     * classes), ×1.15 (Poisson) — no clear gain. Earlier (issue 16): 1.4 vs 1.9 ms per pass, 100000×400 fits 0.42 vs
     * 0.44 s.
     */
    public static final long FLOAT32_MIN_ELEMENTS = Long.MAX_VALUE;

    /** Logistic method choice: Newton through the n×n kernel XXᵀ when p &gt; n, up to this many rows (n² memory). */
    public static final int DUAL_MAX_ROWS = 8192;

    /** Preconditioned L-BFGS: rows sampled for the Hessian estimate, per feature (k = min(n, {@value}·p)). */
    public static final int PRECONDITIONER_ROWS_PER_FEATURE = 8;

    /**
     * Preconditioned L-BFGS: the sampled Hessian is used only when its condition number exceeds this multiple of the
     * spread its sampling alone would give (SampledHessian.informative).
     */
    public static final double PRECONDITIONER_CONDITION = 4.0;

    /** Preconditioned L-BFGS: the sampled Hessian is rebuilt at the current point after a step that cut max|∇| by less than this factor. */
    public static final double PRECONDITIONER_REFRESH = 0.5;

    /**
     * Gap safe screening: the gap is raised by this share of ‖ỹ‖² before the safe radius is taken, a bound on the
     * rounding of the gap's terms, so that rounding can only shrink what is screened.
     */
    public static final double SCREENING_ROUNDING = 1e-12;

    /** Backtracking Newton (logistic group lasso): most step halvings. */
    public static final int MAX_HALVINGS = 40;

    /** Backtracking Newton (logistic group lasso): the full step is taken when the predicted decrease is below this share of the objective (rounding regime). */
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
     * GLM proximal Newton: {@link #GLM_RESIDUAL_SHARE} for a model in the Gram form, whose sweeps cost no pass over the
     * data: solved further, it saves outer iterations (each two passes over the working set).
     */
    public static final double GLM_GRAM_RESIDUAL_SHARE = 1e-4;

    /**
     * GLM proximal Newton: {@link #GLM_GRAM_RESIDUAL_SHARE} for a model on a kept (stale) Gram: its step is off by the
     * metric's error, a few percent of the gap, so solving it further buys nothing (measured along the dense paths:
     * half the coordinate visits, the same outer steps).
     */
    public static final double GLM_STALE_RESIDUAL_SHARE = 1e-2;

    /**
     * GLM proximal Newton: the blocked Gram kernel's speed per multiply–add relative to a column pass's (dot product,
     * weighted axpy), for the choice between the Gram and the residual form of the Newton model.
     */
    public static final double GRAM_SPEEDUP = 4.0;

    /**
     * GLM proximal Newton: outer iterations a freshly built Gram is expected to serve (it is kept while the metric it
     * defines converges), by which its cost is divided in the choice between the Gram and the residual form.
     */
    public static final double GLM_GRAM_REUSE = 16.0;

    /**
     * GLM duality gap: a dual point on the segment towards the last certifying one (the anchor) that lies within this
     * share of the segment is taken without also trying the scaled gradient (a Fenchel–Young pass saved).
     */
    public static final double GLM_ANCHOR_STEP = 0.5;

    /** GLM proximal Newton: multiply–adds (n·m²) from which the kept Gram blocks are accumulated in float32. */
    public static final double GLM_SINGLE_GRAM_FLOPS = 1e8;

    /**
     * GLM duality gap: the relative margin taken off a family's transcendental-free lower bound of the Fenchel–Young sum
     * (Pinsker's inequality) before it may show that a gap exceeds the tolerance (rounding of the bound's own sum).
     */
    public static final double GLM_FLOOR_MARGIN = 1e-6;

    /**
     * GLM proximal Newton: after a step whose model predicted a decrease below this share of the gap tolerance, the next
     * gap is taken on the whole problem at once rather than first on the working set (it would pass there).
     */
    public static final double GLM_DIRECT_GAP = 1e-3;

    /**
     * GLM duality gap: a working set's metric counts as cheap to rebuild when its Gram costs (in multiply–adds of a column
     * pass) at most this many per row and class — about what one row's Fenchel–Young term (an exp and two logs) costs.
     */
    public static final double GLM_CHEAP_METRIC = 64;

    /**
     * GLM duality gap: how far (in probability units) a dual point's per-row distribution may leave the conjugate's
     * domain and still count as inside it (rounding; the Fenchel–Young terms clamp it back).
     */
    public static final double GLM_DOMAIN_SLACK = 1e-12;

    /** GLM proximal Newton: the share of the features beyond which the working set takes all of them. */
    public static final double GLM_BLOCK_ALL = 0.5;

    /** GLM proximal Newton: most elements (class pairs × m²) of the kept Gram blocks; beyond, the residual form. */
    public static final double GLM_GRAM_ELEMENTS = 1 << 24;

    /**
     * GLM proximal Newton: a step on a kept (stale) Gram that leaves more than this share of the working set's duality
     * gap makes the next outer iteration rebuild the Gram at the current weights.
     */
    public static final double GLM_STALE_RATE = 0.1;

    /**
     * GLM proximal Newton with dual extrapolation: a full check forms the extrapolated dual point (a pass for ∇F and an
     * X̃ᵀ pass) only when the plain gap fails the tolerance by at most this factor, where the extrapolated gap may pass
     * it and end the solve (extrapolation is off by default, see GlmDualExtrapolation).
     */
    public static final double GLM_EXTRAPOLATION_REACH = 10.0;

    /**
     * GLM proximal Newton: the range [1/r, r] a kept Gram's rescaling to the current curvature may take (a guard: along
     * the bench's binomial and multinomial paths the measured factor stays within 0.7–1.05).
     */
    public static final double GLM_METRIC_SCALE_RANGE = 4.0;

    /**
     * GLM proximal Newton: a solve rescales its kept Gram only when the curvature along its first step differs from the
     * Gram's by more than this share (bench paths, steps per 100 λ with the rescaling off / always / gated at 0.05:
     * binomial 322 / 299 / 303 with 24 / 14 / 14 Gram builds, multinomial 307 / 300 / 286, Poisson 216 / 237 / 216).
     */
    public static final double GLM_METRIC_SCALE_GATE = 0.05;

    /**
     * GLM proximal Newton along a path: the longest step of the secant prediction of the next solution, in units of the
     * last step in log λ (glmnet's geometric grid gives 1; a longer extrapolation is not trusted).
     */
    public static final double GLM_PATH_PREDICTION_RANGE = 2.0;

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
