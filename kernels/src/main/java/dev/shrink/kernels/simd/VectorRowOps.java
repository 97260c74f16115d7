package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * {@link RowOps} on the Vector API; a template specialized per width by {@link Specialization} (see
 * {@link RowOps#forBits}), so the species is a constant and C2 intrinsifies every vector.
 */
final class VectorRowOps extends RowOps {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final VectorSpecies<Float> F = S.withLanes(float.class);
    private static final int FL = F.length();

    @Override
    float dot(int n, float[] x, int xo, float[] y, int yo) {
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - 2 * FL; i += 2 * FL) {
            s0 = FloatVector.fromArray(F, x, xo + i).fma(FloatVector.fromArray(F, y, yo + i), s0);
            s1 = FloatVector.fromArray(F, x, xo + i + FL).fma(FloatVector.fromArray(F, y, yo + i + FL), s1);
        }
        for (; i <= n - FL; i += FL) {
            s0 = FloatVector.fromArray(F, x, xo + i).fma(FloatVector.fromArray(F, y, yo + i), s0);
        }
        float s = sum(s0.add(s1));
        for (; i < n; i++) s = Math.fma(x[xo + i], y[yo + i], s);
        return s;
    }

    @Override
    void dots4(int n, float[] a, int r0, int r1, int r2, int r3, float[] v, int vo, float[] out) {
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n & -FL; i < bound; i += FL) {
            FloatVector vi = FloatVector.fromArray(F, v, vo + i);
            s0 = FloatVector.fromArray(F, a, r0 + i).fma(vi, s0);
            s1 = FloatVector.fromArray(F, a, r1 + i).fma(vi, s1);
            s2 = FloatVector.fromArray(F, a, r2 + i).fma(vi, s2);
            s3 = FloatVector.fromArray(F, a, r3 + i).fma(vi, s3);
        }
        float d0 = sum(s0), d1 = sum(s1), d2 = sum(s2), d3 = sum(s3);
        for (; i < n; i++) {
            float vi = v[vo + i];
            d0 = Math.fma(a[r0 + i], vi, d0);
            d1 = Math.fma(a[r1 + i], vi, d1);
            d2 = Math.fma(a[r2 + i], vi, d2);
            d3 = Math.fma(a[r3 + i], vi, d3);
        }
        out[0] = d0;
        out[1] = d1;
        out[2] = d2;
        out[3] = d3;
    }

    @Override
    void dots4x4(int n, float[] a, int r0, int r1, int r2, int r3, int s0, int s1, int s2, int s3, float[] out) {
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int i = 0;
        for (int bound = n & -FL; i < bound; i += FL) {
            FloatVector b0 = FloatVector.fromArray(F, a, s0 + i), b1 = FloatVector.fromArray(F, a, s1 + i);
            FloatVector b2 = FloatVector.fromArray(F, a, s2 + i), b3 = FloatVector.fromArray(F, a, s3 + i);
            FloatVector x = FloatVector.fromArray(F, a, r0 + i);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.fromArray(F, a, r1 + i);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.fromArray(F, a, r2 + i);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.fromArray(F, a, r3 + i);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        out[0] = sum(c00);
        out[1] = sum(c01);
        out[2] = sum(c02);
        out[3] = sum(c03);
        out[4] = sum(c10);
        out[5] = sum(c11);
        out[6] = sum(c12);
        out[7] = sum(c13);
        out[8] = sum(c20);
        out[9] = sum(c21);
        out[10] = sum(c22);
        out[11] = sum(c23);
        out[12] = sum(c30);
        out[13] = sum(c31);
        out[14] = sum(c32);
        out[15] = sum(c33);
        int[] r = {r0, r1, r2, r3};
        int[] s = {s0, s1, s2, s3};
        for (; i < n; i++) {
            for (int q = 0; q < 4; q++) {
                for (int c = 0; c < 4; c++) out[4 * q + c] = Math.fma(a[r[q] + i], a[s[c] + i], out[4 * q + c]);
            }
        }
    }

    @Override
    double dot(int n, double[] x, int xo, double[] y, int yo) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        int i = 0;
        for (; i <= n - 2 * L; i += 2 * L) {
            s0 = DoubleVector.fromArray(S, x, xo + i).fma(DoubleVector.fromArray(S, y, yo + i), s0);
            s1 = DoubleVector.fromArray(S, x, xo + i + L).fma(DoubleVector.fromArray(S, y, yo + i + L), s1);
        }
        for (; i <= n - L; i += L) {
            s0 = DoubleVector.fromArray(S, x, xo + i).fma(DoubleVector.fromArray(S, y, yo + i), s0);
        }
        double s = sum(s0.add(s1));
        for (; i < n; i++) s = Math.fma(x[xo + i], y[yo + i], s);
        return s;
    }

    @Override
    void axpy(int n, double alpha, double[] x, int xo, double[] y, int yo) {
        DoubleVector a = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (; i <= n - L; i += L) {
            a.fma(DoubleVector.fromArray(S, x, xo + i), DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
    }

    @Override
    void scale(int n, double alpha, double[] x, int xo) {
        DoubleVector a = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (; i <= n - L; i += L) DoubleVector.fromArray(S, x, xo + i).mul(a).intoArray(x, xo + i);
        for (; i < n; i++) x[xo + i] *= alpha;
    }

    @Override
    void solvePacked(int jb, double[] u, double[] inv, double[] p, int off, int nr) {
        // Each lane slice of the panel is an independent set of rows: solve one slice at a time.
        for (int v = 0; v < nr; v += L) {
            for (int j = 0; j < jb; j++) {
                int at = off + j * nr + v;
                DoubleVector x = DoubleVector.fromArray(S, p, at).mul(inv[j]);
                x.intoArray(p, at);
                int uo = j * jb;
                for (int k = j + 1; k < jb; k++) {
                    int pk = off + k * nr + v;
                    x.fma(DoubleVector.broadcast(S, -u[uo + k]), DoubleVector.fromArray(S, p, pk)).intoArray(p, pk);
                }
            }
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
