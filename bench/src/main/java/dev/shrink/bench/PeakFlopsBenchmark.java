package dev.shrink.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The machine's measured peak: fused multiply-add throughput of one core in Java, so that every GFLOP/s figure in the
 * report can be shown as a share of it.
 *
 * <p>Twelve independent accumulator chains: an FMA has a latency of about 4 cycles and modern cores issue two per
 * cycle, so at least 8 chains are needed to keep both pipes busy (the classic peak-FLOPS loop, e.g. Agner Fog's
 * microarchitecture manual); 12 leaves a margin and still fits the 16 AVX2 registers. Each call runs
 * {@link #ITERATIONS} rounds: {@code 2 · lanes · 12 · ITERATIONS} flops ({@link #flopsPerCall(int)}).
 * The multiplier is just below 1 so the values stay finite forever.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PeakFlopsBenchmark {

    /** FMA rounds per call: long enough that call overhead is negligible, short enough for fine-grained timing. */
    public static final int ITERATIONS = 4096;
    static final int CHAINS = 12;

    /** Vector width in bits: 128, 256 or 512. */
    @Param({"256", "512"})
    public int bits;

    /** Floating-point operations of one call at the given width (an FMA counts as two). */
    public static long flopsPerCall(int bits) {
        return 2L * (bits / 64) * CHAINS * ITERATIONS;
    }

    @Benchmark
    public double fma() {
        return switch (bits) {
            case 128 -> chains128();
            case 256 -> chains256();
            case 512 -> chains512();
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }

    // One method per width, each with a constant species, as the Vector API intrinsics require; they differ only there.
    private static double chains128() {
        VectorSpecies<Double> s = DoubleVector.SPECIES_128;
        DoubleVector m = DoubleVector.broadcast(s, 0.9999999);
        DoubleVector c = DoubleVector.broadcast(s, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(s, 1.0);
        DoubleVector a1 = DoubleVector.broadcast(s, 1.1);
        DoubleVector a2 = DoubleVector.broadcast(s, 1.2);
        DoubleVector a3 = DoubleVector.broadcast(s, 1.3);
        DoubleVector a4 = DoubleVector.broadcast(s, 1.4);
        DoubleVector a5 = DoubleVector.broadcast(s, 1.5);
        DoubleVector a6 = DoubleVector.broadcast(s, 1.6);
        DoubleVector a7 = DoubleVector.broadcast(s, 1.7);
        DoubleVector a8 = DoubleVector.broadcast(s, 1.8);
        DoubleVector a9 = DoubleVector.broadcast(s, 1.9);
        DoubleVector a10 = DoubleVector.broadcast(s, 2.0);
        DoubleVector a11 = DoubleVector.broadcast(s, 2.1);
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        DoubleVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return sum.reduceLanes(VectorOperators.ADD);
    }

    private static double chains256() {
        VectorSpecies<Double> s = DoubleVector.SPECIES_256;
        DoubleVector m = DoubleVector.broadcast(s, 0.9999999);
        DoubleVector c = DoubleVector.broadcast(s, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(s, 1.0);
        DoubleVector a1 = DoubleVector.broadcast(s, 1.1);
        DoubleVector a2 = DoubleVector.broadcast(s, 1.2);
        DoubleVector a3 = DoubleVector.broadcast(s, 1.3);
        DoubleVector a4 = DoubleVector.broadcast(s, 1.4);
        DoubleVector a5 = DoubleVector.broadcast(s, 1.5);
        DoubleVector a6 = DoubleVector.broadcast(s, 1.6);
        DoubleVector a7 = DoubleVector.broadcast(s, 1.7);
        DoubleVector a8 = DoubleVector.broadcast(s, 1.8);
        DoubleVector a9 = DoubleVector.broadcast(s, 1.9);
        DoubleVector a10 = DoubleVector.broadcast(s, 2.0);
        DoubleVector a11 = DoubleVector.broadcast(s, 2.1);
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        DoubleVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return sum.reduceLanes(VectorOperators.ADD);
    }

    private static double chains512() {
        VectorSpecies<Double> s = DoubleVector.SPECIES_512;
        DoubleVector m = DoubleVector.broadcast(s, 0.9999999);
        DoubleVector c = DoubleVector.broadcast(s, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(s, 1.0);
        DoubleVector a1 = DoubleVector.broadcast(s, 1.1);
        DoubleVector a2 = DoubleVector.broadcast(s, 1.2);
        DoubleVector a3 = DoubleVector.broadcast(s, 1.3);
        DoubleVector a4 = DoubleVector.broadcast(s, 1.4);
        DoubleVector a5 = DoubleVector.broadcast(s, 1.5);
        DoubleVector a6 = DoubleVector.broadcast(s, 1.6);
        DoubleVector a7 = DoubleVector.broadcast(s, 1.7);
        DoubleVector a8 = DoubleVector.broadcast(s, 1.8);
        DoubleVector a9 = DoubleVector.broadcast(s, 1.9);
        DoubleVector a10 = DoubleVector.broadcast(s, 2.0);
        DoubleVector a11 = DoubleVector.broadcast(s, 2.1);
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        DoubleVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return sum.reduceLanes(VectorOperators.ADD);
    }
}
