package dev.shrink.kernels.simd;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.GlmRows;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * GLM row terms on the Vector API; a template specialized per width by {@link Specialization}.
 *
 * <p>exp, log and log1p are computed here from additions, multiplications, FMAs and bit operations only (range
 * reduction and Taylor polynomials, below), not with the Vector API's lanewise EXP/LOG/LOG1P: those give {@link Math}'s
 * results until C2 compiles the caller and the vector math library's (SVML-derived) afterwards, values that differ in
 * the last bit — a fit would then depend on how warm the JVM is (the command line's conformance test caught it: the
 * same path fitted twice in one JVM differed in the 16th digit). IEEE operations round the same interpreted and
 * compiled, so these are deterministic. Measured on Zen 5 (JDK 25, n = 100000, 256 bits): a logistic row's value,
 * residual and curvature 0.27 ms against 1.9 ms for the scalar reference with {@link Math#exp} (the lanewise EXP/LOG1P
 * version took 0.27 ms too); five-class softmax rows 1.2–1.3 ms against 9.3. This family is compute-bound and runs at
 * 512 bits where the FMA datapath is that wide. Every other operation rounds as the scalar reference's, so the two
 * differ by the functions' ulps and the order of the sums. Rows are taken L at a time (the multinomial: L rows, every
 * class, so the class-major layout needs no gather); the tail rows one by one with {@link Math}'s functions, the
 * scalar reference's formulas repeated on purpose: one masked step method per kernel, shared by the loop and the tail,
 * measured 10–60× slower once C2 had compiled the step on its own and stopped inlining it (its vector arguments
 * boxed).
 */
final class VectorGlmRows implements GlmRows {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();

    private static void check(int from, int to, double[] z, double[] y, double[] s, double[] r, double[] h) {
        if (from < 0 || to < from) throw new IllegalArgumentException("rows must be 0 ≤ from ≤ to, got [" + from + ", " + to + ")");
        Checks.range("z", z, from, to - from);
        if (y != null) Checks.range("y", y, from, to - from);
        if (s != null) Checks.range("s", s, from, to - from);
        if (r != null) Checks.range("r", r, from, to - from);
        if (h != null) Checks.range("h", h, from, to - from);
    }

    private static void checkClasses(int from, int to, int k, int ld, double[] s, double[]... classMajor) {
        if (from < 0 || to < from) throw new IllegalArgumentException("rows must be 0 ≤ from ≤ to, got [" + from + ", " + to + ")");
        if (k < 1) throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        if (ld < to - from) throw new IllegalArgumentException("ld must be ≥ to − from = " + (to - from) + ", got " + ld);
        long span = (long) (k - 1) * ld + (to - from);
        if (span > Integer.MAX_VALUE) throw new IllegalArgumentException("k·ld exceeds an array's length");
        for (double[] a : classMajor) if (a != null) Checks.range("a class-major array", a, from, (int) span);
        if (s != null) Checks.range("s", s, from, to - from);
    }

    /** The weights of rows [i, i + L), or ones. */
    private static DoubleVector weights(double[] s, int i, DoubleVector ones) {
        return s == null ? ones : DoubleVector.fromArray(S, s, i);
    }

    /** v where the weight is not 0, else 0 (a row with sᵢ = 0 adds nothing, even an infinite or NaN term). */
    private static DoubleVector weighted(DoubleVector v, double[] s, DoubleVector sv) {
        return s == null ? v : v.blend(0.0, sv.compare(VectorOperators.EQ, 0.0));
    }

    /** δ = t·(u0 − g) of rows [i, i + L), either array null: 0. */
    private static DoubleVector delta(double[] g, double[] u0, int i, double t) {
        DoubleVector u = u0 == null ? DoubleVector.zero(S) : DoubleVector.fromArray(S, u0, i);
        DoubleVector gv = g == null ? DoubleVector.zero(S) : DoubleVector.fromArray(S, g, i);
        return u.sub(gv).mul(t);
    }

    private static double delta(double[] g, double[] u0, double t, int i) {
        return t * ((u0 == null ? 0.0 : u0[i]) - (g == null ? 0.0 : g[i]));
    }

