package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.DenseMatrix;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.RowArrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * Matrix–vector products on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>Both products reduce to loops over "lines" (the contiguous rows of a row-major matrix, the columns of a
 * column-major one, the arrays of {@link RowArrays}): {@link #dots4} when the sum runs along the lines (Xw row-major,
 * Xᵀr column-major) and {@link #combine4} when it runs across them (Xw column-major, Xᵀr row-major). Each treats four
 * lines per pass so one load of the vector operand (or of the output) serves four FMAs, as netlib VectorBLAS's dgemv
 * does. Each line is an (array, offset) pair, so flat arrays and row arrays share the code. A float32 matrix in double
 * arithmetic is read in place, each load of floats widened (exactly) to doubles, with the double loops' order of
 * operations; the pure
 * float32 products have their own loops on float lanes (twice as many per vector).
 */
final class VectorMatrixVector implements MatrixVector {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final VectorSpecies<Float> F = S.withLanes(float.class);
    private static final int FL = F.length();

    @Override
    public void multiply(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        switch (a) {
            case MatrixView m -> {
                if (m.layout() == Layout.ROW_MAJOR) {
                    lineDots(m.data(), m.offset(), m.ld(), m.rows(), m.cols(), x, xOffset, y, yOffset);
                } else {
                    lineCombination(m.data(), m.offset(), m.ld(), m.cols(), m.rows(), x, xOffset, y, yOffset);
                }
            }
            case RowArrays r -> rowDots(r.arrays(), r.cols(), x, xOffset, y, yOffset);
            case FloatMatrixView f -> widened(f, false, x, xOffset, y, yOffset);
        }
    }

    @Override
    public void multiplyTransposed(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        switch (a) {
            case MatrixView m -> {
                if (m.layout() == Layout.COLUMN_MAJOR) {
                    lineDots(m.data(), m.offset(), m.ld(), m.cols(), m.rows(), x, xOffset, y, yOffset);
                } else {
                    lineCombination(m.data(), m.offset(), m.ld(), m.rows(), m.cols(), x, xOffset, y, yOffset);
                }
            }
            case RowArrays r -> rowCombination(r.arrays(), r.cols(), x, xOffset, y, yOffset);
            case FloatMatrixView f -> widened(f, true, x, xOffset, y, yOffset);
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
            addLineCombination(a.data(), a.offset(), a.ld(), a.rows(), a.cols(), x, xOffset, y, yOffset);
        }
    }

    /**
     * Row-major or row-array A: four rows at a time, their dot products with x ({@link #dots4}) give four residuals,
     * which go straight into g ({@link #combine4}) while the rows are still in L1 — one sweep over A instead of two.
     */
    @Override
    public void residualGradient(DenseMatrix a, double[] x, double c, double[] y, double[] s, double[] r, double[] g) {
        Checks.residualGradient(a, x, y, s, r, g);
        int n = a.rows();
        int p = a.cols();
        double[][] rows = a instanceof RowArrays ra ? ra.arrays() : null;
        MatrixView flat = a instanceof MatrixView m && m.layout() == Layout.ROW_MAJOR ? m : null;
        if (rows == null && flat == null) {
            multiply(a, x, 0, r, 0);
            for (int i = 0; i < n; i++) r[i] = (s == null ? 1.0 : s[i]) * (y[i] - c - r[i]);
            multiplyTransposed(a, r, 0, g, 0);
            return;
        }
        java.util.Arrays.fill(g, 0, p, 0.0);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double[] a0 = rows != null ? rows[i] : flat.data();
            double[] a1 = rows != null ? rows[i + 1] : a0;
            double[] a2 = rows != null ? rows[i + 2] : a0;
            double[] a3 = rows != null ? rows[i + 3] : a0;
            int o0 = rows != null ? 0 : flat.offset() + i * flat.ld();
            int step = rows != null ? 0 : flat.ld();
            dots4(p, a0, o0, a1, o0 + step, a2, o0 + 2 * step, a3, o0 + 3 * step, x, 0, r, i);
            for (int q = i; q < i + 4; q++) r[q] = (s == null ? 1.0 : s[q]) * (y[q] - c - r[q]);
            combine4(p, a0, o0, a1, o0 + step, a2, o0 + 2 * step, a3, o0 + 3 * step, r, i, g, 0);
        }
        for (; i < n; i++) {
            double[] ai = rows != null ? rows[i] : flat.data();
            int oi = rows != null ? 0 : flat.offset() + i * flat.ld();
            r[i] = (s == null ? 1.0 : s[i]) * (y[i] - c - dot(p, ai, oi, x, 0));
            combine1(p, ai, oi, r[i], g, 0);
        }
    }

    /** out[o] = Σₜ a[off + o·ld + t]·v[t] for o &lt; lines, t &lt; k: four lines per pass. */
    private static void lineDots(double[] a, int off, int ld, int lines, int k, double[] v, int vOff, double[] out, int outOff) {
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld;
            dots4(k, a, r0, a, r0 + ld, a, r0 + 2 * ld, a, r0 + 3 * ld, v, vOff, out, outOff + o);
        }
        for (; o < lines; o++) out[outOff + o] = dot(k, a, off + o * ld, v, vOff);
    }

    /** out[i] = rows[i]·v: {@link #lineDots} with one array per line. */
    private static void rowDots(double[][] rows, int k, double[] v, int vOff, double[] out, int outOff) {
        int o = 0;
        for (; o + 3 < rows.length; o += 4) {
            dots4(k, rows[o], 0, rows[o + 1], 0, rows[o + 2], 0, rows[o + 3], 0, v, vOff, out, outOff + o);
        }
        for (; o < rows.length; o++) out[outOff + o] = dot(k, rows[o], 0, v, vOff);
    }

    /**
     * out[outOff + i] = Σₜ line_i[t]·v[t] for the four lines (aᵢ, rᵢ), t &lt; k: each load of v serves four FMAs,
     * and the four accumulators are four independent FMA chains.
     */
    private static void dots4(int k, double[] a0, int r0, double[] a1, int r1, double[] a2, int r2, double[] a3, int r3,
                              double[] v, int vOff, double[] out, int outOff) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int t = 0;
        for (int bound = k & -L; t < bound; t += L) {
            DoubleVector vt = DoubleVector.fromArray(S, v, vOff + t);
            s0 = DoubleVector.fromArray(S, a0, r0 + t).fma(vt, s0);
            s1 = DoubleVector.fromArray(S, a1, r1 + t).fma(vt, s1);
            s2 = DoubleVector.fromArray(S, a2, r2 + t).fma(vt, s2);
            s3 = DoubleVector.fromArray(S, a3, r3 + t).fma(vt, s3);
        }
        double d0 = sum(s0), d1 = sum(s1);
        double d2 = sum(s2), d3 = sum(s3);
        for (; t < k; t++) {
            double vt = v[vOff + t];
            d0 = Math.fma(a0[r0 + t], vt, d0);
            d1 = Math.fma(a1[r1 + t], vt, d1);
            d2 = Math.fma(a2[r2 + t], vt, d2);
            d3 = Math.fma(a3[r3 + t], vt, d3);
        }
        out[outOff] = d0;
        out[outOff + 1] = d1;
        out[outOff + 2] = d2;
        out[outOff + 3] = d3;
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
        double s = sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s = Math.fma(x[xOffset + i], y[yOffset + i], s);
        return s;
    }

    /** out[t] = Σₒ v[o]·a[off + o·ld + t] for t &lt; k, o &lt; lines: out starts at zero and takes four lines per pass. */
    private static void lineCombination(double[] a, int off, int ld, int lines, int k, double[] v, int vOff, double[] out, int outOff) {
        java.util.Arrays.fill(out, outOff, outOff + k, 0.0);
        addLineCombination(a, off, ld, lines, k, v, vOff, out, outOff);
    }

    /** out[t] += Σₒ v[o]·a[off + o·ld + t]: {@link #lineCombination} onto out as it is. */
    private static void addLineCombination(double[] a, int off, int ld, int lines, int k, double[] v, int vOff, double[] out, int outOff) {
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld;
            combine4(k, a, r0, a, r0 + ld, a, r0 + 2 * ld, a, r0 + 3 * ld, v, vOff + o, out, outOff);
        }
        for (; o < lines; o++) combine1(k, a, off + o * ld, v[vOff + o], out, outOff);
    }

    /** out = Σᵢ v[i]·rows[i]: {@link #lineCombination} with one array per line. */
    private static void rowCombination(double[][] rows, int k, double[] v, int vOff, double[] out, int outOff) {
        java.util.Arrays.fill(out, outOff, outOff + k, 0.0);
        int o = 0;
        for (; o + 3 < rows.length; o += 4) {
            combine4(k, rows[o], 0, rows[o + 1], 0, rows[o + 2], 0, rows[o + 3], 0, v, vOff + o, out, outOff);
        }
        for (; o < rows.length; o++) combine1(k, rows[o], 0, v[vOff + o], out, outOff);
    }

    /**
     * out[t] += Σᵢ c[cOff + i]·line_i[t] for the four lines (aᵢ, rᵢ), t &lt; k: each load and store of out serves four
     * FMAs; two output vectors per step, both loaded before either is stored (as in VectorLevel1's axpy).
     */
    private static void combine4(int k, double[] a0, int r0, double[] a1, int r1, double[] a2, int r2, double[] a3, int r3,
                                 double[] c, int cOff, double[] out, int outOff) {
        double c0 = c[cOff], c1 = c[cOff + 1], c2 = c[cOff + 2], c3 = c[cOff + 3];
        DoubleVector b0 = DoubleVector.broadcast(S, c0), b1 = DoubleVector.broadcast(S, c1);
        DoubleVector b2 = DoubleVector.broadcast(S, c2), b3 = DoubleVector.broadcast(S, c3);
        int t = 0;
        for (int bound = k & -(2 * L); t < bound; t += 2 * L) {
            DoubleVector acc0 = DoubleVector.fromArray(S, out, outOff + t);
            DoubleVector acc1 = DoubleVector.fromArray(S, out, outOff + t + L);
            acc0 = DoubleVector.fromArray(S, a0, r0 + t).fma(b0, acc0);
            acc1 = DoubleVector.fromArray(S, a0, r0 + t + L).fma(b0, acc1);
            acc0 = DoubleVector.fromArray(S, a1, r1 + t).fma(b1, acc0);
            acc1 = DoubleVector.fromArray(S, a1, r1 + t + L).fma(b1, acc1);
            acc0 = DoubleVector.fromArray(S, a2, r2 + t).fma(b2, acc0);
            acc1 = DoubleVector.fromArray(S, a2, r2 + t + L).fma(b2, acc1);
            acc0 = DoubleVector.fromArray(S, a3, r3 + t).fma(b3, acc0);
            acc1 = DoubleVector.fromArray(S, a3, r3 + t + L).fma(b3, acc1);
            acc0.intoArray(out, outOff + t);
            acc1.intoArray(out, outOff + t + L);
        }
        for (int bound = k & -L; t < bound; t += L) {
            DoubleVector acc = DoubleVector.fromArray(S, out, outOff + t);
            acc = DoubleVector.fromArray(S, a0, r0 + t).fma(b0, acc);
            acc = DoubleVector.fromArray(S, a1, r1 + t).fma(b1, acc);
            acc = DoubleVector.fromArray(S, a2, r2 + t).fma(b2, acc);
            acc = DoubleVector.fromArray(S, a3, r3 + t).fma(b3, acc);
            acc.intoArray(out, outOff + t);
        }
        for (; t < k; t++) {
            double acc = out[outOff + t];
            acc = Math.fma(a0[r0 + t], c0, acc);
            acc = Math.fma(a1[r1 + t], c1, acc);
            acc = Math.fma(a2[r2 + t], c2, acc);
            acc = Math.fma(a3[r3 + t], c3, acc);
            out[outOff + t] = acc;
        }
    }

    /** out[t] += c·a[r + t], t &lt; k. */
    private static void combine1(int k, double[] a, int r, double c, double[] out, int outOff) {
        DoubleVector b = DoubleVector.broadcast(S, c);
        int t = 0;
        for (int bound = k & -L; t < bound; t += L) {
            DoubleVector.fromArray(S, a, r + t).fma(b, DoubleVector.fromArray(S, out, outOff + t)).intoArray(out, outOff + t);
        }
        for (; t < k; t++) out[outOff + t] = Math.fma(a[r + t], c, out[outOff + t]);
    }

    /** Floats that widen into one double vector: L lanes, half the double species' bits. */
    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class, VectorShape.forBitSize(S.vectorBitSize() / 2));

    /**
     * A float32 matrix in double arithmetic, read in place: each load of L floats is widened (exactly) to one double
     * vector, so the loops and their order of operations are those of the double ones ({@link #dots4},
     * {@link #combine4}, {@link #dot}, {@link #combine1}) — the same bits as widening the matrix first — at half the
     * memory traffic. {@code transposed}: Aᵀx instead of Ax.
     */
    private static void widened(FloatMatrixView a, boolean transposed, double[] x, int xOffset, double[] y, int yOffset) {
        boolean alongLines = (a.layout() == Layout.ROW_MAJOR) != transposed; // the sum runs along the lines
        int lines = a.layout() == Layout.ROW_MAJOR ? a.rows() : a.cols();
        int k = a.layout() == Layout.ROW_MAJOR ? a.cols() : a.rows();
        float[] data = a.data();
        int off = a.offset(), ld = a.ld();
        if (!alongLines) java.util.Arrays.fill(y, yOffset, yOffset + k, 0.0);
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld;
            if (alongLines) dots4(k, data, r0, r0 + ld, r0 + 2 * ld, r0 + 3 * ld, x, xOffset, y, yOffset + o);
            else combine4(k, data, r0, r0 + ld, r0 + 2 * ld, r0 + 3 * ld, x, xOffset + o, y, yOffset);
        }
        for (; o < lines; o++) {
            if (alongLines) y[yOffset + o] = dot(k, data, off + o * ld, x, xOffset);
            else combine1(k, data, off + o * ld, x[xOffset + o], y, yOffset);
        }
    }

    /** L floats of a from {@code at}, widened to doubles. */
    private static DoubleVector widen(float[] a, int at) {
        return (DoubleVector) FloatVector.fromArray(HALF, a, at).convertShape(VectorOperators.F2D, S, 0);
    }

    /** {@link #dots4} over four float32 lines of one array. */
    private static void dots4(int k, float[] a, int r0, int r1, int r2, int r3, double[] v, int vOff, double[] out, int outOff) {
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int t = 0;
        for (int bound = k & -L; t < bound; t += L) {
            DoubleVector vt = DoubleVector.fromArray(S, v, vOff + t);
            s0 = widen(a, r0 + t).fma(vt, s0);
            s1 = widen(a, r1 + t).fma(vt, s1);
            s2 = widen(a, r2 + t).fma(vt, s2);
            s3 = widen(a, r3 + t).fma(vt, s3);
        }
        double d0 = sum(s0), d1 = sum(s1);
        double d2 = sum(s2), d3 = sum(s3);
        for (; t < k; t++) {
            double vt = v[vOff + t];
            d0 = Math.fma(a[r0 + t], vt, d0);
            d1 = Math.fma(a[r1 + t], vt, d1);
            d2 = Math.fma(a[r2 + t], vt, d2);
            d3 = Math.fma(a[r3 + t], vt, d3);
        }
        out[outOff] = d0;
        out[outOff + 1] = d1;
        out[outOff + 2] = d2;
        out[outOff + 3] = d3;
    }

    /** {@link #dot} of a float32 line with a double vector. */
    private static double dot(int n, float[] x, int xOffset, double[] y, int yOffset) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (int bound = n & -(4 * L); i < bound; i += 4 * L) {
            a0 = widen(x, xOffset + i).fma(DoubleVector.fromArray(S, y, yOffset + i), a0);
            a1 = widen(x, xOffset + i + L).fma(DoubleVector.fromArray(S, y, yOffset + i + L), a1);
            a2 = widen(x, xOffset + i + 2 * L).fma(DoubleVector.fromArray(S, y, yOffset + i + 2 * L), a2);
            a3 = widen(x, xOffset + i + 3 * L).fma(DoubleVector.fromArray(S, y, yOffset + i + 3 * L), a3);
        }
        for (int bound = n & -L; i < bound; i += L) {
            a0 = widen(x, xOffset + i).fma(DoubleVector.fromArray(S, y, yOffset + i), a0);
        }
        double s = sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s = Math.fma(x[xOffset + i], y[yOffset + i], s);
        return s;
    }

    /** {@link #combine4} over four float32 lines of one array. */
    private static void combine4(int k, float[] a, int r0, int r1, int r2, int r3, double[] c, int cOff, double[] out, int outOff) {
        double c0 = c[cOff], c1 = c[cOff + 1], c2 = c[cOff + 2], c3 = c[cOff + 3];
        DoubleVector b0 = DoubleVector.broadcast(S, c0), b1 = DoubleVector.broadcast(S, c1);
        DoubleVector b2 = DoubleVector.broadcast(S, c2), b3 = DoubleVector.broadcast(S, c3);
        int t = 0;
        for (int bound = k & -(2 * L); t < bound; t += 2 * L) {
            DoubleVector acc0 = DoubleVector.fromArray(S, out, outOff + t);
            DoubleVector acc1 = DoubleVector.fromArray(S, out, outOff + t + L);
            acc0 = widen(a, r0 + t).fma(b0, acc0);
            acc1 = widen(a, r0 + t + L).fma(b0, acc1);
            acc0 = widen(a, r1 + t).fma(b1, acc0);
            acc1 = widen(a, r1 + t + L).fma(b1, acc1);
            acc0 = widen(a, r2 + t).fma(b2, acc0);
            acc1 = widen(a, r2 + t + L).fma(b2, acc1);
            acc0 = widen(a, r3 + t).fma(b3, acc0);
            acc1 = widen(a, r3 + t + L).fma(b3, acc1);
            acc0.intoArray(out, outOff + t);
            acc1.intoArray(out, outOff + t + L);
        }
        for (int bound = k & -L; t < bound; t += L) {
            DoubleVector acc = DoubleVector.fromArray(S, out, outOff + t);
            acc = widen(a, r0 + t).fma(b0, acc);
            acc = widen(a, r1 + t).fma(b1, acc);
            acc = widen(a, r2 + t).fma(b2, acc);
            acc = widen(a, r3 + t).fma(b3, acc);
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

    /** {@link #combine1} with a float32 line. */
    private static void combine1(int k, float[] a, int r, double c, double[] out, int outOff) {
        DoubleVector b = DoubleVector.broadcast(S, c);
        int t = 0;
        for (int bound = k & -L; t < bound; t += L) {
            widen(a, r + t).fma(b, DoubleVector.fromArray(S, out, outOff + t)).intoArray(out, outOff + t);
        }
        for (; t < k; t++) out[outOff + t] = Math.fma(a[r + t], c, out[outOff + t]);
    }

    @Override
    public void multiply(FloatMatrixView a, float[] x, int xOffset, float[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.cols());
        Checks.range("y", y, yOffset, a.rows());
        if (a.layout() == Layout.ROW_MAJOR) {
            lineDots(a.data(), a.offset(), a.ld(), a.rows(), a.cols(), x, xOffset, y, yOffset);
        } else {
            lineCombination(a.data(), a.offset(), a.ld(), a.cols(), a.rows(), x, xOffset, y, yOffset);
        }
    }

    @Override
    public void multiplyTransposed(FloatMatrixView a, float[] x, int xOffset, float[] y, int yOffset) {
        Checks.range("x", x, xOffset, a.rows());
        Checks.range("y", y, yOffset, a.cols());
        if (a.layout() == Layout.COLUMN_MAJOR) {
            lineDots(a.data(), a.offset(), a.ld(), a.cols(), a.rows(), x, xOffset, y, yOffset);
        } else {
            lineCombination(a.data(), a.offset(), a.ld(), a.rows(), a.cols(), x, xOffset, y, yOffset);
        }
    }

    /** The float32 {@link #lineDots}: four lines per pass, float lanes, float accumulators. */
    private static void lineDots(float[] a, int off, int ld, int lines, int k, float[] v, int vOff, float[] out, int outOff) {
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld;
            FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
            int t = 0;
            for (int bound = k & -FL; t < bound; t += FL) {
                FloatVector vt = FloatVector.fromArray(F, v, vOff + t);
                s0 = FloatVector.fromArray(F, a, r0 + t).fma(vt, s0);
                s1 = FloatVector.fromArray(F, a, r1 + t).fma(vt, s1);
                s2 = FloatVector.fromArray(F, a, r2 + t).fma(vt, s2);
                s3 = FloatVector.fromArray(F, a, r3 + t).fma(vt, s3);
            }
            float d0 = sum(s0), d1 = sum(s1);
            float d2 = sum(s2), d3 = sum(s3);
            for (; t < k; t++) {
                float vt = v[vOff + t];
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
        for (; o < lines; o++) {
            int r = off + o * ld;
            FloatVector s0 = FloatVector.zero(F);
            int t = 0;
            for (int bound = k & -FL; t < bound; t += FL) {
                s0 = FloatVector.fromArray(F, a, r + t).fma(FloatVector.fromArray(F, v, vOff + t), s0);
            }
            float d = sum(s0);
            for (; t < k; t++) d = Math.fma(a[r + t], v[vOff + t], d);
            out[outOff + o] = d;
        }
    }

    /** The float32 {@link #lineCombination}: four lines per pass, float lanes. */
    private static void lineCombination(float[] a, int off, int ld, int lines, int k, float[] v, int vOff, float[] out, int outOff) {
        java.util.Arrays.fill(out, outOff, outOff + k, 0f);
        int o = 0;
        for (; o + 3 < lines; o += 4) {
            int r0 = off + o * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld;
            float c0 = v[vOff + o], c1 = v[vOff + o + 1], c2 = v[vOff + o + 2], c3 = v[vOff + o + 3];
            FloatVector b0 = FloatVector.broadcast(F, c0), b1 = FloatVector.broadcast(F, c1);
            FloatVector b2 = FloatVector.broadcast(F, c2), b3 = FloatVector.broadcast(F, c3);
            int t = 0;
            for (int bound = k & -FL; t < bound; t += FL) {
                FloatVector acc = FloatVector.fromArray(F, out, outOff + t);
                acc = FloatVector.fromArray(F, a, r0 + t).fma(b0, acc);
                acc = FloatVector.fromArray(F, a, r1 + t).fma(b1, acc);
                acc = FloatVector.fromArray(F, a, r2 + t).fma(b2, acc);
                acc = FloatVector.fromArray(F, a, r3 + t).fma(b3, acc);
                acc.intoArray(out, outOff + t);
            }
            for (; t < k; t++) {
                float acc = out[outOff + t];
                acc = Math.fma(a[r0 + t], c0, acc);
                acc = Math.fma(a[r1 + t], c1, acc);
                acc = Math.fma(a[r2 + t], c2, acc);
                acc = Math.fma(a[r3 + t], c3, acc);
                out[outOff + t] = acc;
            }
        }
        for (; o < lines; o++) {
            int r = off + o * ld;
            float c = v[vOff + o];
            FloatVector b = FloatVector.broadcast(F, c);
            int t = 0;
            for (int bound = k & -FL; t < bound; t += FL) {
                FloatVector.fromArray(F, a, r + t).fma(b, FloatVector.fromArray(F, out, outOff + t)).intoArray(out, outOff + t);
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

    /**
     * v[0] + v[1] + … + v[L−1], left to right: the same bits interpreted and compiled ({@code reduceLanes} leaves the
     * order open). Each template has its own copy so that its vector calls keep this width's type profile (see
     * {@link Specialization}).
     */
    private static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }

    /** The float32 {@link #sum(DoubleVector)}. */
    private static float sum(FloatVector v) {
        float s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }
}
