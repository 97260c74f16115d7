package dev.shrink.kernels;

/**
 * Proximal and penalized-step kernels for L1 / elastic-net and group (L2-norm) penalties (Parikh &amp; Boyd, "Proximal Algorithms", 2014,
 * §6.5). {@code S(v, t) = sign(v)·max(|v| − t, 0)} is the soft-threshold. Output ranges may equal the input range
 * (in place) but must not overlap it otherwise. NaN in an input gives NaN in that output element.
 *
 * <p>{@link #softThreshold} and {@link #elasticNetProx} round exactly as the formula written, so every implementation
 * gives identical results (a zero result may differ in sign). The steps with a multiply-add may be fused (FMA);
 * their bound per element is stated on each method.
 */
public interface Proximal {

    /** out ← S(x, t) elementwise, t ≥ 0. */
    void softThreshold(int n, double t, double[] x, int xOffset, double[] out, int outOffset);

    /** out ← S(x, l1) / (1 + l2): the proximal operator of l1·|w| + (l2/2)·w², l1, l2 ≥ 0. */
    void elasticNetProx(int n, double l1, double l2, double[] x, int xOffset, double[] out, int outOffset);

    /**
     * The fused penalized gradient step of proximal gradient descent (ISTA/FISTA) in one pass, in place on w:
     * {@code w ← S(w − η·(g + l2·w), η·l1)}. Bound per element: {@code |Δ| ≤ 4ε·(|w| + η|g| + η·l2·|w|)}.
     */
    void penalizedGradientStep(int n, double eta, double l1, double l2, double[] w, int wOffset, double[] g, int gOffset);

    /**
     * Block soft-thresholding, the proximal operator of {@code t·‖w‖₂} (Parikh &amp; Boyd 2014, §6.5.1) times a factor:
     * {@code out ← c·max(0, 1 − t/‖x‖₂)·x}, and returns ‖x‖₂. The whole block is zeroed when ‖x‖₂ ≤ t (also for
     * x = 0); an infinite element makes the norm +∞ (so out = c·x), a NaN makes every output element NaN. The norm
     * neither overflows nor underflows for any finite x (as {@link Level1#norm2}). Group lasso and multi-task coordinate
     * descent take their block step through this kernel: c = 1/(1 + l2) (or 1/curvature) fuses the ridge part.
     * Bound per element against exact arithmetic: {@code |Δoutᵢ| ≤ (n + 8)·ε·c·|xᵢ|}; t, c ≥ 0 finite.
     */
    double groupSoftThreshold(int n, double t, double c, double[] x, int xOffset, double[] out, int outOffset);

    /**
     * The coordinate-descent residual update after coordinate j moved by δ: {@code r ← r − δ·xⱼ}, where column j
     * of X is {@code x[xOffset + i·incX]}, i &lt; n (incX = 1 for column-major X, ld for row-major X), incX ≥ 1.
     * Bound per element: {@code |Δ| ≤ 2ε·(|rᵢ| + |δ·xᵢ|)}.
     */
    void residualUpdate(int n, double delta, double[] x, int xOffset, int incX, double[] r, int rOffset);
}
