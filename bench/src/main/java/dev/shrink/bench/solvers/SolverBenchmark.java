package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;
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
 * One fit per call of a solver workload ({@link Workloads}): whole fits are long enough for single-shot timing, and
 * the first calls (warm-up) pay for JIT compilation as a user's first fit would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SolverBenchmark {

    @Param({"ridge", "lasso", "elasticnet", "logistic"})
    public String workload;

    /** 1 = the issues' sizes; smaller for the tests' toy run. */
    @Param({"1"})
    public double scale;

    private Workload data;

    @Setup
    public void setup() {
        data = Workloads.get(workload, scale);
    }

    @Benchmark
    public Object fit() {
        return Fits.fitOnly(data);
    }
}
