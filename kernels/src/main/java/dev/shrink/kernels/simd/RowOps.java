package dev.shrink.kernels.simd;

/**
 * The few row operations the Cholesky solves and the triangular panel solve need, on one vector width. Several
 * accumulators in the dot product, reduced once after the loop (as in Lucene's {@code PanamaVectorUtilSupport});
 * scalar tails. Implemented once, by the template {@code VectorRowOps}, specialized per width.
 */
abstract class RowOps {

    /** Σ x[xo + i]·y[yo + i], i &lt; n. */
    abstract double dot(int n, double[] x, int xo, double[] y, int yo);

    /** y[yo + i] += alpha·x[xo + i], i &lt; n. */
    abstract void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo);

    /**
     * Forward substitution on one packed panel of nr rows (the TRSM of the blocked Cholesky), column j of the panel
     * at {@code p[off + j·nr .. + nr)}: for j &lt; jb, x_j = P_j·inv[j] replaces P_j, then P_k −= x_j·u[j·jb + k] for
     * j &lt; k &lt; jb; u holds L11ᵀ row-major. nr is a multiple of the lanes; every row of the panel is solved.
     */
    abstract void solvePacked(int jb, double[] u, double[] inv, double[] p, int off, int nr);

    /** Σ x[xo + i]·y[yo + i], i &lt; n, in float32 (the float32 Cholesky's pivots). */
    abstract float dot(int n, float[] x, int xo, float[] y, int yo);

    /**
     * out[q] = Σ a[r_q + i]·v[vo + i], i &lt; n, for the four rows r0 … r3, in float32: the float32 Cholesky's column
     * step, four rows per pass sharing each load of v.
     */
    abstract void dots4(int n, float[] a, int r0, int r1, int r2, int r3, float[] v, int vo, float[] out);

    /**
     * out[4q + c] = Σ a[r_q + i]·a[s_c + i], i &lt; n, for the rows r0 … r3 and s0 … s3 of one array, in float32: the
     * float32 Cholesky's step of four columns, each load serving four FMAs (16 accumulators).
     */
    abstract void dots4x4(int n, float[] a, int r0, int r1, int r2, int r3, int s0, int s1, int s2, int s3, float[] out);

    /** x[xo + i] *= alpha, i &lt; n. */
    abstract void scale(int n, double alpha, double[] x, int xo);

    /** The row operations for a vector width of 128, 256 or 512 bits ({@code VectorRowOps} specialized by {@link Specialization}). */
    static RowOps forBits(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        }
        return Specialization.instance("VectorRowOps", RowOps.class, Specialization.speciesOf(bits));
    }
}
