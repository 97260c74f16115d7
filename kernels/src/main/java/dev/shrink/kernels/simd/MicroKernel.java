package dev.shrink.kernels.simd;

/**
 * A register-tiled micro-kernel: one MR×NR block of C updated with the product of two packed panels,
 * {@code C ± Σₖ ã(k)·b̃(k)ᵀ} where {@code ã(k)} holds MR broadcast values and {@code b̃(k)} NR vector values
 * (BLIS, Van Zee &amp; van de Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality", TOMS 2015).
 *
 * <p>Packed layout: step k of the A panel is {@code a[aOff + k·aStride .. + MR)}, of the B panel
 * {@code b[bOff + k·NR .. + NR)}. The tile of C is {@code c[cOff + i·ldc + j]}, i &lt; MR, j &lt; NR, and must lie
 * inside c entirely; callers that own only part of a tile go through a scratch tile.
 */
abstract class MicroKernel {
    /** Rows of the tile (broadcast side). */
    final int mr;
    /** Columns of the tile (vector side): a whole number of vectors. */
    final int nr;
    /** Vector width in bits. */
    final int bits;

    MicroKernel(int mr, int nr, int bits) {
        this.mr = mr;
        this.nr = nr;
        this.bits = bits;
    }

    /** C tile ← C tile + (or − when subtract) Σ_{k &lt; kb} ã(k)·b̃(k)ᵀ. */
    abstract void update(int kb, double[] a, int aOff, int aStride, double[] b, int bOff, double[] c, int cOff, int ldc, boolean subtract);

    /**
     * Packing helper on this width's vectors: for q &lt; panels, {@code dst[d + q·panelStride + j] = w·src[s + q·pw + j]},
     * j &lt; pw (pw a multiple of the lanes): one row of X cut into consecutive panels.
     */
    abstract void packRow(double[] src, int s, int panels, int pw, double w, double[] dst, int d, int panelStride);

    /**
     * The micro-kernel for a vector width of 128, 256 or 512 bits: the template {@code MicroKernel8x2}, or
     * {@code MicroKernel4x4} at 128 bits, specialized for that width by {@link Specialization}.
     */
    static MicroKernel forBits(int bits) {
        return switch (bits) {
            case 512, 256 -> Specialization.instance("MicroKernel8x2", MicroKernel.class, Specialization.speciesOf(bits));
            case 128 -> Specialization.instance("MicroKernel4x4", MicroKernel.class, Specialization.speciesOf(bits));
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }
}
