package dev.shrink.solvers.cd;

import dev.shrink.solvers.internal.Thresholds;

/**
 * Cyclic coordinate descent for {@code ½‖ỹ − X̃w‖² + l1·Σⱼ fⱼ|wⱼ| + ½·l2·Σⱼ fⱼwⱼ²} (fⱼ: penalty factors, 1 by
 * default) with a working set and scikit-learn's duality-gap stop ({@code _cd_fast.enet_coordinate_descent}).
 *
 * <p>Sweeps run over the working set only (the coefficients that are nonzero or violate the optimality conditions);
 * when a sweep changes the coefficients by less than {@code dwTol} relative to the largest one, the full gradient
 * X̃ᵀR is formed, violators outside the set are added, and when none remain the duality gap decides. The gap uses
 * the dual point of {@link #gap}.
 *
 * <p>Gap safe screening ({@link GapSafeScreening}) runs at the start of every solve (along a path: the sequential rule,
 * from the warm start) and at every full check (the dynamic rule): a feature it certifies to be zero at the optimum
 * leaves the problem for the rest of the solve — it is neither a candidate for the working set nor read by the full
 * gradient, and the dual point's scaling ignores it (the reduced problem has the same optimum, so its gap still bounds
 * the distance of the objective from the minimum). Only with l1 &gt; 0, every penalty factor &gt; 0 (the gap with
 * unpenalised features is issue 11's to fix) and the column norms known ({@link CdProblem#columnNorms2}: not on the
 * working set's Gram, where they would cost a pass over X). In naive mode a full check reads only the columns that
 * the drift bounds of their last values cannot rule out ({@link #checkWithBounds}), first from a float32 copy of X
 * where the problem has one.
 *
 * <p>Naive mode also extrapolates the residuals of the last sweeps into a dual point ({@link DualExtrapolation};
 * Massias, Gramfort &amp; Salmon 2018, "Celer"): the best of the residual's, the extrapolated and the previous dual
 * point gives the gap of the working set and of the full check, and the extrapolated one screens too.
 */
final class CoordinateDescent {
    private CoordinateDescent() {}

    /**
     * Iterations (sweeps), final duality gap, whether the gap reached the tolerance, and how many gradient entries are
     * not exact at the returned w (features screening removed, and those the last check bounded without reading them:
     * then the gradient left in {@code grad} lacks them, and their drift bounds them at the next solve).
     */
    record Result(int iterations, double gap, boolean converged, int screened) {}

    /** A duality gap and the scale s of its dual point θ = s·R (s·(x̃ⱼᵀR − l2·fⱼwⱼ) are the dual correlations). */
    record DualPoint(double gap, double scale) {}

    /**
     * Minimises from the coefficients in {@code w} (warm start; {@code problem} must be {@link CdProblem#reset} to
     * them) and leaves the minimiser there.
     *
     * @param factors  per-feature penalty factors fⱼ ≥ 0, or null for all 1
     * @param screenL1 features with |X̃ᵀR|ⱼ &gt; screenL1·fⱼ at the start join the working set (l1 itself: the
     *                 current violators; 2·l1 − l1_previous: the sequential strong rule of Tibshirani et al. 2012)
     * @param gapTol   absolute tolerance on the gap (scikit-learn: tol·‖ỹ‖²)
     * @param dwTol    relative coefficient change below which the gap is checked (scikit-learn: tol)
     * @param grad     X̃ᵀR at the starting w (the caller has it: saves a full pass in naive mode along a path); on
     *                 return it holds X̃ᵀR at the returned w whenever the result is converged and nothing was screened
     * @param stale    whether some entries of grad are older than w (the columns the previous solve screened): they are
     *                 bounded through the residual's drift since ({@link Workspace#driftAt}), screened with the bound
     *                 when it allows, and computed afresh otherwise
     */
    static Result solve(CdProblem problem, double[] w, double l1, double l2, double[] factors, double screenL1,
                        double gapTol, double dwTol, int maxIter, double[] grad, boolean stale) {
        return solve(problem, w, l1, l2, factors, null, screenL1, gapTol, dwTol, maxIter, grad, stale);
    }

