package dev.shrink.solvers;

/**
 * Cyclic coordinate descent for {@code ½‖ỹ − X̃w‖² + l1·Σⱼ fⱼ|wⱼ| + ½·l2·Σⱼ fⱼwⱼ²} (fⱼ: penalty factors, 1 by
 * default) with a working set and scikit-learn's duality-gap stop ({@code _cd_fast.enet_coordinate_descent}).
 *
 * <p>Sweeps run over the working set only (the coefficients that are nonzero or violate the optimality conditions);
 * when a sweep changes the coefficients by less than {@code dwTol} relative to the largest one, the full gradient
 * X̃ᵀR is formed, violators outside the set are added, and when none remain the duality gap decides. The gap uses
 * the dual point θ = min(1, l1 / ‖X̃ᵀR − l2·f∘w‖_{∞,f})·R, as scikit-learn does (for l1 = 0 the scale is 1, which
 * makes the gap vanish exactly at the minimiser).
 */
final class CoordinateDescent {
    private CoordinateDescent() {}

    /** Iterations (sweeps), final duality gap, and whether the gap reached the tolerance. */
    record Result(int iterations, double gap, boolean converged) {}

    /**
     * Minimises from the coefficients in {@code w} (warm start; {@code problem} must be {@link CdProblem#reset} to
     * them) and leaves the minimiser there.
     *
     * @param factors  per-feature penalty factors fⱼ ≥ 0, or null for all 1
     * @param screenL1 features with |X̃ᵀR|ⱼ &gt; screenL1·fⱼ at the start join the working set (l1 itself: the
     *                 current violators; 2·l1 − l1_previous: the sequential strong rule of Tibshirani et al. 2012)
     * @param gapTol   absolute tolerance on the gap (scikit-learn: tol·‖ỹ‖²)
     * @param dwTol    relative coefficient change below which the gap is checked (scikit-learn: tol)
     */
    static Result solve(CdProblem problem, double[] w, double l1, double l2, double[] factors, double screenL1,
                        double gapTol, double dwTol, int maxIter) {
        int p = problem.p;
        double[] grad = new double[p];
        boolean[] inSet = new boolean[p];
        int[] set = new int[p];
        int size = 0;
        problem.xtrAll(grad);
        for (int j = 0; j < p; j++) {
            double f = factors == null ? 1.0 : factors[j];
            if (w[j] != 0 || f == 0 || Math.abs(grad[j]) > Math.min(l1, screenL1) * f) {
                inSet[j] = true;
                set[size++] = j;
            }
        }
        double gap = Double.POSITIVE_INFINITY;
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            double maxDelta = 0;
            double maxW = 0;
            for (int k = 0; k < size; k++) {
                int j = set[k];
                double f = factors == null ? 1.0 : factors[j];
                double curvature = problem.diag[j] + l2 * f;
                if (curvature <= 0) continue; // an all-zero column without L2: the coefficient stays where it is
                double old = w[j];
                double z = problem.xtr(j) + problem.diag[j] * old;
                double t = l1 * f;
                double updated = Math.copySign(Math.max(Math.abs(z) - t, 0.0), z) / curvature;
                if (updated != old) {
                    problem.move(j, updated - old);
                    w[j] = updated;
                    maxDelta = Math.max(maxDelta, Math.abs(updated - old));
                }
                maxW = Math.max(maxW, Math.abs(updated));
            }
            if (maxW == 0 || maxDelta <= dwTol * maxW || iter == maxIter) {
                problem.xtrAll(grad);
                boolean added = false;
                for (int j = 0; j < p; j++) {
                    if (!inSet[j]) {
                        double f = factors == null ? 1.0 : factors[j];
                        if (Math.abs(grad[j]) > l1 * f) {
                            inSet[j] = true;
                            set[size++] = j;
                            added = true;
                        }
                    }
                }
                gap = gap(problem, w, grad, l1, l2, factors);
                if (!added && gap <= gapTol) return new Result(iter, gap, true);
                if (!added && maxDelta == 0) return new Result(iter, gap, false); // rounding floor: sweeps change nothing
            }
        }
        return new Result(iter, gap, false);
    }

    /** scikit-learn's duality gap at w, given grad = X̃ᵀR. */
    static double gap(CdProblem problem, double[] w, double[] grad, double l1, double l2, double[] factors) {
        int p = problem.p;
        double dual = 0;
        double l1norm = 0;
        double l2norm = 0;
        for (int j = 0; j < p; j++) {
            double f = factors == null ? 1.0 : factors[j];
            if (f > 0) dual = Math.max(dual, Math.abs(grad[j] - l2 * f * w[j]) / f);
            l1norm += f * Math.abs(w[j]);
            l2norm += f * w[j] * w[j];
        }
        double rn2 = problem.residualNorm2(w);
        double ry = problem.residualDotY(w);
        double scale = l1 > 0 && dual > l1 ? l1 / dual : 1.0;
        double s2 = 1 + scale * scale;
        return 0.5 * rn2 * s2 + l1 * l1norm - scale * ry + 0.5 * l2 * s2 * l2norm;
    }
}
