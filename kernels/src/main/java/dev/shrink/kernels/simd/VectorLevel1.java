package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.Level1;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * Level-1 kernels on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>Reductions keep four independent accumulators and reduce once after the loop (as Lucene's
 * PanamaVectorUtilSupport does): one FMA chain would wait on the FMA latency, four keep both FMA ports busy.
 * Elementwise kernels (axpy, scal) round exactly as the scalar reference does. axpy loads four vectors before it
 * stores any: one load–store pair per iteration ran slower than C2's own vectorization of the scalar loop (0.8×,
 * Level1Benchmark.axpy, n = 4096), four pairs ran 1.7× faster than it; scal is best left to C2 (see there).
 * Strided forms run scalar loops: on x86 a gather costs more than the scalar loads it replaces.
 */
final class VectorLevel1 implements Level1 {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    /** Float lanes of the same width (twice as many), for the float32 kernels. */
    private static final VectorSpecies<Float> F = S.withLanes(float.class);
    private static final int FL = F.length();
    /** Long lanes of the same width, for maxAbs. */
    private static final VectorSpecies<Long> LS = S.withLanes(long.class);

    @Override
    public double dot(int n, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, n);
        return dotUnchecked(n, x, xOffset, y, yOffset);
    }

    /** Σ x·y over ranges already checked. */
    static double dotUnchecked(int n, double[] x, int xOffset, double[] y, int yOffset) {
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

    @Override
    public float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, n);
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (int bound = n & -(4 * FL); i < bound; i += 4 * FL) {
            a0 = FloatVector.fromArray(F, x, xOffset + i).fma(FloatVector.fromArray(F, y, yOffset + i), a0);
            a1 = FloatVector.fromArray(F, x, xOffset + i + FL).fma(FloatVector.fromArray(F, y, yOffset + i + FL), a1);
            a2 = FloatVector.fromArray(F, x, xOffset + i + 2 * FL).fma(FloatVector.fromArray(F, y, yOffset + i + 2 * FL), a2);
            a3 = FloatVector.fromArray(F, x, xOffset + i + 3 * FL).fma(FloatVector.fromArray(F, y, yOffset + i + 3 * FL), a3);
        }
        for (int bound = n & -FL; i < bound; i += FL) {
            a0 = FloatVector.fromArray(F, x, xOffset + i).fma(FloatVector.fromArray(F, y, yOffset + i), a0);
        }
        float s = sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s = Math.fma(x[xOffset + i], y[yOffset + i], s);
        return s;
    }

    @Override
    public double dot(int n, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.strided("y", y, yOffset, incY, n);
        if (incX == 1 && incY == 1) return dotUnchecked(n, x, xOffset, y, yOffset);
        // Two scalar chains halve the wait on the add latency; no gather (see the class comment).
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 = Math.fma(x[xOffset + i * incX], y[yOffset + i * incY], s0);
            s1 = Math.fma(x[xOffset + (i + 1) * incX], y[yOffset + (i + 1) * incY], s1);
        }
        if (i < n) s0 = Math.fma(x[xOffset + i * incX], y[yOffset + i * incY], s0);
        return s0 + s1;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset) {
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, n);
        // α·x then + y, two roundings like the reference: axpy promises no bound, so it must be bit-identical.
        DoubleVector a = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = n & -(4 * L); i < bound; i += 4 * L) {
            DoubleVector y0 = DoubleVector.fromArray(S, x, xOffset + i).mul(a).add(DoubleVector.fromArray(S, y, yOffset + i));
            DoubleVector y1 = DoubleVector.fromArray(S, x, xOffset + i + L).mul(a).add(DoubleVector.fromArray(S, y, yOffset + i + L));
            DoubleVector y2 = DoubleVector.fromArray(S, x, xOffset + i + 2 * L).mul(a).add(DoubleVector.fromArray(S, y, yOffset + i + 2 * L));
            DoubleVector y3 = DoubleVector.fromArray(S, x, xOffset + i + 3 * L).mul(a).add(DoubleVector.fromArray(S, y, yOffset + i + 3 * L));
            y0.intoArray(y, yOffset + i);
            y1.intoArray(y, yOffset + i + L);
            y2.intoArray(y, yOffset + i + 2 * L);
            y3.intoArray(y, yOffset + i + 3 * L);
        }
        for (int bound = n & -L; i < bound; i += L) {
            DoubleVector.fromArray(S, x, xOffset + i).mul(a).add(DoubleVector.fromArray(S, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < n; i++) y[yOffset + i] += alpha * x[xOffset + i];
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY) {
        Checks.length("n", n);
        Checks.strided("x", x, xOffset, incX, n);
        Checks.strided("y", y, yOffset, incY, n);
        if (incX == 1 && incY == 1) {
            axpy(n, alpha, x, xOffset, y, yOffset);
            return;
        }
        for (int i = 0; i < n; i++) y[yOffset + i * incY] += alpha * x[xOffset + i * incX];
    }

    /**
     * The plain loop: C2's SuperWord vectorizes it itself, with a pre-loop that aligns the stores, and that ran 1.5×
     * faster than a four-way unrolled Vector API loop (Level1Benchmark.scal, n = 4096, median of sampled calls:
     * 311 ns against 471 at 256 bits and 500 at 512). Bit-identical to the reference either way.
     */
    @Override
    public void scal(int n, double alpha, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        for (int i = 0; i < n; i++) x[xOffset + i] *= alpha;
    }

    @Override
    public double sum(int n, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (int bound = n & -(4 * L); i < bound; i += 4 * L) {
            a0 = a0.add(DoubleVector.fromArray(S, x, xOffset + i));
            a1 = a1.add(DoubleVector.fromArray(S, x, xOffset + i + L));
            a2 = a2.add(DoubleVector.fromArray(S, x, xOffset + i + 2 * L));
            a3 = a3.add(DoubleVector.fromArray(S, x, xOffset + i + 3 * L));
        }
        for (int bound = n & -L; i < bound; i += L) a0 = a0.add(DoubleVector.fromArray(S, x, xOffset + i));
        double s = sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s += x[xOffset + i];
        return s;
    }

    @Override
    public double sumOfSquares(int n, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        return dotUnchecked(n, x, xOffset, x, xOffset);
    }

    /**
     * Two passes as in the reference: the largest magnitude m first, then Σ(xᵢ·2ᵏ)² with 2ᵏ ≈ 1/m. A power of two
     * scales exactly (a multiply, not the reference's divide), the largest scaled value lies in [2⁻⁵¹, 2), so the
     * sum neither overflows nor loses the large terms to underflow (Blue 1978 / LAPACK dnrm2 use the same idea).
     */
    @Override
    public double norm2(int n, double[] x, int xOffset) {
        double m = maxAbs(n, x, xOffset);
        if (m == 0 || Double.isNaN(m) || Double.isInfinite(m)) return m;
        // k ≤ 1023 keeps 2ᵏ a double; for subnormal m the scaled maximum is then ≥ 2⁻⁵¹, still safely normal.
        int k = Math.min(1023, -Math.getExponent(m));
        DoubleVector c = DoubleVector.broadcast(S, Math.scalb(1.0, k));
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (int bound = n & -(4 * L); i < bound; i += 4 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, xOffset + i).mul(c);
            DoubleVector v1 = DoubleVector.fromArray(S, x, xOffset + i + L).mul(c);
            DoubleVector v2 = DoubleVector.fromArray(S, x, xOffset + i + 2 * L).mul(c);
            DoubleVector v3 = DoubleVector.fromArray(S, x, xOffset + i + 3 * L).mul(c);
            a0 = v0.fma(v0, a0);
            a1 = v1.fma(v1, a1);
            a2 = v2.fma(v2, a2);
            a3 = v3.fma(v3, a3);
        }
        for (int bound = n & -L; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xOffset + i).mul(c);
            a0 = v.fma(v, a0);
        }
        double s = sum(a0.add(a1).add(a2.add(a3)));
        double scale = Math.scalb(1.0, k);
        for (; i < n; i++) {
            double v = x[xOffset + i] * scale;
            s = Math.fma(v, v, s);
        }
        return Math.scalb(Math.sqrt(s), -k);
    }

    /**
     * The largest magnitude as the largest bit pattern: with the sign bit cleared, IEEE doubles order as their bits
     * read as longs, and every NaN lies above +Inf, so one integer MAX per vector finds the maximum exactly and lets
     * a NaN win. (Lanewise double MAX must follow Math.max's NaN and signed-zero rules, a multi-instruction sequence
     * on x86: 1.5× the time of this scan.) The bits are reinterpreted by {@code convert(REINTERPRET_D2L)} and masked
     * with a vector operand, not by {@code viewAsIntegralLanes()} and the scalar {@code and(long)}: those two go
     * through JDK methods whose JIT type profiles VectorGlmRows' 512-bit long lanes share, and once a few logistic fits
     * had run, C2 boxed every vector of this loop (32 MB of garbage, 2.0–2.5 ms instead of 0.7 per scan of a
     * 20000×200 X, that is per DenseDesign; measured on Zen 5).
     */
    @Override
    public double maxAbs(int n, double[] x, int xOffset) {
        Checks.range("x", x, xOffset, n);
        LongVector magnitude = LongVector.broadcast(LS, Long.MAX_VALUE);
        LongVector m0 = LongVector.zero(LS), m1 = m0;
        int i = 0;
        for (int bound = n & -(2 * L); i < bound; i += 2 * L) {
            m0 = m0.max(((LongVector) DoubleVector.fromArray(S, x, xOffset + i).convert(VectorOperators.REINTERPRET_D2L, 0)).and(magnitude));
            m1 = m1.max(((LongVector) DoubleVector.fromArray(S, x, xOffset + i + L).convert(VectorOperators.REINTERPRET_D2L, 0)).and(magnitude));
        }
        long m = 0;
        LongVector mm = m0.max(m1);
        for (int k = 0; k < L; k++) m = Math.max(m, mm.lane(k));
        for (; i < n; i++) m = Math.max(m, Double.doubleToRawLongBits(x[xOffset + i]) & Long.MAX_VALUE);
        return m > Double.doubleToRawLongBits(Double.POSITIVE_INFINITY) ? Double.NaN : Double.longBitsToDouble(m);
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
