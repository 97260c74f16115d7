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
}
