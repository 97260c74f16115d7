package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.MatrixVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * Matrix–vector products on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>Both products reduce to two loops over "lines" (the contiguous rows of a row-major matrix, the columns of a
 * column-major one): {@link #lineDots} when the sum runs along the lines (Xw row-major, Xᵀr column-major) and
 * {@link #lineCombination} when it runs across them (Xw column-major, Xᵀr row-major). Each treats four lines per
 * pass so one load of the vector operand (or of the output) serves four FMAs, as netlib VectorBLAS's dgemv does.
 */
final class VectorMatrixVector implements MatrixVector {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();

    @Override
    public void multiply(MatrixView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        if (a.layout() == Layout.ROW_MAJOR) {
            lineDots(a.data(), a.offset(), a.ld(), a.rows(), a.cols(), x, xOffset, y, yOffset);
        } else {
            java.util.Arrays.fill(y, yOffset, yOffset + a.rows(), 0.0);
            lineCombination(a.data(), a.offset(), a.ld(), a.cols(), a.rows(), x, xOffset, y, yOffset);
        }
    }

    @Override
    public void multiplyTransposed(MatrixView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        if (a.layout() == Layout.COLUMN_MAJOR) {
            lineDots(a.data(), a.offset(), a.ld(), a.cols(), a.rows(), x, xOffset, y, yOffset);
        } else {
            java.util.Arrays.fill(y, yOffset, yOffset + a.cols(), 0.0);
            lineCombination(a.data(), a.offset(), a.ld(), a.rows(), a.cols(), x, xOffset, y, yOffset);
        }
    }

    /** Rows of A per block: a block's slice of one vector of columns (ROW_BLOCK cache lines) stays in L1 across the task chunks. */
    private static final int ROW_BLOCK = 128;

    /**
     * Row-major A: one vector of columns at a time, four right-hand sides per pass (four accumulators, each load of A
     * serving four FMAs), over blocks of ROW_BLOCK rows so that the slice of A is reread from L1 by the next four;
     * partial sums go to out between blocks. Column-major A: per column, a k-vector accumulated over its rows.
     */
    @Override
    public void multiplyTransposed(MatrixView a, double[] y, int yOffset, int ldy, int k, double[] out, int outOffset, int ldOut) {
        Checks.length("k", k);
        Checks.rowMajor("y", y, yOffset, ldy, a.rows(), k);
        Checks.rowMajor("out", out, outOffset, ldOut, k, a.cols());
        int rows = a.rows(), cols = a.cols();
        for (int t = 0; t < k; t++) java.util.Arrays.fill(out, outOffset + t * ldOut, outOffset + t * ldOut + cols, 0.0);
        double[] d = a.data();
        if (a.layout() == Layout.COLUMN_MAJOR) {
            double[] acc = new double[k];
            for (int j = 0; j < cols; j++) {
                java.util.Arrays.fill(acc, 0.0);
                int col = a.offset() + j * a.ld();
                for (int i = 0; i < rows; i++) {
                    double aij = d[col + i];
                    int yr = yOffset + i * ldy;
                    for (int t = 0; t < k; t++) acc[t] = Math.fma(aij, y[yr + t], acc[t]);
                }
                for (int t = 0; t < k; t++) out[outOffset + t * ldOut + j] = acc[t];
            }
            return;
        }
        int off = a.offset(), ld = a.ld();
        for (int i0 = 0; i0 < rows; i0 += ROW_BLOCK) {
            int i1 = Math.min(rows, i0 + ROW_BLOCK);
            int j = 0;
            for (; j + L <= cols; j += L) {
                int t = 0;
                for (; t + 3 < k; t += 4) {
                    DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                    for (int i = i0; i < i1; i++) {
                        DoubleVector x = DoubleVector.fromArray(S, d, off + i * ld + j);
                        int yr = yOffset + i * ldy + t;
                        s0 = x.fma(DoubleVector.broadcast(S, y[yr]), s0);
                        s1 = x.fma(DoubleVector.broadcast(S, y[yr + 1]), s1);
                        s2 = x.fma(DoubleVector.broadcast(S, y[yr + 2]), s2);
                        s3 = x.fma(DoubleVector.broadcast(S, y[yr + 3]), s3);
                    }
                    int o = outOffset + t * ldOut + j;
                    s0.add(DoubleVector.fromArray(S, out, o)).intoArray(out, o);
                    s1.add(DoubleVector.fromArray(S, out, o + ldOut)).intoArray(out, o + ldOut);
                    s2.add(DoubleVector.fromArray(S, out, o + 2 * ldOut)).intoArray(out, o + 2 * ldOut);
                    s3.add(DoubleVector.fromArray(S, out, o + 3 * ldOut)).intoArray(out, o + 3 * ldOut);
                }
                for (; t < k; t++) {
                    DoubleVector s0 = DoubleVector.zero(S);
                    for (int i = i0; i < i1; i++) {
                        s0 = DoubleVector.fromArray(S, d, off + i * ld + j).fma(DoubleVector.broadcast(S, y[yOffset + i * ldy + t]), s0);
                    }
                    int o = outOffset + t * ldOut + j;
                    s0.add(DoubleVector.fromArray(S, out, o)).intoArray(out, o);
                }
            }
            for (; j < cols; j++) {
                for (int t = 0; t < k; t++) {
                    double s0 = 0;
                    for (int i = i0; i < i1; i++) s0 = Math.fma(d[off + i * ld + j], y[yOffset + i * ldy + t], s0);
                    out[outOffset + t * ldOut + j] += s0;
                }
            }
        }
    }

    /** Row-major A: the line combination onto y as it is; column-major A: one dot per column, added to yⱼ. */
    @Override
    public void addMultiplyTransposed(MatrixView a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        if (a.layout() == Layout.COLUMN_MAJOR) {
            for (int j = 0; j < a.cols(); j++) y[yOffset + j] += dot(a.rows(), a.data(), a.offset() + j * a.ld(), x, xOffset);
        } else {
            lineCombination(a.data(), a.offset(), a.ld(), a.rows(), a.cols(), x, xOffset, y, yOffset);
        }
    }

    /**
     * out[o] = Σₜ a[off + o·ld + t]·v[t] for o &lt; lines, t &lt; k: four lines per pass share each load of v, and
     * their four accumulators are four independent FMA chains.
     */
    private static void lineDots(double[] a, int off, int ld, int lines, int k, double[] v, int vOff, double[] out, int outOff) {
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld;
            DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            int t = 0;
            for (int bound = k & -L; t < bound; t += L) {
                DoubleVector vt = DoubleVector.fromArray(S, v, vOff + t);
                s0 = DoubleVector.fromArray(S, a, r0 + t).fma(vt, s0);
                s1 = DoubleVector.fromArray(S, a, r1 + t).fma(vt, s1);
                s2 = DoubleVector.fromArray(S, a, r2 + t).fma(vt, s2);
                s3 = DoubleVector.fromArray(S, a, r3 + t).fma(vt, s3);
            }
            double d0 = Lanes.sum(s0), d1 = Lanes.sum(s1);
            double d2 = Lanes.sum(s2), d3 = Lanes.sum(s3);
            for (; t < k; t++) {
                double vt = v[vOff + t];
                d0 = Math.fma(a[r0 + t], vt, d0);
                d1 = Math.fma(a[r1 + t], vt, d1);
                d2 = Math.fma(a[r2 + t], vt, d2);
                d3 = Math.fma(a[r3 + t], vt, d3);
            }
            out[outOff + o] = d0;
            out[outOff + o + 1] = d1;
            out[outOff + o + 2] = d2;
            out[outOff + o + 3] = d3;
        }
        for (; o < lines; o++) out[outOff + o] = dot(k, a, off + o * ld, v, vOff);
    }

    /** Σ x·y with four accumulators, for the last lines of {@link #lineDots}. */
    private static double dot(int n, double[] x, int xOffset, double[] y, int yOffset) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (int bound = n & -(4 * L); i < bound; i += 4 * L) {
            a0 = DoubleVector.fromArray(S, x, xOffset + i).fma(DoubleVector.fromArray(S, y, yOffset + i), a0);
            a1 = DoubleVector.fromArray(S, x, xOffset + i + L).fma(DoubleVector.fromArray(S, y, yOffset + i + L), a1);
            a2 = DoubleVector.fromArray(S, x, xOffset + i + 2 * L).fma(DoubleVector.fromArray(S, y, yOffset + i + 2 * L), a2);
            a3 = DoubleVector.fromArray(S, x, xOffset + i + 3 * L).fma(DoubleVector.fromArray(S, y, yOffset + i + 3 * L), a3);
        }
        for (int bound = n & -L; i < bound; i += L) {
            a0 = DoubleVector.fromArray(S, x, xOffset + i).fma(DoubleVector.fromArray(S, y, yOffset + i), a0);
        }
        double s = Lanes.sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s = Math.fma(x[xOffset + i], y[yOffset + i], s);
        return s;
    }

    /**
     * out[t] += Σₒ v[o]·a[off + o·ld + t] for t &lt; k, o &lt; lines (callers zero out first for a plain product): four
     * lines per pass, so each load and store of out serves four FMAs.
     */
    private static void lineCombination(double[] a, int off, int ld, int lines, int k, double[] v, int vOff, double[] out, int outOff) {
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld;
            double c0 = v[vOff + o], c1 = v[vOff + o + 1], c2 = v[vOff + o + 2], c3 = v[vOff + o + 3];
            DoubleVector b0 = DoubleVector.broadcast(S, c0), b1 = DoubleVector.broadcast(S, c1);
            DoubleVector b2 = DoubleVector.broadcast(S, c2), b3 = DoubleVector.broadcast(S, c3);
            int t = 0;
            // Two output vectors per step, both loaded before either is stored (as in VectorLevel1's axpy).
            for (int bound = k & -(2 * L); t < bound; t += 2 * L) {
                DoubleVector acc0 = DoubleVector.fromArray(S, out, outOff + t);
                DoubleVector acc1 = DoubleVector.fromArray(S, out, outOff + t + L);
                acc0 = DoubleVector.fromArray(S, a, r0 + t).fma(b0, acc0);
                acc1 = DoubleVector.fromArray(S, a, r0 + t + L).fma(b0, acc1);
                acc0 = DoubleVector.fromArray(S, a, r1 + t).fma(b1, acc0);
                acc1 = DoubleVector.fromArray(S, a, r1 + t + L).fma(b1, acc1);
                acc0 = DoubleVector.fromArray(S, a, r2 + t).fma(b2, acc0);
                acc1 = DoubleVector.fromArray(S, a, r2 + t + L).fma(b2, acc1);
                acc0 = DoubleVector.fromArray(S, a, r3 + t).fma(b3, acc0);
                acc1 = DoubleVector.fromArray(S, a, r3 + t + L).fma(b3, acc1);
                acc0.intoArray(out, outOff + t);
                acc1.intoArray(out, outOff + t + L);
            }
            for (int bound = k & -L; t < bound; t += L) {
                DoubleVector acc = DoubleVector.fromArray(S, out, outOff + t);
                acc = DoubleVector.fromArray(S, a, r0 + t).fma(b0, acc);
                acc = DoubleVector.fromArray(S, a, r1 + t).fma(b1, acc);
                acc = DoubleVector.fromArray(S, a, r2 + t).fma(b2, acc);
                acc = DoubleVector.fromArray(S, a, r3 + t).fma(b3, acc);
                acc.intoArray(out, outOff + t);
            }
            for (; t < k; t++) {
                double acc = out[outOff + t];
                acc = Math.fma(a[r0 + t], c0, acc);
                acc = Math.fma(a[r1 + t], c1, acc);
                acc = Math.fma(a[r2 + t], c2, acc);
                acc = Math.fma(a[r3 + t], c3, acc);
                out[outOff + t] = acc;
            }
        }
        for (; o < lines; o++) {
            int r = off + o * ld;
            double c = v[vOff + o];
            DoubleVector b = DoubleVector.broadcast(S, c);
            int t = 0;
            for (int bound = k & -L; t < bound; t += L) {
                DoubleVector.fromArray(S, a, r + t).fma(b, DoubleVector.fromArray(S, out, outOff + t)).intoArray(out, outOff + t);
            }
            for (; t < k; t++) out[outOff + t] = Math.fma(a[r + t], c, out[outOff + t]);
        }
    }

    /** Four rows of A per pass share each load of y; rows left over go one at a time. */
    @Override
    public void rankOneUpdate(int m, int k, double[] x, int xOffset, double[] y, int yOffset, double[] a, int aOffset, int lda) {
        Checks.length("m", m);
        Checks.length("k", k);
        Checks.range("x", x, xOffset, m);
        Checks.range("y", y, yOffset, k);
        Checks.rowMajor("a", a, aOffset, lda, m, k);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int r0 = aOffset + i * lda, r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda;
            double c0 = x[xOffset + i], c1 = x[xOffset + i + 1], c2 = x[xOffset + i + 2], c3 = x[xOffset + i + 3];
            DoubleVector b0 = DoubleVector.broadcast(S, c0), b1 = DoubleVector.broadcast(S, c1);
            DoubleVector b2 = DoubleVector.broadcast(S, c2), b3 = DoubleVector.broadcast(S, c3);
            int j = 0;
            for (int bound = k & -L; j < bound; j += L) {
                DoubleVector yj = DoubleVector.fromArray(S, y, yOffset + j);
                DoubleVector a0 = yj.fma(b0, DoubleVector.fromArray(S, a, r0 + j));
                DoubleVector a1 = yj.fma(b1, DoubleVector.fromArray(S, a, r1 + j));
                DoubleVector a2 = yj.fma(b2, DoubleVector.fromArray(S, a, r2 + j));
                DoubleVector a3 = yj.fma(b3, DoubleVector.fromArray(S, a, r3 + j));
                a0.intoArray(a, r0 + j);
                a1.intoArray(a, r1 + j);
                a2.intoArray(a, r2 + j);
                a3.intoArray(a, r3 + j);
            }
            for (; j < k; j++) {
                double yj = y[yOffset + j];
                a[r0 + j] = Math.fma(yj, c0, a[r0 + j]);
                a[r1 + j] = Math.fma(yj, c1, a[r1 + j]);
                a[r2 + j] = Math.fma(yj, c2, a[r2 + j]);
                a[r3 + j] = Math.fma(yj, c3, a[r3 + j]);
            }
        }
        for (; i < m; i++) {
            int r = aOffset + i * lda;
            double c = x[xOffset + i];
            DoubleVector b = DoubleVector.broadcast(S, c);
            int j = 0;
            for (int bound = k & -L; j < bound; j += L) {
                DoubleVector.fromArray(S, y, yOffset + j).fma(b, DoubleVector.fromArray(S, a, r + j)).intoArray(a, r + j);
            }
            for (; j < k; j++) a[r + j] = Math.fma(y[yOffset + j], c, a[r + j]);
        }
    }
}
