package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.DenseMatrix;

/**
 * Vector API Gram matrix (BLAS {@code dsyrk}, lower triangle then mirrored) with Xᵀy in the same pass.
 *
 * <p>Algorithm (BLIS, Goto &amp; van de Geijn, "Anatomy of High-Performance Matrix Multiplication", TOMS 2008): the
 * rows of X are cut into blocks of at most {@link #KC} rows sized so that a block stays in L2; per block, X with
 * y appended as column p is packed into panels of NR columns, and D·X too when there are weights. For each panel of
 * NR columns j (the vector side, which stays in L1), a register-tiled {@link MicroKernel} runs down the MR-row
 * tiles i ≥ j (the broadcast side, read from the same packed panels: MR divides NR) and accumulates each tile into
 * a zero-padded scratch C. Row p of C is XᵀDy. Only C(i, j) with i ≥ j is copied out, to both
 * triangles of G, so G is exactly symmetric. Each product is {@code xᵢ·(dₖxⱼ)} (one FMA), which keeps the bound
 * {@code |ΔGᵢⱼ| ≤ 2·n·ε·Σₖ dₖ|xₖᵢxₖⱼ|} of the interface.
 *
 * <p>Allocates its scratch (C and one or two packed blocks, O(p² + KC·p)) per call.
 */
public final class VectorGram implements Gram {
    /** Rows of X per packed block: a KC×NR panel (16 KiB at NR = 16) stays in L1 while the micro-kernel sweeps. */
    static final int KC = 128;
    /**
     * Rows per float32 block: twice as many, for the same bytes per panel (a 256×32 float32 panel is 32 KiB at 512 bits,
     * inside Zen 5's 48 KiB L1); halves the C-tile loads and stores per flop (measured +2–3% at 20000×500).
     */
    static final int KC_FLOAT32 = 256;
    /** Fewest rows per block: below this the load and store of each C tile per block starts to count. */
    static final int MIN_KC = 32;
    /** Budget for the packed block, half of a 1 MiB L2 (Zen 4; Intel server cores have 1–2 MiB). */
    static final long L2_BYTES = 512 * 1024;

    /**
     * Up to this many columns the scalar reference is as fast or faster (measured at n = 10⁵: an 8×16 tile would be
     * mostly padding, and packing rows shorter than a vector is scalar anyway), so it does the work.
     */
    static final int SCALAR_MAX_COLUMNS = 3;
    private static final Gram SCALAR = KernelProvider.scalar().gram();

    private final MicroKernel kernel;
    private final FloatMicroKernel floatKernel;

    /** Gram kernels for a vector width of 128, 256 or 512 bits. */
    public VectorGram(int bits) {
        this.kernel = MicroKernel.forBits(bits);
        this.floatKernel = FloatMicroKernel.forBits(bits);
        if (kernel.nr % kernel.mr != 0 || floatKernel.nr % floatKernel.mr != 0) throw new IllegalStateException("MR must divide NR");
    }

