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
 * <p>Every elementwise kernel here rounds exactly as the scalar reference (no FMA contraction, the same division), so both
 * implementations give bit-identical results, signed zeros and NaN included. They are bound by memory bandwidth,
 * where a fused multiply-add would buy nothing. Loops load two or four vectors before storing any (see
 * VectorLevel1's axpy for the measurement). The block soft-threshold reduces (a norm) and stays within the
 * interface's bound instead.
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

    /** Sums of squares in [2⁻⁹⁶⁰, 2⁹⁶⁰] are trusted as they are: no term overflowed, and underflowed terms are below ε of it. */
    private static final double SAFE_LOW = 0x1p-960;
    private static final double SAFE_HIGH = 0x1p960;

    /**
     * One pass for Σxᵢ² (two accumulators), trusted when it lies in the safe range; otherwise the two-pass scaled norm
     * (the largest magnitude m, then Σ(xᵢ·2ᵏ)² with 2ᵏ ≈ 1/m, as VectorLevel1.norm2). Then one scaling pass. Not
     * bit-identical to the reference (the sums run in another order), within the interface's bound.
     */
    @Override
    public double groupSoftThreshold(int n, double t, double c, double[] x, int xOffset, double[] out, int outOffset) {
        Checks.nonNegative("t", t);
        Checks.nonNegative("c", c);
        Checks.range("x", x, xOffset, n);
        Checks.range("out", out, outOffset, n);
        double s = scaledSquares(n, x, xOffset, 1.0);
        double norm;
        if (s >= SAFE_LOW && s <= SAFE_HIGH) {
            norm = Math.sqrt(s);
        } else if (Double.isNaN(s)) {
            norm = Double.NaN;
        } else {
            double m = 0;
            for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(x[xOffset + i]));
            if (m == 0 || Double.isInfinite(m)) {
                norm = m;
            } else {
                int k = Math.min(1023, -Math.getExponent(m));
                norm = Math.scalb(Math.sqrt(scaledSquares(n, x, xOffset, Math.scalb(1.0, k))), -k);
            }
        }
        double factor = (Double.isNaN(norm) ? Double.NaN : norm > t ? 1 - t / norm : 0.0) * c;
        DoubleVector f = DoubleVector.broadcast(S, factor);
        int i = 0;
        for (int bound = n & -L; i < bound; i += L) {
            f.mul(DoubleVector.fromArray(S, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = factor * x[xOffset + i];
        return norm;
    }

    /** Σ(xᵢ·scale)², two accumulators (scale a power of two, so the scaling is exact). */
    private static double scaledSquares(int n, double[] x, int xOffset, double scale) {
        DoubleVector c = DoubleVector.broadcast(S, scale);
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0;
        int i = 0;
        for (int bound = n & -(2 * L); i < bound; i += 2 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, xOffset + i).mul(c);
            DoubleVector v1 = DoubleVector.fromArray(S, x, xOffset + i + L).mul(c);
            a0 = v0.fma(v0, a0);
            a1 = v1.fma(v1, a1);
        }
        for (int bound = n & -L; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOffset + i).mul(c);
            a0 = v.fma(v, a0);
        }
        double s = sum(a0.add(a1));
        for (; i < n; i++) {
            double v = x[xOffset + i] * scale;
            s = Math.fma(v, v, s);
        }
        return s;
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
}
