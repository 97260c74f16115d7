package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
        float s = Lanes.sum(s0.add(s1));
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
        float d0 = Lanes.sum(s0), d1 = Lanes.sum(s1), d2 = Lanes.sum(s2), d3 = Lanes.sum(s3);
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
        double s = Lanes.sum(s0.add(s1));
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
    void solveRows4(int jb, double[] u, double[] inv, double[] a, int r0, int r1, int r2, int r3) {
        int whole = jb - jb % L; // lanes [0, whole) go by vectors, the rest one by one
        DoubleVector iota = DoubleVector.zero(S).addIndex(1); // lane numbers, for the mask of lanes right of a column
        for (int j = 0; j < jb; j++) {
            double x0 = a[r0 + j] * inv[j];
            double x1 = a[r1 + j] * inv[j];
            double x2 = a[r2 + j] * inv[j];
            double x3 = a[r3 + j] * inv[j];
            a[r0 + j] = x0;
            a[r1 + j] = x1;
            a[r2 + j] = x2;
            a[r3 + j] = x3;
            DoubleVector v0 = DoubleVector.broadcast(S, -x0);
            DoubleVector v1 = DoubleVector.broadcast(S, -x1);
            DoubleVector v2 = DoubleVector.broadcast(S, -x2);
            DoubleVector v3 = DoubleVector.broadcast(S, -x3);
            int uo = j * jb;
            int k = (j + 1) / L * L; // the vector holding column j + 1
            if (k < whole) {
                // Lanes below j + 1 hold solved values: blend them back instead of a scalar head loop.
                VectorMask<Double> update = iota.compare(VectorOperators.GE, (double) (j + 1 - k));
                DoubleVector w = DoubleVector.fromArray(S, u, uo + k);
                DoubleVector y0 = DoubleVector.fromArray(S, a, r0 + k);
                DoubleVector y1 = DoubleVector.fromArray(S, a, r1 + k);
                DoubleVector y2 = DoubleVector.fromArray(S, a, r2 + k);
                DoubleVector y3 = DoubleVector.fromArray(S, a, r3 + k);
                y0.blend(v0.fma(w, y0), update).intoArray(a, r0 + k);
                y1.blend(v1.fma(w, y1), update).intoArray(a, r1 + k);
                y2.blend(v2.fma(w, y2), update).intoArray(a, r2 + k);
                y3.blend(v3.fma(w, y3), update).intoArray(a, r3 + k);
                for (k += L; k < whole; k += L) {
                    w = DoubleVector.fromArray(S, u, uo + k);
                    v0.fma(w, DoubleVector.fromArray(S, a, r0 + k)).intoArray(a, r0 + k);
                    v1.fma(w, DoubleVector.fromArray(S, a, r1 + k)).intoArray(a, r1 + k);
                    v2.fma(w, DoubleVector.fromArray(S, a, r2 + k)).intoArray(a, r2 + k);
                    v3.fma(w, DoubleVector.fromArray(S, a, r3 + k)).intoArray(a, r3 + k);
                }
            }
            for (k = Math.max(k, j + 1); k < jb; k++) {
                double w = u[uo + k];
                a[r0 + k] = Math.fma(-x0, w, a[r0 + k]);
                a[r1 + k] = Math.fma(-x1, w, a[r1 + k]);
                a[r2 + k] = Math.fma(-x2, w, a[r2 + k]);
                a[r3 + k] = Math.fma(-x3, w, a[r3 + k]);
            }
        }
    }
}
