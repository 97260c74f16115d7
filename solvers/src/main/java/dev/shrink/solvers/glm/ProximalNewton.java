package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.SemidefiniteSolve;
import dev.shrink.solvers.internal.Thresholds;

import java.util.Arrays;

/**
 * Proximal Newton for {@code P(W, b) = F(X̃W + 1bᵀ) + Σⱼ Ωⱼ(W_·j)}, F a {@link Family} loss, Ω the {@link Penalties}, in
 * glmnet's shape (Friedman, Hastie &amp; Tibshirani 2010, "Regularization paths for generalized linear models via
 * coordinate descent", §3) with the globalisation of Lee, Sun &amp; Saunders 2014 ("Proximal Newton-type methods for
 * minimizing composite functions", Alg. 1):
 * <ol>
 *   <li>a working set of features (those nonzero, unpenalised, or admitted by the sequential strong rule of Tibshirani
 *   et al. 2012), whose centred columns are gathered once into a {@link ColumnBlock};</li>
 *   <li>each outer iteration forms the per-row derivatives of F and the gradient on the working set, and minimises the
 *   penalised quadratic model ({@link NewtonModel}: coordinate descent, or one Cholesky solve when the model is smooth)
 *   in the cheaper representation: the working set's weighted Gram blocks, kept across iterations and along a path
 *   ({@link GramCache}: rebuilt at the current weights only when a step on them leaves more than
 *   {@value Thresholds#GLM_STALE_RATE} of the gap, or has to backtrack; meanwhile rescaled to the curvature the last
 *   step met, {@link #metricScale}), or glmnet's residual form;</li>
 *   <li>a backtracking line search on P along the model's step (Armijo on the model's predicted decrease);</li>
 *   <li>once the working set's duality gap is within tolerance, a full pass X̃ᵀ∇F looks for features outside the set
 *   that violate the optimality conditions; they join the set, and when none is left the duality gap of the whole
 *   problem decides.</li>
 * </ol>
 *
 * <p>The certificate is a duality gap: with ∇S = X̃ᵀ∇F + l2·b∘W the gradient of the smooth part, the dual point
 * u = κ·∇F(η) (κ ∈ (0, 1] scales it into the domain of the L1 part's conjugate, as scikit-learn's lasso gap does) gives
 * {@code gap = FY(κ) + κ·Σ⟨∇F, W⟩ + κ·⟨b, Σ∇F⟩ + Ω(W) + ½κ²·l2·Σ bⱼ‖W_·j‖² + Σⱼ Ω1ⱼ*(−κ∇Sⱼ)}, FY the families'
 * Fenchel–Young sum, over the features with an L1 part; a feature with only the L2 part takes the dual's ζⱼ = −κ∇Fⱼ
 * instead (the ridge dual: its term is (κ∇Fⱼ)²/(2·l2·bⱼ) and it puts no constraint on κ). The intercepts and the unpenalised features carry the dual constraints X̃ⱼᵀu = 0, Σu = 0, which no
 * scaling meets: they are profiled out first (Newton's method on them alone, to rounding), so the gap bounds the
 * suboptimality of the profiled point, which is returned.
 *
 * <p>Hooks for screening rules: {@link #discard} marks features proven to be zero at the next solve (e.g. gap-safe
 * rules); the strong rule's threshold is the {@code screenL1} of {@link #solve}. A solve never lets a discarded feature
 * into the working set and skips it in the violator search (its KKT condition is the rule's responsibility). One
 * instance holds the state of one problem (warm starts along a path); it is not for concurrent use.
 */
final class ProximalNewton {
    /** How a solve ended: Newton steps, final duality gap (absolute), whether it reached the tolerance, and why not. */
    record Result(int iterations, double gap, boolean converged, String reason) {}

    private static final boolean DEBUG = Boolean.getBoolean("shrink.glm.debug");
    private final DesignOps x;
    private final Family family;
    private final Penalties pen;
    private final boolean intercept;
    private final int n;
    private final int p;
    private final int k;
    private final int pairs;
    private final ColumnBlock block;
    private final boolean[] excluded;
    private final boolean[] discarded;
    /** The features the last {@link #profile} refitted (unpenalised, in the block, not held at a bound). */
    private final boolean[] isProfiled;
    /** Coefficients (class-major K×p, on the original scale of the centred design) and intercepts (K). */
    final double[] w;
    final double[] b;
    private final double[] eta;
    /** ∇F per row and the second derivatives at the current predictors (valid when {@link #derivativesValid}). */
    private double[] g;
    private double[] h;
    /**
     * The same at a line search's trial predictors, formed in the pass that evaluates the trial's loss
     * ({@link Family#lossAndDerivatives}): an accepted trial swaps them in, so no second pass forms them.
     */
    private double[] gTrial;
    private double[] hTrial;
    private boolean derivativesValid;
    private final double[] gradient;
    private boolean gradientValid;
    private double l1;
    private double l2;
    /**
     * The last dual points that certified a gap, for the whole problem and for the block, with X̃ᵀu on the features
     * considered (K×p, or K×m by slot), and the strengths at which they are feasible.
     */
    private double[] fullAnchorU;
    private double[] fullAnchorV;
    private double[] blockAnchorU;
    private double[] blockAnchorV;
    private double anchorL1;
    private double anchorL2;
    /** Coordinate visits of the last model solve: the cost model's estimate for the next one. */
    private long lastVisits;
    /** The Gram blocks of the working set under the weights of an earlier state, kept while they serve (class comment). */
    private final GramCache cache;
    /** Whether the last model's curvature was the cache's at an earlier state, and whether the next must rebuild it. */
    private boolean staleStep;
    private boolean refreshMetric;
    /**
     * Which representation of the Newton model the engine uses: AUTO (the cost model, with the Gram kept across steps),
     * GRAM (the Gram of the current state at every step: plain proximal Newton), RESIDUAL (the residual form whenever the
     * model is not smooth). For tests that compare the representations.
     */
    enum Form { AUTO, GRAM, RESIDUAL }

    private Form form = Form.AUTO;

    /** Fixes the representation of the Newton model (tests); AUTO is the default. */
    void form(Form form) {
        this.form = form;
    }

    /** Whether a gap of the whole problem taken directly (no set gap first) failed in this solve. */
    private boolean directFailed;

    /** −Δ, the decrease the model of the last accepted step predicted (+∞ before a step of this solve). */
    private double lastPredicted;

    /** The step length the last line search accepted. */
    private double lastStepLength;
    /** F at the current predictors (NaN: not yet evaluated since they changed). */
    private double lossNow = Double.NaN;

    /**
     * @param excluded features that never enter (no variance under standardisation, a box [0, 0]); null: none
     */
    ProximalNewton(DesignOps x, Family family, Penalties penalties, boolean intercept, boolean[] excluded) {
        this.x = x;
        this.family = family;
        this.pen = penalties;
        this.intercept = intercept;
        this.n = x.rows();
        this.p = x.cols();
        this.k = family.outputs();
        this.pairs = Family.pairs(k);
        this.block = x.newBlock();
        this.excluded = excluded == null ? new boolean[p] : excluded.clone();
        this.discarded = new boolean[p];
        this.isProfiled = new boolean[p];
        this.w = new double[k * p];
        this.b = new double[k];
        this.eta = new double[k * n];
        this.g = new double[k * n];
        this.h = new double[pairs * n];
        this.gTrial = new double[k * n];
        this.hTrial = new double[pairs * n];
        this.gradient = new double[k * p];
        this.cache = GramCache.ofClasses(n, k);
        reset(null, null);
    }

    /**
     * Sets the state and recomputes the linear predictors: w (class-major K×p; null: zeros) and the intercepts of the
     * centred design (null: those of the intercept-only model; zeros without an intercept).
     */
    void reset(double[] w0, double[] b0) {
        Arrays.fill(w, 0.0);
        if (w0 != null) System.arraycopy(w0, 0, w, 0, k * p);
        Arrays.fill(b, 0.0);
        derivativesValid = false;
        if (b0 == null && intercept) b0 = family.nullIntercepts();
        if (b0 != null && intercept) System.arraycopy(b0, 0, b, 0, k);
        for (int c = 0; c < k; c++) {
            x.multiply(w, c * p, eta, c * n);
            lossNow = Double.NaN;
            for (int i = 0; i < n; i++) eta[c * n + i] += b[c];
        }
        gradientValid = false;
    }

    int classes() {
        return k;
    }

    /**
     * The model of the intercepts and the unpenalised features alone, fitted exactly (every penalised coefficient 0):
     * glmnet's reference point for λ_max.
     */
    void fitUnpenalisedOnly() {
        reset(null, null);
        l1 = Double.MAX_VALUE; // "every penalised coefficient is 0": only features without penalty weights are free
        l2 = Double.MAX_VALUE;
        int[] add = new int[p];
        int count = 0;
        for (int j = 0; j < p; j++) if (!excluded[j] && unpenalised(j)) add[count++] = j;
        block.add(add, count);
        profile(true);
    }

    /** Marks feature j as proven zero for the next solve (a screening rule's verdict); cleared by {@link #solve}. */
    void discard(int j) {
        discarded[j] = true;
    }

    /**
     * Gap-safe screening (null: none), applied with the whole problem's dual point of each exact gap: sequentially at
     * the start of a solve (the last solve's point, rescaled to the new strengths) and dynamically at the full checks.
     */
    private GlmGapSafeScreening screening;

    /** Attaches a gap-safe screening rule (see {@link #screening}); null detaches it. */
    void screening(GlmGapSafeScreening rule) {
        screening = rule;
    }

    /** The dual point u (K×n) of the whole problem's last certified gap, or null (tests: the screening ball holds u*). */
    double[] lastDualPoint() {
        return fullAnchorU == null ? null : fullAnchorU.clone();
    }

