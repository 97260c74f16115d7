package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.NotPositiveDefiniteException;

/**
 * Vector API Cholesky: blocked, left-looking, in the order of LAPACK {@code dpotrf} (lower). For each block column
 * J of width {@link #NB}: update rows J.. of the block column with every earlier column (SYRK on the diagonal block
 * and GEMM below it, one pass of the packed {@link MicroKernel}), factor the diagonal block (the same way with
 * {@link #UNBLOCKED}-wide columns, then unblocked), then solve the panel below it against the block's transpose
 * (TRSM, NR columns at a time, most of it again through the micro-kernel). The update does nearly all the flops; it reads L from a
 * copy packed once, as each block column is finished, in the micro-kernel's panel layout (so the left-looking
 * order costs no repacking), and writes whole tiles straight into A (tiles that cross the diagonal or the edge go
 * through a scratch tile, so the strict upper triangle is never written).
 *
 * <p>Same contract as {@link Cholesky}: only the lower triangle is read and written; a pivot that is ≤ 0, NaN or
 * infinite throws {@link NotPositiveDefiniteException} naming it, as the scalar reference does (the matrix is then
 * partly overwritten). Solves multiply by 1/Lᵢᵢ computed once per row.
 */
public final class VectorCholesky implements Cholesky {
    /** Block column width (a multiple of every NR): wider blocks read the packed L fewer times. */
    static final int NB = 128;
    /** Diagonal blocks up to this size are factored unblocked; larger ones blocked with columns this wide. */
    static final int UNBLOCKED = 32;
    /** Columns of L per block of the update (the k dimension of the micro-kernel: a KC×NR panel stays in L1). */
    static final int KC = 128;
    /** Rows of the update per chunk (the broadcast side's KC×MC block stays in L2), rounded down to a multiple of NR. */
    static final int MC = 128;

    private static final Cholesky SCALAR = KernelProvider.scalar().cholesky();

    private final MicroKernel kernel;
    private final RowOps rows;

    /** Cholesky kernels for a vector width of 128, 256 or 512 bits. */
    public VectorCholesky(int bits) {
        this.kernel = MicroKernel.forBits(bits);
        this.rows = RowOps.forBits(bits);
    }

