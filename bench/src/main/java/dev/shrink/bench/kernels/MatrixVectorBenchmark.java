package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixVector;
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
 * Matrix–vector products of an n×p design X: predictions {@code xw} (y = Xw) and gradients {@code xtr} (g = Xᵀr), in
 * both layouts; scalar reference against the Vector API at 256 and 512 bits. 2·n·p flops per call; time per call in
 * microseconds.
 *
 * <pre>
 * mvn -B -q -ntp -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main 'MatrixVectorBenchmark' -wi 3 -i 5 -w 1 -r 1 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MatrixVectorBenchmark {

    @Param({"scalar", "vector-256", "vector-512"})
    public String impl;

    /** Rows: 1000 keeps X in L2 at p = 64 (512 KB); 20000 × 500 (80 MB) streams from memory. */
    @Param({"1000", "20000"})
    public int n;

    @Param({"64", "500"})
    public int p;

    @Param({"ROW_MAJOR", "COLUMN_MAJOR"})
    public Layout layout;

    /** {@code float32}: float32 data, vectors and arithmetic; the report runs both. */
    @Param({"float64"})
    public String precision;

    private MatrixVector kernels;
    private MatrixView x;
    private double[] w;
    private double[] r;
    private double[] out;
    private FloatMatrixView x32;
    private float[] w32;
    private float[] r32;
    private float[] out32;

    @Setup
    public void setUp() {
        kernels = Implementations.provider(impl).matrixVector();
        SplittableRandom random = new SplittableRandom(42);
        double[] data = random.doubles((long) n * p, -1, 1).toArray();
        x = layout == Layout.ROW_MAJOR ? MatrixView.rowMajor(data, n, p) : MatrixView.columnMajor(data, n, p);
        w = random.doubles(p, -1, 1).toArray();
        r = random.doubles(n, -1, 1).toArray();
        out = new double[Math.max(n, p)];
        if (Precision.isFloat32(precision)) {
            x32 = Precision.narrow(x);
            w32 = Precision.narrow(w);
            r32 = Precision.narrow(r);
            out32 = new float[Math.max(n, p)];
        }
    }

    @Benchmark
    public Object xw() {
        if (x32 != null) {
            kernels.multiply(x32, w32, 0, out32, 0);
            return out32;
        }
        kernels.multiply(x, w, 0, out, 0);
        return out;
    }

    @Benchmark
    public Object xtr() {
        if (x32 != null) {
            kernels.multiplyTransposed(x32, r32, 0, out32, 0);
            return out32;
        }
        kernels.multiplyTransposed(x, r, 0, out, 0);
        return out;
    }
}
