package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
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

import java.util.concurrent.TimeUnit;

/**
 * Gram matrix of the 20000×500 design (5·10⁹ flops counted as n·p², the shape the OpenBLAS figures refer to), Vector
 * API at 256 and 512 bits only: the scalar reference needs seconds per call here (see {@link GramBenchmark} for
 * the scalar ratio on smaller shapes). Time per call in milliseconds; GFLOP/s = n·p² / (10⁶·ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GramBenchmarkLarge {

    @Param({"vector-256", "vector-512"})
    public String impl;

    @Param({"20000"})
    public int n;

    @Param({"500"})
    public int p;

    @Param({"ROW_MAJOR", "COLUMN_MAJOR"})
    public Layout layout;

    private Gram gram;
    private MatrixView x;
    private double[] g;

    @Setup
    public void setUp() {
        gram = Implementations.provider(impl).gram();
        x = GramBenchmark.design(n, p, layout);
        g = new double[p * p];
    }

    @Benchmark
    public double[] gram() {
        gram.gram(x, null, null, g, 0, p, null, 0);
        return g;
    }
}
