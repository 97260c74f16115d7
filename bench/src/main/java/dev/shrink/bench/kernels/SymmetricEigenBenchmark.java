package dev.shrink.bench.kernels;

import dev.shrink.bench.peers.OpenBlas;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.SymmetricEigen;
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
 * Full symmetric eigendecomposition (values and vectors) of a p×p Gram matrix — what {@code RidgeCV} needs — by the
 * scalar reference, the Vector API at 256 and 512 bits, and LAPACK through OpenBLAS on one thread: {@code dsyev}
 * (Householder tridiagonalization + implicit QR, the method shrink uses) and {@code dsyevd} (divide and conquer).
 * The matrix is restored before every call, outside the measured time (LAPACK overwrites it). Time per call in ms.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main SymmetricEigenBenchmark -wi 2 -i 3 -w 2 -r 2 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SymmetricEigenBenchmark {

    @Param({"scalar", "vector-256", "vector-512", "openblas-dsyev", "openblas-dsyevd"})
    public String impl;

    @Param({"100", "500"})
    public int p;

    private SymmetricEigen eigen;
    private OpenBlas blas;
    private double[] gram;
    private double[] a;
    private double[] values;
    private double[] vectors;

    @Setup(Level.Trial)
    public void setUp() {
        if (impl.startsWith("openblas")) {
            blas = OpenBlas.load().orElseThrow(() -> new IllegalStateException(OpenBlas.unavailableReason()));
            blas.setNumThreads(1);
        } else {
            eigen = impl.equals("scalar") ? SymmetricEigen.scalar() : SymmetricEigen.vector(Integer.parseInt(impl.substring("vector-".length())));
        }
        int n = 2 * p;
        double[] x = new SplittableRandom(7).doubles((long) n * p, -1, 1).toArray();
        gram = KernelProvider.get().gram().gram(MatrixView.rowMajor(x, n, p));
        a = gram.clone();
        values = new double[p];
        vectors = new double[p * p];
    }

    @Setup(Level.Invocation)
    public void restore() {
        System.arraycopy(gram, 0, a, 0, a.length);
    }

    @Benchmark
    public double[] decompose() {
        if (blas == null) {
            eigen.decompose(p, a, 0, p, values, vectors);
            return vectors;
        }
        int info = blas.eigenLower(impl.endsWith("dsyevd"), p, a, p, values);
        if (info != 0) throw new IllegalStateException("LAPACK info " + info);
        return a;
    }
}
