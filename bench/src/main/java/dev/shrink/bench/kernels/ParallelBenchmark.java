package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link ParallelKernels} on 1 and 2 threads: the Gram matrix of a 20000×500 design (n·p² flops) and Xᵀr on the
 * same design (2·n·p flops, memory bound). threads = 1 runs the sequential kernel on the calling thread; threads = 2
 * adds one pool thread. Time per call in milliseconds.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main ParallelBenchmark -wi 2 -i 3 -w 2 -r 2 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ParallelBenchmark {

    @Param({"vector-256", "vector-512"})
    public String impl;

    @Param({"20000"})
    public int n;

    @Param({"500"})
    public int p;

    @Param({"ROW_MAJOR"})
    public Layout layout;

    @Param({"1", "2"})
    public int threads;

    private ExecutorService pool;
    private ParallelKernels kernels;
    private MatrixView x;
    private double[] r;
    private double[] g;
    private double[] xtr;

    @Setup
    public void setUp() {
        pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        kernels = new ParallelKernels(Implementations.provider(impl), pool, threads, 0);
        x = GramBenchmark.design(n, p, layout);
        r = new SplittableRandom(7).doubles(n, -1, 1).toArray();
        g = new double[p * p];
        xtr = new double[p];
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public double[] gramParallel() {
        kernels.gram(x, null, null, g, 0, p, null, 0);
        return g;
    }

    @Benchmark
    public double[] xtrParallel() {
        kernels.multiplyTransposed(x, r, 0, xtr, 0);
        return xtr;
    }
}