    @Override
    public void gram(DenseMatrix x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset) {
        int n = x.rows();
        int p = x.cols();
        if (weights != null) Checks.range("weights", weights, 0, n);
        if (y != null) {
            Checks.range("y", y, 0, n);
            Checks.range("xty", xty, xtyOffset, p);
        }
        Checks.square("g", g, gOffset, ldg, p);
        if (p == 0) return;
        if (p <= SCALAR_MAX_COLUMNS) {
            SCALAR.gram(x, weights, y, g, gOffset, ldg, xty, xtyOffset);
            return;
        }
        int mr = kernel.mr;
        int nr = kernel.nr;
        int rowsC = y == null ? p : p + 1; // row p of C is (XᵀDy)ᵀ
        int width = roundUp(rowsC, nr);     // packed columns: X, then y, then zeros
        int padI = roundUp(rowsC, mr);
        int padJ = roundUp(p, nr);
        double[] c = new double[padI * padJ];
        int kc = Math.max(1, Math.min(n, blockRows(8L * width * (weights != null ? 2 : 1), KC)));
        double[] packed = new double[kc * width];
        double[] packedWeighted = weights == null ? packed : new double[kc * width];
        for (int k0 = 0; k0 < n; k0 += kc) {
            int kb = Math.min(kc, n - k0);
            Packing.columns(kernel, x, k0, kb, rowsC, nr, null, y, packed);
            if (weights != null) Packing.columns(kernel, x, k0, kb, p, nr, weights, null, packedWeighted);
            int panelStride = kb * nr;
            for (int j0 = 0; j0 < p; j0 += nr) {
                int bOff = (j0 / nr) * panelStride;
                // Tiles from the diagonal down (mr divides nr, so the first one starts at row j0); the broadcast
                // side reads the same packed panels, lane it % nr of panel it / nr.
                for (int it = j0; it < rowsC; it += mr) {
                    int aOff = (it / nr) * panelStride + it % nr;
                    kernel.update(kb, packed, aOff, nr, packedWeighted, bOff, c, it * padJ + j0, padJ, false);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            int ci = i * padJ;
            for (int j = 0; j <= i; j++) {
                double v = c[ci + j];
                g[gOffset + i * ldg + j] = v;
                g[gOffset + j * ldg + i] = v;
            }
        }
        if (y != null) System.arraycopy(c, p * padJ, xty, xtyOffset, p);
    }

    /**
     * The float32 Gram: the same blocking on float32 panels ({@link FloatMicroKernel}), each block of X centred, scaled
     * and narrowed as it is packed ({@link Packing#floats}); float32 halves the bytes per element, so a block holds
     * twice the rows of the double one within the same L2 budget.
     */
    @Override
    public void gramFloat32(DenseMatrix x, double[] center, double[] rowScale, float[] g, int gOffset, int ldg) {
        int n = x.rows();
        int p = x.cols();
        if (center != null) Checks.range("center", center, 0, p);
        if (rowScale != null) Checks.range("rowScale", rowScale, 0, n);
        Checks.square("g", g, gOffset, ldg, p);
        if (p == 0) return;
        if (p <= SCALAR_MAX_COLUMNS) {
            SCALAR.gramFloat32(x, center, rowScale, g, gOffset, ldg);
            return;
        }
        int mr = floatKernel.mr;
        int nr = floatKernel.nr;
        int width = roundUp(p, nr);
        int padI = roundUp(p, mr);
        float[] c = new float[padI * width];
        int kc = Math.max(1, Math.min(n, blockRows(4L * width, KC_FLOAT32)));
        float[] packed = new float[kc * width];
        for (int k0 = 0; k0 < n; k0 += kc) {
            int kb = Math.min(kc, n - k0);
            Packing.floats(floatKernel, x, k0, kb, p, nr, center, rowScale, packed);
            int panelStride = kb * nr;
            for (int j0 = 0; j0 < p; j0 += nr) {
                int bOff = (j0 / nr) * panelStride;
                for (int it = j0; it < p; it += mr) {
                    int aOff = (it / nr) * panelStride + it % nr;
                    floatKernel.update(kb, packed, aOff, nr, packed, bOff, c, it * width + j0, width);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            int ci = i * width;
            for (int j = 0; j <= i; j++) {
                float v = c[ci + j];
                g[gOffset + i * ldg + j] = v;
                g[gOffset + j * ldg + i] = v;
            }
        }
    }

    /**
     * Rows per block: at most {@code most}, fewer when p is large so that the packed block ({@code rowBytes} per row:
     * both copies when weighted) stays within {@link #L2_BYTES} — the broadcast side streams it once per column panel.
     */
    static int blockRows(long rowBytes, int most) {
        return (int) Math.max(MIN_KC, Math.min(most, L2_BYTES / rowBytes));
    }

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }
}
