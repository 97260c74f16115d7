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

    /** Four rows at once, sharing each load of x: y[yr + i] += ar·x[xo + i] for r = 0..3, i &lt; n. */
    abstract void axpy4(int n, double a0, double a1, double a2, double a3, double[] x, int xo, double[] y, int y0, int y1, int y2, int y3);

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
