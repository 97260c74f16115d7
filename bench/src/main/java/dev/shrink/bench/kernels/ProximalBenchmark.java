package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.Proximal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Proximal steps, scalar reference against the Vector API at 256 and 512 bits; time per call in nanoseconds.
 *
 * <pre>
 * mvn -B -q -ntp -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main 'ProximalBenchmark' -wi 3 -i 5 -w 1 -r 1 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ProximalBenchmark {

    @Param({"scalar", "vector-256", "vector-512"})
    public String impl;

    @Param({"64", "4096", "262144"})
    public int n;

    private Proximal kernels;
    private double[] x;
    private double[] g;
    private double[] out;
    private double[] column;

    @Setup
    public void setUp() {
        kernels = Implementations.provider(impl).proximal();
        SplittableRandom random = new SplittableRandom(42);
        x = random.doubles(n, -1, 1).toArray();
        g = random.doubles(n, -1, 1).toArray();
        column = random.doubles(n, -1, 1).toArray();
        out = new double[n];
    }

    /** The block soft-threshold (group lasso's prox) of the whole vector as one group. */
    @Benchmark
    public double groupSoftThreshold() {
        return kernels.groupSoftThreshold(n, 0.5, 1.0, x, 0, out, 0);
    }

    @Benchmark
    public double[] softThreshold() {
        kernels.softThreshold(n, 0.3, x, 0, out, 0);
        return out;
    }

    @Benchmark
    public double[] elasticNetProx() {
        kernels.elasticNetProx(n, 0.3, 0.5, x, 0, out, 0);
        return out;
    }

    /**
     * One ISTA step on out, refreshed from x first so that every call sees the same values (w would otherwise
     * shrink to zero after a few calls); the copy is part of the measured time for every implementation alike.
     */
    @Benchmark
    public double[] penalizedGradientStep() {
        System.arraycopy(x, 0, out, 0, n);
        kernels.penalizedGradientStep(n, 0.01, 0.3, 0.5, out, 0, g, 0);
        return out;
    }

    /** r ← r − δ·xⱼ with δ tiny, so r stays bounded over millions of calls. */
    @Benchmark
    public double[] residualUpdate() {
        kernels.residualUpdate(n, 1e-12, column, 0, 1, x, 0);
        return x;
    }
}
