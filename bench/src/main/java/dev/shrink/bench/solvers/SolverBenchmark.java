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

    /** Another tolerance to fit at, one of {@link Fits#tolSettings}; empty: the estimator's default. */
    @Param({""})
    public String tol;

    private Workload data;
    private double tolerance;
    private Object last;

    /**
     * Fits before JMH's own warm-up go on until no fit has been 10 % faster than the best before it for this long: the
     * quick mode's three single-shot warm-ups are a few hundredths of a second for short fits (the sparse lasso:
     * 0.02–0.1 s), too little for the JIT to compile them, and a fixed 3 s was not enough either once a kernel's vector
     * code ran in the C1 tiers for seconds (the L2 logistic fit: 0.20 s per fit for the first ~5 s of a fresh JVM, then
     * 0.027 s once C2 had compiled its per-row kernel). A fit longer than this window is its own warm-up: one.
     */
    static final long STABLE_WARMUP_NANOS = 4_000_000_000L;

    /** The most warm-up a workload gets (a JIT that keeps improving a fit is still stopped here). */
    static final long MAX_WARMUP_NANOS = 30_000_000_000L;

    @Setup
    public void setup() {
        data = Workloads.get(workload, scale);
        tolerance = tol.isEmpty() ? Double.NaN : Double.parseDouble(tol);
        if (scale >= 1) last = warmUp(() -> Fits.fitOnly(data, tolerance));
    }

    /**
     * Calls {@code fit} until its time has not improved by 10 % for {@link #STABLE_WARMUP_NANOS} (at most
     * {@link #MAX_WARMUP_NANOS}; one call when a single call takes longer than the window); returns the last result.
     */
    static Object warmUp(java.util.function.Supplier<Object> fit) {
        long start = System.nanoTime();
        long lastGain = start;
        double best = Double.POSITIVE_INFINITY;
        Object result;
        while (true) {
            long t0 = System.nanoTime();
            result = fit.get();
            long t1 = System.nanoTime();
            if (t1 - t0 >= STABLE_WARMUP_NANOS) return result;
            if (t1 - t0 < 0.9 * best) {
                best = t1 - t0;
                lastGain = t1;
            }
            if (t1 - lastGain >= STABLE_WARMUP_NANOS || t1 - start >= MAX_WARMUP_NANOS) return result;
        }
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
