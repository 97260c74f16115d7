package dev.shrink.solvers.cd;

/**
 * Bounds on x̃ⱼᵀR from a value read at an earlier full check, by projection on that check's residual R₀: for any α,
 * x̃ⱼᵀR = α·x̃ⱼᵀR₀ + x̃ⱼᵀ(R − αR₀), so |x̃ⱼᵀR| ≤ |α|·(|gⱼ| + eⱼ) + ‖x̃ⱼ‖·‖R − αR₀‖ (gⱼ read with error at most eⱼ),
 * and α = ⟨R, R₀⟩/‖R₀‖² makes the second term the distance of R from the line through R₀. Along a lasso path the
 * residual mostly shrinks along itself (R ≈ (λ'/λ)·R₀ once the support is nearly complete), so this is often ten times
 * tighter than the residual's drift ‖R − R₀‖ times ‖x̃ⱼ‖, and far fewer columns need reading at a check. On sparse X
 * the distance term is also bounded by Hölder's inequality, |x̃ⱼᵀv| ≤ aⱼ‖v‖∞ + bⱼ|Σᵢsᵢvᵢ| with aⱼ ≈ Σᵢsᵢ|xᵢⱼ| over
 * the column's few stored entries ({@link CdProblem#holderConstants}): a column of k entries then gains about
 * √(n/k)·‖v‖/(√n·‖v‖∞) over ‖x̃ⱼ‖‖v‖, which for text-like columns (k ≪ n) and a residual change spread over many rows
 * is the tighter of the two (used for the entries of the last check: most of those still kept).
 *
 * <p>A check's cost here is a few passes over n values: ‖R‖², one ⟨R, R₀⟩ per kept check (the distance is
 * √(‖R‖² − α⟨R, R₀⟩) with a rounding margin, no pass over R − αR₀) and, for Hölder's terms, one difference.
 *
 * <p>The residuals of the last {@value #KEPT} checks are kept (n values each) where that is small against the data
 * ({@link CdProblem#residualLength} times {@value #KEPT} at most a quarter of the stored entries); an entry whose check
 * is older, or that was read outside a check, has no such bound (+∞: the drift bound decides).
 */
final class Epochs {
    static final int KEPT = 4;
    /** The check from which Hölder's bound is prepared (its terms serve the checks after it). */
    static final int HOLDER_FROM = 3;
    private final int p;
    private int[] epochOf;
    private double[] errorOf;
    private double[][] residuals;
    private final double[] alpha = new double[KEPT];
    private final double[] rest = new double[KEPT];
    /** ‖R − αR₀‖∞ and |Σᵢsᵢ(R − αR₀)ᵢ| (Hölder's bound, where the problem has its constants), and ‖R₀‖∞. */
    private final double[] sups = new double[KEPT];
    private final double[] sums = new double[KEPT];
    private final double[] maxAbs = new double[KEPT];
    /** ‖R₀‖² of each kept residual. */
    private final double[] norms2 = new double[KEPT];
    private static final dev.shrink.kernels.Level1 LEVEL1 = dev.shrink.kernels.KernelProvider.get().level1();
    private double[] absSums;
    private double[] centring;
    private double weightTotal;
    private double[] diff;
    private int epoch = -1;
    private boolean active;

    Epochs(int p) {
        this.p = p;
    }