    /** The attached screening rule (tests read what it screened), or null. */
    GlmGapSafeScreening screening() {
        return screening;
    }

    /**
     * The whole problem's gap, evaluated exactly at the current (profiled) state, and the screening rule applied with its
     * dual point: features outside the working set that the rule proves zero are discarded for the rest of the solve.
     */
    private void screenWithGap(double[] full) {
        screenWith(gap(full, false, Double.POSITIVE_INFINITY), true);
    }

    /** Applies the screening rule with the dual point of the whole problem's last gap, if that gap was exact. */
    private void screenWith(double gap, boolean sequential) {
        if (gapExact && Double.isFinite(gap) && fullAnchorV != null && fullAnchorV.length == p && anchorL1 == l1 && anchorL2 == l2) {
            screening.screen(gap, objective(l1, l2), fullAnchorV, l1, pen, j -> !excluded[j] && !discarded[j] && block.slot(j) < 0 && w[j] == 0,
                    this::discard, sequential);
        }
    }

    /** Dual extrapolation of the accepted iterates' predictors (null: none; see {@link #extrapolatedGap}). */
    private GlmDualExtrapolation extrapolation;

    /** Attaches dual extrapolation (null detaches it). */
    void extrapolation(GlmDualExtrapolation e) {
        extrapolation = e;
    }

    /** The attached dual extrapolation, or null. */
    GlmDualExtrapolation extrapolation() {
        return extrapolation;
    }

    /** The last extrapolated dual point (K×n) whatever its gap (tests check its feasibility), or null. */
    double[] lastExtrapolated;

    /**
     * The gap of the whole problem at the extrapolated dual point ({@link GlmDualExtrapolation}):
     * u = κ·(∇F(η_acc) − c·s), c the shift to Σu = 0 with an intercept (X̃ᵀs = 0 needs the columns centred under s: only
     * where shifts are allowed), κ ≤ 1 the largest scale that meets the L1-only features' constraints |x̃ⱼᵀu| ≤ l1·aⱼ
     * (features with an L2 part take their exact conjugate and need none). Costs a pass for ∇F(η_acc), one X̃ᵀ pass and
     * one Fenchel–Young pass. +∞ where it does not apply (too short a history, bounds, grouped, unpenalised features, an
     * intercept without shifts) or the point leaves the conjugate's domain. When it beats {@code beat} the point
     * becomes the whole problem's anchor (so screening and the next gaps use it).
     */
    private double extrapolatedGap(double beat) {
        if (extrapolation == null || pen.bounded() || pen.grouped() || (intercept && !shiftable) || !extrapolation.ready()) return Double.POSITIVE_INFINITY;
        for (int j = 0; j < p; j++) if (!excluded[j] && unpenalised(j)) return Double.POSITIVE_INFINITY;
        double[] etaAcc = new double[k * n];
        if (!extrapolation.extrapolate(etaAcc)) return Double.POSITIVE_INFINITY;
        derivatives();
        double[] u = new double[k * n];
        family.derivatives(etaAcc, u, new double[pairs * n]);
        double[] sums = new double[k];
        for (int c = 0; c < k; c++) {
            if (intercept) {
                double shift = sum(u, c * n) / weightSum;
                for (int i = 0; i < n; i++) u[c * n + i] -= shift * family.s[i];
            }
            sums[c] = sum(u, c * n);
        }
        double[] v = new double[k * p];
        for (int c = 0; c < k; c++) x.multiplyTransposed(u, c * n, v, c * p);
        double kappa = 1.0;
        for (int j = 0; j < p; j++) {
            double a = l1 * pen.a(j);
            if (excluded[j] || discarded[j] || l2 * pen.b(j) > 0 || !(a > 0)) continue;
            for (int c = 0; c < k; c++) if (Math.abs(v[c * p + j]) > a) kappa = Math.min(kappa, a / Math.abs(v[c * p + j]));
        }
        double[] delta = new double[k * n];
        for (int i = 0; i < k * n; i++) {
            u[i] *= kappa;
            delta[i] = u[i] - g[i];
        }
        for (int i = 0; i < k * p; i++) v[i] *= kappa;
        lastExtrapolated = u;
        // outside the conjugate's domain (the shift can push a row's q = y + u/s past 0 or 1) it certifies nothing
        double fy = Double.isNaN(family.fenchelYoungFloor(g, delta)) ? Double.NaN : family.fenchelYoung(eta, delta);
        double rest = 0;
        for (int c = 0; c < k; c++) rest += b[c] * kappa * sums[c];
        double[] wj = new double[k];
        double[] vj = new double[k];
        for (int j = 0; j < p; j++) {
            for (int c = 0; c < k; c++) {
                wj[c] = w[c * p + j];
                vj[c] = v[c * p + j];
            }
            rest += featureTerm(j, wj, vj);
        }
        double gap = fy + rest;
        if (!(gap > Double.NEGATIVE_INFINITY) || Double.isNaN(gap)) return Double.POSITIVE_INFINITY;
        gap = Math.max(gap, 0.0);
        if (gap < beat) { // the better point: the anchor of the next gaps and the screening rule's
            extrapolation.won();
            fullAnchorU = u;
            fullAnchorV = v;
            fullAnchorSums = null;
            fullToken = new Object();
            fullFormed = null;
            anchorL1 = l1;
            anchorL2 = l2;
            gapExact = true;
        }
        return gap;
    }

    /**
     * The gap a full check takes at the current state for strengths l1, l2 (tests): the plain gap as {@link #gapAsIs}
     * forms it, or the extrapolated one where smaller; {@code out[0]} the plain one, {@code out[1]} the extrapolated.
     */
    double fullCheckGap(double l1, double l2, double[] out) {
        double plain = gapAsIs(l1, l2);
        double acc = settled ? extrapolatedGap(plain) : Double.POSITIVE_INFINITY;
        out[0] = plain;
        out[1] = acc;
        return Math.min(plain, acc);
    }

    /**
     * Whether a solve starts with sequential screening: an exact gap at the warm start (one or two Fenchel–Young passes
     * over the rows). Off unless {@code shrink.glm.screening.sequential=true} or a test sets it: the passes over X do not
     * skip discarded columns yet, so it spends passes without saving any (sparse logistic path, 100 λ: 1.8–2.3 s with
     * it, 1.4–1.5 s without).
     */
    boolean sequentialScreening = Boolean.getBoolean("shrink.glm.screening.sequential");

    /** ∇F with respect to W at the current state (K×p), one pass over X per class when not already known. */
    double[] gradient() {
        if (!gradientValid) {
            derivatives();
            for (int c = 0; c < k; c++) x.multiplyTransposed(g, c * n, gradient, c * p);
            gradientValid = true;
        }
        return gradient;
    }

    /** P at the current state for strengths l1, l2. */
    double objective(double l1, double l2) {
        return loss() + pen.value(l1, l2, w, k, p);
    }

    /**
     * Minimises P at strengths l1, l2 from the current state (warm start) and leaves the minimiser there.
     *
     * @param screenL1 the strong rule admits features with |∇ⱼ| &gt; min(l1, screenL1)·aⱼ at the start (2·l1 − l1_previous
     *                 along a path; l1 for only the current violators)
     * @param gapTol   absolute tolerance on the duality gap
     * @param maxIter  most Newton steps
     */
    Result solve(double l1, double l2, double screenL1, double gapTol, int maxIter) {
        if (extrapolation != null && (l1 != this.l1 || l2 != this.l2)) extrapolation.restart(); // (a resumed solve keeps its history)
        predict(l1);
        rescaleAnchors(l1, l2);
        this.l1 = l1;
        this.l2 = l2;
        shiftFailed = false;
        if (screening != null) screening.startSolve();
        try {
            return run(screenL1, gapTol, maxIter);
        } finally {
            Arrays.fill(discarded, false);
        }
    }

    /**
     * The path's secant prediction of this solve's minimiser (K×p; null: none), from the last two solutions along log l1:
     * w + ρ·(w − w₋) with ρ = log(l1/l1₀)/log(l1₀/l1₋), the sign pattern of w kept (a coefficient that would cross 0 stays
     * at 0, a zero stays zero) and the bounds met. The first model of a solve starts its coordinate descent there (on the
     * Gram form, where the start costs O(K·m) per coordinate): along glmnet's geometric grid the solutions move smoothly
     * between changes of the support, so the model's minimiser is far closer to the prediction than to w.
     */
    private double[] prediction;
    /** The solution before the current one and its l1 (null/NaN: none). */
    private double[] pathBefore;
    private double pathBeforeL1 = Double.NaN;

    /** Whether solves start their first model at the path's prediction (tests: certified alike without it). */
    private boolean predictPath = true;

    /** First models started at the prediction (tests: the rule is exercised). */
    long predictedStarts;

    /** Switches {@link #prediction} (tests). */
    void predictPath(boolean on) {
        predictPath = on;
    }

