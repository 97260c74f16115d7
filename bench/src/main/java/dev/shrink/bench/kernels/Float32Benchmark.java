package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
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

import java.util.concurrent.TimeUnit;

/**
 * The float32 kernels beside their float64 counterparts in one run, so that the ratios come from one JVM: the Gram
 * of the n×p design ({@code gramFloat64}, {@code gramFloat32} on float32 data, {@code gramFloat32FromFloat64}: float32
 * arithmetic on float64 data, narrowed as packed — the Gram of mixed-precision ridge), Xᵀr, the dot product of n values
 * and the Cholesky factorization of a p×p SPD matrix. Time per call in microseconds: GFLOP/s = n·p²/(1000·µs) for the
 * Gram, 2·n·p/(1000·µs) for Xᵀr, 2n/(1000·µs) for dot, p³/(3000·µs) for Cholesky.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main 'Float32Benchmark.gram' -p n=20000 -p p=500
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class Float32Benchmark {

    @Param({"vector-256", "vector-512"})
    public String impl;

    @Param({"20000"})
    public int n;

    @Param({"500"})
    public int p;

    private KernelProvider kernels;
    private MatrixView x64;
    private FloatMatrixView x32;
    private double[] g64;
    private float[] g32;
    private float[] r32;
    private float[] xtr32;
    private float[] spd32;
    private float[] work32;
    private double[] spd64;
    private double[] work64;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = Implementations.provider(impl);
        x64 = GramBenchmark.design(n, p, Layout.ROW_MAJOR);
        float[] data = new float[n * p];
        for (int i = 0; i < data.length; i++) data[i] = (float) x64.data()[i];
        x32 = FloatMatrixView.rowMajor(data, n, p);
        g64 = new double[p * p];
        g32 = new float[p * p];
        r32 = new float[n];
        for (int i = 0; i < n; i++) r32[i] = data[i * p];
        xtr32 = new float[p];
        // XᵀX/n + I for the first 2p rows: SPD and well conditioned, in both precisions
        MatrixView head = MatrixView.rowMajor(x64.data(), Math.min(n, 2 * p), p);
        spd64 = KernelProvider.scalar().gram().gram(head);
        for (int i = 0; i < p; i++) spd64[i * p + i] += 1;
        spd32 = new float[p * p];
        for (int i = 0; i < spd32.length; i++) spd32[i] = (float) spd64[i];
        work32 = spd32.clone();
        work64 = spd64.clone();
    }

    @Setup(Level.Invocation)
    public void restore() {
        System.arraycopy(spd32, 0, work32, 0, work32.length);
        System.arraycopy(spd64, 0, work64, 0, work64.length);
    }

    @Benchmark
    public double[] gramFloat64() {
        kernels.gram().gram(x64, null, null, g64, 0, p, null, 0);
        return g64;
    }

    @Benchmark
    public float[] gramFloat32() {
        kernels.gram().gramFloat32(x32, null, null, g32, 0, p);
        return g32;
    }

    @Benchmark
    public float[] gramFloat32FromFloat64() {
        kernels.gram().gramFloat32(x64, null, null, g32, 0, p);
        return g32;
    }

    @Benchmark
    public float[] xtrFloat32() {
        kernels.matrixVector().multiplyTransposed(x32, r32, 0, xtr32, 0);
        return xtr32;
    }

    @Benchmark
    public float dotFloat32() {
        return kernels.level1().dot(n, r32, 0, r32, 0);
    }

    @Benchmark
    public float[] choleskyFloat32() {
        kernels.cholesky().factor(p, work32, 0, p, 0f);
        return work32;
    }

    @Benchmark
    public double[] choleskyFloat64() {
        kernels.cholesky().factor(p, work64, 0, p, 0.0);
        return work64;
    }
}
