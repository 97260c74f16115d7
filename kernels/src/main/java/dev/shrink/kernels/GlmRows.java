package dev.shrink.kernels;

/**
 * The per-row terms of the smooth GLM losses, each in one pass over the linear predictors z: the value, the residual
 * (the gradient's factor per row) and the curvature (the IRLS weight) of the binomial, Poisson and multinomial negative
 * log-likelihoods, and the Fenchel–Young (Kullback–Leibler) terms of their duality gaps. These are the O(n)
 * transcendental loops of L-BFGS and proximal Newton; the Vector API implementation takes exp, log and log1p lanewise.
 *
 * <p>Every method reads rows {@code [from, to)} of the arrays it is given, all indexed by the same row i: z[i], y[i],
 * s[i], r[i], h[i] (for the multinomial, class c of row i sits at {@code [c·ld + i]} of z, r, p, g and u0; labels and
 * weights at [i]). Outputs are written only at those rows. Weights s null: every sᵢ = 1. A row with sᵢ = 0 adds nothing
 * to a returned sum, even where its term is infinite or NaN (residuals and curvatures follow their formula). An
 * output array must not overlap an input.
 *
 * <p>Error bounds against exact arithmetic on the given inputs, ε = 2⁻⁵³: the implementations may differ by the sum
 * of their two bounds. They come from exp, log and log1p within 4 ulps ({@link #exp}, {@link #log1p}: the Vector API
 * implementation's own, from IEEE operations only, within 2 ulps; the scalar reference's {@link Math#exp} and
 * {@link Math#log} within 1 and its log1p through {@link Math#log} within 4), additions in any order (n-term sums:
 * (n − 1)·ε relative to the sum of magnitudes), and the rounding of each other operation.
 *
 * <p>Every implementation is deterministic: the same inputs give the same bits on every call, however warm the JVM
 * (no function whose result depends on whether the JIT has compiled the caller).
 */
public interface GlmRows {

    /**
     * Logistic rows, labels yᵢ ∈ [0, 1]: returns {@code Σ sᵢ·ℓᵢ}, {@code ℓᵢ = log(1 + e^{zᵢ}) − yᵢzᵢ}, evaluated as
     * {@code aᵢ + log1p(e^{−|zᵢ|})} with aᵢ = (1 − yᵢ)·zᵢ for zᵢ ≥ 0 and −yᵢ·zᵢ otherwise (no overflow at any z); when
     * given, {@code r[i] = c·sᵢ·(σ(zᵢ) − yᵢ)} and {@code h[i] = c·sᵢ·σ(zᵢ)(1 − σ(zᵢ))}, σ(z) = 1/(1 + e^{−z}), both
     * from νᵢ = e/(1 + e), e = e^{−|zᵢ|}, the smaller of σ and 1 − σ, so that neither cancels.
     * Bounds, with μ⁻ᵢ = min(yᵢ, 1 − yᵢ) (0 for labels 0 and 1, where every term is a sum of non-negative parts):
     * {@code |Δsum| ≤ (n + 16)·ε·Σ sᵢ·(ℓᵢ + 2μ⁻ᵢ·|zᵢ|)}, {@code |Δrᵢ| ≤ 16ε·c·sᵢ·(|σ(zᵢ) − yᵢ| + μ⁻ᵢ)},
     * {@code |Δhᵢ| ≤ 16ε·hᵢ}; s ≥ 0, c ≥ 0.
     *
     * @param r residuals, or null
     * @param h curvatures, or null
     */
    double logistic(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h);

    /**
     * Poisson rows (log link), counts yᵢ ≥ 0: returns {@code Σ sᵢ·(μᵢ − yᵢzᵢ)}, μᵢ = e^{zᵢ}; when given,
     * {@code r[i] = c·sᵢ·(μᵢ − yᵢ)} and {@code h[i] = c·sᵢ·μᵢ}. Bounds: {@code |Δsum| ≤ (n + 16)·ε·Σ sᵢ·(μᵢ + |yᵢzᵢ|)},
     * {@code |Δrᵢ| ≤ 16ε·c·sᵢ·(μᵢ + yᵢ)}, {@code |Δhᵢ| ≤ 16ε·hᵢ}; s ≥ 0, c ≥ 0.
     */
    double poisson(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h);

