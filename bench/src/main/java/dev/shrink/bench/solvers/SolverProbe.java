package dev.shrink.bench.solvers;

import dev.shrink.bench.data.DataFiles;
import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;
import dev.shrink.solvers.LinearModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A quick probe of whole fits on a machine shared with other work: each fit of a workload ({@link Workloads},
 * single thread, as in the report) timed by the calling thread's CPU time, best and median of several fits, with the
 * accuracy reached ({@link Accuracy}: gradient norm or duality gap) and the fit's own convergence message. A
 * cross-check of the report's solver rows, not a replacement.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     dev.shrink.bench.solvers.SolverProbe ridge enet-path          # workloads by name
 * -Dshrink.ridge.refinement=on|off|auto                               # ridge's mixed precision (default: the size rule)
 * -Dfits=7                                                             # timed fits per workload (after the report's warm-up)
 * -Dtol=1e-6                                                           # fit at one of Fits.tolSettings (default: the estimator's)
 * -Dwrite=DIR                                                          # only write each workload's files to DIR/NAME
 *                                                                        (for bench/peers/sklearn_probe.py)
 * </pre>
 */
public final class SolverProbe {
    private SolverProbe() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws java.io.IOException {
        int fits = Integer.getInteger("fits", 7);
        double tol = Double.parseDouble(System.getProperty("tol", "NaN"));
        String write = System.getProperty("write");
        for (String name : args) {
            Workload w = Workloads.get(name, 1.0);
            if (write != null) {
                java.nio.file.Path dir = java.nio.file.Path.of(write);
                DataFiles.write(w, dir.resolve(name), dir.resolve("data-" + Workloads.dataset(name)), false);
                continue;
            }
            Object last = SolverBenchmark.warmUp(() -> Fits.fitOnly(w, tol));
            double[] seconds = new double[fits];
            for (int i = 0; i < fits; i++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                last = Fits.fitOnly(w, tol);
                seconds[i] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
            }
            Arrays.sort(seconds);
            Fits.Result r = Fits.result(last);
            Accuracy.Measure m = Accuracy.of(w, r.coefs(), r.intercepts(), r.alphas());
            String how = last instanceof LinearModel lm ? lm.convergence().message() : r.note();
            System.out.printf("%-12s %s  best %.4f s  median %.4f s  objective %.12g  %s %.3g  | %s%n", name, w.shape(), seconds[0],
                    seconds[fits / 2], m.objective(), m.name(), m.optimality(), how);
        }
    }
}
