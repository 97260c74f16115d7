package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.MatrixView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cholesky factorization of an SPD p×p matrix (p³/3 flops), scalar reference against the Vector API at 256 and
 * 512 bits. The matrix is restored before each call, outside the measured time. Time per call in microseconds;
 * GFLOP/s = p³ / (3000·µs).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main CholeskyBenchmark -wi 2 -i 3 -w 2 -r 2 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class CholeskyBenchmark {

    @Param({"scalar", "vector-256", "vector-512"})
    public String impl;

    @Param({"100", "500", "2000"})
    public int p;

    /** {@code float32}: the factorization in float32 arithmetic of the same matrix rounded to float; the report runs both. */
    @Param({"float64"})
    public String precision;

    private Cholesky cholesky;
    private double[] spd;
    private double[] a;
    private float[] spd32;
    private float[] a32;

    @Setup(Level.Trial)
    public void setUp() {
        cholesky = Implementations.provider(impl).cholesky();
        // XᵀX/n + I for a random (p + 10)×p X: well conditioned, SPD.
        int n = p + 10;
        double[] x = new SplittableRandom(42).doubles((long) n * p, -1, 1).toArray();
        spd = dev.shrink.kernels.KernelProvider.get().gram().gram(MatrixView.rowMajor(x, n, p));
        for (int i = 0; i < p; i++) spd[i * p + i] += 1;
        a = spd.clone();
        if (Precision.isFloat32(precision)) {
            spd32 = Precision.narrow(spd);
            a32 = spd32.clone();
        }
    }

    @Setup(Level.Invocation)
    public void restore() {
        if (a32 != null) System.arraycopy(spd32, 0, a32, 0, a32.length);
        else System.arraycopy(spd, 0, a, 0, a.length);
    }

    @Benchmark
    public Object cholesky() {
        if (a32 != null) {
            cholesky.factor(p, a32, 0, p, 0f);
            return a32;
        }
        cholesky.factor(p, a, 0, p, 0.0);
        return a;
    }
}
