package dev.shrink.kernels;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Vector API GLM row kernels run with their vectors in registers once C2 has compiled them: a compiled call
 * allocates only its chunk scratch arrays (a few kB), not a boxed vector per row block. Boxing — the vector math
 * helpers left as calls when a loop body outgrows C2's inlining budget — allocates about 12 bytes per row (100 kB for
 * these 8192 rows) and runs 2–4× slower; it is what the kernels' chunked loops and their calls through method handles
 * prevent (see VectorGlmRows). Slow: the kernels are called until C2 has compiled them, up to a minute.
 */
@Tag("slow")
class GlmRowsAllocationTest {
    private static final int ROWS = 8192;
    /** More than the scratch arrays of one call (three chunks of 256 doubles and their headers), far less than boxing's. */
    private static final long BOUND = 16 * 1024;

    @Test
    void compiledKernelsDoNotBoxTheirVectors() {
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
        double[] r = new double[ROWS];
        double[] h = new double[ROWS];
        GlmRows rows = KernelProvider.vector(Inputs.WIDTHS.getLast()).glmRows();
        Kernel[] kernels = {
                () -> rows.logistic(0, ROWS, 1.0, z, y, s, null, null),
                () -> rows.logistic(0, ROWS, 1.0, z, y, s, r, h),
                () -> rows.logisticDivergence(0, ROWS, z, s, null, u0, 1.0),
                () -> rows.logisticDivergence(0, ROWS, z, s, g, u0, 0.5),
                () -> rows.poissonDivergence(0, ROWS, z, s, null, u0, 1.0),
        };
        String[] names = {"logistic loss", "logistic with derivatives", "logistic divergence", "logistic divergence on a segment",
                "poisson divergence"};
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] least = new long[kernels.length];
        Arrays.fill(least, Long.MAX_VALUE);
        long deadline = System.nanoTime() + 60_000_000_000L;
        boolean all = false;
        double sink = 0;
        while (!all && System.nanoTime() < deadline) {
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
            fail(message.toString());
        }
    }

    private interface Kernel {
        double run();
    }
}
