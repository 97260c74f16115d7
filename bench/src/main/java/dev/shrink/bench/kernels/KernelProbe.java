package dev.shrink.bench.kernels;

import dev.shrink.bench.Implementations;
import dev.shrink.bench.PeakFlopsBenchmark;
import dev.shrink.bench.peers.OpenBlas;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A quick probe for a machine shared with other work, where JMH's wall-clock scores swing by several times: it times
 * single-threaded kernels by the calling thread's CPU time (time it was descheduled does not count) and reports the
 * best and the median of many calls as GFLOP/s. The parallel probe has to use wall-clock time and is only meaningful
 * on an otherwise idle machine. Not a replacement for the JMH benchmarks; a cross-check of their ratios.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) \
 *     dev.shrink.bench.kernels.KernelProbe gram 20000 500        # G = XᵀX, n·p² flops, both layouts
 * ... KernelProbe cholesky 2000                                    # p³/3 flops
 * ... KernelProbe parallel 20000 500                               # gram and Xᵀr on 1 and 2 threads (wall clock)
 * -Dfloat32=true with gram: also the float32 Gram (float32 and float64 data)
 * ... KernelProbe eigen 500                                        # symmetric eigendecomposition (rate at 9p³ flops)
 * ... KernelProbe peak                                             # FMA peak at 256 and 512 bits
 * -Dimpls=vector-256,vector-512,openblas                          # openblas: one thread, core type from OPENBLAS_CORETYPE
 *                                                                  (needs --enable-native-access=ALL-UNNAMED)
 * </pre>
 */
