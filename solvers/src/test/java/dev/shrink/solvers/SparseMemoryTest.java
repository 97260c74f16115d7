package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory bound of {@link SparseDesign}: a lasso path and a single lasso fit on a 200000 × 50000 design with 2·10⁶
 * stored entries (24 MB of CSR arrays; its dense form would need 80 GB) run in a JVM whose whole heap is
 * {@code 2 × arrays + 16·(n + p) doubles + the path's output} (about 96 MB): at most twice the arrays (the CSR input
 * and the columns made from it) plus O(n + p) for the engines, and no n×k or p×p block.
 */
class SparseMemoryTest {
    private static final int N = 200_000;
    private static final int P = 50_000;
    private static final int PER_COLUMN = 40;
    private static final int N_ALPHAS = 10;

    @Test
    void aLassoPathFitsInTwiceTheArraysPlusLinearSpace() throws IOException, InterruptedException {
        long arrays = 4L * (N + 1) + 12L * PER_COLUMN * P;
        long allowance = 16L * 8 * (N + P) + 8L * N_ALPHAS * P;
        long heap = 2 * arrays + allowance;
        Map<String, String> out = fork(List.of("-Xmx" + (heap >> 20) + "m", "-XX:+UseSerialGC", "--add-modules=jdk.incubator.vector"),
                List.of(Integer.toString(N), Integer.toString(P), Integer.toString(PER_COLUMN), Integer.toString(N_ALPHAS)));
        assertEquals("true", out.get("path_converged"), out.toString());
        assertEquals("true", out.get("fit_converged"), out.toString());
        assertTrue(Integer.parseInt(out.get("support")) > 0, out.toString());
        assertTrue(Long.parseLong(out.get("dense_bytes")) > 100 * Long.parseLong(out.get("max_heap")), "the dense form must not fit: " + out);
        assertEquals(arrays, Long.parseLong(out.get("arrays_bytes")));
    }

    /** Runs the probe in a fresh JVM (this JVM's binary and class path) and returns its key=value lines. */
    private static Map<String, String> fork(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparseMemoryProbe.class.getName()));
        command.addAll(args);
        File log = File.createTempFile("sparse-memory", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the probe did not finish within 180 s: " + command);
            }
            List<String> lines = Files.readAllLines(log.toPath());
            assertEquals(0, process.exitValue(), "the probe failed (out of memory?):\n" + String.join("\n", lines));
            Map<String, String> values = new HashMap<>();
            for (String line : lines) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("WARNING")) values.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return values;
        } finally {
            log.delete();
        }
    }
}
