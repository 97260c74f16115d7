package dev.shrink.solvers.glm;

import dev.shrink.kernels.GlmRows;
import dev.shrink.kernels.KernelProvider;

/**
 * The loss of a generalised linear model as the engine sees it: {@code F(η) = Σᵢ sᵢ·ℓ(yᵢ, ηᵢ)} over the linear
 * predictors ηᵢ ∈ ℝᴷ (K = {@link #outputs()}: 1 for binomial and Poisson, the number of classes for multinomial),
 * with row weights sᵢ ≥ 0 that carry every scaling (scikit-learn's C·sᵢ, glmnet's sᵢ/n). Per-row arrays are
 * class-major ({@code η[c·n + i]}).
 *
 * <p>Each family supplies its derivatives for the Newton model and the Fenchel–Young gap of its conjugate for the
 * duality gap: for a dual point u, {@code Σᵢ sᵢ·(ℓ(ηᵢ) + ℓ*(tᵢ) − tᵢ·ηᵢ)} with tᵢ = uᵢ/sᵢ, a non-negative sum that
 * vanishes at u = ∇F(η) — evaluated as a sum of Kullback–Leibler divergences from δ = u − ∇F(η), so that it is accurate
 * relative to its own size (the conjugates: negative entropies, see each family).
 */
abstract class Family {
    /** The per-row terms of every family's loss, derivatives and gap (one pass over the rows, vector exp and log). */
    static final GlmRows ROWS = KernelProvider.get().glmRows();

    final int n;
    /** Row weights sᵢ ≥ 0 (all scalings included). */
    final double[] s;

    Family(int n, double[] s) {
        this.n = n;
        this.s = s;
    }

    /** K, the number of linear predictors per row. */
    abstract int outputs();

    /** F(η); +∞ when it overflows. */
    abstract double loss(double[] eta);

    /**
     * g ← ∇F(η) (n·K, class-major) and h ← the per-row second derivatives: for K = 1, h[i] = sᵢ·ℓ''(ηᵢ); for K &gt; 1,
     * the K(K+1)/2 blocks h[{@link #pair}(c, c')·n + i] = sᵢ·∂²ℓ/∂η_c∂η_c'.
     */
    abstract void derivatives(double[] eta, double[] g, double[] h);

    /**
     * Σᵢ sᵢ·(ℓ(ηᵢ) + ℓ*(tᵢ) − tᵢ·ηᵢ) at the dual point u = ∇F(η) + δ, tᵢ = uᵢ/sᵢ (class-major like η); +∞ when u is
     * outside the conjugate's domain beyond rounding.
     */
    abstract double fenchelYoung(double[] eta, double[] delta);

    /**
     * {@link #fenchelYoung} at the dual point u = g + t·(u₀ − g) on the segment from g = ∇F(η) towards u₀ (null: the
     * origin), δᵢ = t·(u₀ᵢ − gᵢ) with exactly that rounding. This default forms δ in a kept K·n array; a family may
     * fuse it into its own pass over the rows (no array, one trip through memory).
     */
    double fenchelYoung(double[] eta, double[] g, double[] u0, double t) {
        if (scratch == null) scratch = new double[outputs() * n];
        for (int i = 0; i < scratch.length; i++) scratch[i] = t * ((u0 == null ? 0.0 : u0[i]) - g[i]);
        return fenchelYoung(eta, scratch);
    }

    /** δ of the default {@link #fenchelYoung(double[], double[], double[], double)}, kept between calls. */
    private double[] scratch;

    /**
     * The intercepts of the intercept-only model (b minimising F(b·1)), into b[0 .. K); null when there is none
     * (e.g. a Poisson response that is all zero).
     */
    abstract double[] nullIntercepts();

    /** Index of the pair (c, c') of classes, c ≤ c' &lt; K, in the packed blocks of {@link #derivatives}. */
    static int pair(int c, int c2, int k) {
        if (c > c2) return pair(c2, c, k);
        return c * k - c * (c - 1) / 2 + (c2 - c);
    }

    /** Number of packed pairs K(K+1)/2. */
    static int pairs(int k) {
        return k * (k + 1) / 2;
    }

    /**
     * F(η), with g and h set as {@link #derivatives} sets them, in one pass over the rows where the family can share its
     * transcendental terms (a line search's trial that is accepted then needs no second pass for its derivatives). The
     * value is the same as {@link #loss}'s and g, h the same as {@link #derivatives}'s, to the bit.
     */
    double lossAndDerivatives(double[] eta, double[] g, double[] h) {
        derivatives(eta, g, h);
        return loss(eta);
    }

    /**
     * A lower bound of {@link #fenchelYoung(double[], double[])} at the dual point u = g + δ from g and δ alone, with no
     * transcendental function (enough to show that a gap exceeds a tolerance without its Fenchel–Young pass); NaN when u
     * lies outside the conjugate's domain beyond rounding (its gap certifies nothing). This default: 0 (the sum is
     * non-negative), NaN never.
     */
    double fenchelYoungFloor(double[] g, double[] delta) {
        return 0.0;
    }
}