    /**
     * Multinomial (softmax) rows over k ≥ 1 classes, class c of row i at {@code [c·ld + i]}, labels as class indices
     * 0 .. k − 1 stored in doubles: returns {@code Σ sᵢ·(mᵢ + log Sᵢ − z_{i,yᵢ})}, mᵢ = max_c z_ic,
     * Sᵢ = Σ_c e^{z_ic − mᵢ} (the log-sum-exp without overflow); when given, the probabilities
     * {@code p[c·ld + i] = e^{z_ic − mᵢ}/Sᵢ} and the residuals {@code r[c·ld + i] = c·sᵢ·(p_ic − [yᵢ = c])} (weight
     * named cs here). Bounds, with ℓᵢ the row's term: {@code |Δsum| ≤ (n + 2k + 16)·ε·Σ sᵢ·(ℓᵢ + |mᵢ| + |z_{i,yᵢ}| + 1)},
     * {@code |Δp_ic| ≤ (2k + 16 + |z_ic − mᵢ|)·ε·p_ic}, {@code |Δr_ic| ≤ (2k + 16 + |z_ic − mᵢ|)·ε·cs·sᵢ·(p_ic + [yᵢ = c])}.
     *
     * @param ld distance between classes in z, r and p, at least {@code to − from}
     * @param p  probabilities, or null
     * @param r  residuals, or null
     */
    double softmax(int from, int to, int k, int ld, double cs, double[] z, double[] label, double[] s, double[] p, double[] r);

    /**
     * The binomial Fenchel–Young terms at a dual point: {@code Σ sᵢ·KL(qᵢ ‖ μᵢ)} over rows with sᵢ ≠ 0, the
     * Kullback–Leibler divergence of Bernoulli laws, μᵢ = σ(zᵢ), dᵢ = δᵢ/sᵢ with {@code δᵢ = t·(u0ᵢ − gᵢ)} (u0 or g
     * null: 0), qᵢ = min(1, max(0, μᵢ + dᵢ)), evaluated as {@code q·log1p(d/μ) + (1 − q)·log1p(−d/ν)} (a part dropped
     * where its factor q or 1 − q is 0), ν = 1 − μ formed without cancellation. Bound: with Aᵢ the sum of the two parts'
     * magnitudes, {@code |Δ| ≤ ε·Σ sᵢ·(n·KLᵢ + 64·Aᵢ + 320·|dᵢ|)} (the last term: a q within rounding of 0 or 1).
     */
    double logisticDivergence(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t);

    /**
     * A lower bound of {@link #logisticDivergence} at δ, without a transcendental function (Pinsker's inequality
     * KL(q ‖ μ) ≥ 2(q − μ)²): returns {@code 2·Σ δᵢ²/sᵢ} over rows with sᵢ ≠ 0, each term formed as (δᵢ·δᵢ)/sᵢ; NaN when
     * such a row's {@code qᵢ = yᵢ + (gᵢ + δᵢ)/sᵢ} is NaN or lies outside [−slack, 1 + slack] (the dual point leaves the
     * conjugate's domain). Every qᵢ rounds as written in both implementations, so they agree on NaN; bound on the sum:
     * {@code |Δ| ≤ (n + 1)·ε·sum}. g and delta must not be null.
     */
    double logisticFloor(int from, int to, double[] y, double[] s, double[] g, double[] delta, double slack);

    /**
     * The Poisson Fenchel–Young terms: {@code Σ sᵢ·(q·log1p(dᵢ/μᵢ) − dᵢ)} over rows with sᵢ ≠ 0 (the first part
     * dropped where q = 0), μᵢ = e^{zᵢ}, dᵢ and δᵢ as {@link #logisticDivergence}, q = max(0, μᵢ + dᵢ) — the generalised
     * KL divergence q·log(q/μ) − (q − μ). Bound: {@code |Δ| ≤ ε·Σ sᵢ·(n·|termᵢ| + 64·(|q·log1p(dᵢ/μᵢ)| + |dᵢ|) + 320·|dᵢ|)}.
     */
    double poissonDivergence(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t);

    /**
     * The multinomial Fenchel–Young terms: {@code Σ sᵢ·Σ_c q_c·log1p(d_c/p_c)} over rows with sᵢ ≠ 0 (a class dropped
     * where q_c = 0), p = softmax of row i as {@link #softmax}, d_c = δ_ic/sᵢ with {@code δ_ic = t·(u0 − g)} at
     * {@code [c·ld + i]}, q_c = min(1, max(0, p_c + d_c)): KL(q ‖ p) between class distributions. Bound:
     * {@code |Δ| ≤ ε·Σ sᵢ·(n·KLᵢ + Σ_c ((2k + 64 + |z_ic − mᵢ|)·|q_c·log1p(d_c/p_c)| + (2k + 320 + |z_ic − mᵢ|)·|d_c|))}.
     */
    double softmaxDivergence(int from, int to, int k, int ld, double[] z, double[] s, double[] g, double[] u0, double t);

    /** out[i] = e^{x[i]} for rows [from, to): within 2 ulps (vector), 1 ulp (scalar, {@link Math#exp}); out may be x. */
    void exp(int from, int to, double[] x, double[] out);

    /** out[i] = log(1 + x[i]) for rows [from, to): within 2 ulps (vector), 4 ulps (scalar); out may be x. */
    void log1p(int from, int to, double[] x, double[] out);
}
