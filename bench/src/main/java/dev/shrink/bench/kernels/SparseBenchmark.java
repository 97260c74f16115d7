package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.bench.data.TextWorkloads;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Sparse;
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
 * Sparse kernels on the text-like design of the sparse workloads ({@link TextWorkloads}: 100000 × 20000, 2·10⁶ stored
 * entries, Zipf column lengths): the gradient {@code sparseXtr} (g = Xᵀr, one gathered dot per column) and the
 * prediction {@code sparseXw} (y = Xw for a w with 5 % non-zeros), scalar reference against the Vector API, and
 * {@code stream}, the dense-stream reference: the sum of 2²⁵ doubles (256 MB, far beyond the caches).
 *
 * <p>Bandwidths: {@code sparseXtr} streams 12 bytes per stored entry (a double and an int index) plus 4 bytes per
 * column start and 8 per output ({@link #xtrBytes}); {@code stream} 8 bytes per element. r (800 KB) stays in L2.
 *
 * <pre>
 * flock /tmp/shrink-bench.lock java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main 'SparseBenchmark' -wi 3 -i 5 -w 1 -r 1 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class SparseBenchmark {

    @Param({"scalar", "vector-256", "vector-512"})
    public String impl;

    /** Elements of the dense stream: 2²⁵ doubles, 256 MB. */
    public static final int STREAM = 1 << 25;

    private Sparse sparse;
    private KernelProvider provider;
    private CscView x;
    private double[] r;
    private double[] w;
    private double[] out;
    private double[] big;

    @Setup
    public void setUp() {
        provider = Implementations.provider(impl);
        sparse = provider.sparse();
        x = (CscView) TextWorkloads.design(100_000, 20_000).matrix();
        SplittableRandom random = new SplittableRandom(42);
        r = random.doubles(x.rows(), -1, 1).toArray();
        w = new double[x.cols()];
        for (int j = 0; j < w.length; j++) if (random.nextDouble() < 0.05) w[j] = random.nextDouble(-1, 1);
        out = new double[Math.max(x.rows(), x.cols())];
        big = random.doubles(STREAM, -1, 1).toArray();
    }

    /** Bytes that one {@code sparseXtr} call streams: values and indices of every entry, the column starts, the output. */
    public static long xtrBytes(CscView x) {
        return 12L * x.nonZeros() + 4L * (x.cols() + 1) + 8L * x.cols();
    }

    @Benchmark
    public double[] sparseXtr() {
        sparse.multiplyTransposed(x, r, 0, out, 0);
        return out;
    }

    @Benchmark
    public double[] sparseXw() {
        sparse.multiply(x, w, 0, out, 0);
        return out;
    }

    @Benchmark
    public double stream() {
        return provider.level1().sum(STREAM, big, 0);
    }
}
