package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.MatrixView;

/**
 * Vector API Gram matrix (BLAS {@code dsyrk}, lower triangle then mirrored) with Xᵀy in the same pass.
 *
 * <p>Algorithm (BLIS, Goto &amp; van de Geijn, "Anatomy of High-Performance Matrix Multiplication", TOMS 2008): the
 * rows of X are cut into blocks of {@link #KC}; per block, D·X is packed into panels of NR columns (the vector side)
 * and X, with y appended as column p, into panels of MR columns (the broadcast side), {@link #MC} columns at a time
 * so that they stay in L2; a register-tiled {@link MicroKernel} accumulates each MR×NR tile that touches the lower
 * triangle into a zero-padded scratch C. Row p of C is XᵀDy. Only C(i, j) with i ≥ j is copied out, to both
 * triangles of G, so G is exactly symmetric. Each product is {@code xᵢ·(dₖxⱼ)} (one FMA), which keeps the bound
 * {@code |ΔGᵢⱼ| ≤ 2·n·ε·Σₖ dₖ|xₖᵢxₖⱼ|} of the interface.
 *
 * <p>Allocates its scratch (C and two packed blocks, O(p² + KC·p)) per call.
 */
public final class VectorGram implements Gram {
    /** Rows of X per packed block: a KC×NR panel of D·X stays in L1 while the micro-kernel sweeps the A block. */
    static final int KC = Integer.getInteger("kc", 256);
    /** Columns of X per packed broadcast block (KC·MC doubles stay in L2), rounded down to a multiple of MR. */
    static final int MC = Integer.getInteger("mc", 128);

    private final MicroKernel kernel;

    /** Gram kernels for a vector width of 128, 256 or 512 bits. */
    public VectorGram(int bits) {
        this.kernel = MicroKernel.forBits(bits);
    }

    VectorGram(MicroKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void gram(MatrixView x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset) {
        int n = x.rows();
        int p = x.cols();
        if (weights != null) Checks.range("weights", weights, 0, n);
        if (y != null) {
            Checks.range("y", y, 0, n);
            Checks.range("xty", xty, xtyOffset, p);
        }
        Checks.square("g", g, gOffset, ldg, p);
        if (p == 0) return;
        int mr = kernel.mr;
        int nr = kernel.nr;
        int rowsC = y == null ? p : p + 1; // row p of C is (XᵀDy)ᵀ
        int padI = roundUp(rowsC, mr);
        int padJ = roundUp(p, nr);
        double[] c = new double[padI * padJ];
        int mc = Math.max(mr, MC / mr * mr);
        int kc = Math.min(KC, n);
        double[] packedB = new double[Math.max(1, kc) * padJ];
        double[] packedA = new double[Math.max(1, kc) * Math.min(mc, padI)];
        for (int k0 = 0; k0 < n; k0 += KC) {
            int kb = Math.min(KC, n - k0);
            Packing.columns(x, k0, kb, 0, p, nr, weights, null, packedB);
            for (int i0 = 0; i0 < rowsC; i0 += mc) {
                int ib = roundUp(Math.min(mc, rowsC - i0), mr);
                Packing.columns(x, k0, kb, i0, ib, mr, null, y, packedA);
                int iLast = i0 + ib - 1;
                for (int j0 = 0, jq = 0; j0 < p && j0 <= iLast; j0 += nr, jq++) {
                    int bOff = jq * kb * nr;
                    // First A panel whose last row reaches this column panel's first column: i0 + q·mr + mr − 1 ≥ j0.
                    int qFirst = Math.max(0, (j0 - i0) / mr);
                    for (int q = qFirst, i = i0 + q * mr; i < i0 + ib; q++, i += mr) {
                        kernel.update(kb, packedA, q * kb * mr, packedB, bOff, c, i * padJ + j0, padJ, false);
                    }
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

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }
}
