package dev.shrink.solvers.cd;

/**
 * Bounds on x̃ⱼᵀR from a value read at an earlier full check, by projection on that check's residual R₀: for any α,
 * x̃ⱼᵀR = α·x̃ⱼᵀR₀ + x̃ⱼᵀ(R − αR₀), so |x̃ⱼᵀR| ≤ |α|·(|gⱼ| + eⱼ) + ‖x̃ⱼ‖·‖R − αR₀‖ (gⱼ read with error at most eⱼ),
 * and α = ⟨R, R₀⟩/‖R₀‖² makes the second term the distance of R from the line through R₀. Along a lasso path the
 * residual mostly shrinks along itself (R ≈ (λ'/λ)·R₀ once the support is nearly complete), so this is often ten times
 * tighter than the residual's drift ‖R − R₀‖ times ‖x̃ⱼ‖, and far fewer columns need reading at a check.
 *
 * <p>The residuals of the last {@value #KEPT} checks are kept (n values each) where that is small against the data
 * ({@link CdProblem#residualLength} times {@value #KEPT} at most a quarter of the stored entries); an entry whose check
 * is older, or that was read outside a check, has no such bound (+∞: the drift bound decides).
 */
final class Epochs {
    static final int KEPT = 4;
    private final int p;
    private int[] epochOf;
    private double[] errorOf;
    private double[][] residuals;
    private final double[] alpha = new double[KEPT];
    private final double[] rest = new double[KEPT];
    private double[] current;
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
            current = new double[n];
            diff = new double[n];
            epochOf = new int[p];
            errorOf = new double[p];
            java.util.Arrays.fill(epochOf, -1);
        }
        problem.residual(current);
        double norm = Math.sqrt(problem.norm2(current));
        for (int e = Math.max(0, epoch - KEPT + 1); e <= epoch; e++) {
            double[] r0 = residuals[e % KEPT];
            double r0r0 = problem.norm2(r0);
            double a = r0r0 > 0 ? problem.residualDot(current, r0) / r0r0 : 0.0;
            for (int i = 0; i < n; i++) diff[i] = current[i] - a * r0[i];
            alpha[e % KEPT] = a;
            // the distance, raised by a bound on the rounding of the subtraction that forms it
            rest[e % KEPT] = Math.sqrt(problem.norm2(diff)) + 1e-12 * (norm + Math.abs(a) * Math.sqrt(r0r0));
        }
        epoch++;
        System.arraycopy(current, 0, residuals[epoch % KEPT], 0, n);
        alpha[epoch % KEPT] = 1.0;
        rest[epoch % KEPT] = 0.0;
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

    /** The bound by projection on |x̃ⱼᵀR| (R the current check's residual) from its value g, or +∞. */
    double bound(int j, double g, double columnNorm) {
        if (!active) return Double.POSITIVE_INFINITY;
        int e = epochOf[j];
        if (e < 0 || epoch - e >= KEPT) return Double.POSITIVE_INFINITY;
        int slot = e % KEPT;
        return Math.abs(alpha[slot]) * (g + errorOf[j]) + columnNorm * rest[slot];
    }
}
