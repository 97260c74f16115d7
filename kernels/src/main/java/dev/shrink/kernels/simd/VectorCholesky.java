package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.NotPositiveDefiniteException;

/**
 * Vector API Cholesky: blocked, left-looking, in the order of LAPACK {@code dpotrf} (lower). For each block column
 * J of width {@link #NB}: update rows J.. of the block column with every earlier column (SYRK on the diagonal block
 * and GEMM below it, one pass of the packed {@link MicroKernel}), factor the diagonal block unblocked, then solve
 * the panel below it against the block's transpose (TRSM). The update does nearly all the flops; it reads L from a
 * copy packed once, as each block column is finished, in the micro-kernel's panel layout (so the left-looking
 * order costs no repacking), and writes whole tiles straight into A (tiles that cross the diagonal or the edge go
 * through a scratch tile, so the strict upper triangle is never written).
 *
 * <p>Same contract as {@link Cholesky}: only the lower triangle is read and written; a pivot that is ≤ 0, NaN or
 * infinite throws {@link NotPositiveDefiniteException} naming it, as the scalar reference does (the matrix is then
 * partly overwritten). Solves multiply by 1/Lᵢᵢ computed once per row.
 */
public final class VectorCholesky implements Cholesky {
    /** Block column width: the diagonal block is factored unblocked, the rest goes through the micro-kernel. */
    static final int NB = 64;
    /** Columns of L per block of the update (the k dimension of the micro-kernel: a KC×NR panel stays in L1). */
    static final int KC = 128;
    /** Rows of the update per chunk (the broadcast side's KC×MC block stays in L2), rounded down to a multiple of NR. */
    static final int MC = 128;

    private final MicroKernel kernel;
    private final Lanes lanes;

    /** Cholesky kernels for a vector width of 128, 256 or 512 bits. */
    public VectorCholesky(int bits) {
        this.kernel = MicroKernel.forBits(bits);
        this.lanes = Lanes.forBits(bits);
    }