    /*
     * The chunk loops of the kernels below, each called through a method handle held in a field that is not final: the
     * handle is then no constant to C2, which compiles each loop on its own (one transcendental function per compiled
     * body) and cannot inline the loops back into their caller. Called directly, C2 inlined the first loops into the
     * kernel (or into the kernel's caller), reached its node budget (NodeCountInliningCutoff) part-way through the next
     * loop's vector operations and left those as calls with boxed vectors: in a logistic path, 3.6 GB of garbage and
     * the divergence at the one-loop version's speed, where a probe that warmed the loops first had none. A call through
     * a handle costs a few nanoseconds, a few per {@link #CHUNK} rows.
     */
    private static MethodHandle NEGATIVE_ABS_EXP = loop("negativeAbsExp", int.class, int.class, double[].class, double[].class, int.class);
    private static MethodHandle EXP = loop("exp", int.class, int.class, double[].class, double[].class, int.class);
    private static MethodHandle LOG1P_OF_UNIT = loop("log1pOfUnit", int.class, double[].class, double[].class);
    private static MethodHandle LOG1P_IN_PLACE = loop("log1pInPlace", int.class, double[].class);
    private static MethodHandle LOGISTIC_LOSS = loop("logisticLoss", int.class, int.class, double[].class, double[].class,
            double[].class, double[].class, int.class, double[].class);
    private static MethodHandle LOGISTIC_DERIVATIVES = loop("logisticDerivatives", int.class, int.class, double.class, double[].class,
            double[].class, double[].class, double[].class, double[].class, double[].class, int.class);
    private static MethodHandle BERNOULLI_ARGUMENTS = loop("bernoulliArguments", int.class, int.class, double[].class, double[].class,
            double[].class, double[].class, double.class, double[].class, double[].class, double[].class, int.class);
    private static MethodHandle BERNOULLI_SUM = loop("bernoulliSum", int.class, int.class, double[].class, double[].class,
            double[].class, double[].class, int.class, double[].class);
    private static MethodHandle POISSON_ARGUMENTS = loop("poissonArguments", int.class, int.class, double[].class, double[].class,
            double[].class, double.class, double[].class, double[].class, double[].class, int.class);
    private static MethodHandle POISSON_ROWS = loop("poissonRows", int.class, int.class, double.class, double[].class, double[].class,
            double[].class, double[].class, double[].class, double[].class);
    private static MethodHandle ROW_MAXIMA = loop("rowMaxima", int.class, int.class, int.class, int.class, double[].class, double[].class,
            int.class);
    private static MethodHandle CLASS_EXPONENTIALS = loop("classExponentials", int.class, int.class, int.class, double[].class,
            double[].class, double[].class, int.class, double[].class, int.class);
    private static MethodHandle SOFTMAX_LOSS = loop("softmaxLoss", int.class, int.class, int.class, int.class, double[].class,
            double[].class, double[].class, double[].class, double[].class, int.class, double[].class);
    private static MethodHandle SOFTMAX_OUTPUTS = loop("softmaxOutputs", int.class, int.class, int.class, int.class, double.class,
            double[].class, double[].class, double[].class, int.class, double[].class, int.class, double[].class, double[].class);
    private static MethodHandle LOG_OF = loop("logOf", int.class, double[].class, double[].class);
    private static MethodHandle CLASS_ARGUMENTS = loop("classArguments", int.class, int.class, int.class, double[].class, double[].class,
            double[].class, double.class, double[].class, int.class, double[].class, double[].class, double[].class, int.class);
    private static MethodHandle CLASS_PART = loop("classPart", int.class, boolean.class, double[].class, double[].class, double[].class);
    private static MethodHandle WEIGHTED_SUM = loop("weightedSum", int.class, int.class, double[].class, double[].class, int.class,
            double[].class);
    private static MethodHandle POISSON_SUM = loop("poissonSum", int.class, int.class, double[].class, double[].class, double[].class,
            double[].class, int.class, double[].class);

    /** This class's static void method {@code name} with these parameters. */
    private static MethodHandle loop(String name, Class<?>... parameters) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            return lookup.findStatic(lookup.lookupClass(), name, MethodType.methodType(void.class, parameters));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** x itself when unchecked (the loops throw nothing checked). */
    private static RuntimeException rethrow(Throwable x) {
        if (x instanceof RuntimeException r) return r;
        if (x instanceof Error e) throw e;
        return new IllegalStateException(x);
    }

    /**
     * Rows per pass of the chunked kernels ({@link #logistic}, the divergences): the first loop leaves its values in small
     * scratch arrays of this many values, the next loops read them back while they are still in L1.
     */
    private static final int CHUNK = 256;

    /**
     * In four vector loops per chunk of rows: e = e^{−|z|}, then log1p(e), then the loss terms, then r and h. As one loop
     * (exp, log1p and two divisions inlined into one body) it exceeded C2's inlining budget (NodeCountInliningCutoff),
     * which then left log1p's core and the weight mask as calls with boxed vector arguments — about 50 bytes of garbage
     * per row and 3–4× the time (0.12–0.17 ms against 0.04 ms for 20000 rows at 512 bits, measured on Zen 5); three
     * loops (log1p inside the loss loop) still boxed with row weights (0.44 ms against 0.28 ms for the loss of 10⁵
     * rows). Each lane's operations are those of the one loop, so the bits are the same.
     */
    @Override
    public double logistic(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h) {
        check(from, to, z, y, s, r, h);
        int vectorEnd = from + ((to - from) & -L);
        int chunk = Math.min(CHUNK, vectorEnd - from);
        double[] e = new double[chunk];
        double[] log = new double[chunk];
        double[] acc = new double[L];
        for (int c0 = from; c0 < vectorEnd; c0 += CHUNK) {
            int c1 = Math.min(vectorEnd, c0 + CHUNK);
            try {
                NEGATIVE_ABS_EXP.invokeExact(c0, c1, z, e, c0);
                LOG1P_OF_UNIT.invokeExact(c1 - c0, e, log);
                LOGISTIC_LOSS.invokeExact(c0, c1, z, y, s, log, c0, acc);
                if (r != null || h != null) LOGISTIC_DERIVATIVES.invokeExact(c0, c1, c, z, y, s, r, h, e, c0);
            } catch (Throwable x) {
                throw rethrow(x);
            }
        }
        double sum = sum(acc);
        for (int i = vectorEnd; i < to; i++) {
            double zi = z[i];
            double yi = y[i];
            double si = s == null ? 1.0 : s[i];
            double ei = Math.exp(-Math.abs(zi));
            double u = 1.0 + ei;
            double nu = ei / u;
            boolean positive = zi >= 0;
            double a = positive ? (1.0 - yi) * zi : -yi * zi;
            if (si != 0) sum += (a + Math.log1p(ei)) * si;
            if (r != null) r[i] = c * si * (positive ? (1.0 - yi) - nu : nu - yi);
            if (h != null) h[i] = c * si * (ei / (u * u));
        }
        return sum;
    }

