package dev.shrink.kernels;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Vector API GLM row kernels run with their vectors in registers once C2 has compiled them: a compiled call
 * allocates only its chunk scratch arrays (a few kB), not a boxed vector per row block. Boxing — the vector math
 * helpers left as calls when a loop body outgrows C2's inlining budget — allocates about 12 bytes per row (100 kB for
 * these 8192 rows) and runs 2–4× slower; it is what the kernels' chunked loops and their calls through method handles
 * prevent (see VectorGlmRows). Measured in a fresh JVM: a JVM that has run the property tests' corner cases (NaN,
 * infinities, every width) first has seen its kernels deoptimized and recompiled so often that it may run them in C1's
 * code, which never compiles the Vector API to SIMD. Slow: the kernels are called until C2 has compiled them, at most
 * {@link #ROUNDS} rounds: a count, not a clock, so that the verdict does not depend on how busy the machine is.
 */
@Tag("slow")
class GlmRowsAllocationTest {
    private static final int ROWS = 8192;
    /** The multinomial kernels: ROWS/CLASSES rows of CLASSES classes, class-major in the same arrays. */
    private static final int CLASSES = 4;
    /** More than the scratch arrays of one call (a few chunks of 128–256 doubles and their headers), far less than boxing's. */
    private static final long BOUND = 16 * 1024;
    /** Rounds of 200 warm and 20 counted calls per kernel; C2 compiles them within a few, boxing never leaves. */
    private static final int ROUNDS = 300;

    @Test
    void compiledKernelsDoNotBoxTheirVectors() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "--add-modules=jdk.incubator.vector", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                GlmRowsAllocationTest.class.getName());
        File log = File.createTempFile("glm-rows-allocation", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            // only a guard against a hung child JVM: the probe's own work is bounded by ROUNDS, not by time
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the probe's JVM hung: " + command);
            }
            String out = String.join("\n", Files.readAllLines(log.toPath()));
            if (process.exitValue() != 0 || !out.contains("compiled without boxing")) fail(out);
        } finally {
            log.delete();
        }
    }

    /** The probe, in its own JVM: exits with status 1 and the bytes per call when a kernel still allocates after {@link #ROUNDS} rounds. */
    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(20261129);
        double[] z = new double[ROWS];
        double[] y = new double[ROWS];
        double[] s = new double[ROWS];
        double[] g = new double[ROWS];
        double[] u0 = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            z[i] = random.nextGaussian() * 2;
            y[i] = random.nextInt(2);
            s[i] = 1e-4;
            g[i] = s[i] * (1 / (1 + Math.exp(-z[i])) - y[i]);
            u0[i] = 1e-6 * random.nextGaussian();
        }
        double[] labels = new double[ROWS / CLASSES];
        for (int i = 0; i < labels.length; i++) labels[i] = random.nextInt(CLASSES);
        double[] r = new double[ROWS];
        double[] h = new double[ROWS];
        GlmRows rows = KernelProvider.vector(Inputs.WIDTHS.getLast()).glmRows();
        Kernel[] kernels = {
                () -> rows.logistic(0, ROWS, 1.0, z, y, s, null, null),
                () -> rows.logistic(0, ROWS, 1.0, z, y, s, r, h),
                () -> rows.logisticDivergence(0, ROWS, z, s, null, u0, 1.0),
                () -> rows.logisticDivergence(0, ROWS, z, s, g, u0, 0.5),
                () -> rows.poissonDivergence(0, ROWS, z, s, null, u0, 1.0),
                () -> rows.poisson(0, ROWS, 1.0, z, y, s, r, h),
                () -> rows.softmax(0, ROWS / CLASSES, CLASSES, ROWS / CLASSES, 1.0, z, labels, s, r, h),
                () -> rows.softmaxDivergence(0, ROWS / CLASSES, CLASSES, ROWS / CLASSES, z, s, g, u0, 0.5),
        };
        String[] names = {"logistic loss", "logistic with derivatives", "logistic divergence", "logistic divergence on a segment",
                "poisson divergence", "poisson with derivatives", "softmax with outputs", "softmax divergence"};
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] least = new long[kernels.length];
        Arrays.fill(least, Long.MAX_VALUE);
        boolean all = false;
        double sink = 0;
        for (int round = 0; round < ROUNDS && !all; round++) {
            all = true;
            for (int k = 0; k < kernels.length; k++) {
                for (int i = 0; i < 200; i++) sink += kernels[k].run(); // warm: interpreted calls box, compiled ones should not
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 20; i++) sink += kernels[k].run();
                least[k] = Math.min(least[k], (threads.getCurrentThreadAllocatedBytes() - before) / 20);
                all &= least[k] <= BOUND;
            }
        }
        if (!all || Double.isNaN(sink)) {
            StringBuilder message = new StringBuilder("bytes allocated per call of " + ROWS + " rows (bound " + BOUND + "):");
            for (int k = 0; k < kernels.length; k++) message.append(' ').append(names[k]).append(' ').append(least[k]).append(';');
            System.out.println(message);
            System.exit(1);
        }
        System.out.println("compiled without boxing");
    }

    private interface Kernel {
        double run();
    }
}
