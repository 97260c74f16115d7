package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No hidden copy of a {@code double[][]}: in a JVM whose heap holds the data once but not twice, Ridge fits it (n ≥ p,
 * the Gram reads the rows in place) and predicts it. Before the rows were read in place, {@code fit(double[][])}
 * copied them into a flat array first and this ran out of memory.
 */
class RowArraysMemoryTest {

    /** Run in the forked JVM: fills n×p rows, fits and predicts, prints {@code ok} and the heap it had. */
    public static final class Child {
        public static void main(String[] args) {
            int n = Integer.parseInt(args[0]);
            int p = Integer.parseInt(args[1]);
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            double[][] x = new double[n][p];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double[] row = x[i];
                for (int j = 0; j < p; j++) row[j] = random.nextDouble(-1, 1);
                y[i] = row[0] - 2 * row[p - 1] + 0.1 * random.nextDouble(-1, 1);
            }
            LinearModel m = Ridge.builder().alpha(1.0).threads(2).build().fit(x, y);
            double[] predicted = m.predict(x);
            System.out.println("coef0=" + Math.round(m.coef(0)) + " coefLast=" + Math.round(m.coef(p - 1)) + " n=" + predicted.length);
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
            System.out.println("ok");
        }
    }

    @Test
    void aDesignThatFitsOnceButNotTwiceIsFittedFromItsRows() throws Exception {
        int n = 200_000;
        int p = 100; // 160 MB of doubles; the child's heap is 256 MB
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), String.valueOf(n), String.valueOf(p)));
        File out = File.createTempFile("rows", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the forked JVM did not finish");
            String text = Files.readString(out.toPath());
            assertEquals(0, process.exitValue(), text);
            assertTrue(text.contains("coef0=1 coefLast=-2 n=" + n) && text.contains("ok"), text);
            long heap = Long.parseLong(text.lines().filter(l -> l.startsWith("maxHeap=")).findFirst().orElseThrow().substring(8));
            assertTrue(heap < 2L * 8 * n * p, "the heap (" + heap + " bytes) must not hold the data twice");
        } finally {
            out.delete();
        }
    }
}
