package dev.shrink.bench.peers;

import dev.shrink.bench.data.Matrices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * OpenBLAS / LAPACK as the native peer, on the same shapes and the same kind of data as the kernel benchmarks in
 * {@code dev.shrink.bench.kernels}; method names are the kernel names used in the report.
 *
 * <p>{@code coretype} names the OpenBLAS kernel family the fork must run with. It is only a label: the fork's
 * environment variable {@code OPENBLAS_CORETYPE} selects the kernels (the report launches one JVM per core type), and
 * the setup fails unless OpenBLAS says it loaded exactly that family, so a row is never mislabelled. An empty value
 * accepts whatever OpenBLAS chose. OpenBLAS runs on {@code threads} threads (1: the single-thread rows).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class OpenBlasBenchmark {

    @Param({"4096"})
    public int n;

    @Param({"500"})
    public int p;

    @Param({""})
    public String coretype;

    @Param({"1"})
    public int threads;

    private OpenBlas blas;
    private double[] x;
    private double[] y;
    private double[] matrix;
    private double[] out;
    private double[] spd;
    private double[] work;

    @Setup
    public void setup(BenchmarkParams params) {
        blas = OpenBlas.load().orElseThrow(() -> new IllegalStateException(OpenBlas.unavailableReason()));
        String loaded = blas.coreName();
        if (!coretype.isEmpty() && !coretype.equalsIgnoreCase(loaded)) {
            throw new IllegalStateException("OpenBLAS loaded core type '" + loaded + "', the benchmark expects '"
                    + coretype + "' (set OPENBLAS_CORETYPE=" + coretype + " in the fork's environment)");
        }
        blas.setNumThreads(threads);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "dot", "axpy" -> {
                x = Matrices.gaussian(1, n);
                y = Matrices.gaussian(2, n);
            }
            case "xw" -> {
                matrix = Matrices.gaussian(3, n * p);
                x = Matrices.gaussian(4, p);
                out = new double[n];
            }
            case "xtr" -> {
                matrix = Matrices.gaussian(3, n * p);
                x = Matrices.gaussian(4, n);
                out = new double[p];
            }
            case "gram", "gramParallel" -> {
                matrix = Matrices.gaussian(3, n * p);
                out = new double[p * p];
            }
            case "cholesky" -> {
                spd = Matrices.spd(5, p);
                work = new double[p * p];
            }
            default -> throw new IllegalStateException("no setup for " + method);
        }
    }

    /** cblas_ddot, length n. */
    @Benchmark
    public double dot() {
        return blas.ddot(n, x, 0, y, 0);
    }

    /** cblas_daxpy, length n (α small so that y stays bounded over many calls). */
    @Benchmark
    public double[] axpy() {
        blas.daxpy(n, 1e-9, x, 0, y, 0);
        return y;
    }

    /** cblas_dgemv: X·w with X n×p row-major. */
    @Benchmark
    public double[] xw() {
        blas.dgemv(false, n, p, matrix, p, x, out);
        return out;
    }

    /** cblas_dgemv transposed: Xᵀ·r with X n×p row-major. */
    @Benchmark
    public double[] xtr() {
        blas.dgemv(true, n, p, matrix, p, x, out);
        return out;
    }

    /** cblas_dsyrk: G = XᵀX (one triangle) with X n×p row-major. */
    @Benchmark
    public double[] gram() {
        blas.gram(n, p, matrix, p, out, p);
        return out;
    }

    /** A fresh copy of the SPD matrix before each call, outside the timing, as in the kernels' CholeskyBenchmark. */
    @Setup(Level.Invocation)
    public void restore(BenchmarkParams params) {
        if (spd != null) System.arraycopy(spd, 0, work, 0, spd.length);
    }

    /** dpotrf of a p×p SPD matrix. */
    @Benchmark
    public double[] cholesky() {
        int info = blas.dpotrfLower(p, work, p);
        if (info != 0) throw new IllegalStateException("dpotrf info = " + info);
        return work;
    }
}
