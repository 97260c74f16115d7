package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.Level1;
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
 * Level-1 kernels, scalar reference against the Vector API at 256 and 512 bits, through the public interface.
 * Method names are the kernel names (the report groups by them); time per call in nanoseconds.
 *
 * <pre>
 * mvn -B -q -ntp -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main 'Level1Benchmark' -wi 3 -i 5 -w 1 -r 1 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class Level1Benchmark {

    @Param({"scalar", "vector-256", "vector-512"})
    public String impl;

    @Param({"64", "4096", "262144", "4194304"})
    public int n;

    private Level1 level1;
    private double[] x;
    private double[] y;

    @Setup
    public void setUp() {
        level1 = Implementations.provider(impl).level1();
        SplittableRandom random = new SplittableRandom(42);
        x = random.doubles(n, -1, 1).toArray();
        y = random.doubles(n, -1, 1).toArray();
    }

    @Benchmark
    public double dot() {
        return level1.dot(n, x, 0, y, 0);
    }

    /** y ← αx + y with α small enough that y stays bounded over millions of calls. */
    @Benchmark
    public double[] axpy() {
        level1.axpy(n, 1e-9, x, 0, y, 0);
        return y;
    }

    /** x ← −x keeps |x| unchanged over millions of calls (α = 1 would let C2 drop the loop altogether). */
    @Benchmark
    public double[] scal() {
        level1.scal(n, -1.0, x, 0);
        return x;
    }

    @Benchmark
    public double sum() {
        return level1.sum(n, x, 0);
    }

    @Benchmark
    public double sumOfSquares() {
        return level1.sumOfSquares(n, x, 0);
    }

    @Benchmark
    public double norm2() {
        return level1.norm2(n, x, 0);
    }

    @Benchmark
    public double maxAbs() {
        return level1.maxAbs(n, x, 0);
    }
}