    /**
     * As {@link #solve(CdProblem, double[], double, double, double[], double, double, double, int, double[], boolean)},
     * subject to a box (null: none; w must lie in it): each coordinate update is the one-dimensional minimiser clipped
     * to its bounds, and a feature at 0 violates the optimality conditions only towards a side it may move to. With a
     * box or a zero penalty factor the gap is {@link DualityGap}'s (unpenalised features projected out, bounds in the
     * conjugate) and gap safe screening is off.
     */
    static Result solve(CdProblem problem, double[] w, double l1, double l2, double[] factors, Box box, double screenL1,
                        double gapTol, double dwTol, int maxIter, double[] grad, boolean stale) {
        int p = problem.p;
        CdTrace.begin();
        Workspace ws = problem.workspace();
        boolean[] inSet = ws.inSet;
        int[] set = ws.set;
        java.util.Arrays.fill(inSet, false);
        java.util.Arrays.fill(ws.screened, false);
        ws.screenedCount = 0;
        ws.staleCount = 0;
        ws.screening = ws.gapSafe && l1 > 0 && allPositive(factors) && box == null && problem.columnNorms2() != null;
        if (stale && !ws.screening) {
            problem.gradient(grad, null);
            stale = false;
        }
        if (stale) {
            // the stale entries stay stale: the strong rule below reads them as they are (a heuristic either way), and
            // the first full check bounds them against its own, tighter gap (checkWithBounds)
        } else if (ws.screening) {
            // the sequential rule: the warm start and its rescaled residual, at the new penalty
            DualPoint start = dual(problem, w, grad, l1, l2, factors, ws.screened);
            screen(problem, w, grad, start, l1, l2, factors, ws, null);
        }
        int size = 0;
        int candidates = 0;
        int[] cand = ws.candidates;
        for (int j = 0; j < p; j++) {
            if (ws.screened[j]) continue;
            double f = factors == null ? 1.0 : factors[j];
            if (w[j] != 0 || f == 0) {
                inSet[j] = true;
                set[size++] = j;
            } else if (violates(grad[j], Math.min(l1, screenL1) * f, box, j)) {
                cand[candidates++] = j;
            }
        }
        size = admit(cand, candidates, problem.violatorLimit(size), grad, factors, set, size, inSet, ws.scores);
        problem.workingSet(set, size, inSet);
        CdTrace.add(CdTrace.Count.INITIAL_SET, size);
        CdTrace.end(CdTrace.Phase.START);
        try {
            Result res = sweeps(problem, w, l1, l2, factors, box, gapTol, dwTol, maxIter, grad, inSet, set, size, ws);
            if (CdTrace.ON) {
                int nz = 0;
                for (double v : w) if (v != 0) nz++;
                CdTrace.add(CdTrace.Count.NONZERO, nz);
                CdTrace.solved(l1, res.iterations(), res.gap(), ws.screenedCount);
            }
            return res;
        } finally {
            problem.workingSet(null, 0, null);
        }
    }

    /** Whether a feature at 0 with X̃ᵀR = g can lower the objective by moving to a side its box allows. */
    static boolean violates(double g, double threshold, Box box, int j) {
        if (box == null) return Math.abs(g) > threshold;
        return (g > threshold && box.upper()[j] > 0) || (-g > threshold && box.lower()[j] < 0);
    }

    private static boolean allPositive(double[] factors) {
        if (factors == null) return true;
        for (double f : factors) if (!(f > 0)) return false;
        return true;
    }

    /**
     * Marks as screened every feature outside the working set with wⱼ = 0 that the gap safe rule certifies to be
     * zero at the optimum ({@link GapSafeScreening}; the dual of this problem is 1-strongly concave in the dual point
     * of the augmented lasso, whose columns have norms √(‖x̃ⱼ‖² + l2·fⱼ)). Returns how many it added.
     */
    private static int screen(CdProblem problem, double[] w, double[] grad, DualPoint d, double l1, double l2, double[] factors,
                              Workspace ws, boolean[] inSet) {
        double radius = GapSafeScreening.radius(d.gap(), 1.0, Thresholds.SCREENING_ROUNDING * problem.yNorm2());
        double[] norms2 = problem.columnNorms2();
        int added = 0;
        for (int j = 0; j < problem.p; j++) {
            if (ws.screened[j] || w[j] != 0 || (inSet != null && inSet[j])) continue;
            double f = factors == null ? 1.0 : factors[j];
            double correlation = d.scale() * Math.abs(grad[j]);
            if (GapSafeScreening.isZero(correlation, Math.sqrt(norms2[j] + l2 * f), radius, l1 * f)) {
                ws.screened[j] = true;
                added++;
            }
        }
        ws.screenedCount += added;
        return added;
    }

