package dev.shrink.kernels;

/**
 * Gram matrices (BLAS {@code dsyrk}): G = XᵀX or G = XᵀDX with D = diag(weights), and the cross-product Xᵀy (XᵀDy)
 * in the same pass over X.
 *
 * <p>G is p×p (p = X.cols()), written row-major at {@code g[gOffset + i·ldg + j]} with {@code ldg ≥ p}; <b>both
 * triangles are filled</b> and G is exactly symmetric. Elements of g between rows (columns p .. ldg) are untouched.
 * Bound per element against exact arithmetic: {@code |ΔGᵢⱼ| ≤ 2·n·ε·Σₖ dₖ|xₖᵢxₖⱼ|}.
 */
public interface Gram {

    /**
     * G ← XᵀDX and, when {@code y != null}, xty ← XᵀDy.
     *
     * @param x       the n×p design, either layout
     * @param weights n non-negative weights at {@code weights[0 .. n)}, or null for D = I
     * @param y       n responses at {@code y[0 .. n)}, or null to skip Xᵀy (then xty is ignored)
     * @param g       output, p×p row-major with leading dimension ldg
     * @param xty     output, p values at {@code xty[xtyOffset ..)} when y is given
     */
    void gram(MatrixView x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset);

    /** G ← XᵀX with both triangles filled, into a fresh p×p row-major array. */
    default double[] gram(MatrixView x) {
        double[] g = new double[Checks.elements("the Gram matrix", x.cols(), x.cols())];
        gram(x, null, null, g, 0, Math.max(1, x.cols()), null, 0);
        return g;
    }
}