    /** Forms {@link #prediction} for strength l1 from the state (the solution at the last solve's l1) and the one before. */
    private void predict(double newL1) {
        double nowL1 = this.l1;
        prediction = null;
        boolean valid = nowL1 > 0 && nowL1 < Double.MAX_VALUE && newL1 > 0;
        if (predictPath && valid && pathBefore != null && pathBeforeL1 > nowL1 && newL1 < nowL1) {
            double rho = Math.log(newL1 / nowL1) / Math.log(nowL1 / pathBeforeL1);
            if (rho > 0 && rho <= Thresholds.GLM_PATH_PREDICTION_RANGE) {
                prediction = new double[k * p];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < p; j++) {
                        int at = c * p + j;
                        double v = w[at];
                        if (v == 0) continue;
                        double next = v + rho * (v - pathBefore[at]);
                        if (next * v <= 0) next = 0.0;
                        prediction[at] = Math.min(Math.max(next, pen.lower(j)), pen.upper(j));
                    }
                }
            }
        }
        if (valid) {
            if (pathBefore == null) pathBefore = new double[k * p];
            System.arraycopy(w, 0, pathBefore, 0, k * p);
            pathBeforeL1 = nowL1;
        } else {
            pathBefore = null;
            pathBeforeL1 = Double.NaN;
        }
    }

    /** The prediction on the block's slots (class-major K×m; null: none). */
    private double[] predicted(double[] wSet, int m) {
        if (prediction == null) return null;
        double[] start = new double[k * m];
        for (int c = 0; c < k; c++) for (int s = 0; s < m; s++) start[c * m + s] = prediction[c * p + block.feature(s)];
        return start;
    }

    /** The gap tolerance of the current solve (0 outside one: every candidate is tried). */
    private double tolNow;

    private Result run(double screenL1, double gapTol, int maxIter) {
        tolNow = gapTol;
        // sequential screening: the last solve's dual point, rescaled to these strengths, with the warm start's gap
        if (screening != null && sequentialScreening && fullAnchorU != null && gradientValid) {
            profile();
            if (settled && gradientValid) screenWithGap(gradient());
        }
        double[] grad = gradient();
        int[] add = new int[p];
        int count = 0;
        for (int j = 0; j < p; j++) {
            if (excluded[j] || discarded[j] || block.slot(j) >= 0) continue;
            boolean nonzero = false;
            for (int c = 0; c < k; c++) nonzero |= w[c * p + j] != 0;
            if (nonzero || unpenalised(j) || violates(grad, j, Math.min(l1, screenL1) * pen.a(j))) add[count++] = j;
        }
        grow(add, count);
        int iter = 0;
        double lastGap = Double.POSITIVE_INFINITY;
        double lastSetGap = Double.POSITIVE_INFINITY;
        int roundingSteps = 0;
        boolean stalled = false;
        staleStep = false;
        lastPredicted = Double.POSITIVE_INFINITY;
        directFailed = false;
        firstStep = true;
        rescaling = false;
        while (true) {
            int m = block.size();
            profile(); // the gap needs the intercepts and unpenalised features at their optimum (class comment)
            double[] q = new double[k * m];
            if (gradientValid) { // the state has not moved since X̃ᵀ∇F was formed (a new λ starts where the last ended): no pass
                for (int c = 0; c < k; c++) for (int s = 0; s < m; s++) q[c * m + s] = gradient[c * p + block.feature(s)];
            } else {
                block.multiplyTransposed(g, k, q); // one trip through the block for every class
            }
            // after a step whose model predicted a decrease far below the tolerance the working set's gap would pass: the whole
            // problem's gap is taken at once (one Fenchel–Young pass instead of two; if it fails, it stands in for the set's)
            boolean direct = savePasses && settled && !directFailed && lastPredicted <= Thresholds.GLM_DIRECT_GAP * gapTol;
            // a set gap that cannot pass may stop at a lower bound: the first at new strengths (which the stale-metric rule does
            // not judge), and any where rebuilding the metric costs less than a pass of row terms (the rule then judges a
            // bound, which asks for a few more rebuilds than the exact gap would)
            boolean cheapMetric = pairs * block.gramCost() <= Thresholds.GLM_CHEAP_METRIC * k * n;
            double setGap = settled && !direct ? gap(q, true, iter == 0 || cheapMetric ? gapTol : Double.POSITIVE_INFINITY) : Double.POSITIVE_INFINITY;
            if (direct || setGap <= gapTol || stalled || iter >= maxIter) {
                if (m == p && !gradientValid) { // the block holds every feature: X̃ᵀ∇F is the q just formed, no pass needed
                    for (int c = 0; c < k; c++) for (int s = 0; s < m; s++) gradient[c * p + block.feature(s)] = q[c * m + s];
                    gradientValid = true;
                }
                double[] full = gradient();
                count = 0;
                for (int j = 0; j < p; j++) {
                    if (!excluded[j] && !discarded[j] && block.slot(j) < 0 && violates(full, j, l1 * pen.a(j))) add[count++] = j;
                }
                if (count > 0 && iter < maxIter) {
                    grow(add, count);
                    stalled = false;
                    lastSetGap = Double.POSITIVE_INFINITY; // a new problem on the set: its gap starts afresh
                    staleStep = false;
                    continue;
                }
                // a gap that may end the solve is evaluated in full; one that can only send it on may stop at a lower bound
                boolean last = iter >= maxIter || stalled;
                double gap = gap(full, false, last ? Double.POSITIVE_INFINITY : gapTol);
                // a gap that fails, but by little, may be beaten by the extrapolated dual point's (which costs an X̃ᵀ pass: only
                // where its win could end the solve)
                if (extrapolation != null && settled && !(gap <= gapTol) && gap <= Thresholds.GLM_EXTRAPOLATION_REACH * gapTol) {
                    gap = Math.min(gap, extrapolatedGap(gap));
                }
                // dynamic screening with that gap's dual point, when it was evaluated exactly (no pass of its own)
                if (screening != null && !(gap <= gapTol && settled)) screenWith(gap, false);
                if (gap <= gapTol && settled) return new Result(iter, gap, true, "");
                if (iter >= maxIter) return new Result(iter, gap, false, "maxIter");
                if (stalled) return new Result(iter, gap, false, "rounding floor");
                lastGap = gap;
                if (direct) { // it stands in for the set's gap; the rest of this solve takes the set's first
                    setGap = gap;
                    directFailed = true;
                }
            }
            // a step on a stale metric that did not cut the gap fast enough (or had to backtrack): this model rebuilds it; the
            // first step at new strengths is not judged (it carries the change of the strengths, and its rate is always worse)
            if (staleStep && iter > 1 && !(setGap <= Thresholds.GLM_STALE_RATE * lastSetGap)) refreshMetric = true;
            if (DEBUG) System.err.printf("iter %d m %d setGap %.3e lastGap %.3e obj %.17g%n", iter, m, setGap, lastGap, objective(l1, l2));
            iter++;
            NewtonModel model = model(m, q);
            // inexact Newton with a superlinear forcing sequence: the model is solved to a share of the gap that shrinks with
            // the gap relative to the loss (sweeps of the model cost a few thousandths of the Gram pass that built it)
            double gapNow = Math.min(setGap, lastGap);
            double relative = Math.min(1.0, gapNow / Math.max(Math.abs(loss()), Double.MIN_NORMAL));
            double innerTol = Math.max(Thresholds.GLM_INNER_FLOOR * gapTol, Thresholds.GLM_INNER_SHARE * gapNow * relative);
            double[] wSet = new double[k * m];
            for (int c = 0; c < k; c++) for (int s = 0; s < m; s++) wSet[c * m + s] = w[c * p + block.feature(s)];
            // the gap is linear in the optimality conditions, the model's changes quadratic: the model is also solved until
            // its optimality residual is a share of the gap per unit of coefficient norm
            double norm = 1;
            for (double v : wSet) norm += Math.abs(v);
            // in the Gram form a sweep costs no pass over the data: the model is solved further, so fewer outer steps are needed
            double share = model instanceof GramModel ? (staleStep ? Thresholds.GLM_STALE_RESIDUAL_SHARE : Thresholds.GLM_GRAM_RESIDUAL_SHARE) : Thresholds.GLM_RESIDUAL_SHARE;
            double[] start = iter == 1 && model instanceof GramModel ? predicted(wSet, m) : null;
            if (start != null) predictedStarts++;
            model.solve(wSet, start, innerTol, share * gapNow / norm, Thresholds.GLM_MAX_SWEEPS);
            lastVisits = model.visits;
            Step step = lineSearch(model, wSet, m);
            // below the objective's resolution only the gap shows progress: a few steps that do not halve it mean that the
            // rounding floor is reached
            roundingSteps = step == Step.ROUNDING && setGap > 0.5 * lastSetGap ? roundingSteps + 1 : 0;
            if (staleStep && (step == Step.FAILED || lastStepLength < 1)) { // the stale metric misjudged: rebuild, and retry
                refreshMetric = true;
                roundingSteps = 0;
                if (step == Step.FAILED) {
                    lastSetGap = Double.POSITIVE_INFINITY;
                    continue;
                }
            }
            stalled = step == Step.FAILED || roundingSteps >= Thresholds.GLM_ROUNDING_STEPS;
            lastSetGap = setGap;
            if (DEBUG) System.err.printf("  %s m %d sweeps %d visits %d stalled %b stale %b t %.3g%n", model.getClass().getSimpleName(), m, model.sweeps, model.visits, stalled, staleStep, lastStepLength);
            lastGap = Math.min(lastGap, setGap);
        }
    }

    /**
     * Adds features to the working set; once it would hold more than {@value Thresholds#GLM_BLOCK_ALL} of the features
     * that may enter (and their Gram is affordable: fewer than n, within {@link Thresholds#GLM_GRAM_ELEMENTS}), it takes
     * all of them: one Gram build of the whole set then replaces the many extensions the rest
     * of a path would make one feature at a time, and the full gradient comes with the set's (no separate pass).
     */
    private void grow(int[] add, int count) {
        if (count == 0) return;
        int open = 0;
        for (int j = 0; j < p; j++) if (!excluded[j] && !discarded[j]) open++;
        boolean tall = open < n && (double) pairs * open * open <= Thresholds.GLM_GRAM_ELEMENTS; // the Gram of all of them is affordable
        if (tall && block.size() + count > Thresholds.GLM_BLOCK_ALL * open) {
            count = 0;
            for (int j = 0; j < p; j++) if (!excluded[j] && !discarded[j] && block.slot(j) < 0) add[count++] = j;
        }
        block.add(add, count);
    }

    /**
     * The duality gap at the current coefficients for strengths l1, l2, after profiling the intercepts and unpenalised
     * features (which moves the state to the profiled point, the one the gap certifies). For tests and diagnostics.
     */
    double dualityGap(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
        tolNow = 0.0;
        profile(true);
        gradientValid = false;
        return gap(gradient(), false, Double.POSITIVE_INFINITY);
    }

    /**
     * The duality gap at the current coefficients and intercepts as they are, for strengths l1, l2: where the intercepts
     * are the only profiled unknowns and shifts are allowed, the dual point takes their constraint by a shift and the
     * state does not move ({@link #shifted}); otherwise as {@link #dualityGap}. For tests, with {@link #lastShifted}.
     */
    double gapAsIs(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
        tolNow = 0.0;
        shiftFailed = false;
        profile(false);
        gradientValid = false;
        return settled ? gap(gradient(), false, Double.POSITIVE_INFINITY) : Double.POSITIVE_INFINITY;
    }

    /** Whether the last gap's dual points were shifted (and not refused for leaving the domain). */
    boolean lastShifted() {
        return shifted && !shiftFailed;
    }

    /**
     * The anchors stay feasible at new strengths when scaled by l1/l1_old ≤ 1 (the constraints |X̃ⱼᵀu| ≤ l1·aⱼ shrink
     * with l1; 0 is always feasible and the domain of F* is convex) and the same features have an L2 part; else they
     * are dropped.
     */
    private void rescaleAnchors(double newL1, double newL2) {
        if (fullAnchorU == null && blockAnchorU == null) return;
        boolean keep = (newL2 > 0) == (anchorL2 > 0) && newL1 <= anchorL1 && (anchorL1 > 0 || newL1 == 0);
        if (!keep) {
            fullAnchorU = fullAnchorV = blockAnchorU = blockAnchorV = null;
            return;
        }
        double r = anchorL1 > 0 ? newL1 / anchorL1 : 1.0;
        fullAnchorSums = blockAnchorSums = null;
        // scaled contents: new tokens (still shared by anchors that held the same point), no longer their formed points
        boolean twins = blockToken == fullToken;
        blockToken = new Object();
        fullToken = twins ? blockToken : new Object();
        blockFormed = fullFormed = null;
        for (double[] a : new double[][] {fullAnchorU, fullAnchorV, blockAnchorU, blockAnchorV}) {
            if (a != null) for (int i = 0; i < a.length; i++) a[i] *= r;
        }
        anchorL1 = newL1;
        anchorL2 = newL2;
    }

    /** Whether feature j (all its classes at 0) may lower P by moving: |∇ⱼ| above its L1 threshold, towards an open side. */
    private boolean violates(double[] grad, int j, double threshold) {
        if (pen.grouped()) {
            double norm2 = 0;
            for (int c = 0; c < k; c++) norm2 += grad[c * p + j] * grad[c * p + j];
            return Math.sqrt(norm2) > threshold;
        }
        for (int c = 0; c < k; c++) {
            double v = grad[c * p + j];
            if (v < -threshold && pen.upper(j) > 0) return true;
            if (v > threshold && pen.lower(j) < 0) return true;
        }
        return false;
    }

    /**
     * The Newton model at the current state (gradient q on the block's m slots) in the cheaper representation: the Gram
     * blocks cost K(K+1)/2·n·m² multiply–adds to build (at the Gram kernel's speed, about
     * {@value Thresholds#GRAM_SPEEDUP}× a column pass's per flop, and expected to serve
     * {@value Thresholds#GLM_GRAM_REUSE} steps), or n·m per new slot to extend when kept, and are needed for the
     * Cholesky step of a smooth model; the residual form costs about 4n per coordinate visit, expected as many as the
     * last solve made (at least one sweep).
     */
    private NewtonModel model(int m, double[] q) {
        boolean smooth = true;
        for (int s = 0; s < m && smooth; s++) {
            int j = block.feature(s);
            smooth = l1 * pen.a(j) == 0 && pen.lower(j) == Double.NEGATIVE_INFINITY && pen.upper(j) == Double.POSITIVE_INFINITY;
        }
        // the Gram blocks are kept (GramCache) and only extended while the metric they define still converges fast; the
        // block prices its own Gram (dense: n·m²/GRAM_SPEEDUP; sparse: its stored entries' row-wise products)
        boolean fits = (double) pairs * m * m <= Thresholds.GLM_GRAM_ELEMENTS;
        boolean reuse = form == Form.AUTO && cache.size() > 0 && !refreshMetric && m - cache.size() <= m / 4;
        double gramCost = reuse ? pairs * block.productsCost(m - cache.size())
                : pairs * block.gramCost() / Thresholds.GLM_GRAM_REUSE;
        double residualCost = 4.0 * n * Math.max(lastVisits, (long) k * m) + (double) pairs * n * m;
        NewtonModel model;
        staleStep = false;
        boolean gramForm = form == Form.AUTO ? smooth || (fits && gramCost <= residualCost) : smooth || form == Form.GRAM;
        if (gramForm) {
            if (reuse) {
                cache.extend(block, m);
                staleStep = cache.uses > 0;
            } else {
                cache.build(block, h, m);
                refreshMetric = false;
                metricScale = 1.0;
            }
            cache.uses++;
            model = new GramModel(k, m, intercept, pen.grouped(), cache.gram, cache.zd, cache.hb, metricScale);
        } else {
            model = new ResidualModel(block, n, k, m, intercept, pen.grouped(), g, h);
        }
        System.arraycopy(q, 0, model.q, 0, k * m);
        for (int c = 0; c < k; c++) model.gb[c] = intercept ? rowSums()[c] : 0.0;
        for (int s = 0; s < m; s++) {
            int j = block.feature(s);
            model.penalty(s, l1 * pen.a(j), l2 * pen.b(j), pen.lower(j), pen.upper(j));
        }
        model.shiftInvariant(k > 1 && !pen.bounded());
        return model;
    }

    /**
     * The duality gap (class comment) from ∇F on the features considered: the block's slots ({@code onBlock}, grad is
     * K×m by slot; the gap of the problem restricted to the working set) or all p features (grad K×p). Needs the
     * derivatives g of the current state.
     *
     * <p>The dual point is u = g + t·(u₀ − g): the smallest step t ∈ [0, 1] from the loss's gradient g towards the last
     * dual point u₀ that certified a gap (kept for the block and for the whole problem; none: u₀ = 0, which makes this
     * scikit-learn's scaling of g) that satisfies the constraints the features without an L2 part put on X̃ᵀu. Every
     * other feature's term is the exact conjugate of its penalty (with its bounds), so it needs no constraint.
     */
    private double gap(double[] grad, boolean onBlock, double mustReach) {
        int count = onBlock ? block.size() : p;
        double[] u0 = onBlock ? blockAnchorU : fullAnchorU;
        double[] v0 = onBlock ? blockAnchorV : fullAnchorV;
        roundingLevel = Thresholds.PROFILE_GRADIENT * gradientScale();
        boolean anchored = u0 != null && v0.length == k * count && feasible(v0, onBlock, count);
        // the anchor's candidate when there is a usable one, the origin's when there is none or the anchor needs a long step
        // towards it (a poor anchor): the smaller gap wins and is kept. Any of them is a valid bound.
        Candidate anchor = anchored ? candidate(grad, onBlock, count, u0, v0) : null;
        // (also when the anchor's point cannot certify the tolerance: an anchor whose X̃ⱼᵀu₀ sits on a bound that ∇ⱼ just
        // crosses needs a long step for a rounding-level excess, which the origin's scaling does not)
        boolean poorAnchor = anchor == null || !(anchor.t < Thresholds.GLM_ANCHOR_STEP) || floor(anchor, tolNow) > tolNow;
        Candidate origin = poorAnchor ? candidate(grad, onBlock, count, null, null) : null;
        // every candidate's gap is its rest plus a Fenchel–Young sum at least the family's floor of it: when every
        // candidate's lower bound is above the tolerance, none can certify, and the smallest bound is all the caller needs
        double floor = Math.min(floor(anchor, mustReach), floor(origin, mustReach));
        if (savePasses && floor > mustReach) {
            if (DEBUG) for (Candidate c : new Candidate[] {anchor, origin}) if (c != null) System.err.printf("    bounded %s: t %.3e rest %.3e floor %.3e shift %s%n", onBlock ? "set" : "full", c.t, c.rest, floor(c, mustReach), Arrays.toString(c.shift));
            boundedGaps++;
            if (verifyBounds) {
                for (Candidate c : new Candidate[] {anchor, origin}) {
                    if (c != null && !(evaluate(c, Double.POSITIVE_INFINITY).gap > mustReach)) wrongBounds++;
                }
            }
            gapExact = false;
            return floor;
        }
        gapExact = true;
        Candidate best;
        if (anchor == null || origin == null) {
            best = evaluate(anchor == null ? origin : anchor, Double.POSITIVE_INFINITY);
        } else { // the one with the smaller O(m) terms first: the other may then be unable to win (see evaluate)
            boolean anchorFirst = !(origin.rest < anchor.rest);
            Candidate first = evaluate(anchorFirst ? anchor : origin, Double.POSITIVE_INFINITY);
            Candidate second = evaluate(anchorFirst ? origin : anchor, first.gap);
            Candidate a = anchorFirst ? first : second;
            Candidate o = anchorFirst ? second : first;
            best = a.gap <= o.gap ? a : o;
        }
        if (DEBUG) System.err.printf("    gap %s: t %.3e total %.3e rest %.3e%s%n", onBlock ? "set" : "full", best.t, best.gap, best.rest, anchored ? " (anchored)" : "");
        if (Double.isFinite(best.gap)) { // a dual point that certified a gap: the anchor of the next ones
            // u = g + t·(u₀ − g), formed only for the winner, into the array of the anchor it replaces (in place when u₀ is it)
            double[] u = u0 != null && u0.length == k * n ? u0 : new double[k * n];
            double[] from = best.u0;
            for (int i = 0; i < k * n; i++) u[i] = g[i] + best.t * ((from == null ? 0.0 : from[i]) - g[i]);
            if (best.shift != null) for (int c = 0; c < k; c++) for (int i = 0; i < n; i++) u[c * n + i] -= best.shift[c] * family.s[i];
            // the other anchor formed as the same point holds the same content: they share a token
            Object token = best.point.equals(onBlock ? fullFormed : blockFormed) ? (onBlock ? fullToken : blockToken) : new Object();
            if (onBlock) {
                blockAnchorU = u;
                blockAnchorV = best.v;
                blockAnchorSums = null;
                blockToken = token;
                blockFormed = best.point;
            } else {
                fullAnchorU = u;
                fullAnchorV = best.v;
                fullAnchorSums = null;
                fullToken = token;
                fullFormed = best.point;
            }
            anchorL1 = l1;
            anchorL2 = l2;
        }
        return Math.max(best.gap, 0.0);
    }

    /**
     * A dual point u = g + t·(u₀ − g) (u₀ null: the origin) by its anchor and step, with X̃ᵀu on the features considered;
     * rest, the gap's terms other than the Fenchel–Young sum (intercepts and features, O(m) given the sums of g and δ);
     * and the gap it certifies (NaN: not yet evaluated; +∞ when it was not evaluated because it could not win).
     */
    private record Candidate(double[] u0, double[] v, double t, double[] shift, double rest, double gap, Point point) {
        Candidate withGap(double value) {
            return new Candidate(u0, v, t, shift, rest, value, point);
        }
    }

    /**
     * What fixes a candidate's dual point u = g + t·(u₀ − g) − shift·s over the rows: the content of its anchor u₀ (a
     * token: equal tokens, equal contents; {@link #ORIGIN} for none), t, the shifts and the state's derivatives
     * ({@link #gVersion}). Equal points have equal Fenchel–Young sums, so one pass serves both (a set gap and the whole
     * problem's gap at the same state often choose the same point).
     */
    private record Point(Object anchor, double t, double[] shift, long state) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Point q && anchor == q.anchor && Double.compare(t, q.t) == 0 && Arrays.equals(shift, q.shift)
                    && state == q.state;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(System.identityHashCode(anchor), t, Arrays.hashCode(shift), state);
        }
    }

    private static final Object ORIGIN = new Object();

    /** The tokens of the anchors' contents (the same object when the two anchors hold the same point). */
    private Object blockToken;
    private Object fullToken;
    /** The point each anchor was formed as, while its content is that (null once rescaled). */
    private Point blockFormed;
    private Point fullFormed;
    /** The last Fenchel–Young sum evaluated and its point. */
    private Point fyPoint;
    private double fyValue;

    /** Whether {@link #evaluate} may skip the Fenchel–Young pass of a candidate that cannot win (tests switch it off). */
    private boolean skipLosers = true;

    /** Switches the skip rule of {@link #evaluate} (tests: the fits with and without it are the same). */
    void skipLosers(boolean on) {
        skipLosers = on;
    }

    /** How many candidates the skip rule has spared their Fenchel–Young pass (tests: the rule is exercised). */
    long skippedCandidates;

    /**
     * Whether the rules that spare passes over the rows are on: a gap stops at a lower bound that already exceeds the
     * tolerance ({@link #gap}), a whole problem's gap is taken directly after a step whose predicted decrease is far below
     * the tolerance ({@link #run}), and the intercepts' dual constraint is met by a shift rather than by profiling them
     * ({@link #shifted}). Tests switch them off to compare: each fit stays certified, only the passes differ.
     */
    private boolean savePasses = true;

    /** Switches the pass-sparing rules (see {@link #savePasses}). */
    void savePasses(boolean on) {
        savePasses = on;
    }

    /**
     * A lower bound of candidate c's gap (+∞ for none): its rest, plus the family's transcendental-free floor of its
     * Fenchel–Young sum (less a relative margin for rounding) unless {@code mustReach} is +∞ (no bound is asked for).
     */
    private double floor(Candidate c, double mustReach) {
        if (c == null) return Double.POSITIVE_INFINITY;
        if (!savePasses || mustReach == Double.POSITIVE_INFINITY) return c.rest;
        // (also when the rest alone exceeds mustReach: the fuller bound costs a transcendental-free pass and is the gap's
        // scale the next model's tolerances are set from; the rest alone can be far below it, e.g. at a new λ)
        if (c == flooredCandidate) return floorValue; // the same candidate's floor asked again (the anchor's, in gap)
        if (c.point.equals(fyPoint)) { // its exact gap is known
            if (Double.isNaN(fyValue) && c.shift != null) shiftFailed = true;
            reusedSums++;
            if (verifyBounds && Double.compare(fenchelYoungSum(c), fyValue) != 0) wrongBounds++;
            return Double.isNaN(fyValue) ? Double.POSITIVE_INFINITY : c.rest + fyValue;
        }
        flooredCandidate = c;
        floorValue = floorPass(c);
        return floorValue;
    }

    /** The last candidate whose floor {@link #floorPass} formed, and that floor. */
    private Candidate flooredCandidate;
    private double floorValue;

    /** The floor of {@link #floor} by its pass over the rows. */
    private double floorPass(Candidate c) {
        double fy = family.fenchelYoungFloor(g, delta(c));
        if (Double.isNaN(fy) && c.shift != null) shiftFailed = true;
        // less the rounding the Fenchel–Young pass itself may show (its parts are of the size of |δ|, its sum of δ²)
        return Double.isNaN(fy) ? Double.POSITIVE_INFINITY : c.rest + (1 - Thresholds.GLM_FLOOR_MARGIN) * fy - FY_ROUNDING * deltaL1;
    }

    /** δ = t·(u₀ − g) − shift_c·s of a candidate (class-major, into a kept scratch array). */
    private double[] delta(Candidate c) {
        if (deltaScratch == null) deltaScratch = new double[k * n];
        double[] s = family.s;
        double l1 = 0;
        for (int cl = 0; cl < k; cl++) {
            double shift = c.shift == null ? 0.0 : c.shift[cl];
            for (int i = 0; i < n; i++) {
                int at = cl * n + i;
                double d = c.t * ((c.u0 == null ? 0.0 : c.u0[at]) - g[at]) - shift * s[i];
                deltaScratch[at] = d;
                l1 += Math.abs(d);
            }
        }
        deltaL1 = l1;
        return deltaScratch;
    }

    private double[] deltaScratch;

    /** The line search's change of the predictors and its trial predictors (K×n each, kept across steps). */
    private double[] stepRows;
    private double[] trialRows;

    /** Σ|δ| of the last {@link #delta}. */
    private double deltaL1;

    /**
     * The rounding of a Fenchel–Young pass per unit of Σ|δ|: its per-row parts are of the size of |δ| while their sum is of
     * δ² (the rows kernel's bound: 64·ε·Σ sᵢ·Aᵢ + 320·ε·Σ|dᵢ|, Aᵢ ≈ 2|dᵢ|), so a lower bound is shown above a tolerance only
     * beyond it.
     */
    private static final double FY_ROUNDING = 512 * 0x1p-53;

    /** Whether the last {@link #gap} was evaluated in full (false: it stopped at a lower bound). */
    private boolean gapExact;

    /** Gaps that stopped at the lower bound (tests: the rule is exercised). */
    long boundedGaps;

    /** Fenchel–Young sums taken from the last one's point instead of a pass (tests: the reuse is exercised). */
    long reusedSums;

    /** Tests: evaluate the skipped candidates anyway and count in {@link #wrongBounds} any that would have certified. */
    boolean verifyBounds;

    /**
     * Skipped candidates whose full gap would have reached the tolerance, or reused Fenchel–Young sums that a pass would
     * not have given to the bit (a rule wrong); tests expect 0.
     */
    long wrongBounds;

    /**
     * The candidate with its gap: rest plus the Fenchel–Young sum, the O(n) pass. That sum is non-negative, so a candidate
     * whose rest already reaches {@code beat} (the gap of one evaluated before) cannot win: its pass is skipped and its
     * gap is +∞.
     */
    private Candidate evaluate(Candidate c, double beat) {
        if (skipLosers && !(c.rest < beat)) {
            skippedCandidates++;
            return c.withGap(Double.POSITIVE_INFINITY);
        }
        double fy;
        if (c.point.equals(fyPoint)) { // the same dual point as the last sum's (see Point)
            fy = fyValue;
            if (Double.isNaN(fy) && c.shift != null) shiftFailed = true;
            reusedSums++;
            if (verifyBounds && Double.compare(fenchelYoungSum(c), fy) != 0) wrongBounds++;
        } else {
            fy = fenchelYoungSum(c);
            fyPoint = c.point;
            fyValue = fy;
        }
        double sum = fy + c.rest;
        // NaN, or −∞ from a row on the domain's edge (a part (1 − q)·log1p(−1) whose factor rounds to a tiny positive): no
        // certificate (a gap of −∞ would pass any tolerance)
        return c.withGap(!(sum > Double.NEGATIVE_INFINITY) ? Double.POSITIVE_INFINITY : sum);
    }

    /** The Fenchel–Young sum of candidate c's dual point: its pass over the rows (NaN outside the conjugate's domain). */
    private double fenchelYoungSum(Candidate c) {
        double fy;
        if (c.shift == null) {
            fy = family.fenchelYoung(eta, g, c.u0, c.t);
        } else { // the shifted point: δ formed explicitly, and outside the conjugate's domain it certifies nothing
            double[] delta = delta(c);
            fy = Double.isNaN(family.fenchelYoungFloor(g, delta)) ? Double.NaN : family.fenchelYoung(eta, delta);
            if (Double.isNaN(fy)) shiftFailed = true;
        }
        return fy;
    }

    /** The dual point on the segment from g towards the anchor (u₀, v₀) (null: the origin), not yet evaluated; see {@link #gap}. */
    private Candidate candidate(double[] grad, boolean onBlock, int count, double[] u0, double[] v0) {
        double t = 0;
        for (int f = 0; f < count; f++) {
            int j = onBlock ? block.feature(f) : f;
            if (!onBlock && (excluded[j] || discarded[j])) continue;
            double a = l1 * pen.a(j);
            if (l2 * pen.b(j) > 0 || atRounding(j, grad, f, count, a)) continue; // no constraint (or one that holds to rounding)
            if (pen.grouped()) {
                t = Math.max(t, groupStep(grad, v0, f, count, a));
                continue;
            }
            for (int c = 0; c < k; c++) {
                double va = grad[c * count + f];
                double vb = v0 == null ? 0.0 : v0[c * count + f];
                if (va > a && pen.lower(j) == Double.NEGATIVE_INFINITY) t = Math.max(t, (va - a) / (va - vb));
                if (va < -a && pen.upper(j) == Double.POSITIVE_INFINITY) t = Math.max(t, (-a - va) / (vb - va));
            }
        }
        t = Math.min(1.0, t);
        double rest = 0;
        double[] shift = null;
        if (intercept) {
            shift = shifted ? new double[k] : null;
            double[] gSums = rowSums();
            double[] uSums = u0 == null ? null : anchorSums(onBlock);
            for (int c = 0; c < k; c++) {
                double deltaSum = t * ((uSums == null ? 0.0 : uSums[c]) - gSums[c]); // Σᵢ δᵢ of class c, δ = t·(u₀ − g)
                // shifted: u − (Σu/Σs)·s has Σu = 0 and the same X̃ᵀu (X̃ᵀs = 0), so the intercept's term vanishes
                if (shifted) shift[c] = (gSums[c] + deltaSum) / weightSum;
                else rest += b[c] * (gSums[c] + deltaSum);
            }
        }
        double[] v = new double[k * count];
        for (int i = 0; i < k * count; i++) v[i] = grad[i] + t * ((v0 == null ? 0.0 : v0[i]) - grad[i]);
        double[] wj = new double[k];
        double[] vj = new double[k];
        for (int f = 0; f < count; f++) {
            int j = onBlock ? block.feature(f) : f;
            for (int c = 0; c < k; c++) {
                wj[c] = w[c * p + j];
                vj[c] = v[c * count + f];
            }
            rest += featureTerm(j, wj, vj);
        }
        Object anchor = u0 == null ? ORIGIN : onBlock ? blockToken : fullToken;
        return new Candidate(u0, v, t, shift, rest, Double.NaN, new Point(anchor, t, shift, gVersion));
    }

    /** Whether an anchor's X̃ᵀu meets the constraints of the features without an L2 part (a discarded feature may not). */
    private boolean feasible(double[] v0, boolean onBlock, int count) {
        for (int f = 0; f < count; f++) {
            int j = onBlock ? block.feature(f) : f;
            if (!onBlock && (excluded[j] || discarded[j])) continue;
            double a = l1 * pen.a(j);
            if (l2 * pen.b(j) > 0 || atRounding(j, v0, f, count, a)) continue;
            double norm2 = 0;
            for (int c = 0; c < k; c++) {
                double vb = v0[c * count + f];
                norm2 += vb * vb;
                if (!pen.grouped() && ((vb > a && pen.lower(j) == Double.NEGATIVE_INFINITY) || (vb < -a && pen.upper(j) == Double.POSITIVE_INFINITY))) {
                    return false;
                }
            }
            if (pen.grouped() && Math.sqrt(norm2) > a) return false;
        }
        return true;
    }

    /** The smallest t with ‖(1 − t)·a + t·b‖ ≤ bound for a grouped feature (a: this gradient, b: the anchor's, or 0). */
    private double groupStep(double[] grad, double[] v0, int f, int count, double bound) {
        double aa = 0;
        double ab = 0;
        double bb = 0;
        for (int c = 0; c < k; c++) {
            double x = grad[c * count + f];
            double y = v0 == null ? 0.0 : v0[c * count + f];
            aa += x * x;
            ab += x * y;
            bb += y * y;
        }
        if (aa <= bound * bound) return 0.0;
        // ‖a + t(b − a)‖² = aa + 2t(ab − aa) + t²(aa − 2ab + bb) = bound²: the root in [0, 1]
        double qa = aa - 2 * ab + bb;
        double qb = 2 * (ab - aa);
        double qc = aa - bound * bound;
        if (!(qa > 0)) return qb < 0 ? Math.min(1.0, -qc / qb) : 1.0;
        double disc = Math.max(0.0, qb * qb - 4 * qa * qc);
        double root = (-qb - Math.sqrt(disc)) / (2 * qa);
        return Math.min(1.0, Math.max(0.0, root));
    }

    /**
     * Feature j's term of the gap, Σ_c v_c·w_c + Ωⱼ(w) + Ωⱼ*(−v) (v = X̃ⱼᵀu per class), with Ωⱼ* the exact conjugate of
     * its penalty and bounds; written through the optimality residuals where it vanishes, so that it is accurate relative
     * to its own size. +∞ when u violates a constraint no bound absorbs.
     */
    private double featureTerm(int j, double[] w, double[] v) {
        double a = l1 * pen.a(j);
        double c2 = l2 * pen.b(j);
        double lo = pen.lower(j);
        double hi = pen.upper(j);
        if (pen.grouped()) {
            double ww = 0;
            double ss = 0;
            for (int c = 0; c < k; c++) {
                ww += w[c] * w[c];
                ss += v[c] * v[c];
            }
            double wn = Math.sqrt(ww);
            double sn = Math.sqrt(ss);
            double first = 0; // Σ w_c(v_c + c2·w_c) + a‖w‖, through the residual v + c2·w + a·w/‖w‖
            if (wn > 0) for (int c = 0; c < k; c++) first += w[c] * (v[c] + c2 * w[c] + a * w[c] / wn);
            if (c2 == 0) return sn > a * (1 + 1e-12) && a > 0 ? Double.POSITIVE_INFINITY : first;
            double d = sn - a - c2 * wn; // conjugate − ½c2‖w‖² = d(d + 2c2‖w‖)/(2c2) when ‖s‖ > a
            double rest = sn > a ? d * (d + 2 * c2 * wn) / (2 * c2) : -0.5 * c2 * ww;
            return first + rest;
        }
        double sum = 0;
        boolean box = lo != Double.NEGATIVE_INFINITY || hi != Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double wc = w[c];
            double vc = v[c];
            double sc = -vc;
            if (a == 0 && c2 == 0) { // unpenalised: X̃ⱼᵀu = 0 up to the bounds
                if (profiled(j) && Math.abs(vc) <= roundingLevel) sum += vc * wc;
                else sum += vc * wc + (sc > 0 ? sc * hi : sc < 0 ? sc * lo : 0.0);
                continue;
            }
            if (c2 == 0) { // L1 (+ box): the constraint on the open sides is met by the choice of u
                sum += wc * (vc + a * Math.signum(wc));
                if (sc > a && hi != Double.POSITIVE_INFINITY) sum += (sc - a) * hi;
                if (sc < -a && lo != Double.NEGATIVE_INFINITY) sum += (sc + a) * lo;
                continue;
            }
            double excess = Math.abs(sc) - a;
            if (!box && excess > 0 && (wc == 0 || Math.signum(sc) == Math.signum(wc))) {
                double r = excess - c2 * Math.abs(wc); // (|s| − a − c2|w|)²/(2c2): exact when s and w agree in sign
                sum += r * r / (2 * c2);
                continue;
            }
            double wStar = Math.min(Math.max(Math.copySign(Math.max(excess, 0.0), sc) / c2, lo), hi);
            double conj = sc * wStar - a * Math.abs(wStar) - 0.5 * c2 * wStar * wStar;
            sum += vc * wc + a * Math.abs(wc) + 0.5 * c2 * wc * wc + conj;
        }
        return sum;
    }

    /**
     * Whether feature j is unpenalised, refitted by the last profile, and its X̃ⱼᵀu (grad, K×count by position f) at
     * rounding level in every class: then its constraint X̃ⱼᵀu = 0 holds as well as arithmetic allows, and its term
     * needs no conjugate.
     */
    private boolean atRounding(int j, double[] grad, int f, int count, double a) {
        if (a != 0 || !profiled(j)) return false;
        for (int c = 0; c < k; c++) if (Math.abs(grad[c * count + f]) > roundingLevel) return false;
        return true;
    }

    /** The size of a gradient element's rounding (set by each gap: {@link Thresholds#PROFILE_GRADIENT}·Σᵢ|∇Fᵢ|). */
    private double roundingLevel;

    /** Whether feature j carries no penalty at the current strengths (its weights are 0, or both strengths are). */
    private boolean unpenalised(int j) {
        return l1 * pen.a(j) == 0 && l2 * pen.b(j) == 0;
    }

    /** Whether feature j is among those the last {@link #profile} refitted exactly (its gradient is then 0 to rounding). */
    private boolean profiled(int j) {
        return isProfiled[j];
    }

    /**
     * Newton's method on the intercepts and the unpenalised features alone, everything else fixed, until their gradient
     * is at rounding level: afterwards Σᵢ∇F = 0 and X̃ⱼᵀ∇F = 0 for those features hold to rounding, which the duality
     * gap needs. An unpenalised feature held at a bound by a gradient pointing outwards stays out (its dual constraint
     * is one-sided and holds); steps stop at the bounds. Without bounds and with K &gt; 1 the last class is pinned (the
     * loss does not change along the common shift).
     */
    private boolean profile() {
        return profile(false);
    }

    /**
     * {@link #profile()}; unless {@code exact}, a problem whose only such unknowns are the intercepts is not stepped:
     * the gap's dual point takes their constraint Σu = 0 instead (shifted by a multiple of the row weights, which the
     * centred columns do not see: {@link #shifted}), so no pass over the rows is spent on them.
     */
    private boolean profile(boolean exact) {
        derivatives();
        settled = false;
        shifted = false;
        if (!exact && savePasses && shiftable && !shiftFailed && !profilesFeatures()) {
            Arrays.fill(isProfiled, false);
            shifted = true;
            settled = true;
            return true;
        }
        for (int it = 0; it < Thresholds.GLM_PROFILE_STEPS; it++) {
            if (!profileStep()) break; // a step taken brings its derivatives (the trial's pass formed them)
            gradientValid = false; // the state moved: the full gradient is stale
        }
        return settled;
    }

    /** g and h at the current predictors, formed when not already known. */
    private void derivatives() {
        if (derivativesValid) return;
        family.derivatives(eta, g, h);
        gVersion++;
        derivativesValid = true;
    }

    /** F at trial predictors, with their derivatives into the trial arrays (kept if {@link #accept} takes the trial). */
    private double trialLoss(double[] trial) {
        return family.lossAndDerivatives(trial, gTrial, hTrial);
    }

    /** The trial evaluated last becomes the state's predictors, with its loss f and its derivatives. */
    private void accept(double[] trial, double f) {
        System.arraycopy(trial, 0, eta, 0, k * n);
        lossNow = f;
        double[] swap = g;
        g = gTrial;
        gTrial = swap;
        gVersion++;
        swap = h;
        h = hTrial;
        hTrial = swap;
        derivativesValid = true;
    }

    /** Whether the block holds a feature that {@link #profile} would refit (unpenalised at the current strengths). */
    private boolean profilesFeatures() {
        for (int s = 0; s < block.size(); s++) if (unpenalised(block.feature(s))) return true;
        return false;
    }

    /**
     * Whether the gap's dual points are shifted to Σu = 0 (the last {@link #profile} left the intercepts as they were):
     * u − (Σu/Σs)·s, s the row weights, to which the centred columns are orthogonal. Allowed ({@link #shiftable}) only
     * with an intercept and the columns centred under weights proportional to s; a shifted point outside the conjugate's
     * domain (a row whose probability is within the shift of 0 or 1) sets {@link #shiftFailed}, and the solve profiles.
     */
    private boolean shifted;
    private boolean shiftable;
    private boolean shiftFailed;
    private double weightSum;

    /** Allows the shifted dual points (the caller's columns are centred under weights proportional to the loss's). */
    void shiftIntercepts(boolean on) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += family.s[i];
        weightSum = sum;
        shiftable = on && intercept && sum > 0;
    }

    /**
     * Whether the last {@link #profile} ended with the gradient of its unknowns at rounding level (or had none). When it
     * did not — e.g. separable labels without a penalty, where no minimiser exists and the unpenalised coefficients grow
     * without bound — their dual constraints do not hold, and no gap is a certificate.
     */
    private boolean settled;

    /**
     * One Newton step of {@link #profile} at the current derivatives: chooses the unknowns (intercepts; unpenalised
     * features of the block not held at a bound, and not blocked by one for this step), solves, backtracks. Returns
     * whether the state moved.
     */
    private boolean profileStep() {
        int m = block.size();
        boolean[] blocked = new boolean[m];
        while (true) {
            Arrays.fill(isProfiled, false);
            int[] u = new int[m];
            int nu = 0;
            for (int s = 0; s < m; s++) {
                int j = block.feature(s);
                if (!unpenalised(j)) continue;
                boolean held = false;
                for (int c = 0; c < k && pen.bounded(); c++) {
                    double grad = block.dot(s, g, c * n, null, 0);
                    double wc = w[c * p + j];
                    held |= (wc <= pen.lower(j) && grad > 0) || (wc >= pen.upper(j) && grad < 0);
                }
                if (held) continue;
                isProfiled[j] = true; // its dual constraint must hold at the end: it is an unknown unless blocked below
                if (!blocked[s]) u[nu++] = s;
            }
            boolean pinned = k > 1 && !pen.bounded();
            int kb = intercept ? (k > 1 ? k - 1 : 1) : 0;
            int kw = pinned ? k - 1 : k;
            int d = kb + kw * nu;
            if (d == 0) {
                settled = true;
                return false;
            }
            double[][] cols = new double[nu][n];
            for (int r = 0; r < nu; r++) block.column(u[r], cols[r], 0);
            double[] hess = new double[d * d];
            double[] step = new double[d];
            // unknown r: intercept of class c (r = c < kb) or feature u[v] in class c (r = kb + c·nu + v)
            for (int r = 0; r < d; r++) {
                int cr = r < kb ? r : (r - kb) / nu;
                double[] zr = r < kb ? null : cols[(r - kb) % nu];
                step[r] = -(zr == null ? sum(g, cr * n) : dot(zr, g, cr * n, null, 0));
                for (int q = 0; q <= r; q++) {
                    int cq = q < kb ? q : (q - kb) / nu;
                    double[] zq = q < kb ? null : cols[(q - kb) % nu];
                    int off = Family.pair(cr, cq, k) * n;
                    double v;
                    if (zr == null && zq == null) v = sum(h, off);
                    else if (zr == null) v = dot(zq, h, off, null, 0);
                    else if (zq == null) v = dot(zr, h, off, null, 0);
                    else v = dot(zr, h, off, zq, 0);
                    hess[r * d + q] = v;
                    hess[q * d + r] = v;
                }
            }
            double[] rhs = step.clone();
            double largest = 0;
            for (double v : rhs) largest = Math.max(largest, Math.abs(v));
            // at rounding level already: below the error bound of the n-term sums that form it (n·ε·Σ|∇Fᵢ|), or a few roundings
            if (!(largest > Math.max(Thresholds.PROFILE_GRADIENT, n * 0x1p-53) * gradientScale())) {
                settled = true;
                return false;
            }
            SemidefiniteSolve.solve(d, hess, step);
            // the longest step inside the bounds; a feature already at the bound it is heading for sits this step out
            double tMax = 1.0;
            int blocking = -1;
            for (int r = kb; r < d; r++) {
                int j = block.feature(u[(r - kb) % nu]);
                double wc = w[((r - kb) / nu) * p + j];
                double room = step[r] > 0 ? pen.upper(j) - wc : step[r] < 0 ? pen.lower(j) - wc : Double.POSITIVE_INFINITY;
                double tr = step[r] == 0 || Double.isInfinite(room) ? Double.POSITIVE_INFINITY : room / step[r];
                if (tr < tMax) {
                    tMax = tr;
                    blocking = u[(r - kb) % nu];
                }
            }
            if (!(tMax > 0)) {
                blocked[blocking] = true;
                continue;
            }
            double[] dEta = new double[k * n];
            for (int r = 0; r < d; r++) {
                int cr = r < kb ? r : (r - kb) / nu;
                if (r < kb) {
                    for (int i = 0; i < n; i++) dEta[cr * n + i] += step[r];
                } else {
                    double[] z = cols[(r - kb) % nu];
                    for (int i = 0; i < n; i++) dEta[cr * n + i] += step[r] * z[i];
                }
            }
            double f0 = loss();
            double slope = 0;
            for (int r = 0; r < d; r++) slope -= step[r] * rhs[r]; // ∇ᵀδ (rhs = −∇)
            if (!(slope < 0)) return false;
            double[] trial = new double[k * n];
            double t = tMax;
            for (int ls = 0; ls < Thresholds.MAX_HALVINGS; ls++) {
                for (int i = 0; i < k * n; i++) trial[i] = eta[i] + t * dEta[i];
                double f = trialLoss(trial);
                boolean rounding = t == 1.0 && -slope <= Thresholds.ROUNDING_REGIME * Math.abs(f0) && f <= f0 + roundingSlack(f0);
                if (f <= f0 + Thresholds.ARMIJO * t * slope || rounding) {
                    accept(trial, f);
                    for (int r = 0; r < d; r++) {
                        int cr = r < kb ? r : (r - kb) / nu;
                        if (r < kb) {
                            b[cr] += t * step[r];
                            continue;
                        }
                        int j = block.feature(u[(r - kb) % nu]);
                        double next = w[cr * p + j] + t * step[r];
                        w[cr * p + j] = t == tMax && u[(r - kb) % nu] == blocking ? (step[r] > 0 ? pen.upper(j) : pen.lower(j))
                                : Math.min(Math.max(next, pen.lower(j)), pen.upper(j));
                    }
                    return true;
                }
                t *= 0.5;
            }
            return false;
        }
    }

    /**
     * How much a step in the rounding regime may raise the loss: its rounding error, a share of it, but at least the
     * error bound of the n-term sum that forms it (n·ε·F for the non-negative terms; with n = 10⁵ rows the summation
     * alone is off by 10⁻¹² relative, and a fixed share would reject every full step there).
     */
    private double roundingSlack(double f0) {
        return Math.max(Thresholds.ROUNDING_SLACK, n * 0x1p-53) * Math.abs(f0);
    }

    /** Σᵢ|∇Fᵢ| over the rows and classes: the scale of a gradient element's rounding error. */
    private double gradientScale() {
        rowSums();
        return gAbsSum;
    }

    /**
     * Σᵢ∇Fᵢ per class and Σ|∇Fᵢ| at the current derivatives, one pass per state ({@link #gVersion}): the gap's candidates,
     * the models' intercept gradients and the rounding scale all read them.
     */
    private double[] rowSums() {
        if (gSumsVersion != gVersion) {
            if (gSums == null) gSums = new double[k];
            double abs = 0;
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int i = c * n; i < (c + 1) * n; i++) {
                    sum += g[i];
                    abs += Math.abs(g[i]);
                }
                gSums[c] = sum;
            }
            gAbsSum = abs;
            gSumsVersion = gVersion;
        }
        return gSums;
    }

    /** Bumped whenever g changes (formed afresh, or a trial's taken over). */
    private long gVersion;
    private long gSumsVersion = -1;
    private double[] gSums;
    private double gAbsSum;

    /** Σᵢuᵢ per class of the block's or the whole problem's anchor (kept until the anchor changes; null: not yet formed). */
    private double[] anchorSums(boolean onBlock) {
        double[] u = onBlock ? blockAnchorU : fullAnchorU;
        double[] sums = onBlock ? blockAnchorSums : fullAnchorSums;
        if (sums == null) {
            sums = new double[k];
            for (int c = 0; c < k; c++) sums[c] = sum(u, c * n);
            if (onBlock) blockAnchorSums = sums;
            else fullAnchorSums = sums;
        }
        return sums;
    }

    private double[] blockAnchorSums;
    private double[] fullAnchorSums;

    private double sum(double[] a, int off) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[off + i];
        return s;
    }

    private double dot(double[] z, double[] a, int off, double[] z2, int off2) {
        double s = 0;
        if (z2 == null) for (int i = 0; i < n; i++) s += z[i] * a[off + i];
        else for (int i = 0; i < n; i++) s += z[i] * a[off + i] * z2[off2 + i];
        return s;
    }

    /**
     * Backtracking along the model's step (t, β): accepts the first halving with P(new) ≤ P + σ·step·Δ, Δ the model's
     * predicted decrease ∇ᵀδ + Ω(t) − Ω(w) (Lee, Sun &amp; Saunders, eq. 2.20), or the full step in the rounding regime;
     * FAILED when no step decreases P.
     */
    private enum Step { DECREASED, ROUNDING, FAILED }

    private Step lineSearch(NewtonModel model, double[] wSet, int m) {
        if (stepRows == null) { // kept: two arrays of the rows' size per step would be allocated and zeroed otherwise
            stepRows = new double[k * n];
            trialRows = new double[k * n];
        }
        double[] dEta = stepRows; // fully written below
        double[] dir = new double[k * m];
        double predicted = 0;
        for (int i = 0; i < k * m; i++) {
            dir[i] = model.t[i] - wSet[i];
            predicted += model.q[i] * dir[i];
        }
        block.multiply(dir, k, dEta); // one trip through the block for every class
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) dEta[c * n + i] += model.beta[c];
            predicted += model.gb[c] * model.beta[c];
        }
        double penaltyNow = blockPenalty(wSet, m);
        predicted += blockPenalty(model.t, m) - penaltyNow;
        double f0 = loss() + penaltyNow;
        if (DEBUG) System.err.printf("    predicted %.3e%n", predicted);
        boolean roundingRegime = Math.abs(predicted) <= Thresholds.ROUNDING_REGIME * Math.abs(f0);
        lastStepLength = 0;
        lastPredicted = Double.POSITIVE_INFINITY; // until a step is taken
        if (!(predicted < 0) && !roundingRegime) return Step.FAILED;
        double[] trial = trialRows; // fully written at each halving
        double[] wTrial = new double[k * m];
        double t = 1.0;
        for (int ls = 0; ls < Thresholds.MAX_HALVINGS; ls++) {
            for (int i = 0; i < k * n; i++) trial[i] = eta[i] + t * dEta[i];
            for (int i = 0; i < k * m; i++) wTrial[i] = wSet[i] + t * (model.t[i] - wSet[i]);
            double fl = trialLoss(trial);
            double f = fl + blockPenalty(wTrial, m);
            // near the minimiser the predicted decrease drops below the rounding of P: the full step (Newton's, quadratically
            // convergent there) is taken if P does not rise beyond rounding; the duality gap judges it
            boolean rounding = t == 1.0 && roundingRegime && f <= f0 + roundingSlack(f0);
            if (f <= f0 + Thresholds.ARMIJO * t * predicted || rounding) {
                lastStepLength = t;
                lastPredicted = -predicted;
                accept(trial, fl);
                if (extrapolation != null) extrapolation.record(eta);
                if (model instanceof GramModel && rescaleMetric && (firstStep || rescaling)) rescale(dEta, firstStep);
                firstStep = false;
                for (int s = 0; s < m; s++) {
                    int j = block.feature(s);
                    for (int c = 0; c < k; c++) w[c * p + j] = wTrial[c * m + s];
                }
                for (int c = 0; c < k; c++) b[c] += intercept ? t * model.beta[c] : 0.0;
                gradientValid = false;
                if (k > 1 && !pen.bounded()) centreClasses(m);
                return rounding ? Step.ROUNDING : Step.DECREASED;
            }
            if (DEBUG && ls < 3) System.err.printf("    ls t %.3e f-f0 %.3e predicted %.3e%n", t, f - f0, predicted);
            t *= 0.5;
        }
        return Step.FAILED;
    }

    /**
     * ρ of the next model on the kept Gram blocks: the curvature of the current state along the last step over the
     * blocks' own along it (1 right after a build, and in a solve whose first step does not call for it: {@link #rescale}). As a path moves on, the weights the blocks were built at overstate
     * (or understate) the curvature by a common factor far more than they get its shape wrong — the rate of the stale
     * metric's iteration is about |1 − ρ| — so the rescaled blocks converge at the rate of the shape alone, which one pass
     * over the rows per step measures (a secant condition along the step, in the spirit of Barzilai–Borwein's scalar
     * metric, 1988). Any positive multiple of a semidefinite metric keeps the step a descent direction.
     */
    private double metricScale = 1.0;

    /** Whether {@link #metricScale} follows the steps (tests switch it off: a plain stale metric). */
    private boolean rescaleMetric = true;

    /** Switches the rescaling of a kept metric (see {@link #metricScale}). */
    void rescaleMetric(boolean on) {
        rescaleMetric = on;
    }

    /** Whether the next accepted step is the first of this solve, and whether this solve's steps rescale the metric. */
    private boolean firstStep;
    private boolean rescaling;

    /**
     * Measures {@link #metricScale} along the change dη of the accepted step, at the new state's curvature h. The first
     * step of a solve (the one that follows the change of the strengths, along the path) decides whether this solve
     * rescales at all: only when its factor is off 1 by more than {@value Thresholds#GLM_METRIC_SCALE_GATE}. Where the
     * kept metric is off by a common factor the later steps show about the same one; where it is not (a Poisson path,
     * whose stale metric already converges at 1% per step) the later steps' factors scatter around 1, and following them
     * would cost steps.
     */
    private void rescale(double[] dEta, boolean first) {
        double reference = cache.curvature(null, dEta, k);
        double now = cache.curvature(h, dEta, k);
        double ratio = now / reference;
        if (DEBUG) System.err.printf("    curvature along the step: now/reference %.4f%n", ratio);
        if (first) rescaling = Math.abs(ratio - 1) > Thresholds.GLM_METRIC_SCALE_GATE;
        if (!rescaling) {
            metricScale = 1.0;
            return;
        }
        if (reference > 0 && ratio > 0 && Double.isFinite(ratio)) {
            metricScale = Math.min(Math.max(ratio, 1 / Thresholds.GLM_METRIC_SCALE_RANGE), Thresholds.GLM_METRIC_SCALE_RANGE);
            if (metricScale != 1.0) rescaledMetrics++;
        }
    }

    /** Measurements that rescaled the kept metric (tests: the rule is exercised). */
    long rescaledMetrics;

    /** F at the current predictors, evaluated once per state. */
    private double loss() {
        if (Double.isNaN(lossNow)) { lossNow = family.loss(eta); }
        return lossNow;
    }

    /** Ω of the block's features for coefficients v on the slots (class-major K×m). */
    private double blockPenalty(double[] v, int m) {
        double sum = 0;
        for (int s = 0; s < m; s++) sum += pen.value(l1, l2, v, s, m, k, block.feature(s));
        return sum;
    }

    /**
     * The multinomial loss is unchanged when a feature's coefficient moves by the same t in every class: each feature
     * takes the t that minimises its penalty ({@link Penalties#bestShift}). The predictors stay as they are: the shift adds
     * the same X̃t to every class, which the softmax — and so the loss, its derivatives and the Fenchel–Young sums of the
     * gap — does not see, so η is kept equal to X̃W + 1bᵀ up to a common term per row rather than spending a pass over the
     * block (and one over the rows for the derivatives) on it.
     */
    private void centreClasses(int m) {
        double[] column = new double[k];
        for (int s = 0; s < m; s++) {
            int j = block.feature(s);
            double t = pen.bestShift(l1, l2, w, k, p, j);
            for (int c = 0; c < k; c++) column[c] = w[c * p + j] + t;
            if (t == 0 || !(pen.value(l1, l2, column, 0, 1, k, j) < pen.value(l1, l2, w, k, p, j))) continue;
            for (int c = 0; c < k; c++) w[c * p + j] = column[c];
        }
    }
}
