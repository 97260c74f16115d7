package dev.shrink.solvers.glm;

/**
 * The working set's columns of the centred design X̃, gathered once (in the order they were added: slot t holds
 * feature {@link #feature(int) feature(t)}) so that every Newton step can form its weighted Gram matrix with one call
 * of the Gram kernel, and products with the working set cost n·m rather than n·p. Columns are only ever added.
 */
interface ColumnBlock {
    /** Number of columns m. */
    int size();

    /** The feature in slot t. */
    int feature(int slot);

    /** The slot of feature j, or −1 when it is not in the block. */
    int slot(int feature);

    /**
     * The cost of one {@link #gram} in multiply–adds of a column pass: a dense block's n·m² at the Gram kernel's
     * speed ({@value dev.shrink.solvers.internal.Thresholds#GRAM_SPEEDUP}× a column pass's per flop); a sparse block's
     * is its stored entries' row-wise products.
     */
    default double gramCost() {
        return (double) rows() * size() * size() / dev.shrink.solvers.internal.Thresholds.GRAM_SPEEDUP;
    }

    /** The cost of {@link #weightedProducts} for {@code count} new slots, as {@link #gramCost}: a dense block's n·m·count. */
    default double productsCost(int count) {
        return (double) rows() * size() * count;
    }

    /** Rows n of the columns. */
    int rows();

    /** Appends the features {@code features[0 .. count)} (those already present are skipped). */
    void add(int[] features, int count);

    /**
     * G ← Zᵀ·diag(d)·Z (m×m, row-major, both triangles) and zd ← Zᵀd, Z the block's columns; d ≥ 0 at d[dOffset ..).
     */
    void gram(double[] d, int dOffset, double[] g, double[] zd);

    /**
     * G ← Zᵀ·diag(d)·Z accumulated in float32 (a curvature estimate that needs no more: about half the time of
     * {@link #gram}), d of one sign at d[dOffset ..); zd ← Zᵀd in double. Bound per element as the kernel's
     * {@code gramFloat32}: 2(n + 1)·2⁻²⁴·Σᵢ|dᵢ·z_is·z_it|.
     */
    void gramSingle(double[] d, int dOffset, double[] g, double[] zd);

    /**
     * The weighted Gram columns of slots [from, m) against every slot: out[(t − from)·m + s] ← Σᵢ hᵢ·z_{i,t}·z_{i,s} for
     * s &lt; m, h at h[hOffset ..); zd holds Zᵀh of the slots [0, from) (a sparse block's mean correction uses it).
     */
    void weightedProducts(int from, double[] h, int hOffset, double[] zd, double[] out);

    /** out[outOffset + i] ← (Z·v)ᵢ for v at v[vOffset .. vOffset + m). */
    void multiply(double[] v, int vOffset, double[] out, int outOffset);

    /** out[outOffset + t] ← z_tᵀu for u at u[uOffset .. uOffset + n). */
    void multiplyTransposed(double[] u, int uOffset, double[] out, int outOffset);

    /**
     * The products of K right-hand sides at once, class-major: out[c·n + i] ← (Z·v_c)ᵢ for v_c at v[c·m ..), c &lt; k (the
     * change of every class's predictors along a multinomial step). This default makes k calls of {@link #multiply}.
     */
    default void multiply(double[] v, int k, double[] out) {
        for (int c = 0; c < k; c++) multiply(v, c * size(), out, c * rows());
    }

    /**
     * out[c·m + t] ← z_tᵀu_c for u_c at u[c·n ..), c &lt; k (every class's gradient on the block). This default makes k calls
     * of {@link #multiplyTransposed}.
     */
    default void multiplyTransposed(double[] u, int k, double[] out) {
        for (int c = 0; c < k; c++) multiplyTransposed(u, c * rows(), out, c * size());
    }

    /** Copies column {@code slot} into out[outOffset .. outOffset + n). */
    void column(int slot, double[] out, int outOffset);

    /** Σᵢ hᵢ·z_{i,slot}² for weights h at h[hOffset ..). */
    double weightedSquares(int slot, double[] h, int hOffset);

    /** out[outOffset + i] += d·hᵢ·z_{i,slot} for weights h at h[hOffset ..). */
    void axpyWeighted(int slot, double d, double[] h, int hOffset, double[] out, int outOffset);

    /** Σᵢ z_{i,slot}·aᵢ·bᵢ (b null: Σᵢ z_{i,slot}·aᵢ). */
    double dot(int slot, double[] a, int aOffset, double[] b, int bOffset);
}
