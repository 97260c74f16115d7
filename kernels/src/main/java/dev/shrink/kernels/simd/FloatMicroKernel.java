package dev.shrink.kernels.simd;

/**
 * The float32 register-tiled micro-kernel of the float32 Gram: the {@link MicroKernel} contract on {@code float[]}
 * panels (C tile ← C tile + Σ ã(k)·b̃(k)ᵀ, packed steps of MR broadcast and NR vector values), with twice the lanes
 * per vector of the double kernel at the same width.
 */
abstract class FloatMicroKernel {
    /** Rows of the tile (broadcast side). */
    final int mr;
    /** Columns of the tile (vector side): a whole number of float vectors. */
    final int nr;

    FloatMicroKernel(int mr, int nr) {
        this.mr = mr;
        this.nr = nr;
    }

    /** C tile ← C tile + Σ_{k &lt; kb} ã(k)·b̃(k)ᵀ; steps {@code a[aOff + k·aStride ..]}, {@code b[bOff + k·NR ..]}. */
    abstract void update(int kb, float[] a, int aOff, int aStride, float[] b, int bOff, float[] c, int cOff, int ldc);

    /**
     * One double row cut into float32 panels: for q &lt; panels and j &lt; pw,
     * {@code dst[d + q·panelStride + j] = (float) (s·(src[s0 + q·pw + j] − c[q·pw + j]))} with c = {@code center} or 0,
     * the difference and the product in double, one rounding to float32 (pw a multiple of the double lanes).
     */
    abstract void packRow(double[] src, int s0, int panels, int pw, double s, double[] center, float[] dst, int d, int panelStride);

    /** The float32 micro-kernel for a vector width of 128, 256 or 512 bits ({@code FloatMicroKernel8x2} specialized). */
    static FloatMicroKernel forBits(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        return Specialization.instance("FloatMicroKernel8x2", FloatMicroKernel.class, Specialization.speciesOf(bits));
    }
}
