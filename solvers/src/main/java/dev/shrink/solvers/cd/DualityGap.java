package dev.shrink.solvers.cd;

import dev.shrink.solvers.internal.SemidefiniteSolve;

/**
 * Duality gaps of {@code P(w) = ½‖ỹ − X̃w‖² + Σⱼ fⱼ(l1·|wⱼ| + ½·l2·wⱼ²)} subject to an optional {@link Box}: upper bounds
 * on the distance P(w) − min P at any feasible w, from a dual point built from the residual R = ỹ − X̃w.
 *
 * <p>The dual of P is {@code D(θ) = −½‖θ‖² + θᵀỹ − Σⱼ Ωⱼ*(x̃ⱼᵀθ)}, Ωⱼ the penalty of feature j and Ωⱼ* its convex
 * conjugate. Two dual points:
 * <ul>
 *   <li>l1 &gt; 0 (lasso, elastic net): scikit-learn's ({@code _cd_fast}), which treats the L2 part as extra rows of the
 *   data, θ = κ·(R, −√(l2f)∘w) with κ = min(1, l1fⱼ/|x̃ⱼᵀR − l2fⱼwⱼ|) over the features whose conjugate would be
 *   infinite otherwise (no bound on the side the gradient points to);</li>
 *   <li>l1 = 0 &lt; l2 (ridge): θ = R, no scaling (the conjugate of a quadratic is finite).</li>
 * </ul>
 * A feature with factor 0 is unpenalised: its conjugate is finite only at x̃ⱼᵀθ = 0, a constraint that no scaling can
 * meet. So the residual is first projected onto it: R' = R − X̃_U·δ with X̃_UᵀX̃_U·δ = X̃_UᵀR over the unpenalised
 * features U — the residual after refitting them exactly, with every other coefficient kept (Fercoq, Gramfort &amp;
 * Salmon 2015, "Mind the duality gap", §2: any feasible dual point gives a valid gap). An unpenalised feature held at a
 * bound by a gradient pushing outwards stays out of U (its conjugate is finite there).
 */
final class DualityGap {
    private DualityGap() {}

    /**
     * The gap at w, given grad = X̃ᵀR on the features considered: all p ({@code set == null}), or the working set
     * {@code set[0 .. size)} (the gap of the problem restricted to it; w is 0 elsewhere).
     *
     * @param box bounds on w or null
     */
    static double of(CdProblem problem, double[] w, double[] grad, int[] set, int size, double l1, double l2, double[] factors, Box box) {
        int count = set == null ? problem.p : size;
        double residual2 = problem.residualNorm2(w);
        double rn2 = residual2;
        double ry = problem.residualDotY(w);
        // unpenalised features refitted in the dual point (see the class comment)
        int[] u = new int[count];
        int m = 0;
        for (int t = 0; t < count; t++) {
            int j = set == null ? t : set[t];
            if (factor(factors, j) == 0 && !heldAtBound(box, j, w[j], grad[j])) u[m++] = j;
        }
        double[] g = grad;
        if (m > 0) {
            double[] a = new double[m * m];
            double[] delta = new double[m];
            for (int r = 0; r < m; r++) {
                double[] column = problem.cachedGramColumn(u[r]);
                for (int q = 0; q < m; q++) a[r * m + q] = column[u[q]];
                delta[r] = grad[u[r]];
            }
            SemidefiniteSolve.solve(m, a, delta);
            g = grad.clone();
            for (int r = 0; r < m; r++) {
                if (delta[r] == 0) continue;
                double[] column = problem.cachedGramColumn(u[r]);
                rn2 -= delta[r] * grad[u[r]];
                ry -= delta[r] * problem.xty(u[r]);
                for (int t = 0; t < count; t++) {
                    int j = set == null ? t : set[t];
                    g[j] -= column[j] * delta[r];
                }
            }
            rn2 = Math.max(rn2, 0.0);
            for (int r = 0; r < m; r++) g[u[r]] = 0.0; // X̃_Uᵀθ = 0 up to rounding, which is all it can be
        }
        double absolute = 0;
        double squares = 0;
        for (int t = 0; t < count; t++) {
            int j = set == null ? t : set[t];
            double f = factor(factors, j);
            absolute += f * Math.abs(w[j]);
            squares += f * w[j] * w[j];
        }
        double primal = 0.5 * residual2 + l1 * absolute + 0.5 * l2 * squares;
        if (l1 == 0 && l2 > 0) {
            double conjugates = 0;
            for (int t = 0; t < count; t++) {
                int j = set == null ? t : set[t];
                conjugates += ridgeConjugate(g[j], l2 * factor(factors, j), box, j);
            }
            return primal + 0.5 * rn2 - ry + conjugates;
        }
        double kappa = 1.0;
        for (int t = 0; t < count; t++) {
            int j = set == null ? t : set[t];
            double a = l1 * factor(factors, j);
            double v = g[j] - l2 * factor(factors, j) * w[j];
            if (v > a && (box == null || box.upper()[j] == Double.POSITIVE_INFINITY)) kappa = Math.min(kappa, a / v);
            if (-v > a && (box == null || box.lower()[j] == Double.NEGATIVE_INFINITY)) kappa = Math.min(kappa, a / -v);
        }
        double conjugates = 0;
        if (box != null) {
            for (int t = 0; t < count; t++) {
                int j = set == null ? t : set[t];
                double a = l1 * factor(factors, j);
                double s = kappa * (g[j] - l2 * factor(factors, j) * w[j]);
                // sup over the box of s·w − a·|w|: (s − a)·upper or (s + a)·lower when the gradient points past a finite bound
                if (s > a && box.upper()[j] != Double.POSITIVE_INFINITY) conjugates += (s - a) * box.upper()[j];
                if (-s > a && box.lower()[j] != Double.NEGATIVE_INFINITY) conjugates += (s + a) * box.lower()[j];
            }
        }
        return primal + 0.5 * kappa * kappa * (rn2 + l2 * squares) - kappa * ry + conjugates;
    }

    private static double factor(double[] factors, int j) {
        return factors == null ? 1.0 : factors[j];
    }

    /** At a bound with the gradient X̃ᵀR pointing outwards (the bound, not the loss, holds the coefficient there). */
    private static boolean heldAtBound(Box box, int j, double w, double g) {
        return box != null && ((w <= box.lower()[j] && g < 0) || (w >= box.upper()[j] && g > 0));
    }

    /** sup over the box of v·w − ½·c·w² (c ≥ 0): the conjugate of feature j's penalty in the ridge dual. */
    private static double ridgeConjugate(double v, double c, Box box, int j) {
        double lo = box == null ? Double.NEGATIVE_INFINITY : box.lower()[j];
        double hi = box == null ? Double.POSITIVE_INFINITY : box.upper()[j];
        if (c > 0) {
            double w = Math.min(Math.max(v / c, lo), hi);
            return v * w - 0.5 * c * w * w;
        }
        return v > 0 ? v * hi : v < 0 ? v * lo : 0.0;
    }
}
