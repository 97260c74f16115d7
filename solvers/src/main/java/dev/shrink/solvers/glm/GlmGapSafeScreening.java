package dev.shrink.solvers.glm;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Gap safe screening for the L1 / elastic-net binomial model of {@link ProximalNewton} (Fercoq, Gramfort &amp; Salmon
 * 2015, "Mind the duality gap: safer rules for the lasso"; Ndiaye, Fercoq, Gramfort &amp; Salmon 2017, "Gap safe screening
 * rules for sparsity enforcing penalties", JMLR 18, §3), in the engine's own dual parametrisation: the dual variable u
 * lives in the space of the predictors η and is compared with ∇F(η) directly (the engine's u = g + t·(u₀ − g), no
 * further factor).
 *
 * <p><b>The radius.</b> F(η) = Σᵢ sᵢ·ℓ(yᵢ, ηᵢ) with ℓ'' = μ(1 − μ) ≤ ¼, so the conjugate's rows sᵢ·ℓ*(uᵢ/sᵢ) have second
 * derivative ℓ*''/sᵢ ≥ 4/sᵢ: F* is strongly convex with modulus 4 in the norm ‖z‖²_{S⁻¹} = Σᵢ zᵢ²/sᵢ. The dual
 * D(u) = −F*(u) − Σⱼ Ωⱼ*(−x̃ⱼᵀu) (restricted to Σu = 0 with an intercept) subtracts convex terms from −F*: it is
 * strongly concave with the same modulus on its convex domain, so at its maximiser u*, for every u of the domain,
 * D(u) ≤ D(u*) − 2·‖u − u*‖²_{S⁻¹}. With weak duality D(u*) = P* ≤ P(w): gap = P(w) − D(u) ≥ 2·‖u − u*‖²_{S⁻¹}, i.e.
 * <pre>‖u − u*‖_{S⁻¹} ≤ ρ = √(gap / 2),</pre>
 * and by Cauchy–Schwarz |x̃ⱼᵀ(u − u*)| ≤ ‖x̃ⱼ‖_S·ρ with ‖x̃ⱼ‖²_S = Σᵢ sᵢ·x̃ᵢⱼ². (In the Euclidean norm this is the ball
 * of radius √(2·L·gap), L = maxᵢ sᵢ/4 the smoothness of F: ‖x̃ⱼ‖·√(2L·gap) ≥ ‖x̃ⱼ‖_S·√(gap/2), so the weighted form is
 * never looser.) The optimality condition −x̃ⱼᵀu* ∈ l1·aⱼ·∂|wⱼ*| + l2·bⱼ·wⱼ* gives |x̃ⱼᵀu*| = l1·aⱼ + l2·bⱼ·|wⱼ*| ≥ l1·aⱼ
 * whenever wⱼ* ≠ 0; hence
 * <pre>|x̃ⱼᵀu| + ‖x̃ⱼ‖_S·ρ &lt; l1·aⱼ  ⇒  wⱼ* = 0</pre>
 * at the minimiser (u* = ∇F(η*) is unique, F being strictly convex in η on the rows with sᵢ &gt; 0).
 *
 * <p><b>Elastic net.</b> The engine's gap uses each feature's exact conjugate Ωⱼ*(z) = (|z| − l1·aⱼ)₊²/(2·l2·bⱼ) (the
 * augmented design's extra dual coordinates maximised out), a convex term, so the same ball and the same rule hold for
 * every l1Ratio; features with l1·aⱼ = 0 (penalty factor 0, pure ridge) are never screened.
 *
 * <p><b>Intercept.</b> The domain's hyperplane Σu = 0 needs no correction: the S-weighted norm needs no centring, and
 * the engine's columns are centred under weights proportional to s, which already minimises ‖x̃ⱼ − c·1‖_S over c.
 *
 * <p><b>Rounding.</b> The gap is raised by {@code 1e-12·|P|} and the radius by the error bound of the products x̃ⱼᵀu,
 * |fl(x̃ⱼᵀu) − x̃ⱼᵀu| ≤ 2n·ε·Σᵢ|xᵢⱼ|·|uᵢ| ≤ 2n·ε·‖xⱼ‖_S·‖u‖_{S⁻¹}, with ‖u‖²_{S⁻¹} = Σᵢ sᵢ(qᵢ − yᵢ)² ≤ Σᵢ sᵢ on the
 * domain (q ∈ [0, 1]) and xⱼ the uncentred column (the passes form X̃ᵀu as Xᵀu − x̄·Σu): rounding only screens less.
 *
 * <p>Not for: bounds (the optimality condition changes at a bound), Poisson (exp has no global smoothness constant),
 * multinomial (not derived here). {@link GlmProblem} attaches the rule only to unbounded binomial problems.
 */
final class GlmGapSafeScreening {
    /** Whether the rule is attached (system property {@code shrink.glm.screening=false} turns it off for A/B runs). */
    static final boolean ENABLED = !"false".equals(System.getProperty("shrink.glm.screening"));
    private static final boolean TRACE = Boolean.getBoolean("shrink.glm.screening.trace");
    /** Screenings and applications of every rule in this JVM, printed at exit under {@code shrink.glm.screening.trace}. */
    private static final java.util.concurrent.atomic.AtomicLongArray TOTALS = new java.util.concurrent.atomic.AtomicLongArray(3);

    static {
        if (TRACE) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.printf("gap-safe screening: %d features screened (%d sequentially) in %d applications%n",
                    TOTALS.get(0), TOTALS.get(1), TOTALS.get(2))));
        }
    }

    /** Σᵢ sᵢ·x̃ᵢⱼ² per column (formed at the first use: one pass over X). */
    private final Supplier<double[]> squares;
    /** The column means the design subtracts (null: none). */
    private final double[] mean;
    private final int n;
    private final double rowWeightSum;
    private double[] norms;
    private double[] rounding;
    /** The features this rule discarded in the current solve (cleared by {@link #startSolve}). */
    final boolean[] screened;
    /** Screenings in the current solve and over the rule's life; rule applications (exact gaps used). */
    int screenedInSolve;
    long screenedTotal;
    long screenedSequentially;
    long applications;

    /**
     * @param squares the centred columns' squares weighted by the loss's row weights s, Σᵢ sᵢ·x̃ᵢⱼ² (asked for once)
     * @param mean    the column means of the centring (null: none)
     * @param s       the loss's row weights
     * @param p       the number of features
     */
    GlmGapSafeScreening(Supplier<double[]> squares, double[] mean, double[] s, int p) {
        this.squares = squares;
        this.mean = mean;
        this.n = s.length;
        double sum = 0;
        for (double v : s) sum += v;
        this.rowWeightSum = sum;
        this.screened = new boolean[p];
    }

    /** Forgets the features of the last solve (the engine clears its discards at the end of each solve). */
    void startSolve() {
        java.util.Arrays.fill(screened, false);
        screenedInSolve = 0;
    }

    /** The radius ρ = √(gap/2) of the ball around u in the S⁻¹ norm that holds u* (class comment), gap raised by slack. */
    static double radius(double gap, double slack) {
        return Math.sqrt(0.5 * (Math.max(gap, 0.0) + Math.abs(slack)));
    }

    /**
     * Applies the rule with a feasible dual point whose correlations are v = X̃ᵀu (all p features) and whose exact
     * duality gap at the primal point of objective value {@code objective} is {@code gap}; discards every eligible
     * feature it proves zero. Returns how many.
     *
     * @param sequential whether the point is the last solve's, rescaled (counted apart from the dynamic applications)
     */
    int screen(double gap, double objective, double[] v, double l1, Penalties pen, IntPredicate eligible, IntConsumer discard, boolean sequential) {
        if (!(gap < Double.POSITIVE_INFINITY) || !(l1 > 0)) return 0;
        if (norms == null) formNorms();
        applications++;
        double rho = radius(gap, 1e-12 * objective);
        int count = 0;
        for (int j = 0; j < v.length; j++) {
            double threshold = l1 * pen.a(j);
            if (!(threshold > 0) || screened[j] || !eligible.test(j)) continue;
            if (Math.abs(v[j]) + norms[j] * rho + rounding[j] < threshold) {
                screened[j] = true;
                discard.accept(j);
                count++;
            }
        }
        screenedInSolve += count;
        screenedTotal += count;
        if (sequential) screenedSequentially += count;
        if (TRACE) {
            TOTALS.addAndGet(0, count);
            TOTALS.addAndGet(1, sequential ? count : 0);
            TOTALS.incrementAndGet(2);
        }
        return count;
    }

    private void formNorms() {
        double[] sq = squares.get();
        int p = sq.length;
        norms = new double[p];
        rounding = new double[p];
        double root = Math.sqrt(rowWeightSum);
        for (int j = 0; j < p; j++) {
            // the norm itself is a sum of n non-negative terms: raised by its relative rounding bound
            norms[j] = Math.sqrt(Math.max(sq[j], 0.0)) * (1 + 2 * n * 0x1p-53);
            // ‖xⱼ‖_S ≤ ‖x̃ⱼ‖_S + |x̄ⱼ|·‖1‖_S, and ‖u‖_{S⁻¹} ≤ √Σs (class comment)
            double uncentred = norms[j] + (mean == null ? 0.0 : Math.abs(mean[j]) * root);
            rounding[j] = 2 * n * 0x1p-52 * uncentred * root * (1 + 1e-9);
        }
    }
}
