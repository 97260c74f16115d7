package dev.shrink.solvers.cd;

/**
 * Gap safe screening (Fercoq, Gramfort &amp; Salmon 2015, "Mind the duality gap: safer rules for the lasso"; Ndiaye,
 * Fercoq, Gramfort &amp; Salmon 2017, "Gap safe screening rules for sparsity enforcing penalties"): for a problem
 * min P(w) = F(Xw) + Σⱼλⱼ|wⱼ| + …, whose dual D is μ-strongly concave, every feasible dual point θ and primal point w
 * give a ball that holds the dual optimum θ*: ‖θ − θ*‖ ≤ r = √(2·(P(w) − D(θ))/μ). The optimality conditions say
 * |xⱼᵀθ*| &lt; λⱼ ⇒ wⱼ* = 0, and |xⱼᵀθ*| ≤ |xⱼᵀθ| + ‖xⱼ‖·r; so a feature with |xⱼᵀθ| + ‖xⱼ‖·r &lt; λⱼ is zero at
 * every minimiser and can be removed for good: safe by construction, whatever the accuracy of w and θ.
 *
 * <p>Used sequentially along a path (the previous solution and its rescaled residual as the pair for the next
 * penalty) and dynamically within a fit (at every full check, with the current pair). Engine-neutral: the caller
 * supplies |xⱼᵀθ| (the dual point's correlations), the column norms of the (augmented) design and the thresholds.
 */
public final class GapSafeScreening {
    private GapSafeScreening() {}

    /**
     * The radius √(2·gap/μ) of the safe ball, with the gap raised by {@code rounding} (a bound on the error with which
     * it was computed) so that rounding can only shrink what is screened.
     */
    public static double radius(double gap, double strongConcavity, double rounding) {
        return Math.sqrt(2 * (Math.max(gap, 0.0) + Math.abs(rounding)) / strongConcavity);
    }

    /**
     * Whether feature j is certainly zero at the optimum: |xⱼᵀθ| + ‖xⱼ‖·r &lt; λⱼ.
     *
     * @param correlation |xⱼᵀθ| for a feasible dual point θ
     * @param norm        ‖xⱼ‖ (of the augmented column for the elastic net: √(‖x̃ⱼ‖² + l2·fⱼ))
     * @param threshold   λⱼ, the L1 weight of the feature (l1·fⱼ)
     */
    public static boolean isZero(double correlation, double norm, double radius, double threshold) {
        return correlation + norm * radius < threshold;
    }
}
