package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link Lanes} on 128-bit vectors (the species is a constant so that C2 intrinsifies every vector). */
final class Lanes128 extends Lanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_128;
    private static final int L = S.length();

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
        double s = s0.add(s1).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
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
    void axpy4(int n, double a0, double a1, double a2, double a3, double[] x, int xo, double[] y, int y0, int y1, int y2, int y3) {
        DoubleVector v0 = DoubleVector.broadcast(S, a0);
        DoubleVector v1 = DoubleVector.broadcast(S, a1);
        DoubleVector v2 = DoubleVector.broadcast(S, a2);
        DoubleVector v3 = DoubleVector.broadcast(S, a3);
        int i = 0;
        for (; i <= n - L; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, x, xo + i);
            v0.fma(u, DoubleVector.fromArray(S, y, y0 + i)).intoArray(y, y0 + i);
            v1.fma(u, DoubleVector.fromArray(S, y, y1 + i)).intoArray(y, y1 + i);
            v2.fma(u, DoubleVector.fromArray(S, y, y2 + i)).intoArray(y, y2 + i);
            v3.fma(u, DoubleVector.fromArray(S, y, y3 + i)).intoArray(y, y3 + i);
        }
        for (; i < n; i++) {
            double u = x[xo + i];
            y[y0 + i] = Math.fma(a0, u, y[y0 + i]);
            y[y1 + i] = Math.fma(a1, u, y[y1 + i]);
            y[y2 + i] = Math.fma(a2, u, y[y2 + i]);
            y[y3 + i] = Math.fma(a3, u, y[y3 + i]);
        }
    }

    @Override
    void scale(int n, double alpha, double[] x, int xo) {
        DoubleVector a = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (; i <= n - L; i += L) DoubleVector.fromArray(S, x, xo + i).mul(a).intoArray(x, xo + i);
        for (; i < n; i++) x[xo + i] *= alpha;
    }
}
