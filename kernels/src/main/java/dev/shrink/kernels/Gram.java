package dev.shrink.kernels;

/**
 * Gram matrices (BLAS {@code dsyrk}): G = XᵀX or G = XᵀDX with D = diag(weights), and the cross-product Xᵀy (XᵀDy)
 * in the same pass over X; X is any {@link DenseMatrix} (flat double or float32 storage, or row arrays), read in place.
 *
 * <p>G is p×p (p = X.cols()), written row-major at {@code g[gOffset + i·ldg + j]} with {@code ldg ≥ p}; <b>both
 * triangles are filled</b> and G is exactly symmetric. Elements of g between rows (columns p .. ldg) are untouched.
 * Bound per element against exact arithmetic (float32 elements are exact in double):
 * {@code |ΔGᵢⱼ| ≤ 2·n·ε·Σₖ dₖ|xₖᵢxₖⱼ|}, ε = 2⁻⁵³.
 *
 * <p>{@link #gramFloat32} computes the same product in float32 arithmetic (twice the lanes per FMA, half the bytes):
 * for preconditioners and float32 users; its bound is stated in float32 units.
 */
public interface Gram {

    /**
     * G ← XᵀDX and, when {@code y != null}, xty ← XᵀDy, in double arithmetic.
     *
     * @param x       the n×p design, any storage and layout
     * @param weights n non-negative weights at {@code weights[0 .. n)}, or null for D = I
     * @param y       n responses at {@code y[0 .. n)}, or null to skip Xᵀy (then xty is ignored)
     * @param g       output, p×p row-major with leading dimension ldg
     * @param xty     output, p values at {@code xty[xtyOffset ..)} when y is given
     */
    void gram(DenseMatrix x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset);

    /** G ← XᵀX with both triangles filled, into a fresh p×p row-major array. */
    default double[] gram(DenseMatrix x) {
        double[] g = new double[Checks.elements("the Gram matrix", x.cols(), x.cols())];
        gram(x, null, null, g, 0, Math.max(1, x.cols()), null, 0);
        return g;
    }

    /**
     * G ← X̃ᵀX̃ in float32 arithmetic, X̃ = D(X − 1cᵀ): each element {@code sₖ·(xₖⱼ − cⱼ)} is formed in double and
     * rounded once to float32, then the products are accumulated in float32 (FMA). Both triangles are filled and G is
     * exactly symmetric. Bound per element against the exact X̃ᵀX̃: {@code |ΔGᵢⱼ| ≤ 2·(n + 1)·ε₃₂·Σₖ|x̃ₖᵢx̃ₖⱼ|},
     * ε₃₂ = 2⁻²⁴ (a rounding of each factor, then n accumulations), as long as nothing overflows float32
     * (|x̃| ≲ 1.8e19 keeps the products finite).
     *
     * @param x        the n×p design, any storage and layout
     * @param center   p values c subtracted from the columns, or null for c = 0
     * @param rowScale n values s multiplying the rows (e.g. √weights), or null for s = 1
     * @param g        output, p×p row-major float32 with leading dimension ldg
     */
    void gramFloat32(DenseMatrix x, double[] center, double[] rowScale, float[] g, int gOffset, int ldg);

    /** G ← XᵀX in float32 arithmetic, into a fresh p×p row-major array. */
    default float[] gramFloat32(DenseMatrix x) {
        float[] g = new float[Checks.elements("the Gram matrix", x.cols(), x.cols())];
        gramFloat32(x, null, null, g, 0, Math.max(1, x.cols()));
        return g;
    }
}
