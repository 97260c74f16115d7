package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;
import dev.shrink.solvers.group.GroupLeastSquares;
import dev.shrink.solvers.group.Groups;
import dev.shrink.solvers.path.GroupLassoPath;
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
 * The cost of one block-coordinate-descent sweep of the group lasso against the cost of reading the working set's Gram
 * once (issue 15: "each sweep within 2× the cost of reading the working set's Gram blocks once"), on the
 * {@code group-path} workload at a point of its path. {@code sweeps(count)} starts from the previous alpha's solution
 * (as the path does: every group of the set moves) and runs {@code count} sweeps; one sweep costs
 * (time(5) − time(1))/4, which cancels the start (one product K·w, itself a read of K). {@code read} sums the set's
 * Gram once.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     org.openjdk.jmh.Main 'GroupSweepBenchmark' -p index=25,50,99
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class GroupSweepBenchmark {

    /** The point of the path (0 .. 99): its alpha, the working set there, the previous alpha's solution as start. */
    @Param({"50"})
    public int index;

    @Param({"1", "5"})
    public int count;

    private GroupLeastSquares problem;
    private double[] start;
    private double lambda;

    @Setup
    public void setUp() {
        Workload w = Workloads.get("group-path", 1);
        Groups groups = Groups.of(Fits.groups(w), w.p(), null);
        problem = GroupLeastSquares.of(MatrixView.rowMajor(w.x(), w.n(), w.p()), w.y(), null, true, groups, 1);
        double[] grid = GroupLassoPath.grid(problem.alphaMax(0), 100, w.number("eps"));
        double[] coef = new double[w.p()];
        double gapTol = 1e-4 * problem.yNorm2();
        for (int k = 0; k <= index; k++) {
            if (k == index) start = coef.clone();
            double l = w.n() * grid[k];
            double previous = k == 0 ? l : w.n() * grid[k - 1];
            problem.solve(coef, l, 0, Math.max(0, 2 * l - previous), gapTol, 1000);
        }
        lambda = w.n() * grid[index];
    }

    @Benchmark
    public double sweeps() {
        return problem.sweeps(start, lambda, 0, count);
    }

    @Benchmark
    public double read() {
        return problem.readSetGram() + problem.workingSetColumns();
    }
}