    @Override
    public void factor(int p, double[] a, int aOffset, int lda, double shift) {
        Checks.square("a", a, aOffset, lda, p);
        if (!Double.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        factorBlocked(p, a, aOffset, lda, shift, 0);
    }

    /**
     * Factors the p×p matrix at off; pivots are reported as pivotBase + their index. Block columns are NB wide, and
     * the diagonal blocks are factored the same way with UNBLOCKED-wide columns, down to UNBLOCKED×UNBLOCKED blocks
     * that the unblocked kernel takes.
     */
    private void factorBlocked(int p, double[] a, int off, int lda, double shift, int pivotBase) {
        if (p <= UNBLOCKED) {
            factorDiagonalBlock(a, off, lda, p, shift, pivotBase);
            return;
        }
        int nb = p > NB ? NB : UNBLOCKED;
        Scratch s = new Scratch(kernel, p);
        for (int j0 = 0; j0 < p; j0 += nb) {
            int jb = Math.min(nb, p - j0);
            if (j0 > 0) updateBlockColumn(p, a, off, lda, j0, jb, s);
            factorBlocked(jb, a, off + j0 * lda + j0, lda, shift, pivotBase + j0);
            if (j0 + jb < p) {
                s.pack(a, off, lda, j0, j0 + jb, j0, j0 + jb);
                solvePanel(p, a, off, lda, j0, jb, s);
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
        final double[] upper;
        final double[] inverse;
        final int mc;

        Scratch(MicroKernel k, int p) {
            nr = k.nr;
            mc = Math.max(k.nr, MC / k.nr * k.nr);
            int panels = (p + nr - 1) / nr;
            packed = new double[panelStart(panels)];
            tile = new double[k.mr * k.nr];
            upper = new double[nr * nr];
            inverse = new double[nr];
        }

        int panelStart(int q) {
            return nr * nr * (q * (q + 1) / 2);
        }

        /** Offset of L(row, k) for the first lane's panel of row. */
        int at(int row, int k) {
            return panelStart(row / nr) + k * nr + row % nr;
        }

        /** Writes the packed L(i, k) back to A for rows [r0, r1) and columns [c0, c1), k ≤ i. */
        void unpack(double[] a, int off, int lda, int r0, int r1, int c0, int c1) {
            for (int i = r0; i < r1; i++) {
                int dst = off + i * lda;
                int kEnd = Math.min(c1, i + 1);
                int d = at(i, 0);
                for (int k = c0; k < kEnd; k++) a[dst + k] = packed[d + k * nr];
            }
        }

        /** Packs L(i, k) for rows [r0, r1) and columns [c0, c1), k ≤ i (L, never A's strict upper triangle). */
        void pack(double[] a, int off, int lda, int r0, int r1, int c0, int c1) {
            for (int i = r0; i < r1; i++) {
                int src = off + i * lda;
                int kEnd = Math.min(c1, i + 1);
                int d = at(i, 0);
                for (int k = c0; k < kEnd; k++) packed[d + k * nr] = a[src + k];
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
     * Unblocked Cholesky–Banachiewicz on a small diagonal block at off whose earlier columns are already subtracted;
     * the shift is added to each pivot here. Throws with the pivot's index in the whole matrix.
     */
    private static void factorDiagonalBlock(double[] a, int off, int lda, int jb, double shift, int pivotBase) {
        for (int i = 0; i < jb; i++) {
            int rowI = off + i * lda;
            for (int j = 0; j < i; j++) {
                int rowJ = off + j * lda;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = s / a[rowJ + j];
            }
            double d = a[rowI + i] + shift;
            for (int k = 0; k < i; k++) d -= a[rowI + k] * a[rowI + k];
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) throw new NotPositiveDefiniteException("a", pivotBase + i, d);
            a[rowI + i] = Math.sqrt(d);
        }
    }

    /**
     * A21 ← A21·L11⁻ᵀ for the rows below the diagonal block (TRSM, right, lower, transposed), NR columns at a time:
     * first subtract the columns already solved, L21(:, c0 − j0 columns)·L11(c, those)ᵀ, with the micro-kernel from
     * the packed L; then a forward substitution against the NR×NR diagonal triangle, x_c = (a_c − Σ x_k·L(c, k)) /
     * L(c, c), as axpys along four rows at a time with the triangle's transpose copied so that its rows are contiguous;
     * then pack the solved columns for the updates that follow.
     */
    private void solvePanel(int p, double[] a, int off, int lda, int j0, int jb, Scratch s) {
        int mr = kernel.mr;
        int nr = kernel.nr;
        int r0 = j0 + jb;
        double[] u = s.upper;
        double[] inv = s.inverse;
        for (int c0 = j0; c0 < j0 + jb; c0 += nr) {
            int w = Math.min(nr, j0 + jb - c0);
            if (c0 > j0) {
                int kb = c0 - j0;
                int bOff = s.at(c0, j0);
                for (int it = r0; it < p; it += mr) {
                    int aOff = s.at(it, j0);
                    if (it + mr <= p && w == nr) {
                        kernel.update(kb, s.packed, aOff, nr, s.packed, bOff, a, off + it * lda + c0, lda, true);
                    } else {
                        java.util.Arrays.fill(s.tile, 0.0);
                        kernel.update(kb, s.packed, aOff, nr, s.packed, bOff, s.tile, 0, nr, false);
                        int iStop = Math.min(it + mr, p);
                        for (int i = it; i < iStop; i++) {
                            int row = off + i * lda + c0;
                            int t = (i - it) * nr;
                            for (int j = 0; j < w; j++) a[row + j] -= s.tile[t + j];
                        }
                    }
                }
            }
            int base = off + c0 * lda + c0;
            for (int j = 0; j < w; j++) {
                inv[j] = 1.0 / a[base + j * lda + j];
                for (int k = j + 1; k < w; k++) u[j * w + k] = a[base + k * lda + j];
            }
            // The substitution on packed panels (BLIS's TRSM): in the panel layout each column of NR rows is contiguous,
            // so x_j = (a_j − Σ_{k<j} x_k·L(c0 + j, c0 + k))·(1/L_jj) runs down whole vectors of rows with no lane
            // shuffles; then the solved columns go back to A. (Solving in A's rows took ~20% of the factorization at
            // p = 2000: a scalar store and an overlapping vector load per column.)
            s.pack(a, off, lda, r0, p, c0, c0 + w);
            for (int q0 = r0; q0 < p; q0 += nr) rows.solvePacked(w, u, inv, s.packed, s.at(q0, c0), nr);
            s.unpack(a, off, lda, r0, p, c0, c0 + w);
        }
    }

    /**
     * The float32 factor in the left-looking column order (Cholesky–Crout, Golub &amp; Van Loan §4.2), four columns at
     * a time: the 4×4 diagonal block from its rows' prefixes, then for the rows below, four at a time, the 16 dot
     * products of their prefixes (columns before the block) with the block's four rows in one pass
     * ({@link RowOps#dots4x4}: each row of L below is read once per four columns, not once per column), and the few
     * terms inside the block by hand. Not blocked further: the float32 factor serves mixed-precision refinement, where
     * its p³/3 flops are small next to the Gram's n·p².
     */
    @Override
    public void factor(int p, float[] a, int aOffset, int lda, float shift) {
        Checks.square("a", a, aOffset, lda, p);
        if (!Float.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        float[] dots = new float[16];
        for (int j0 = 0; j0 < p; j0 += 4) {
            int w = Math.min(4, p - j0);
            for (int j = j0; j < j0 + w; j++) {
                int rowJ = aOffset + j * lda;
                float d = a[rowJ + j] + shift - rows.dot(j, a, rowJ, a, rowJ);
                if (!(d > 0) || d == Float.POSITIVE_INFINITY) throw new NotPositiveDefiniteException("a", j, d);
                float pivot = (float) Math.sqrt(d);
                a[rowJ + j] = pivot;
                for (int i = j + 1; i < j0 + w; i++) {
                    int r = aOffset + i * lda;
                    a[r + j] = (a[r + j] - rows.dot(j, a, r, a, rowJ)) / pivot;
                }
            }
            if (w < 4) break; // the last block: no rows below it
            int s0 = aOffset + j0 * lda;
            int i = j0 + 4;
            for (; i + 4 <= p; i += 4) {
                int r0 = aOffset + i * lda;
                rows.dots4x4(j0, a, r0, r0 + lda, r0 + 2 * lda, r0 + 3 * lda, s0, s0 + lda, s0 + 2 * lda, s0 + 3 * lda, dots);
                for (int q = 0; q < 4; q++) finishBlockRow(a, r0 + q * lda, aOffset, lda, j0, dots, 4 * q);
            }
            for (; i < p; i++) {
                int r = aOffset + i * lda;
                rows.dots4(j0, a, s0, s0 + lda, s0 + 2 * lda, s0 + 3 * lda, a, r, dots);
                finishBlockRow(a, r, aOffset, lda, j0, dots, 0);
            }
        }
    }

    /**
     * Row r's four elements in the block columns j0 … j0 + 3, given dots[d + c] = Σ_{k&lt;j0} L(r, k)·L(j0 + c, k):
     * L(r, j) = (A(r, j) − dots − Σ_{j0≤k&lt;j} L(r, k)·L(j, k)) / L(j, j).
     */
    private static void finishBlockRow(float[] a, int r, int aOffset, int lda, int j0, float[] dots, int d) {
        for (int c = 0; c < 4; c++) {
            int j = j0 + c;
            int rowJ = aOffset + j * lda;
            float v = a[r + j] - dots[d + c];
            for (int k = j0; k < j; k++) v = Math.fma(-a[r + k], a[rowJ + k], v);
            a[r + j] = v / a[rowJ + j];
        }
    }

    /** The mixed solve is p² flops, a small share of a refinement step's pass over X: the reference's loops. */
    @Override
    public void solve(int p, float[] l, int lOffset, int ldl, double[] b, int bOffset) {
        SCALAR.solve(p, l, lOffset, ldl, b, bOffset);
    }

    @Override
    public void forwardSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.range("b", b, bOffset, p);
        for (int i = 0; i < p; i++) {
            int row = lOffset + i * ldl;
            double s = b[bOffset + i] - rows.dot(i, l, row, b, bOffset);
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
            rows.axpy(i, -x, l, row, b, bOffset);
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
            for (int k = 0; k < i; k++) rows.axpy(nrhs, -l[row + k], b, bOffset + k * ldb, b, bi);
            rows.scale(nrhs, 1.0 / l[row + i], b, bi);
        }
        // Back: B(i, :) ← B(i, :) / L(i, i), then B(k, :) −= L(i, k)·B(i, :) for k < i.
        for (int i = p - 1; i >= 0; i--) {
            int row = lOffset + i * ldl;
            int bi = bOffset + i * ldb;
            rows.scale(nrhs, 1.0 / l[row + i], b, bi);
            for (int k = 0; k < i; k++) rows.axpy(nrhs, -l[row + k], b, bi, b, bOffset + k * ldb);
        }
    }
}