    /** out[i − shift] = e^{−|z[i]|} for rows [from, to), a whole number of vectors. */
    private static void negativeAbsExp(int from, int to, double[] z, double[] out, int shift) {
        for (int i = from; i < to; i += L) exp(DoubleVector.fromArray(S, z, i).abs().neg()).intoArray(out, i - shift);
    }

    /** out[k] = log1p(x[k]), x in [0, 1], for k in [0, count), a whole number of vectors. */
    private static void log1pOfUnit(int count, double[] x, double[] out) {
        for (int k = 0; k < count; k += L) log1pOfUnit(DoubleVector.fromArray(S, x, k)).intoArray(out, k);
    }

    /** x[k] ← log1p(x[k]) for k in [0, count), a whole number of vectors. */
    private static void log1pInPlace(int count, double[] x) {
        for (int k = 0; k < count; k += L) log1p(DoubleVector.fromArray(S, x, k)).intoArray(x, k);
    }

    /**
     * Σ sᵢ·(aᵢ + log1p(eᵢ)) over rows [from, to) (a whole number of vectors), log1p(eᵢ) at {@code log[i − shift]}, added
     * lanewise to the L partial sums in {@code sums}.
     */
    private static void logisticLoss(int from, int to, double[] z, double[] y, double[] s, double[] log, int shift, double[] sums) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.fromArray(S, sums, 0);
        for (int i = from; i < to; i += L) {
            DoubleVector zv = DoubleVector.fromArray(S, z, i);
            DoubleVector yv = DoubleVector.fromArray(S, y, i);
            DoubleVector sv = weights(s, i, ones);
            DoubleVector a = yv.neg().mul(zv).blend(ones.sub(yv).mul(zv), zv.compare(VectorOperators.GE, 0.0));
            DoubleVector term = a.add(DoubleVector.fromArray(S, log, i - shift)).mul(sv);
            acc = acc.add(s == null ? term : term.blend(0.0, sv.compare(VectorOperators.EQ, 0.0)));
        }
        acc.intoArray(sums, 0);
    }

    /** r and h (either may be null) of rows [from, to) (a whole number of vectors) from eᵢ at {@code e[i − shift]}. */
    private static void logisticDerivatives(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h,
                                            double[] eAt, int shift) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        for (int i = from; i < to; i += L) {
            DoubleVector zv = DoubleVector.fromArray(S, z, i);
            DoubleVector yv = DoubleVector.fromArray(S, y, i);
            DoubleVector cs = DoubleVector.broadcast(S, c).mul(weights(s, i, ones));
            DoubleVector e = DoubleVector.fromArray(S, eAt, i - shift);
            DoubleVector u = e.add(1.0);
            if (r != null) {
                DoubleVector nu = e.div(u);
                DoubleVector diff = nu.sub(yv).blend(ones.sub(yv).sub(nu), zv.compare(VectorOperators.GE, 0.0));
                cs.mul(diff).intoArray(r, i);
            }
            if (h != null) cs.mul(e.div(u.mul(u))).intoArray(h, i);
        }
    }

    /**
     * One vector loop (one exp), called per {@link #CHUNK} rows through a handle for the reason given there: inlined
     * into a caller with other work (a line search's trial), it too was left with boxed vectors.
     */
    @Override
    public double poisson(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h) {
        check(from, to, z, y, s, r, h);
        int vectorEnd = from + ((to - from) & -L);
        double[] acc = new double[L];
        for (int c0 = from; c0 < vectorEnd; c0 += CHUNK) {
            try {
                POISSON_ROWS.invokeExact(c0, Math.min(vectorEnd, c0 + CHUNK), c, z, y, s, r, h, acc);
            } catch (Throwable x) {
                throw rethrow(x);
            }
        }
        double sum = sum(acc);
        for (int i = vectorEnd; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            double mu = Math.exp(z[i]);
            if (si != 0) sum += (mu - y[i] * z[i]) * si;
            if (r != null) r[i] = c * si * (mu - y[i]);
            if (h != null) h[i] = c * si * mu;
        }
        return sum;
    }

    /** Poisson rows [from, to) (a whole number of vectors): r, h (either may be null) and the loss, added lanewise to sums. */
    private static void poissonRows(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h, double[] sums) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.fromArray(S, sums, 0);
        for (int i = from; i < to; i += L) {
            DoubleVector zv = DoubleVector.fromArray(S, z, i);
            DoubleVector yv = DoubleVector.fromArray(S, y, i);
            DoubleVector sv = weights(s, i, ones);
            DoubleVector mu = exp(zv);
            acc = acc.add(weighted(mu.sub(yv.mul(zv)).mul(sv), s, sv));
            if (r != null) DoubleVector.broadcast(S, c).mul(sv).mul(mu.sub(yv)).intoArray(r, i);
            if (h != null) DoubleVector.broadcast(S, c).mul(sv).mul(mu).intoArray(h, i);
        }
        acc.intoArray(sums, 0);
    }

    /**
     * Per chunk of {@link #SOFTMAX_CHUNK} rows, each loop called through a handle (see {@link #CHUNK}): the rows' maxima;
     * then, class by class, e^{z − m} into a scratch block and its running total; then log(total); then the loss; then p
     * and r from the kept exponentials. As one loop (two exp and a log per class and row) it ran with boxed vectors
     * (3 ms for 10⁵ rows of 4 classes). Each lane's operations are those of the one loop, so the bits are the same.
     */
    @Override
    public double softmax(int from, int to, int k, int ld, double cs, double[] z, double[] label, double[] s, double[] p, double[] r) {
        checkClasses(from, to, k, ld, s, z, p, r);
        Checks.range("label", label, from, to - from);
        int vectorEnd = from + ((to - from) & -L);
        int chunk = Math.min(SOFTMAX_CHUNK, vectorEnd - from);
        double[] m = new double[chunk];
        double[] total = new double[chunk];
        double[] e = new double[k * chunk];
        double[] logs = new double[chunk];
        double[] acc = new double[L];
        for (int c0 = from; c0 < vectorEnd; c0 += SOFTMAX_CHUNK) {
            int c1 = Math.min(vectorEnd, c0 + SOFTMAX_CHUNK);
            try {
                ROW_MAXIMA.invokeExact(c0, c1, k, ld, z, m, c0);
                for (int cl = 0; cl < k; cl++) CLASS_EXPONENTIALS.invokeExact(c0, c1, cl * ld, z, m, e, cl * chunk, total, c0);
                LOG_OF.invokeExact(c1 - c0, total, logs);
                SOFTMAX_LOSS.invokeExact(c0, c1, k, ld, z, label, s, m, logs, c0, acc);
                if (p != null || r != null) {
                    for (int cl = 0; cl < k; cl++) SOFTMAX_OUTPUTS.invokeExact(c0, c1, cl, cl * ld, cs, label, s, e, cl * chunk, total, c0, p, r);
                }
            } catch (Throwable x) {
                throw rethrow(x);
            }
        }
        double sum = sum(acc);
        for (int i = vectorEnd; i < to; i++) {
            double mi = z[i];
            for (int cl = 1; cl < k; cl++) mi = Math.max(mi, z[cl * ld + i]);
            double ti = 0;
            double zy = 0;
            for (int cl = 0; cl < k; cl++) {
                ti += Math.exp(z[cl * ld + i] - mi);
                if (label[i] == cl) zy = z[cl * ld + i];
            }
            double si = s == null ? 1.0 : s[i];
            if (si != 0) sum += (mi + Math.log(ti) - zy) * si;
            if (p == null && r == null) continue;
            double scale = cs * si;
            for (int cl = 0; cl < k; cl++) {
                double pc = Math.exp(z[cl * ld + i] - mi) / ti;
                if (p != null) p[cl * ld + i] = pc;
                if (r != null) r[cl * ld + i] = scale * (pc - (label[i] == cl ? 1.0 : 0.0));
            }
        }
        return sum;
    }

    /** Rows per chunk of the softmax kernels: their scratch holds every class's exponentials of a chunk. */
    private static final int SOFTMAX_CHUNK = 128;

    /** m[i − shift] = max over the k classes of z at row i, rows [from, to) (a whole number of vectors). */
    private static void rowMaxima(int from, int to, int k, int ld, double[] z, double[] m, int shift) {
        for (int i = from; i < to; i += L) {
            DoubleVector mv = DoubleVector.fromArray(S, z, i);
            for (int cl = 1; cl < k; cl++) mv = mv.max(DoubleVector.fromArray(S, z, cl * ld + i));
            mv.intoArray(m, i - shift);
        }
    }

    /**
     * One class: e[eAt + i − shift] = e^{z[zAt + i] − m}, added to total[i − shift] (set at the first class, eAt = 0),
     * rows [from, to) (a whole number of vectors).
     */
    private static void classExponentials(int from, int to, int zAt, double[] z, double[] m, double[] e, int eAt, double[] total,
                                          int shift) {
        for (int i = from; i < to; i += L) {
            DoubleVector ev = exp(DoubleVector.fromArray(S, z, zAt + i).sub(DoubleVector.fromArray(S, m, i - shift)));
            ev.intoArray(e, eAt + i - shift);
            DoubleVector before = eAt == 0 ? DoubleVector.zero(S) : DoubleVector.fromArray(S, total, i - shift);
            before.add(ev).intoArray(total, i - shift);
        }
    }

    /** out[j] = log(x[j]) for j in [0, count), a whole number of vectors (x ≥ 1 here: the softmax's totals). */
    private static void logOf(int count, double[] x, double[] out) {
        for (int j = 0; j < count; j += L) log(DoubleVector.fromArray(S, x, j)).intoArray(out, j);
    }

    /**
     * Σ sᵢ·(mᵢ + log(totalᵢ) − z_{i,yᵢ}) over rows [from, to) (a whole number of vectors), log(totalᵢ) at logs[i − shift],
     * added lanewise to sums.
     */
    private static void softmaxLoss(int from, int to, int k, int ld, double[] z, double[] label, double[] s, double[] m, double[] logs,
                                    int shift, double[] sums) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.fromArray(S, sums, 0);
        for (int i = from; i < to; i += L) {
            DoubleVector yv = DoubleVector.fromArray(S, label, i);
            DoubleVector zy = DoubleVector.zero(S);
            for (int cl = 0; cl < k; cl++) zy = zy.blend(DoubleVector.fromArray(S, z, cl * ld + i), yv.compare(VectorOperators.EQ, cl));
            DoubleVector sv = weights(s, i, ones);
            DoubleVector mv = DoubleVector.fromArray(S, m, i - shift);
            acc = acc.add(weighted(mv.add(DoubleVector.fromArray(S, logs, i - shift)).sub(zy).mul(sv), s, sv));
        }
        acc.intoArray(sums, 0);
    }

    /** One class's p = e/total and r = cs·s·(p − [y = class]) (either may be null), rows [from, to) (a whole number of vectors). */
    private static void softmaxOutputs(int from, int to, int cl, int zAt, double cs, double[] label, double[] s, double[] e, int eAt,
                                       double[] total, int shift, double[] p, double[] r) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        for (int i = from; i < to; i += L) {
            DoubleVector pc = DoubleVector.fromArray(S, e, eAt + i - shift).div(DoubleVector.fromArray(S, total, i - shift));
            if (p != null) pc.intoArray(p, zAt + i);
            if (r != null) {
                DoubleVector scale = DoubleVector.broadcast(S, cs).mul(weights(s, i, ones));
                DoubleVector indicator = DoubleVector.zero(S).blend(1.0, DoubleVector.fromArray(S, label, i).compare(VectorOperators.EQ, cl));
                scale.mul(pc.sub(indicator)).intoArray(r, zAt + i);
            }
        }
    }

    /**
     * In five vector loops per chunk of rows ({@link #CHUNK}): e = e^{−|z|}; then q and the two log1p arguments d/μ and
     * −d/(1 − μ); then each log1p on its own; then the sum. As one loop (an exp, two log1p and four divisions) it
     * exceeded C2's inlining budget like {@link #logistic} and ran with boxed vectors (1.0–1.5 ms for 10⁵ rows against
     * 0.32 ms for the logistic loss and derivatives, measured on Zen 5). Each lane's operations are those of the one
     * loop, so the bits are the same.
     */
    @Override
    public double logisticDivergence(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t) {
        check(from, to, z, null, s, g, u0);
        int vectorEnd = from + ((to - from) & -L);
        int chunk = Math.min(CHUNK, vectorEnd - from);
        double[] q = new double[chunk];
        double[] first = new double[chunk];
        double[] second = new double[chunk];
        double[] acc = new double[L];
        for (int c0 = from; c0 < vectorEnd; c0 += CHUNK) {
            int c1 = Math.min(vectorEnd, c0 + CHUNK);
            try {
                NEGATIVE_ABS_EXP.invokeExact(c0, c1, z, q, c0);
                BERNOULLI_ARGUMENTS.invokeExact(c0, c1, z, s, g, u0, t, q, first, second, c0);
                LOG1P_IN_PLACE.invokeExact(c1 - c0, first);
                LOG1P_IN_PLACE.invokeExact(c1 - c0, second);
                BERNOULLI_SUM.invokeExact(c0, c1, s, q, first, second, c0, acc);
            } catch (Throwable x) {
                throw rethrow(x);
            }
        }
        double sum = sum(acc);
        for (int i = vectorEnd; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double d = delta(g, u0, t, i) / si;
            double e = Math.exp(-Math.abs(z[i]));
            double nu = e / (1.0 + e);
            double big = 1.0 / (1.0 + e);
            boolean positive = z[i] >= 0;
            double mu = positive ? big : nu;
            double mu1 = positive ? nu : big;
            double qi = Math.min(1.0, Math.max(0.0, mu + d));
            sum += si * ((qi > 0 ? qi * Math.log1p(d / mu) : 0.0) + (qi < 1 ? (1.0 - qi) * Math.log1p(-d / mu1) : 0.0));
        }
        return sum;
    }

    /**
     * For rows [from, to) (a whole number of vectors), at offset i − shift: reads e = e^{−|zᵢ|} from eq and writes there
     * q = min(1, max(0, μ + d)), with d/μ into a and −d/(1 − μ) into b (d = δᵢ/sᵢ, μ = σ(zᵢ)).
     */
    private static void bernoulliArguments(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t,
                                           double[] eq, double[] a, double[] b, int shift) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        for (int i = from; i < to; i += L) {
            DoubleVector zv = DoubleVector.fromArray(S, z, i);
            DoubleVector d = delta(g, u0, i, t).div(weights(s, i, ones));
            DoubleVector e = DoubleVector.fromArray(S, eq, i - shift);
            DoubleVector u = e.add(1.0);
            DoubleVector nu = e.div(u);
            DoubleVector big = ones.div(u);
            VectorMask<Double> positive = zv.compare(VectorOperators.GE, 0.0);
            DoubleVector mu = nu.blend(big, positive);
            DoubleVector mu1 = big.blend(nu, positive);
            mu.add(d).max(0.0).min(1.0).intoArray(eq, i - shift);
            d.div(mu).intoArray(a, i - shift);
            d.neg().div(mu1).intoArray(b, i - shift);
        }
    }

    /**
     * Σ sᵢ·(q·log1p(d/μ) + (1 − q)·log1p(−d/(1 − μ))) over rows [from, to) (a whole number of vectors), each part 0
     * where its factor is, from q, and the two log1p at offset i − shift; added lanewise to the L partial sums in
     * {@code sums}.
     */
    private static void bernoulliSum(int from, int to, double[] s, double[] q, double[] logA, double[] logB, int shift, double[] sums) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.fromArray(S, sums, 0);
        for (int i = from; i < to; i += L) {
            DoubleVector sv = weights(s, i, ones);
            DoubleVector qv = DoubleVector.fromArray(S, q, i - shift);
            DoubleVector first = qv.mul(DoubleVector.fromArray(S, logA, i - shift)).blend(0.0, qv.compare(VectorOperators.GT, 0.0).not());
            DoubleVector second = ones.sub(qv).mul(DoubleVector.fromArray(S, logB, i - shift))
                    .blend(0.0, qv.compare(VectorOperators.LT, 1.0).not());
            acc = acc.add(sv.mul(first.add(second)).blend(0.0, sv.compare(VectorOperators.EQ, 0.0)));
        }
        acc.intoArray(sums, 0);
    }

    /** One loop with no transcendental function (small enough for C2 to compile whole). */
    @Override
    public double logisticFloor(int from, int to, double[] y, double[] s, double[] g, double[] delta, double slack) {
        check(from, to, y, null, s, null, null);
        Checks.range("g", g, from, to - from);
        Checks.range("delta", delta, from, to - from);
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.zero(S);
        VectorMask<Double> outside = S.maskAll(false);
        double low = -slack;
        double high = 1 + slack;
        int i = from;
        for (int bound = from + ((to - from) & -L); i < bound; i += L) {
            DoubleVector sv = weights(s, i, ones);
            DoubleVector dv = DoubleVector.fromArray(S, delta, i);
            DoubleVector q = DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, g, i).add(dv).div(sv));
            VectorMask<Double> live = sv.compare(VectorOperators.NE, 0.0);
            outside = outside.or(q.compare(VectorOperators.GE, low).and(q.compare(VectorOperators.LE, high)).not().and(live));
            acc = acc.add(dv.mul(dv).div(sv).blend(0.0, live.not()));
        }
        if (outside.anyTrue()) return Double.NaN;
        double sum = sum(acc);
        for (; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double q = y[i] + (g[i] + delta[i]) / si;
            if (!(q >= low && q <= high)) return Double.NaN;
            sum += delta[i] * delta[i] / si;
        }
        return 2 * sum;
    }

    /**
     * In four vector loops per chunk of rows ({@link #CHUNK}), for the reason given at {@link #logisticDivergence}
     * (as one loop: 0.64 ms for 10⁵ rows, boxed, against 0.15 ms for the Poisson loss and derivatives): μ = e^z; then q,
     * d and d/μ; then log1p; then the sum. Each lane's operations are those of the one loop, so the bits are the same.
     */
    @Override
    public double poissonDivergence(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t) {
        check(from, to, z, null, s, g, u0);
        int vectorEnd = from + ((to - from) & -L);
        int chunk = Math.min(CHUNK, vectorEnd - from);
        double[] q = new double[chunk];
        double[] d = new double[chunk];
        double[] log = new double[chunk];
        double[] acc = new double[L];
        for (int c0 = from; c0 < vectorEnd; c0 += CHUNK) {
            int c1 = Math.min(vectorEnd, c0 + CHUNK);
            try {
                EXP.invokeExact(c0, c1, z, q, c0);
                POISSON_ARGUMENTS.invokeExact(c0, c1, s, g, u0, t, q, d, log, c0);
                LOG1P_IN_PLACE.invokeExact(c1 - c0, log);
                POISSON_SUM.invokeExact(c0, c1, s, q, d, log, c0, acc);
            } catch (Throwable x) {
                throw rethrow(x);
            }
        }
        double sum = sum(acc);
        for (int i = vectorEnd; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double di = delta(g, u0, t, i) / si;
            double mu = Math.exp(z[i]);
            double qi = Math.max(0.0, mu + di);
            sum += si * ((qi > 0 ? qi * Math.log1p(di / mu) : 0.0) - di);
        }
        return sum;
    }

    /** out[i − shift] = e^{z[i]} for rows [from, to), a whole number of vectors. */
    private static void exp(int from, int to, double[] z, double[] out, int shift) {
        for (int i = from; i < to; i += L) exp(DoubleVector.fromArray(S, z, i)).intoArray(out, i - shift);
    }

    /**
     * For rows [from, to) (a whole number of vectors), at offset i − shift: reads μ from muq and writes there
     * q = max(0, μ + d), with d = δᵢ/sᵢ into d and d/μ into ratio.
     */
    private static void poissonArguments(int from, int to, double[] s, double[] g, double[] u0, double t, double[] muq, double[] d,
                                         double[] ratio, int shift) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        for (int i = from; i < to; i += L) {
            DoubleVector dv = delta(g, u0, i, t).div(weights(s, i, ones));
            DoubleVector mu = DoubleVector.fromArray(S, muq, i - shift);
            mu.add(dv).max(0.0).intoArray(muq, i - shift);
            dv.intoArray(d, i - shift);
            dv.div(mu).intoArray(ratio, i - shift);
        }
    }

    /**
     * Σ sᵢ·(q·log1p(d/μ) − d) over rows [from, to) (a whole number of vectors), the first part 0 where q is, from q, d and
     * the log1p at offset i − shift; added lanewise to the L partial sums in {@code sums}.
     */
    private static void poissonSum(int from, int to, double[] s, double[] q, double[] d, double[] log, int shift, double[] sums) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.fromArray(S, sums, 0);
        for (int i = from; i < to; i += L) {
            DoubleVector sv = weights(s, i, ones);
            DoubleVector qv = DoubleVector.fromArray(S, q, i - shift);
            DoubleVector first = qv.mul(DoubleVector.fromArray(S, log, i - shift)).blend(0.0, qv.compare(VectorOperators.GT, 0.0).not());
            DoubleVector dv = DoubleVector.fromArray(S, d, i - shift);
            acc = acc.add(sv.mul(first.sub(dv)).blend(0.0, sv.compare(VectorOperators.EQ, 0.0)));
        }
        acc.intoArray(sums, 0);
    }

    /**
     * Per chunk of {@link #SOFTMAX_CHUNK} rows through handles, as {@link #softmax}: the maxima, the exponentials and
     * their totals, then class by class q and d/p (one division loop) and log1p in place, each class's part added to the
     * rows' running KL in class order; then the weighted sum. Each lane's operations are those of the one loop.
     */
    @Override
    public double softmaxDivergence(int from, int to, int k, int ld, double[] z, double[] s, double[] g, double[] u0, double t) {
        checkClasses(from, to, k, ld, s, z, g, u0);
        int vectorEnd = from + ((to - from) & -L);
        int chunk = Math.min(SOFTMAX_CHUNK, vectorEnd - from);
        double[] m = new double[chunk];
        double[] total = new double[chunk];
        double[] e = new double[k * chunk];
        double[] q = new double[chunk];
        double[] log = new double[chunk];
        double[] kl = new double[chunk];
        double[] acc = new double[L];
        for (int c0 = from; c0 < vectorEnd; c0 += SOFTMAX_CHUNK) {
            int c1 = Math.min(vectorEnd, c0 + SOFTMAX_CHUNK);
            try {
                ROW_MAXIMA.invokeExact(c0, c1, k, ld, z, m, c0);
                for (int cl = 0; cl < k; cl++) CLASS_EXPONENTIALS.invokeExact(c0, c1, cl * ld, z, m, e, cl * chunk, total, c0);
                for (int cl = 0; cl < k; cl++) {
                    CLASS_ARGUMENTS.invokeExact(c0, c1, cl * ld, s, g, u0, t, e, cl * chunk, total, q, log, c0);
                    LOG1P_IN_PLACE.invokeExact(c1 - c0, log);
                    CLASS_PART.invokeExact(c1 - c0, cl == 0, q, log, kl);
                }
                WEIGHTED_SUM.invokeExact(c0, c1, s, kl, c0, acc);
            } catch (Throwable x) {
                throw rethrow(x);
            }
        }
        double sum = sum(acc);
        for (int i = vectorEnd; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double mi = z[i];
            for (int cl = 1; cl < k; cl++) mi = Math.max(mi, z[cl * ld + i]);
            double ti = 0;
            for (int cl = 0; cl < k; cl++) ti += Math.exp(z[cl * ld + i] - mi);
            double rowKl = 0;
            for (int cl = 0; cl < k; cl++) {
                double pc = Math.exp(z[cl * ld + i] - mi) / ti;
                double d = delta(g, u0, t, cl * ld + i) / si;
                double qc = Math.min(1.0, Math.max(0.0, pc + d));
                if (qc > 0) rowKl += qc * Math.log1p(d / pc);
            }
            sum += si * rowKl;
        }
        return sum;
    }

    /**
     * One class, rows [from, to) (a whole number of vectors), at offset i − shift: p = e/total, d = δ/s; q = min(1, max(0,
     * p + d)) into q and d/p into ratio.
     */
    private static void classArguments(int from, int to, int zAt, double[] s, double[] g, double[] u0, double t, double[] e, int eAt,
                                       double[] total, double[] q, double[] ratio, int shift) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        for (int i = from; i < to; i += L) {
            DoubleVector pc = DoubleVector.fromArray(S, e, eAt + i - shift).div(DoubleVector.fromArray(S, total, i - shift));
            DoubleVector d = delta(g, u0, zAt + i, t).div(weights(s, i, ones));
            pc.add(d).max(0.0).min(1.0).intoArray(q, i - shift);
            d.div(pc).intoArray(ratio, i - shift);
        }
    }

    /** kl[j] ← (first ? 0 : kl[j]) + (q[j]·log[j], 0 where q[j] is not above 0), j in [0, count), a whole number of vectors. */
    private static void classPart(int count, boolean first, double[] q, double[] log, double[] kl) {
        for (int j = 0; j < count; j += L) {
            DoubleVector qv = DoubleVector.fromArray(S, q, j);
            DoubleVector part = qv.mul(DoubleVector.fromArray(S, log, j)).blend(0.0, qv.compare(VectorOperators.GT, 0.0).not());
            (first ? DoubleVector.zero(S) : DoubleVector.fromArray(S, kl, j)).add(part).intoArray(kl, j);
        }
    }

    /** Σ sᵢ·kl[i − shift] over rows [from, to) with sᵢ ≠ 0 (a whole number of vectors), added lanewise to sums. */
    private static void weightedSum(int from, int to, double[] s, double[] kl, int shift, double[] sums) {
        DoubleVector ones = DoubleVector.broadcast(S, 1.0);
        DoubleVector acc = DoubleVector.fromArray(S, sums, 0);
        for (int i = from; i < to; i += L) {
            DoubleVector sv = weights(s, i, ones);
            acc = acc.add(sv.mul(DoubleVector.fromArray(S, kl, i - shift)).blend(0.0, sv.compare(VectorOperators.EQ, 0.0)));
        }
        acc.intoArray(sums, 0);
    }

    /** 1/ln 2, ln 2 in two parts (the high part's trailing zeros make k·LN2_HI exact for |k| ≤ 2¹¹), the rounding shifter 1.5·2⁵². */
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = 0x4338000000000000L;
    /** 1/n!, n = 0 .. 13: e^r to below half an ulp for |r| ≤ ln 2 / 2 (the next term, r¹⁴/14!, is under 5·10⁻¹⁸). */
    private static final double[] EXP_TAYLOR = taylorExp();
    /** 2/(2n + 1), n = 1 .. 11: log((1 + s)/(1 − s)) = 2s + s·Σ 2s²ⁿ/(2n + 1) for |s| ≤ 0.1716 (the next term under 10⁻²⁰). */
    private static final double[] ATANH_TAYLOR = taylorAtanh();

    private static double[] taylorExp() {
        double[] c = new double[14];
        double f = 1;
        for (int n = 0; n < c.length; n++) {
            if (n > 0) f *= n;
            c[n] = 1.0 / f;
        }
        return c;
    }

    private static double[] taylorAtanh() {
        double[] c = new double[12];
        for (int n = 1; n < c.length; n++) c[n] = 2.0 / (2 * n + 1);
        return c;
    }

    /**
     * e^x lanewise (Cody–Waite range reduction x = k·ln 2 + r, |r| ≤ ln 2 / 2, then a Taylor polynomial and a scaling by
     * 2^k in two exact factors so that subnormal results round once): within 2 ulps; NaN stays NaN, e^x overflows to +∞
     * above 709.78 and underflows to 0 below −745.13.
     */
    private static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(-746.0).min(710.0); // MAX and MIN keep a NaN
        DoubleVector t = xc.mul(INV_LN2).add(SHIFTER); // k + 1.5·2⁵², k = x/ln 2 rounded to an integer
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.neg().fma(DoubleVector.broadcast(S, LN2_HI), xc);
        r = k.neg().fma(DoubleVector.broadcast(S, LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, EXP_TAYLOR[13]);
        for (int n = 12; n >= 0; n--) p = p.fma(r, DoubleVector.broadcast(S, EXP_TAYLOR[n]));
        LongVector kl = t.viewAsIntegralLanes().sub(SHIFTER_BITS);
        LongVector k1 = kl.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = kl.sub(k1);
        DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
        DoubleVector s2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
        return p.mul(s1).mul(s2);
    }

    /**
     * log(u) + c for finite normal u &gt; 0 and a small correction c: u = 2^e·m with m in [√2/2, √2), f = m − 1,
     * s = f/(2 + f), log m = f − f²/2 + s·(f²/2 + R(s²)) (the atanh series; the arrangement of Sun's fdlibm, whose
     * ln 2 split keeps e·ln 2 exact).
     */
    private static DoubleVector logCore(DoubleVector u, DoubleVector c) {
        LongVector bits = u.viewAsIntegralLanes();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023);
        DoubleVector m = bits.and(0x000fffffffffffffL).or(0x3ff0000000000000L).viewAsFloatingLanes();
        VectorMask<Double> high = m.compare(VectorOperators.GT, 0x1.6a09e667f3bcdp0); // m > √2: halve it
        DoubleVector kd = e.add(SHIFTER_BITS).viewAsFloatingLanes().sub(SHIFTER); // e as a double, exactly
        kd = kd.blend(kd.add(1.0), high);
        m = m.blend(m.mul(0.5), high);
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector poly = DoubleVector.broadcast(S, ATANH_TAYLOR[11]);
        for (int n = 10; n >= 1; n--) poly = poly.fma(z, DoubleVector.broadcast(S, ATANH_TAYLOR[n]));
        DoubleVector big = z.mul(poly);
        DoubleVector hfsq = f.mul(f).mul(0.5);
        return kd.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(big)).add(kd.mul(LN2_LO).add(c))).sub(f));
    }

    /** log(x) lanewise for x ≥ 1 or x NaN or +∞ (the softmax's Σ e^{z − max}): within 2 ulps. */
    private static DoubleVector log(DoubleVector x) {
        DoubleVector v = logCore(x, DoubleVector.zero(S));
        return v.blend(x, x.compare(VectorOperators.NE, x).or(x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)));
    }

    /**
     * log(1 + x) lanewise: u = 1 + x and the first-order correction c = (x − (u − 1))/u for the rounding of u (taken as
     * 1 − (u − x) when u ≥ 2, where u − 1 rounds); within 2 ulps; −1 gives −∞, below −1 or NaN gives NaN, +∞ gives +∞.
     */
    private static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        DoubleVector c = x.sub(u.sub(1.0)).blend(DoubleVector.broadcast(S, 1.0).sub(u.sub(x)), u.compare(VectorOperators.GE, 2.0)).div(u);
        DoubleVector v = logCore(u, c);
        v = v.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
        v = v.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, -1.0));
        return v.blend(Double.NaN, x.compare(VectorOperators.LT, -1.0).or(x.compare(VectorOperators.NE, x)));
    }

    /**
     * {@link #log1p} for x in [0, 1] (or NaN), where none of its special cases but NaN arise (NaN gives some NaN or
     * number here; the logistic term it joins is NaN either way) and u = 1 + x &lt; 2 but at x = 1, where both of
     * log1p's corrections are 0: the same bits as log1p on [0, 1], with fewer operations for C2 to inline.
     */
    private static DoubleVector log1pOfUnit(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        return logCore(u, x.sub(u.sub(1.0)).div(u));
    }

    @Override
    public void exp(int from, int to, double[] x, double[] out) {
        check(from, to, x, null, null, out, null);
        int i = from;
        for (int bound = from + ((to - from) & -L); i < bound; i += L) exp(DoubleVector.fromArray(S, x, i)).intoArray(out, i);
        for (; i < to; i++) out[i] = Math.exp(x[i]);
    }

    @Override
    public void log1p(int from, int to, double[] x, double[] out) {
        check(from, to, x, null, null, out, null);
        int i = from;
        for (int bound = from + ((to - from) & -L); i < bound; i += L) log1p(DoubleVector.fromArray(S, x, i)).intoArray(out, i);
        for (; i < to; i++) out[i] = Math.log1p(x[i]);
    }

    /**
     * v[0] + v[1] + … + v[L−1], left to right. Each template has its own copy so that its vector calls keep this
     * width's type profile (see {@link Specialization}).
     */
    private static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }

    /** sums[0] + sums[1] + … + sums[L−1], left to right (as {@link #sum(DoubleVector)}). */
    private static double sum(double[] sums) {
        double s = sums[0];
        for (int i = 1; i < L; i++) s += sums[i];
        return s;
    }
}
