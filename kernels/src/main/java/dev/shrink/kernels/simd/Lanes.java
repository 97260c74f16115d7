package dev.shrink.kernels.simd;

/**
 * The few row operations the Cholesky solves and the triangular panel solve need, on one vector width. Several
 * accumulators in the dot product, reduced once after the loop (as in Lucene's {@code PanamaVectorUtilSupport});
 * scalar tails. Implementations differ only in their species constant.
 */
abstract class Lanes {

    /** Σ x[xo + i]·y[yo + i], i &lt; n. */
    abstract double dot(int n, double[] x, int xo, double[] y, int yo);

    /** y[yo + i] += alpha·x[xo + i], i &lt; n. */
    abstract void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo);

    /**
     * Forward substitution on four rows of a panel at once (the TRSM of the blocked Cholesky): for j &lt; jb,
     * x = a[r + j]·inv[j] replaces a[r + j], then a[r + k] −= x·u[j·jb + k] for j &lt; k &lt; jb; u holds L11ᵀ row-major.
     */
    abstract void solveRows4(int jb, double[] u, double[] inv, double[] a, int r0, int r1, int r2, int r3);

    /** x[xo + i] *= alpha, i &lt; n. */
    abstract void scale(int n, double alpha, double[] x, int xo);

    static Lanes forBits(int bits) {
        return switch (bits) {
            case 512 -> new Lanes512();
            case 256 -> new Lanes256();
            case 128 -> new Lanes128();
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }
}
