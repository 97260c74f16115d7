package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Proximal;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * Proximal steps on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>Every kernel here rounds exactly as the scalar reference (no FMA contraction, the same division), so both
 * implementations give bit-identical results, signed zeros and NaN included. They are bound by memory bandwidth,
 * where a fused multiply-add would buy nothing. Loops load two or four vectors before storing any (see
 * VectorLevel1's axpy for the measurement).
 */
final class VectorProximal implements Proximal {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final long SIGN = Long.MIN_VALUE;

    /** S(v, t) = copySign(max(|v| − t, 0), v) lanewise; MAX keeps a NaN, the sign is copied bit by bit. */
    private static DoubleVector softThreshold(DoubleVector v, DoubleVector t) {
        DoubleVector magnitude = v.abs().sub(t).max(0.0);
        LongVector sign = v.viewAsIntegralLanes().and(SIGN);
        return magnitude.viewAsIntegralLanes().or(sign).viewAsFloatingLanes();
    }

    private static double softThreshold(double v, double t) {
        return Math.copySign(Math.max(Math.abs(v) - t, 0.0), v);
    }

    @Override
    public void softThreshold(int n, double t, double[] x, int xOffset, double[] out, int outOffset) {
        Checks.nonNegative("t", t);
        Checks.range("x", x, xOffset, n);
        Checks.range("out", out, outOffset, n);
        DoubleVector tv = DoubleVector.broadcast(S, t);
        int i = 0;
        for (int bound = n & -(2 * L); i < bound; i += 2 * L) {
            DoubleVector o0 = softThreshold(DoubleVector.fromArray(S, x, xOffset + i), tv);
            DoubleVector o1 = softThreshold(DoubleVector.fromArray(S, x, xOffset + i + L), tv);
            o0.intoArray(out, outOffset + i);
            o1.intoArray(out, outOffset + i + L);
        }
        for (int bound = n & -L; i < bound; i += L) {
            softThreshold(DoubleVector.fromArray(S, x, xOffset + i), tv).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = softThreshold(x[xOffset + i], t);
    }

    @Override
    public void elasticNetProx(int n, double l1, double l2, double[] x, int xOffset, double[] out, int outOffset) {
        Checks.nonNegative("l1", l1);
        Checks.nonNegative("l2", l2);
        Checks.range("x", x, xOffset, n);
        Checks.range("out", out, outOffset, n);
        double denominator = 1.0 + l2;
        DoubleVector tv = DoubleVector.broadcast(S, l1);
        DoubleVector dv = DoubleVector.broadcast(S, denominator);
        int i = 0;
        for (int bound = n & -(2 * L); i < bound; i += 2 * L) {
            DoubleVector o0 = softThreshold(DoubleVector.fromArray(S, x, xOffset + i), tv).div(dv);
            DoubleVector o1 = softThreshold(DoubleVector.fromArray(S, x, xOffset + i + L), tv).div(dv);
            o0.intoArray(out, outOffset + i);
            o1.intoArray(out, outOffset + i + L);
        }
        for (int bound = n & -L; i < bound; i += L) {
            softThreshold(DoubleVector.fromArray(S, x, xOffset + i), tv).div(dv).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = softThreshold(x[xOffset + i], l1) / denominator;
    }

    @Override
    public void penalizedGradientStep(int n, double eta, double l1, double l2, double[] w, int wOffset, double[] g, int gOffset) {
        Checks.nonNegative("eta", eta);
        Checks.nonNegative("l1", l1);
        Checks.nonNegative("l2", l2);
        Checks.range("w", w, wOffset, n);
        Checks.range("g", g, gOffset, n);
        double threshold = eta * l1;
        DoubleVector tv = DoubleVector.broadcast(S, threshold);
        DoubleVector etaV = DoubleVector.broadcast(S, eta);
        DoubleVector l2V = DoubleVector.broadcast(S, l2);
        int i = 0;
        for (int bound = n & -(2 * L); i < bound; i += 2 * L) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, wOffset + i);
            DoubleVector w1 = DoubleVector.fromArray(S, w, wOffset + i + L);
            DoubleVector g0 = DoubleVector.fromArray(S, g, gOffset + i).add(l2V.mul(w0));
            DoubleVector g1 = DoubleVector.fromArray(S, g, gOffset + i + L).add(l2V.mul(w1));
            softThreshold(w0.sub(etaV.mul(g0)), tv).intoArray(w, wOffset + i);
            softThreshold(w1.sub(etaV.mul(g1)), tv).intoArray(w, wOffset + i + L);
        }
        for (int bound = n & -L; i < bound; i += L) {
            DoubleVector wi = DoubleVector.fromArray(S, w, wOffset + i);
            DoubleVector gradient = DoubleVector.fromArray(S, g, gOffset + i).add(l2V.mul(wi));
            softThreshold(wi.sub(etaV.mul(gradient)), tv).intoArray(w, wOffset + i);
        }
        for (; i < n; i++) {
            double wi = w[wOffset + i];
            w[wOffset + i] = softThreshold(wi - eta * (g[gOffset + i] + l2 * wi), threshold);
        }
    }

    @Override
    public void residualUpdate(int n, double delta, double[] x, int xOffset, int incX, double[] r, int rOffset) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.range("r", r, rOffset, n);
        int i = 0;
        if (incX == 1) {
            DoubleVector d = DoubleVector.broadcast(S, delta);
            for (int bound = n & -(4 * L); i < bound; i += 4 * L) {
                DoubleVector r0 = DoubleVector.fromArray(S, r, rOffset + i).sub(DoubleVector.fromArray(S, x, xOffset + i).mul(d));
                DoubleVector r1 = DoubleVector.fromArray(S, r, rOffset + i + L).sub(DoubleVector.fromArray(S, x, xOffset + i + L).mul(d));
                DoubleVector r2 = DoubleVector.fromArray(S, r, rOffset + i + 2 * L).sub(DoubleVector.fromArray(S, x, xOffset + i + 2 * L).mul(d));
                DoubleVector r3 = DoubleVector.fromArray(S, r, rOffset + i + 3 * L).sub(DoubleVector.fromArray(S, x, xOffset + i + 3 * L).mul(d));
                r0.intoArray(r, rOffset + i);
                r1.intoArray(r, rOffset + i + L);
                r2.intoArray(r, rOffset + i + 2 * L);
                r3.intoArray(r, rOffset + i + 3 * L);
            }
            for (int bound = n & -L; i < bound; i += L) {
                DoubleVector.fromArray(S, r, rOffset + i).sub(DoubleVector.fromArray(S, x, xOffset + i).mul(d))
                        .intoArray(r, rOffset + i);
            }
        }
        // A row-major column (incX = ld) is a gather, slower on x86 than these scalar loads.
        for (; i < n; i++) r[rOffset + i] -= delta * x[xOffset + i * incX];
    }
}