    /**
     * The full check of naive mode with gap safe screening, where a full X̃ᵀR is a pass over X: it reads only the
     * columns that screening cannot rule out from what is known. Every entry gⱼ of X̃ᵀR was computed when the residual
     * was some R₀; it is off by at most ‖x̃ⱼ‖·‖R − R₀‖ ≤ ‖x̃ⱼ‖·(drift now − drift then), so |x̃ⱼᵀR| ≤ |gⱼ| +
     * ‖x̃ⱼ‖·Δdriftⱼ =: bⱼ. The working set's entries are made exact; an entry whose bound could set the dual point's
     * scale (bⱼ above fⱼ·max(l1, the largest exact |gₖ − l2·fₖwₖ|/fₖ)) is computed afresh; then the scale, the gap and
     * the safe radius follow, and a feature at 0 outside the set is screened when its bound passes the gap safe test.
     * Of the rest, only those whose bound exceeds l1·fⱼ are read (they may violate the optimality conditions); a
     * feature with bⱼ ≤ l1·fⱼ neither violates them nor sets the scale, so the gap and the violators are those of the
     * exact X̃ᵀR without it, and its entry stays as it is ({@link Workspace#staleCount} counts them).
     *
     * @param setFresh whether grad holds the exact X̃ᵀR on the working set already
     */
    private static DualPoint checkWithBounds(CdProblem problem, double[] w, double[] grad, double l1, double l2, double[] factors,
                                             Workspace ws, boolean[] inSet, int[] set, int size, boolean setFresh) {
        int p = problem.p;
        double now = ws.drift + problem.residualDrift();
        ws.drift = now;
        ws.epochs.begin(problem);
        for (int k = 0; k < size; k++) {
            int j = set[k];
            if (setFresh) {
                ws.driftAt[j] = now;
                ws.epochs.read(j, 0.0);
            } else {
                refresh(problem, grad, ws, j, now);
            }
        }
        double[] norms2 = problem.columnNorms2();
        boolean[] screened = ws.screened;
        double dual = 0;
        for (int j = 0; j < p; j++) {
            if (screened[j]) continue;
            if (ws.driftAt[j] != now && w[j] != 0) refresh(problem, grad, ws, j, now); // a nonzero coefficient is always in the set; be safe
            if (ws.driftAt[j] == now) {
                double f = factors == null ? 1.0 : factors[j];
                dual = Math.max(dual, Math.abs(grad[j] - l2 * f * w[j]) / f);
            }
        }
        // a float32 copy of X (dense naive mode) reads a column in half the bytes; its error joins the bound
        double rNorm = Double.NaN;
        if (problem.approximates()) {
            problem.prepareApproximation();
            rNorm = Math.sqrt(problem.residualNorm2(w));
            if (ws.approximatedAt == null) ws.approximatedAt = new double[p];
        }
        for (int j = 0; j < p; j++) {
            if (screened[j] || ws.driftAt[j] == now) continue;
            double f = factors == null ? 1.0 : factors[j];
            double threshold = f * Math.max(l1, dual);
            if (bound(grad, norms2, ws, j, now) > threshold && read(problem, grad, norms2, ws, j, now, threshold, rNorm)) {
                dual = Math.max(dual, Math.abs(grad[j]) / f);
            }
        }
        DualPoint d = dualAt(problem, w, dual, l1, l2, factors);
        double radius = GapSafeScreening.radius(d.gap(), 1.0, Thresholds.SCREENING_ROUNDING * problem.yNorm2());
        int added = 0;
        int left = 0;
        for (int j = 0; j < p; j++) {
            if (screened[j] || inSet[j] || w[j] != 0) continue;
            double f = factors == null ? 1.0 : factors[j];
            double norm = Math.sqrt(norms2[j] + l2 * f);
            double b = bound(grad, norms2, ws, j, now);
            boolean zero = GapSafeScreening.isZero(d.scale() * b, norm, radius, l1 * f);
            if (!zero && ws.driftAt[j] != now && b > l1 * f) {
                // it may violate: a closer look (float32, then exact) decides
                read(problem, grad, norms2, ws, j, now, l1 * f, rNorm);
                b = bound(grad, norms2, ws, j, now);
                zero = GapSafeScreening.isZero(d.scale() * b, norm, radius, l1 * f);
            }
            if (!zero && ws.driftAt[j] != now) left++; // it neither violates nor sets the scale: left as it is
            if (zero) {
                screened[j] = true;
                added++;
            }
        }
        ws.screenedCount += added;
        ws.staleCount = left;
        return d;
    }

    /** The gap and scale of the dual point s·R, s = min(1, l1/dual), dual = max |x̃ⱼᵀR − l2·fⱼwⱼ|/fⱼ over the problem. */
    private static DualPoint dualAt(CdProblem problem, double[] w, double dual, double l1, double l2, double[] factors) {
        PenaltySums sums = PenaltySums.of(w, factors);
        double scale = dual > l1 ? l1 / dual : 1.0;
        return new DualPoint(gapAtScale(problem.residualNorm2(w), problem.residualDotY(w), l1, l2, sums.absolute(), sums.squares(), scale), scale);
    }

    /** Σfⱼ|wⱼ| and Σfⱼwⱼ² over the non-zero coefficients (f = 1 without factors). */
    private record PenaltySums(double absolute, double squares) {
        static PenaltySums of(double[] w, double[] factors) {
            double absolute = 0;
            double squares = 0;
            for (int j = 0; j < w.length; j++) {
                if (w[j] == 0) continue;
                double f = factors == null ? 1.0 : factors[j];
                absolute += f * Math.abs(w[j]);
                squares += f * w[j] * w[j];
            }
            return new PenaltySums(absolute, squares);
        }
    }

    /**
     * P(w) − D(s·R) for the dual point s·R: ½‖R‖²(1 + s²) + l1·Σfⱼ|wⱼ| − s·Rᵀỹ + ½·l2·(1 + s²)·Σfⱼwⱼ², from ‖R‖², Rᵀỹ
     * and the penalty sums.
     */
    private static double gapAtScale(double rn2, double ry, double l1, double l2, double absolute, double squares, double scale) {
        double s2 = 1 + scale * scale;
        return 0.5 * rn2 * s2 + l1 * absolute - scale * ry + 0.5 * l2 * s2 * squares;
    }

    /**
     * Brings gⱼ's bound to at most {@code threshold} if a float32 read can (when the problem {@link
     * CdProblem#approximates}, once per check): the float32 value with its error e folded into the entry's age
     * (driftAt = now − 1.5·e/‖x̃ⱼ‖, so that {@link #bound} is |g̃ⱼ| + 1.5·e ≥ the exact |x̃ⱼᵀR|); otherwise, or when that bound is still above the
     * threshold, the exact value. Returns whether the entry is now exact.
     */
    private static boolean read(CdProblem problem, double[] grad, double[] norms2, Workspace ws, int j, double now, double threshold,
                                double rNorm) {
        if (!Double.isNaN(rNorm) && ws.approximatedAt[j] != now) {
            ws.approximatedAt[j] = now;
            double norm = ws.columnNorm(norms2, j);
            double g = problem.xtrApproximate(j);
            double error = problem.approximationError(norm, rNorm);
            double at = now - 1.5 * error / norm; // a margin for the rounding of the subtraction, checked below
            if (Double.isFinite(g) && norm > 0 && norm * (now - at) >= error) {
                CdTrace.add(CdTrace.Count.APPROXIMATED, 1);
                grad[j] = g;
                ws.driftAt[j] = at;
                ws.epochs.read(j, 1.5 * error);
                if (bound(grad, norms2, ws, j, now) <= threshold) return false;
                CdTrace.add(CdTrace.Count.APPROXIMATION_SHORT, 1);
            }
        }
        refresh(problem, grad, ws, j, now);
        return true;
    }