public final class KernelProbe {
    private KernelProbe() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Where results that would otherwise be dead code go. */
    static volatile double sink;

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "gram";
        String[] impls = System.getProperty("impls", "vector-256,vector-512").split(",");
        int calls = Integer.getInteger("calls", 25);
        switch (what) {
            case "gram" -> {
                int n = Integer.parseInt(args[1]);
                int p = Integer.parseInt(args[2]);
                for (Layout layout : Layout.values()) {
                    MatrixView x = GramBenchmark.design(n, p, layout);
                    double[] g = new double[p * p];
                    for (String impl : impls) {
                        Runnable call;
                        if (impl.equals("openblas")) {
                            if (layout != Layout.ROW_MAJOR) continue;
                            OpenBlas blas = openBlas();
                            call = () -> blas.gram(n, p, x.data(), p, g, p);
                        } else {
                            Gram gram = Implementations.provider(impl).gram();
                            call = () -> gram.gram(x, null, null, g, 0, p, null, 0);
                        }
                        report("gram " + n + "x" + p + " " + layout + " " + label(impl), (double) n * p * p, calls, true, call);
                    }
                    if (Boolean.getBoolean("float32")) {
                        float[] g32 = new float[p * p];
                        float[] data32 = new float[n * p];
                        for (int i = 0; i < data32.length; i++) data32[i] = (float) x.data()[i];
                        var x32 = layout == Layout.ROW_MAJOR ? FloatMatrixView.rowMajor(data32, n, p) : FloatMatrixView.columnMajor(data32, n, p);
                        for (String impl : impls) {
                            if (impl.equals("openblas")) continue;
                            Gram gram = Implementations.provider(impl).gram();
                            report("gramFloat32 " + n + "x" + p + " " + layout + " float32 data " + impl, (double) n * p * p, calls, true,
                                    () -> gram.gramFloat32(x32, null, null, g32, 0, p));
                            report("gramFloat32 " + n + "x" + p + " " + layout + " float64 data " + impl, (double) n * p * p, calls, true,
                                    () -> gram.gramFloat32(x, null, null, g32, 0, p));
                        }
                    }
                }
            }
            case "cholesky" -> {
                int p = Integer.parseInt(args[1]);
                int n = p + 10;
                double[] xd = new SplittableRandom(42).doubles((long) n * p, -1, 1).toArray();
                double[] spd = KernelProvider.scalar().gram().gram(MatrixView.rowMajor(xd, n, p));
                for (int i = 0; i < p; i++) spd[i * p + i] += 1;
                double[] a = spd.clone();
                for (String impl : impls) {
                    Runnable call;
                    if (impl.equals("openblas")) {
                        OpenBlas blas = openBlas();
                        call = () -> blas.dpotrfLower(p, a, p);
                    } else {
                        var cholesky = Implementations.provider(impl).cholesky();
                        call = () -> cholesky.factor(p, a, 0, p, 0.0);
                    }
                    report("cholesky p=" + p + " " + label(impl), (double) p * p * p / 3, calls, true,
                            () -> System.arraycopy(spd, 0, a, 0, a.length), call);
                }
            }
            case "eigen" -> {
                int p = Integer.parseInt(args[1]);
                double[] xd = new SplittableRandom(7).doubles(2L * p * p, -1, 1).toArray();
                double[] gram = KernelProvider.scalar().gram().gram(MatrixView.rowMajor(xd, 2 * p, p));
                double[] a = gram.clone();
                double[] values = new double[p];
                double[] vectors = new double[p * p];
                for (String impl : impls) {
                    var eigen = Implementations.provider(impl).symmetricEigen();
                    report("eigen p=" + p + " " + impl + " (GFLOP/s at 9p³)", 9.0 * p * p * p, calls, true,
                            () -> System.arraycopy(gram, 0, a, 0, a.length), () -> eigen.decompose(p, a, 0, p, values, vectors));
                }
            }
            case "peak" -> {
                PeakFlopsBenchmark peak = new PeakFlopsBenchmark();
                for (int bits : new int[] {256, 512}) {
                    peak.bits = bits;
                    report("peak fma " + bits + "-bit", PeakFlopsBenchmark.flopsPerCall(bits), calls, true, () -> sink += peak.fma());
                }
            }
            case "parallel" -> {
                int n = Integer.parseInt(args[1]);
                int p = Integer.parseInt(args[2]);
                MatrixView x = GramBenchmark.design(n, p, Layout.ROW_MAJOR);
                double[] r = new SplittableRandom(7).doubles(n, -1, 1).toArray();
                double[] g = new double[p * p];
                double[] xtr = new double[p];
                ExecutorService pool = Executors.newFixedThreadPool(1);
                try {
                    for (String impl : impls) {
                        for (int threads = 1; threads <= 2; threads++) {
                            ParallelKernels k = new ParallelKernels(Implementations.provider(impl), pool, threads, 0);
                            report("gramParallel " + n + "x" + p + " " + impl + " threads=" + threads, (double) n * p * p, calls, false,
                                    () -> k.gram(x, null, null, g, 0, p, null, 0));
                            report("xtrParallel " + n + "x" + p + " " + impl + " threads=" + threads, 2.0 * n * p, calls * 4, false,
                                    () -> k.multiplyTransposed(x, r, 0, xtr, 0));
                        }
                    }
                } finally {
                    pool.shutdown();
                }
            }
            default -> throw new IllegalArgumentException("expected gram, cholesky, peak or parallel, got " + what);
        }
    }

    /** OpenBLAS on one thread (implementation name {@code openblas}); its core type comes from OPENBLAS_CORETYPE. */
    private static OpenBlas openBlas() {
        OpenBlas blas = OpenBlas.load().orElseThrow(() -> new IllegalStateException(OpenBlas.unavailableReason()));
        blas.setNumThreads(1);
        return blas;
    }

    /** The implementation's name, with OpenBLAS's core type (verified by openblas_get_corename). */
    private static String label(String impl) {
        return impl.equals("openblas") ? "openblas-" + openBlas().coreName() : impl;
    }

    private static void report(String name, double flops, int calls, boolean cpuTime, Runnable call) {
        report(name, flops, calls, cpuTime, null, call);
    }

    /** Times {@code call}; {@code before}, when not null, runs before each call outside the timed region. */
    private static void report(String name, double flops, int calls, boolean cpuTime, Runnable before, Runnable call) {
        // Warm up for three seconds so that C2 has compiled the kernels (longer on a busy machine), and time batches of at least a millisecond so that
        // small calls are not lost in the clock's resolution.
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        int batch = 1;
        while (System.nanoTime() < warmEnd) {
            if (before != null) before.run();
            long t0 = System.nanoTime();
            for (int b = 0; b < batch; b++) call.run();
            if (System.nanoTime() - t0 < 1_000_000L && before == null) batch *= 2;
        }
        double[] gflops = new double[calls];
        for (int i = 0; i < calls; i++) {
            if (before != null) before.run();
            long t0 = cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            for (int b = 0; b < batch; b++) call.run();
            long t1 = cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            gflops[i] = flops * batch / Math.max(1, t1 - t0);
        }
        Arrays.sort(gflops);
        System.out.printf("%-55s best %6.1f  median %6.1f GFLOP/s (%s)%n", name, gflops[calls - 1], gflops[calls / 2],
                cpuTime ? "thread CPU time" : "wall clock");
        if (!cpuTime) {
            // Work done, whatever the scheduling: CPU time of the whole process per call (all threads). Equal for 1 and
            // 2 threads means the split adds no work, so an idle machine would see the wall clock halve.
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < calls; i++) {
                for (int b = 0; b < batch; b++) call.run();
            }
            long c1 = os.getProcessCpuTime();
            System.out.printf("%-55s process CPU per call %.2f ms%n", name, (c1 - c0) / 1e6 / calls / batch);
        }
    }
}