    /**
     * A full check begins: the bounds of the kept checks' entries for the current residual, which becomes the newest
     * kept one.
     */
    void begin(CdProblem problem) {
        int n = problem.residualLength();
        active = n > 0 && (double) KEPT * n <= 0.25 * problem.storedEntries();
        if (!active) return;
        if (residuals == null) {
            residuals = new double[KEPT][n];
            diff = new double[n];
            epochOf = new int[p];
            errorOf = new double[p];
            java.util.Arrays.fill(epochOf, -1);
        }
        if (epoch + 1 == HOLDER_FROM) {
            // Hölder's constants cost a pass over X: taken once a problem has had a few checks (a path), not for a
            // single fit that ends after one or two
            double[][] h = problem.holderConstants();
            if (h != null) {
                absSums = h[0];
                centring = h[1];
                if (centring != null) {
                    java.util.Arrays.fill(diff, 1.0);
                    weightTotal = problem.residualSum(diff);
                }
            }
        }
        // the slot of the oldest kept check is reused: after this check its entries bound nothing any more
        int slot = (epoch + 1) % KEPT;
        double[] current = residuals[slot];
        problem.residual(current);
        double norm2 = problem.norm2(current);
        double currentMax = absSums == null ? 0.0 : LEVEL1.maxAbs(n, current, 0);
        for (int e = Math.max(0, epoch - KEPT + 2); e <= epoch; e++) {
            int kept = e % KEPT;
            double r0r0 = norms2[kept];
            double dot = problem.residualDot(current, residuals[kept]);
            double a = r0r0 > 0 ? dot / r0r0 : 0.0;
            alpha[kept] = a;
            // ‖R − αR₀‖² = ‖R‖² − α⟨R, R₀⟩ at the projection, raised by the rounding of the two n-term sums (each within
            // n·ε of Σ|terms| ≤ the norms' product) and of the products: no pass over R − αR₀ is needed
            double slack = (2.0 * (n + 2) * 0x1p-52 + 0x1p-50) * (norm2 + Math.abs(a) * Math.sqrt(norm2 * r0r0));
            rest[kept] = Math.sqrt(Math.max(0.0, norm2 - a * dot) + slack);
            sups[kept] = Double.POSITIVE_INFINITY;
            if (absSums != null && e == epoch && e >= HOLDER_FROM) {
                // Hölder's terms for the last check's entries (most of those still kept): the largest entry and the weighted
                // sum of R − αR₀, each raised by the rounding of the subtraction (2ε relative per entry) and of the n-term
                // sum (n·ε·Σsᵢ·max)
                double[] r0 = residuals[kept];
                for (int i = 0; i < n; i++) diff[i] = current[i] - a * r0[i];
                double sup = LEVEL1.maxAbs(n, diff, 0) + 0x1p-51 * (currentMax + Math.abs(a) * maxAbs[kept]);
                sups[kept] = sup;
                sums[kept] = centring == null ? 0.0 : Math.abs(problem.residualSum(diff)) + (n + 2) * 0x1p-52 * weightTotal * sup;
            }
        }
        epoch++;
        norms2[slot] = norm2;
        alpha[slot] = 1.0;
        rest[slot] = 0.0;
        sups[slot] = 0.0;
        sums[slot] = 0.0;
        maxAbs[slot] = currentMax;
    }

    /** Feature j was read at the current check with error at most {@code error}. */
    void read(int j, double error) {
        if (!active) return;
        epochOf[j] = epoch;
        errorOf[j] = error;
    }

    /** Feature j was read outside a check: no bound by projection for it. */
    void forget(int j) {
        if (epochOf != null) epochOf[j] = -1;
    }

    /**
     * The bound by projection on |x̃ⱼᵀR| (R the current check's residual) from its value g, or +∞: the distance term
     * the smaller of ‖x̃ⱼ‖·‖R − αR₀‖ and Hölder's aⱼ‖R − αR₀‖∞ + bⱼ|Σᵢsᵢ(R − αR₀)ᵢ| where the problem has its constants.
     */
    double bound(int j, double g, double columnNorm) {
        if (!active) return Double.POSITIVE_INFINITY;
        int e = epochOf[j];
        if (e < 0 || epoch - e >= KEPT) return Double.POSITIVE_INFINITY;
        int slot = e % KEPT;
        double distance = columnNorm * rest[slot];
        if (absSums != null && sups[slot] < Double.POSITIVE_INFINITY) {
            double holder = absSums[j] * sups[slot] + (centring == null ? 0.0 : centring[j] * sums[slot]);
            distance = Math.min(distance, holder);
        }
        return Math.abs(alpha[slot]) * (g + errorOf[j]) + distance;
    }

    /** {@link #bound} with the Euclidean distance term only (for tests: how often Hölder's is the tighter one). */
    double euclideanBound(int j, double g, double columnNorm) {
        if (!active) return Double.POSITIVE_INFINITY;
        int e = epochOf[j];
        if (e < 0 || epoch - e >= KEPT) return Double.POSITIVE_INFINITY;
        int slot = e % KEPT;
        return Math.abs(alpha[slot]) * (g + errorOf[j]) + columnNorm * rest[slot];
    }
}