    /**
     * The bound on |x̃ⱼᵀR| from a stale entry: |gⱼ| + ‖x̃ⱼ‖·(drift now − drift then), or the tighter one by projection
     * when the residual of the check that read it is still kept ({@link Epochs#bound}).
     */
    private static double bound(double[] grad, double[] norms2, Workspace ws, int j, double now) {
        double age = now - ws.driftAt[j];
        double norm = ws.columnNorm(norms2, j);
        double b = Math.abs(grad[j]) + (age > 0 ? norm * age : 0.0);
        return Math.min(b, ws.epochs.bound(j, Math.abs(grad[j]), norm));
    }

    private static void refresh(CdProblem problem, double[] grad, Workspace ws, int j, double now) {
        CdTrace.add(CdTrace.Count.REFRESHED, 1);
        grad[j] = problem.xtr(j);
        ws.driftAt[j] = now;
        ws.epochs.read(j, 0.0);
    }

    private static Result sweeps(CdProblem problem, double[] w, double l1, double l2, double[] factors, Box box, double gapTol, double dwTol,
                                 int maxIter, double[] grad, boolean[] inSet, int[] set, int size, Workspace ws) {
        int p = problem.p;
        boolean exact = box != null || !allPositive(factors); // the gap needs DualityGap's projection / conjugates
        Anderson anderson = ws.anderson;
        double gap = Double.POSITIVE_INFINITY;
        // Covariance mode: a full check costs O(p), less than a sweep, so the gap is checked after every sweep.
        // Naive mode: a full X̃ᵀR is a pass over X, so the gap is first checked on the working set alone (|set| column
        // dots, like one sweep; Massias et al. 2018, "Celer", §3); only when that gap is small enough is X̃ᵀR formed for
        // every feature to look for violators. Without violators, the dual scaling and hence the gap are the same.
        // Gram-based working set with an expensive full gradient (WorkingSetProblem; CovarianceProblem on a small working
        // set, where X̃ᵀR is exact on the set but bringing the other entries up to date costs one Gram column per moved
        // coefficient): a sweep costs O(|set|) plus O(|set|) per moved coefficient, the set's gap O(|set|), a full check
        // fullCheckCost. So the set's gap is checked after every sweep, and a round of sweeps between full checks aims at
        // INNER_SHARE of the tolerance (the final gap then lands well below it for the price of cheap sweeps) but ends,
        // as in ski rental, once its sweeps have cost as much as a full check: an incomplete set is not polished for
        // longer than it takes to look for violators. Once the set's gap is within tol, at most as many more sweeps are
        // spent as the solve has had so far (a warm start at the solution checks at once).
        // Both modes are re-read after every sweep: covariance mode's depends on the size of the working set.
        double roundWork = 0;
        int settleUntil = -1;
        double dwThreshold = dwTol;
        anderson.restart();
        // naive mode: the residuals of the last sweeps, extrapolated into a dual point (celer) once a sweep costs at
        // least as much as keeping them (not for a tall sparse X and a small set, where copying R would dominate);
        // bestDual is the largest dual objective of a dual point feasible for the whole (screened) problem in this solve
        boolean extrapolating = !exact && problem.residualLength() > 0;
        DualExtrapolation extra = null;
        double bestDual = Double.NEGATIVE_INFINITY;
        double sweepWork = 0;
        double newtonWork = 0;
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            double maxDelta = 0;
            double maxW = 0;
            int moves = 0;
            for (int k = 0; k < size; k++) {
                int j = set[k];
                double f = factors == null ? 1.0 : factors[j];
                double curvature = problem.diag[j] + l2 * f;
                if (curvature <= 0) continue; // an all-zero column without L2: the coefficient stays where it is
                double old = w[j];
                double z = problem.xtr(j) + problem.diag[j] * old;
                double t = l1 * f;
                double updated = Math.copySign(Math.max(Math.abs(z) - t, 0.0), z) / curvature;
                if (box != null) updated = box.clip(j, updated);
                if (updated != old) {
                    problem.move(j, updated - old);
                    w[j] = updated;
                    maxDelta = Math.max(maxDelta, Math.abs(updated - old));
                    moves++;
                }
                maxW = Math.max(maxW, Math.abs(updated));
            }
            CdTrace.add(CdTrace.Count.SET_COORDINATES, size);
            CdTrace.end(CdTrace.Phase.SWEEP);
            boolean jumped = anderson.record(problem, w, set, size, l1, l2, factors, box);
            // correlated active columns make sweeps crawl: a Newton step on the support whenever its cost fits in the
            // share of the sweeps' work it may take (after two sweeps: let a warm start settle its signs first; the
            // sign-fixed step knows no bounds)
            sweepWork += problem.sweepCost(size);
            if (iter >= 2 && box == null && ws.supportNewton) {
                CdProblem.NewtonStep step = problem.supportNewton(w, set, size, l1, l2, factors, Thresholds.SUPPORT_NEWTON_BUDGET * sweepWork - newtonWork);
                newtonWork += step.cost();
                if (step.moved()) {
                    anderson.restart();
                    jumped = true;
                    CdTrace.add(CdTrace.Count.NEWTON, 1);
                }
                CdTrace.end(CdTrace.Phase.NEWTON);
            }
            if (extrapolating && problem.sweepCost(size) >= (Thresholds.EXTRAPOLATION_DEPTH + 1.0) * problem.residualLength()) {
                if (extra == null) {
                    extra = ws.extrapolation(problem.residualLength());
                    extra.restart();
                }
                if (jumped) extra.restart(); // a step that is not a sweep breaks the residuals' autoregression
                extra.record(problem, w, set, size);
                CdTrace.end(CdTrace.Phase.EXTRAPOLATE);
            }
            boolean cheapCheck = !problem.fullGradientIsExpensive();
            boolean cheapSet = !cheapCheck && problem.coordinateGradientIsCheap();
            double setTol = cheapSet ? Thresholds.INNER_SHARE * gapTol : gapTol;
            roundWork += (double) size * (1 + moves);
            if (cheapCheck || cheapSet || maxW == 0 || maxDelta <= dwThreshold * maxW || iter == maxIter) {
                if (!cheapCheck && iter < maxIter) {
                    for (int k = 0; k < size; k++) grad[set[k]] = problem.xtr(set[k]);
                    double reduced = exact ? DualityGap.of(problem, w, grad, set, size, l1, l2, factors, box)
                            : gapOnSet(problem, w, grad, set, size, l1, l2, factors);
                    if (extra != null && reduced > setTol) {
                        // the extrapolated dual point on the set, or the best full one: an earlier certificate
                        double primal = primal(problem, w, l1, l2, factors);
                        double accDual = Math.max(bestDual, extrapolatedDual(problem, extra, ws, w, set, size, inSet, l1, l2, factors, false));
                        if (primal - accDual < reduced) {
                            reduced = primal - accDual;
                            ws.extrapolatedWins++;
                            CdTrace.add(CdTrace.Count.EXTRAPOLATED_WINS, 1);
                        }
                    }
                    CdTrace.end(CdTrace.Phase.SET_GAP);
                    if (cheapSet && reduced <= gapTol && settleUntil < 0) settleUntil = 2 * iter;
                    boolean affordable = !cheapSet || roundWork < problem.fullCheckCost();
                    boolean keepGoing = !cheapSet || ((settleUntil < 0 || iter < settleUntil) && affordable);
                    if (reduced > setTol && maxDelta > 0 && (reduced > gapTol || keepGoing) && affordable) {
                        gap = reduced;
                        continue;
                    }
                }
                settleUntil = -1;
                roundWork = 0;
                boolean bounded = ws.screening && problem.tracksDrift() && !exact;
                DualPoint bd = null;
                if (bounded) bd = checkWithBounds(problem, w, grad, l1, l2, factors, ws, inSet, set, size, iter < maxIter);
                else problem.gradient(grad, ws.screenedCount > 0 ? ws.screened : null);
                CdTrace.add(CdTrace.Count.CHECKS, 1);
                int candidates = 0;
                int[] cand = problem.workspace().candidates;
                for (int j = 0; j < p; j++) {
                    if (!inSet[j] && !ws.screened[j]) {
                        double f = factors == null ? 1.0 : factors[j];
                        if (violates(grad[j], l1 * f, box, j)) cand[candidates++] = j;
                    }
                }
                boolean added = candidates > 0;
                if (added) {
                    size = admit(cand, candidates, problem.violatorLimit(size), grad, factors, set, size, inSet, problem.workspace().scores);
                    problem.workingSet(set, size, inSet);
                    anderson.restart();
                    if (extra != null) extra.restart();
                }
                DualPoint d = bounded ? bd : dual(problem, w, grad, l1, l2, factors, ws.screenedCount > 0 ? ws.screened : null);
                gap = exact ? DualityGap.of(problem, w, grad, null, 0, l1, l2, factors, box) : d.gap();
                if (extra != null && !added) {
                    // best of the residual's, the extrapolated (when the residual's does not certify) and the previous
                    // dual point, all feasible for the whole problem; the extrapolated one also screens
                    double primal = primal(problem, w, l1, l2, factors);
                    bestDual = Math.max(bestDual, primal - gap);
                    if (gap > gapTol && extra.ready()) {
                        double accDual = extrapolatedDual(problem, extra, ws, w, set, size, inSet, l1, l2, factors, true);
                        if (accDual > bestDual) {
                            bestDual = accDual;
                            ws.extrapolatedWins++;
                            CdTrace.add(CdTrace.Count.EXTRAPOLATED_WINS, 1);
                            if (ws.screening) screenExtrapolated(problem, w, primal - accDual, l1, l2, factors, ws, inSet);
                        }
                    }
                    gap = Math.min(gap, primal - bestDual);
                }
                // scikit-learn's stop: the first check with the gap within tol (covariance mode checks after every sweep)
                CdTrace.end(CdTrace.Phase.CHECK);
                if (!added && gap <= gapTol) return new Result(iter, gap, true, ws.screenedCount + ws.staleCount);
                if (!added && maxDelta == 0) return new Result(iter, gap, false, ws.screenedCount + ws.staleCount); // rounding floor: sweeps change nothing
                if (ws.screening && !bounded) screen(problem, w, grad, d, l1, l2, factors, ws, inSet);
                CdTrace.end(CdTrace.Phase.SCREEN);
            }
        }
        return new Result(iter, gap, false, ws.screenedCount + ws.staleCount);
    }

    /**
     * The dual objective D(θ) = s·R_accᵀỹ − ½s²(‖R_acc‖² + l2·Σⱼfⱼ(w_acc)ⱼ²) of the extrapolated dual point θ = s·R̂_acc
     * ({@link DualExtrapolation}), s the largest scale in [0, 1] that keeps |x̃ⱼᵀR_acc − l2·fⱼ(w_acc)ⱼ|·s ≤ l1·fⱼ over
     * the working set ({@code full} false: the dual of the problem restricted to it) or over every feature not
     * screened ({@code full}: a column dot each; the correlations are left in {@link Workspace#extrapolated} for
     * screening). −∞ when no extrapolation is available.
     */
    static double extrapolatedDual(CdProblem problem, DualExtrapolation extra, Workspace ws, double[] w, int[] set, int size,
                                           boolean[] inSet, double l1, double l2, double[] factors, boolean full) {
        double[] r = ws.residualAcc;
        double[] wSet = ws.coefAcc;
        if (!extra.extrapolate(l2, factors, set, r, wSet)) return Double.NEGATIVE_INFINITY;
        double sum = problem.residualSum(r);
        double[] g = ws.extrapolated;
        double dual = 0;
        double squares = 0;
        for (int t = 0; t < size; t++) {
            int j = set[t];
            double f = factors == null ? 1.0 : factors[j];
            g[j] = problem.xtr(j, r, sum) - l2 * f * wSet[t];
            dual = Math.max(dual, Math.abs(g[j]) / f);
            squares += f * wSet[t] * wSet[t];
        }
        if (full) {
            for (int j = 0; j < problem.p; j++) {
                if (inSet[j] || ws.screened[j]) continue;
                double f = factors == null ? 1.0 : factors[j];
                g[j] = problem.xtr(j, r, sum);
                dual = Math.max(dual, Math.abs(g[j]) / f);
            }
        }
        double s = dual > l1 ? l1 / dual : 1.0;
        ws.extrapolatedScale = s;
        return s * problem.dotY(r) - 0.5 * s * s * (problem.norm2(r) + l2 * squares);
    }

    /** Gap safe screening with the extrapolated dual point of {@link #extrapolatedDual} (full) and its gap. */
    private static void screenExtrapolated(CdProblem problem, double[] w, double gap, double l1, double l2, double[] factors, Workspace ws,
                                           boolean[] inSet) {
        double radius = GapSafeScreening.radius(gap, 1.0, Thresholds.SCREENING_ROUNDING * problem.yNorm2());
        double[] norms2 = problem.columnNorms2();
        int added = 0;
        for (int j = 0; j < problem.p; j++) {
            if (ws.screened[j] || inSet[j] || w[j] != 0) continue;
            double f = factors == null ? 1.0 : factors[j];
            if (GapSafeScreening.isZero(ws.extrapolatedScale * Math.abs(ws.extrapolated[j]), Math.sqrt(norms2[j] + l2 * f), radius, l1 * f)) {
                ws.screened[j] = true;
                added++;
            }
        }
        ws.screenedCount += added;
    }

    /**
     * Adds to the working set the {@code limit} candidates with the largest |gradⱼ|/fⱼ (the farthest from
     * satisfying the optimality conditions), or all of them when they are fewer; returns the new size.
     */
    private static int admit(int[] cand, int count, int limit, double[] grad, double[] factors, int[] set, int size,
                             boolean[] inSet, double[] scores) {
        double threshold = Double.NEGATIVE_INFINITY;
        if (count > limit) {
            for (int t = 0; t < count; t++) {
                int j = cand[t];
                scores[t] = Math.abs(grad[j]) / (factors == null ? 1.0 : factors[j]);
            }
            double[] sorted = java.util.Arrays.copyOf(scores, count);
            java.util.Arrays.sort(sorted);
            threshold = sorted[count - limit];
        }
        int admitted = 0;
        for (int t = 0; t < count && admitted < limit; t++) {
            int j = cand[t];
            if (count > limit && scores[t] < threshold) continue;
            inSet[j] = true;
            set[size++] = j;
            admitted++;
        }
        return size;
    }

    /** Per-problem work arrays, allocated once and reused by every solve (a path runs many). */
    static final class Workspace {
        final boolean[] inSet;
        final int[] set;
        final Anderson anderson;
        final int[] candidates;
        final double[] scores;
        /** Features removed by gap safe screening in the current solve, and how many. */
        final boolean[] screened;
        int screenedCount;
        /** Features whose gradient entry the last full check left stale without screening them (checkWithBounds). */
        int staleCount;
        /** Whether this solve screens (l1 &gt; 0, every factor &gt; 0, and {@link #gapSafe}). */
        boolean screening;
        /**
         * The residual's accumulated drift Σ‖Rₖ₊₁ − Rₖ‖ over the points where gradients were computed, and its value
         * when each gradient entry was last computed ({@link CdProblem#gradient}).
         */
        final double[] driftAt;
        double drift;
        /** Dual extrapolation (naive mode), created on first use, with its work vectors. */
        private DualExtrapolation extrapolation;
        double[] residualAcc;
        double[] coefAcc;
        /** x̃ⱼᵀR_acc − l2·fⱼ(w_acc)ⱼ of the last extrapolated dual point, and its scale. */
        double[] extrapolated;
        double extrapolatedScale;
        /** √(columnNorms2) of the problem, taken once (the bounds read them at every check). */
        private double[] norms;
        private double[] normsOf;

        double columnNorm(double[] norms2, int j) {
            if (normsOf != norms2) {
                norms = new double[norms2.length];
                for (int t = 0; t < norms.length; t++) norms[t] = Math.sqrt(norms2[t]);
                normsOf = norms2;
            }
            return norms[j];
        }

        /** The residuals of the last full checks, for the bounds by projection ({@link Epochs}). */
        final Epochs epochs;

        /** The check (its drift) at which each feature was last read in float32, created on first use. */
        double[] approximatedAt;
        /** How often an extrapolated dual point gave a smaller gap than the residual's (for tests). */
        long extrapolatedWins;
        /** The support Newton step wanted (the default; tests turn it off to exercise plain sweeps). */
        boolean supportNewton = true;
        /** Gap safe screening wanted (the default; tests turn it off to compare). */
        boolean gapSafe = !Boolean.getBoolean("shrink.noScreening");

        Workspace(int p) {
            screened = new boolean[p];
            driftAt = new double[p];
            inSet = new boolean[p];
            set = new int[p];
            candidates = new int[p];
            scores = new double[p];
            anderson = new Anderson(p);
            epochs = new Epochs(p);
        }

        DualExtrapolation extrapolation(int n) {
            if (extrapolation == null) {
                extrapolation = new DualExtrapolation(n);
                residualAcc = new double[n];
                coefAcc = new double[set.length];
                extrapolated = new double[set.length];
            }
            return extrapolation;
        }
    }

    /** ½‖R‖² + l1·Σfⱼ|wⱼ| + ½·l2·Σfⱼwⱼ² at the current state. */
    static double primal(CdProblem problem, double[] w, double l1, double l2, double[] factors) {
        PenaltySums sums = PenaltySums.of(w, factors);
        return 0.5 * problem.residualNorm2(w) + l1 * sums.absolute() + 0.5 * l2 * sums.squares();
    }

    /**
     * Anderson extrapolation of the coordinate-descent iterates (Bertrand &amp; Massias 2021, "Anderson acceleration of
     * coordinate descent", Alg. 1): every K sweeps, the affine combination Σcₖwₖ (Σcₖ = 1) of the last K + 1 iterates
     * that minimises the norm of the combined differences is tried, and kept only if it lowers the objective.
     */
    static final class Anderson {
        static final int K = Thresholds.ANDERSON_DEPTH;
        private final double[][] history;
        private final double[] u;
        private final double[] gram = new double[K * K];
        private final double[] coeffs = new double[K];
        private final double[] saved;
        private final double[] gradBefore;
        private int count;

        Anderson(int p) {
            history = new double[K + 1][p];
            u = new double[K * p];
            saved = new double[p];
            gradBefore = new double[p];
        }

        void restart() {
            count = 0;
        }

        /** Records the sweep's w; every K sweeps tries the extrapolated point and returns whether w moved to it. */
        boolean record(CdProblem problem, double[] w, int[] set, int size, double l1, double l2, double[] factors, Box box) {
            double[] slot = history[count];
            for (int k = 0; k < size; k++) slot[set[k]] = w[set[k]];
            if (++count <= K) return false;
            count = 0;
            // differences uₖ = wₖ₊₁ − wₖ on the working set, and their Gram matrix UᵀU
            for (int k = 0; k < K; k++) {
                for (int t = 0; t < size; t++) {
                    int j = set[t];
                    u[k * w.length + j] = history[k + 1][j] - history[k][j];
                }
            }
            double scale = 0;
            for (int a = 0; a < K; a++) {
                for (int b = 0; b <= a; b++) {
                    double d = 0;
                    for (int t = 0; t < size; t++) {
                        int j = set[t];
                        d += u[a * w.length + j] * u[b * w.length + j];
                    }
                    gram[a * K + b] = d;
                    gram[b * K + a] = d;
                }
                scale = Math.max(scale, gram[a * K + a]);
            }
            if (!DualExtrapolation.affineWeights(gram, K, scale, coeffs)) return false;
            // Gram-based problems read x̃ⱼᵀR off H in O(1): the change of ½‖R‖² is then −½·dᵀ(g_before + g_after)
            // (d = w_after − w_before, g = X̃ᵀR), exact up to rounding in small terms, whereas the difference of two
            // ‖R‖² formed from ỹᵀỹ − 2cᵀw + wᵀHw loses ε·‖ỹ‖² and lets noise-level steps through near the minimum.
            boolean byGradient = problem.coordinateGradientIsCheap();
            double before = 0;
            if (byGradient) {
                for (int t = 0; t < size; t++) gradBefore[set[t]] = problem.xtr(set[t]);
            } else {
                before = primal(problem, w, l1, l2, factors);
            }
            for (int t = 0; t < size; t++) {
                int j = set[t];
                double e = 0;
                for (int k = 0; k < K; k++) e += coeffs[k] * history[k + 1][j];
                if (box != null) e = box.clip(j, e); // the combination may leave the box; its projection is tried instead
                saved[j] = w[j];
                if (e != w[j]) {
                    problem.move(j, e - w[j]);
                    w[j] = e;
                }
            }
            double after;
            if (byGradient) {
                after = 0;
                for (int t = 0; t < size; t++) {
                    int j = set[t];
                    double d = w[j] - saved[j];
                    if (d == 0) continue;
                    double f = factors == null ? 1.0 : factors[j];
                    after += -0.5 * d * (gradBefore[j] + problem.xtr(j)) + l1 * f * (Math.abs(w[j]) - Math.abs(saved[j]))
                            + 0.5 * l2 * f * d * (w[j] + saved[j]);
                }
            } else {
                after = primal(problem, w, l1, l2, factors);
            }
            if (!(after < before)) {
                for (int t = 0; t < size; t++) {
                    int j = set[t];
                    if (saved[j] != w[j]) {
                        problem.move(j, saved[j] - w[j]);
                        w[j] = saved[j];
                    }
                }
                return false;
            }
            return true;
        }
    }

    /** {@link #gap} of the problem restricted to the working set (grad needed on the set only; w is 0 outside it). */
    static double gapOnSet(CdProblem problem, double[] w, double[] grad, int[] set, int size, double l1, double l2, double[] factors) {
        if (!allPositive(factors)) return DualityGap.of(problem, w, grad, set, size, l1, l2, factors, null); // unpenalised features projected out
        double rn2 = problem.residualNorm2(w);
        double ry = problem.residualDotY(w);
        double q = 0;
        double a = 0;
        double dual = 0;
        double conj = 0;
        for (int k = 0; k < size; k++) {
            int j = set[k];
            double f = factors == null ? 1.0 : factors[j];
            q += f * w[j] * w[j];
            a += f * Math.abs(w[j]);
            if (f > 0) {
                dual = Math.max(dual, Math.abs(grad[j] - l2 * f * w[j]) / f);
                conj += grad[j] * grad[j] / f;
            }
        }
        if (l1 == 0 && l2 > 0) return rn2 - ry + 0.5 * l2 * q + conj / (2 * l2);
        double scale = dual > l1 ? l1 / dual : 1.0;
        return gapAtScale(rn2, ry, l1, l2, a, q, scale);
    }

    /**
     * A duality gap at w, given grad = X̃ᵀR: an upper bound on the distance of the objective from its minimum.
     * For l1 &gt; 0, scikit-learn's ({@code _cd_fast}: dual point θ = min(1, l1/‖X̃ᵀR − l2·f∘w‖_{∞,f})·R). For
     * l1 = 0 &lt; l2 (ridge), the dual has no constraint and θ = R gives
     * {@code ‖R‖² − Rᵀỹ + ½·l2·Σfⱼwⱼ² + Σⱼ(x̃ⱼᵀR)²/(2·l2·fⱼ)}, which vanishes at the minimiser. For l1 = l2 = 0 only
     * the primal value bounds the distance (scikit-learn's choice).
     */
    static double gap(CdProblem problem, double[] w, double[] grad, double l1, double l2, double[] factors) {
        if (!allPositive(factors)) return DualityGap.of(problem, w, grad, null, 0, l1, l2, factors, null); // unpenalised features projected out
        return dual(problem, w, grad, l1, l2, factors, null).gap();
    }

    /** {@link #gap} subject to a box. */
    static double gap(CdProblem problem, double[] w, double[] grad, double l1, double l2, double[] factors, Box box) {
        return box == null ? gap(problem, w, grad, l1, l2, factors) : DualityGap.of(problem, w, grad, null, 0, l1, l2, factors, box);
    }

    /**
     * {@link #gap} and the scale of its dual point, over the features not {@code skip}ped (null: all): screened features
     * are out of the reduced problem, whose optimum is the full one's.
     */
    static DualPoint dual(CdProblem problem, double[] w, double[] grad, double l1, double l2, double[] factors, boolean[] skip) {
        int p = problem.p;
        double rn2 = problem.residualNorm2(w);
        double ry = problem.residualDotY(w);
        if (l1 == 0 && l2 > 0) {
            double q = 0;
            double conj = 0;
            for (int j = 0; j < p; j++) {
                double f = factors == null ? 1.0 : factors[j];
                q += f * w[j] * w[j];
                if (f > 0) conj += grad[j] * grad[j] / f;
            }
            return new DualPoint(rn2 - ry + 0.5 * l2 * q + conj / (2 * l2), 1.0);
        }
        double dual = 0;
        double l1norm = 0;
        double l2norm = 0;
        for (int j = 0; j < p; j++) {
            if (skip != null && skip[j]) continue;
            double f = factors == null ? 1.0 : factors[j];
            if (f > 0) dual = Math.max(dual, Math.abs(grad[j] - l2 * f * w[j]) / f);
            l1norm += f * Math.abs(w[j]);
            l2norm += f * w[j] * w[j];
        }
        double scale = dual > l1 ? l1 / dual : 1.0;
        return new DualPoint(gapAtScale(rn2, ry, l1, l2, l1norm, l2norm, scale), scale);
    }
}
