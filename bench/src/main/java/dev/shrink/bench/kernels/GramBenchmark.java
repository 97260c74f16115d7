package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.FloatMatrixView;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Gram matrix G = XᵀX (n·p² flops, both triangles) through the public interface, scalar reference against the
 * Vector API at 256 and 512 bits, both layouts. Shapes: 200×20 (X in L1/L2), 200×100, 2000×20 and 2000×100 (X in
 * L2/L3); the 20000×500 shape, where the scalar reference takes seconds per call, is {@link GramBenchmarkLarge}.
 * Time per call in microseconds; GFLOP/s = n·p² / (1000·µs).
 *
 * <pre>
 * mvn -B -q -ntp -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main GramBenchmark -wi 2 -i 3 -w 2 -r 2 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GramBenchmark {

    @Param({"scalar", "vector-256", "vector-512"})
    public String impl;

    @Param({"200", "2000"})
    public int n;

    @Param({"20", "100"})
    public int p;

    @Param({"ROW_MAJOR", "COLUMN_MAJOR"})
    public Layout layout;

    /** {@code float32}: float32 data and arithmetic ({@link Gram#gramFloat32}); the report runs both. */
    @Param({"float64"})
    public String precision;

    private Gram gram;
    private MatrixView x;
    private FloatMatrixView x32;
    private double[] g;
    private float[] g32;

    @Setup
    public void setUp() {
        gram = Implementations.provider(impl).gram();
        x = design(n, p, layout);
        g = new double[p * p];
        if (Precision.isFloat32(precision)) {
            x32 = Precision.narrow(x);
            g32 = new float[p * p];
        }
    }

    static MatrixView design(int n, int p, Layout layout) {
        double[] data = new SplittableRandom(42).doubles((long) n * p, -1, 1).toArray();
        return layout == Layout.ROW_MAJOR ? MatrixView.rowMajor(data, n, p) : MatrixView.columnMajor(data, n, p);
    }

    @Benchmark
    public Object gram() {
        if (x32 != null) {
            gram.gramFloat32(x32, null, null, g32, 0, p);
            return g32;
        }
        gram.gram(x, null, null, g, 0, p, null, 0);
        return g;
    }
}
