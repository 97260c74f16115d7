package dev.shrink.bench.peers;

import dev.shrink.bench.data.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
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
 * EJML 0.46.1, the best pure-Java peer, on the same shapes as the kernel benchmarks: dot
 * ({@code VectorVectorMult_DDRM.innerProd}), the Gram ({@code CommonOps_DDRM.multTransA(X, X, G)}) and Cholesky
 * ({@code DecompositionFactory_DDRM.chol}, which picks EJML's block algorithm for large matrices).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class EjmlBenchmark {

    @Param({"4096"})
    public int n;

    @Param({"500"})
    public int p;

    private DMatrixRMaj x;
    private DMatrixRMaj y;
    private DMatrixRMaj g;
    private DMatrixRMaj spd;
    private DMatrixRMaj work;
    private CholeskyDecomposition_F64<DMatrixRMaj> chol;

    @Setup
    public void setup(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "dot" -> {
                x = DMatrixRMaj.wrap(n, 1, Matrices.gaussian(1, n));
                y = DMatrixRMaj.wrap(n, 1, Matrices.gaussian(2, n));
            }
            case "gram" -> {
                x = DMatrixRMaj.wrap(n, p, Matrices.gaussian(3, n * p));
                g = new DMatrixRMaj(p, p);
            }
            case "cholesky" -> {
                spd = DMatrixRMaj.wrap(p, p, Matrices.spd(5, p));
                work = new DMatrixRMaj(p, p);
                chol = DecompositionFactory_DDRM.chol(p, true);
            }
            default -> throw new IllegalStateException("no setup for " + method);
        }
    }

    @Benchmark
    public double dot() {
        return VectorVectorMult_DDRM.innerProd(x, y);
    }

    @Benchmark
    public DMatrixRMaj gram() {
        CommonOps_DDRM.multTransA(x, x, g);
        return g;
    }

    /** A fresh copy of the SPD matrix before each call, outside the timing, as in the kernels' CholeskyBenchmark. */
    @Setup(Level.Invocation)
    public void restore() {
        if (spd != null) work.setTo(spd);
    }

    @Benchmark
    public DMatrixRMaj cholesky() {
        if (!chol.decompose(work)) throw new IllegalStateException("EJML: matrix not positive definite");
        return work;
    }
}