    @Override
    public void factor(int p, double[] a, int aOffset, int lda, double shift) {
        Checks.square("a", a, aOffset, lda, p);
        if (!Double.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        if (p <= NB) {
            factorDiagonalBlock(a, aOffset, lda, 0, p, shift);
            return;
        }
        Scratch s = new Scratch(kernel, p);
        for (int j0 = 0; j0 < p; j0 += NB) {
            int jb = Math.min(NB, p - j0);
            if (j0 > 0) updateBlockColumn(p, a, aOffset, lda, j0, jb, s);
            factorDiagonalBlock(a, aOffset, lda, j0, jb, shift);
            if (j0 + jb < p) {
                solvePanel(p, a, aOffset, lda, j0, jb, s);
                s.pack(a, aOffset, lda, p, j0, jb);
            }
        }
    }

    /**
     * L packed once, as it is produced, in the micro-kernel's panel layout: rows of L in panels of NR, each panel
     * holding for every column k up to its last row the NR values L(row, k) side by side — Lᵀ, so that both sides of
     * the update read contiguous steps. Panel q (rows q·NR …) starts at NR²·q(q+1)/2 and has (q+1)·NR steps:
     * about p²/2 doubles in all. Also one scratch tile and the panel solve's buffers.
     */
    private static final class Scratch {
        final int nr;
        final double[] packed;
        final double[] tile;
        final double[] upper = new double[NB * NB];
        final double[] inverse = new double[NB];
        final int mc;

        Scratch(MicroKernel k, int p) {
            nr = k.nr;
            mc = Math.max(k.nr, MC / k.nr * k.nr);
            int panels = (p + nr - 1) / nr;
            packed = new double[panelStart(panels)];
            tile = new double[k.mr * k.nr];
        }

        int panelStart(int q) {
            return nr * nr * (q * (q + 1) / 2);
        }

        /** Offset of L(row, k) for the first lane's panel of row. */
        int at(int row, int k) {
            return panelStart(row / nr) + k * nr + row % nr;
        }

        /** Packs columns [j0, j0 + jb) of L, rows j0 .. p − 1 (in the diagonal block only k ≤ row: L, not A's upper part). */
        void pack(double[] a, int off, int lda, int p, int j0, int jb) {
            for (int i = j0; i < p; i++) {
                int src = off + i * lda;
                int kEnd = Math.min(j0 + jb, i + 1);
                int d = at(i, 0);
                for (int k = j0; k < kEnd; k++) packed[d + k * nr] = a[src + k];
            }
        }
    }

    /**
     * A(i, j) −= Σ_{k &lt; j0} L(i, k)·L(j, k) for j0 ≤ j &lt; j0 + jb, j ≤ i &lt; p: SYRK on the diagonal block and GEMM
     * below it, each MR×NR tile by the micro-kernel from the packed Lᵀ, k in blocks of KC, rows in chunks of MC.
     */
    private void updateBlockColumn(int p, double[] a, int off, int lda, int j0, int jb, Scratch s) {
        int mr = kernel.mr;
        int nr = kernel.nr;
        int jEnd = j0 + jb;
        double[] packed = s.packed;
        for (int k0 = 0; k0 < j0; k0 += KC) {
            int kb = Math.min(KC, j0 - k0);
            for (int i0 = j0; i0 < p; i0 += s.mc) {
                int iEnd = Math.min(p, i0 + s.mc);
                for (int jt = j0; jt < jEnd && jt < iEnd; jt += nr) {
                    int bOff = s.at(jt, k0);
                    for (int it = Math.max(i0, jt); it < iEnd; it += mr) {
                        int aOff = s.at(it, k0);
                        boolean inside = it + mr <= p && jt + nr <= jEnd && it >= jt + nr - 1;
                        if (inside) {
                            kernel.update(kb, packed, aOff, nr, packed, bOff, a, off + it * lda + jt, lda, true);
                        } else {
                            // A tile that crosses the diagonal or the matrix edge: compute aside, apply the owned part.
                            java.util.Arrays.fill(s.tile, 0.0);
                            kernel.update(kb, packed, aOff, nr, packed, bOff, s.tile, 0, nr, false);
                            int iStop = Math.min(it + mr, p);
                            for (int i = it; i < iStop; i++) {
                                int jStop = Math.min(Math.min(jt + nr, jEnd), i + 1);
                                int row = off + i * lda;
                                int t = (i - it) * nr - jt;
                                for (int j = jt; j < jStop; j++) a[row + j] -= s.tile[t + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Unblocked Cholesky–Banachiewicz on the jb×jb diagonal block at (j0, j0), whose earlier columns are already
     * subtracted; the shift is added to each pivot here. Throws with the global pivot index.
     */
    private static void factorDiagonalBlock(double[] a, int off, int lda, int j0, int jb, double shift) {
        int base = off + j0 * lda + j0;
        for (int i = 0; i < jb; i++) {
            int rowI = base + i * lda;
            for (int j = 0; j < i; j++) {
                int rowJ = base + j * lda;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = s / a[rowJ + j];
            }
            double d = a[rowI + i] + shift;
            for (int k = 0; k < i; k++) d -= a[rowI + k] * a[rowI + k];
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) throw new NotPositiveDefiniteException("a", j0 + i, d);
            a[rowI + i] = Math.sqrt(d);
        }
    }

    /**
     * A21 ← A21·L11⁻ᵀ for the rows below the diagonal block (TRSM, right, lower, transposed): row by row a forward
     * substitution, x_j = (a_j − Σ_{k&lt;j} x_k·L11(j, k)) / L11(j, j), done as axpys along the row with L11ᵀ copied so
     * that its rows are contiguous, four rows of A21 at a time to share each load.
     */
    private void solvePanel(int p, double[] a, int off, int lda, int j0, int jb, Scratch s) {
        double[] u = s.upper;
        double[] inv = s.inverse;
        int base = off + j0 * lda + j0;
        for (int j = 0; j < jb; j++) {
            inv[j] = 1.0 / a[base + j * lda + j];
            for (int k = j + 1; k < jb; k++) u[j * jb + k] = a[base + k * lda + j];
        }
        int i = j0 + jb;
        for (; i + 4 <= p; i += 4) {
            int r0 = off + i * lda + j0;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            lanes.solveRows4(jb, u, inv, a, r0, r1, r2, r3);
        }
        for (; i < p; i++) {
            int r = off + i * lda + j0;
            for (int j = 0; j < jb; j++) {
                double x = a[r + j] * inv[j];
                a[r + j] = x;
                lanes.axpy(jb - j - 1, -x, u, j * jb + j + 1, a, r + j + 1);
            }
        }
    }

    @Override
    public void forwardSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.range("b", b, bOffset, p);
        for (int i = 0; i < p; i++) {
            int row = lOffset + i * ldl;
            double s = b[bOffset + i] - lanes.dot(i, l, row, b, bOffset);
            b[bOffset + i] = s / l[row + i];
        }
    }

    @Override
    public void backSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.range("b", b, bOffset, p);
        // Column-oriented: once x_i is known, remove its contribution L(i, k)·x_i from every b_k, k < i (row i of L).
        for (int i = p - 1; i >= 0; i--) {
            int row = lOffset + i * ldl;
            double x = b[bOffset + i] / l[row + i];
            b[bOffset + i] = x;
            lanes.axpy(i, -x, l, row, b, bOffset);
        }
    }

    @Override
    public void solve(int p, int nrhs, double[] l, int lOffset, int ldl, double[] b, int bOffset, int ldb) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.length("nrhs", nrhs);
        Checks.rowMajor("b", b, bOffset, ldb, p, nrhs);
        if (nrhs == 0) return;
        // Forward: B(i, :) ← (B(i, :) − Σ_{k<i} L(i, k)·B(k, :)) / L(i, i), each step an axpy along a row of B.
        for (int i = 0; i < p; i++) {
            int row = lOffset + i * ldl;
            int bi = bOffset + i * ldb;
            for (int k = 0; k < i; k++) lanes.axpy(nrhs, -l[row + k], b, bOffset + k * ldb, b, bi);
            lanes.scale(nrhs, 1.0 / l[row + i], b, bi);
        }
        // Back: B(i, :) ← B(i, :) / L(i, i), then B(k, :) −= L(i, k)·B(i, :) for k < i.
        for (int i = p - 1; i >= 0; i--) {
            int row = lOffset + i * ldl;
            int bi = bOffset + i * ldb;
            lanes.scale(nrhs, 1.0 / l[row + i], b, bi);
            for (int k = 0; k < i; k++) lanes.axpy(nrhs, -l[row + k], b, bi, b, bOffset + k * ldb);
        }
    }
}
