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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * When set, the last fit's coefficients go to {@code resultDir/<workload>/} in the peers' format
     * ({@code coef-shrink.csv}, …), so that the report measures every side's accuracy alike without fitting again.
     */
    @Param({""})
    public String resultDir;

    /** A looser tolerance to fit at ({@link Fits#looserTol}); empty: the estimator's default. */
    @Param({""})
    public String tol;

    private Workload data;
    private double tolerance;
    private Object last;

    /**
     * Fits before JMH's own warm-up until this much time has passed: the quick mode's three single-shot warm-ups are a
     * few hundredths of a second for short fits (the sparse lasso: 0.02–0.1 s), too little for the JIT to compile
     * them, and the timed fits then measured the compiler (3–5× the steady state on a loaded machine). Long fits
     * stop after one.
     */
    static final long MIN_WARMUP_NANOS = 3_000_000_000L;

    @Setup
    public void setup() {
        data = Workloads.get(workload, scale);
        tolerance = tol.isEmpty() ? Double.NaN : Double.parseDouble(tol);
        long end = System.nanoTime() + MIN_WARMUP_NANOS;
        if (scale >= 1) while (System.nanoTime() < end) last = Fits.fitOnly(data, tolerance);
    }

    @Benchmark
    public Object fit() {
        last = Fits.fitOnly(data, tolerance);
        return last;
    }

    @TearDown
    public void writeResult() throws IOException {
        if (resultDir.isEmpty() || last == null) return;
        if (tol.isEmpty()) {
            Fits.write(Fits.result(last), Path.of(resultDir).resolve(workload), "shrink");
        } else {
            String setting = Fits.settingName(tolerance);
            Fits.write(Fits.result(last), Path.of(resultDir).resolve(workload), "shrink-" + setting, setting);
        }
    }
}
