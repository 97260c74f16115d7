package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.NotPositiveDefiniteException;

/**
 * Vector API Cholesky: blocked, left-looking, in the order of LAPACK {@code dpotrf} (lower). For each block column
 * J of width {@link #NB}: update rows J.. of the block column with every earlier column (SYRK on the diagonal block
 * and GEMM below it, one pass of the packed {@link MicroKernel}), factor the diagonal block unblocked, then solve
 * the panel below it against the block's transpose (TRSM). The update does nearly all the flops and reads each
 * block of L once per block column.
 *
 * <p>Same contract as {@link Cholesky}: only the lower triangle is read and written; a pivot that is ≤ 0, NaN or
 * infinite throws {@link NotPositiveDefiniteException} naming it, as the scalar reference does (the matrix is then
 * partly overwritten). Solves multiply by 1/Lᵢᵢ computed once per row.
 */
public final class VectorCholesky implements Cholesky {
    /** Block column width: the diagonal block is factored unblocked, the rest goes through the micro-kernel. */
    static final int NB = Integer.getInteger("nb", 64);
    /** Columns of L per packed block in the update (the k dimension of the micro-kernel). */
    static final int KC = Integer.getInteger("ckc", 128);
    /** Rows of the update per packed broadcast block, rounded down to a multiple of MR. */
    static final int MC = Integer.getInteger("cmc", 128);

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
            if (j0 + jb < p) solvePanel(p, a, aOffset, lda, j0, jb, s);
        }
    }

    /** Packing buffers and one scratch tile, allocated once per factorization. */
    private static final class Scratch {
        final double[] packedA;
        final double[] packedB;
        final double[] tile;
        final double[] upper = new double[NB * NB];
        final double[] inverse = new double[NB];
        final int mc;

        Scratch(MicroKernel k, int p) {
            mc = Math.max(k.mr, MC / k.mr * k.mr);
            int kc = Math.min(KC, p);
            packedA = new double[kc * mc];
            packedB = new double[kc * roundUp(NB, k.nr)];
            tile = new double[k.mr * k.nr];
        }
    }

    /**
     * A(i, j) −= Σ_{k &lt; j0} L(i, k)·L(j, k) for j0 ≤ j &lt; j0 + jb, j ≤ i &lt; p. With X(k, i) = L(i, k) — the rows of L
     * read as a column-major matrix — this is a Gram-like product of the packed panels of X.
     */
    private void updateBlockColumn(int p, double[] a, int off, int lda, int j0, int jb, Scratch s) {
        int mr = kernel.mr;
        int nr = kernel.nr;
        MatrixView lt = new MatrixView(a, off, j0, p, lda, Layout.COLUMN_MAJOR);
        int jEnd = j0 + jb;
        for (int k0 = 0; k0 < j0; k0 += KC) {
            int kb = Math.min(KC, j0 - k0);
            Packing.columns(lt, k0, kb, j0, jb, nr, null, null, s.packedB);
            for (int i0 = j0; i0 < p; i0 += s.mc) {
                int ib = Math.min(s.mc, p - i0);
                Packing.columns(lt, k0, kb, i0, ib, mr, null, null, s.packedA);
                int iEnd = i0 + ib;
                for (int jt = j0, jq = 0; jt < jEnd && jt < iEnd; jt += nr, jq++) {
                    int bOff = jq * kb * nr;
                    int qFirst = Math.max(0, (jt - i0) / mr);
                    for (int q = qFirst, it = i0 + q * mr; it < iEnd; q++, it += mr) {
                        int aOff = q * kb * mr;
                        boolean inside = it + mr <= p && jt + nr <= jEnd && it >= jt + nr - 1;
                        if (inside) {
                            kernel.update(kb, s.packedA, aOff, s.packedB, bOff, a, off + it * lda + jt, lda, true);
                        } else {
                            // A tile that crosses the diagonal or the matrix edge: compute aside, apply the owned part.
                            java.util.Arrays.fill(s.tile, 0.0);
                            kernel.update(kb, s.packedA, aOff, s.packedB, bOff, s.tile, 0, nr, false);
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
            for (int j = 0; j < jb; j++) {
                double x0 = a[r0 + j] * inv[j];
                double x1 = a[r1 + j] * inv[j];
                double x2 = a[r2 + j] * inv[j];
                double x3 = a[r3 + j] * inv[j];
                a[r0 + j] = x0;
                a[r1 + j] = x1;
                a[r2 + j] = x2;
                a[r3 + j] = x3;
                lanes.axpy4(jb - j - 1, -x0, -x1, -x2, -x3, u, j * jb + j + 1, a, r0 + j + 1, r1 + j + 1, r2 + j + 1, r3 + j + 1);
            }
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

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }
}
