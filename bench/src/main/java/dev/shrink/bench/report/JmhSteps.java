package dev.shrink.bench.report;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the report's {@link Step}s through JMH's programmatic API ({@link Runner}, {@link OptionsBuilder}, JSON
 * results), one JSON file per step under {@code jmhDir}, JMH's own log in {@code jmh.log}, one progress line per
 * benchmark on {@code progress}.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} when it loads, and JMH forks inherit the report's environment, which a
 * {@code @Fork(jvmArgsAppend)} cannot change. So each core type gets a tiny {@code jvm} wrapper script that sets the
 * variable and {@code exec}s this JVM's {@code java}; JMH launches its forks through it.
 */
final class JmhSteps implements AutoCloseable {
    private final Path jmhDir;
    private final PrintStream progress;
    private final PrintStream log;
    private final int total;
    private int started;
    private boolean othersSeen;

    JmhSteps(Path jmhDir, PrintStream progress, int totalBenchmarks) throws IOException {
        this.jmhDir = Files.createDirectories(jmhDir);
        this.progress = progress;
        this.log = new PrintStream(Files.newOutputStream(jmhDir.resolve("jmh.log")), true, StandardCharsets.UTF_8);
        this.total = totalBenchmarks;
    }

    /** How many benchmark runs (method × parameter combination) a step makes: 0 when nothing matches. */
    static int count(Step step) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
        int count = 0;
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(silent, step.includes(), List.of())) {
            int combos = 1;
            if (entry.getParams().hasValue()) {
                for (Map.Entry<String, String[]> p : entry.getParams().get().entrySet()) {
                    List<String> override = step.params().get(p.getKey());
                    combos *= override != null ? override.size() : p.getValue().length;
                }
            }
            count += combos;
        }
        return count;
    }

    /** Runs one step; returns its results (fewer than {@link #count} when benchmarks failed: see jmh.log). */
    List<JmhResult> run(Step step, int index) throws IOException, RunnerException {
        String file = String.format(Locale.ROOT, "%02d-%s.json", index, step.label().replaceAll("[^A-Za-z0-9]+", "-"));
        Path json = jmhDir.resolve(file);
        Step.Timing t = step.timing();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(t.forks())
                .warmupIterations(t.warmupIterations())
                .warmupTime(TimeValue.milliseconds(Math.max(1, t.warmupMillis())))
                .measurementIterations(t.iterations())
                .measurementTime(TimeValue.milliseconds(t.iterationMillis()))
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(false)
                .timeout(TimeValue.minutes(10))
                .jvmArgsAppend("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        for (String include : step.includes()) options.include(include);
        for (Map.Entry<String, List<String>> p : step.params().entrySet()) {
            options.param(p.getKey(), p.getValue().toArray(String[]::new));
        }
        if (step.coretype() != null && t.forks() > 0) {
            int threads = step.params().getOrDefault("threads", List.of("1")).stream().mapToInt(Integer::parseInt).max().orElse(1);
            options.jvm(wrapper(step.coretype(), threads).toString());
        }
        OutputFormat format = new Progress(OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL), step.label());
        log.println("=== step " + index + ": " + step);
        if (otherJmhRunning()) {
            othersSeen = true;
            progress.println("        (another JMH run holds the JMH lock on this machine: running anyway, numbers may be disturbed)");
        }
        // JMH refuses to start while another JMH on the machine holds its lock; on a shared machine we run anyway and
        // say so in the report (see othersSeen) rather than fail.
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> ignored = new Runner(options.build(), format).run();
        if (ignored.isEmpty() || !Files.exists(json)) return List.of();
        return JmhResult.parse(Files.readString(json));
    }

    /** A shell script that runs this JVM's java with OPENBLAS_CORETYPE (and OPENBLAS_NUM_THREADS) set, OPENBLAS_L2_SIZE unset. */
    private Path wrapper(String coretype, int threads) throws IOException {
        if (!coretype.matches("[A-Za-z0-9_]+")) throw new IllegalArgumentException("bad core type name: " + coretype);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = jmhDir.resolve("java-" + coretype + "-" + threads + "t.sh");
        // OPENBLAS_L2_SIZE is preset on some machines (with OPENBLAS_CORETYPE, for older OpenBLAS builds): the forks
        // run without it, as the peers do, so that the core type's own blocking applies.
        String text = "#!/bin/sh\n# JMH fork launcher: OpenBLAS reads these when it loads.\n"
                + "unset OPENBLAS_L2_SIZE\n"
                + "OPENBLAS_CORETYPE=" + coretype + " OPENBLAS_NUM_THREADS=" + threads + " exec '"
                + java.toString().replace("'", "'\\''") + "' \"$@\"\n";
        Files.writeString(script, text);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            script.toFile().setExecutable(true);
        }
        return script;
    }

    /** Whether another JMH run held JMH's machine-wide lock at the start of some step. */
    boolean othersSeen() {
        return othersSeen;
    }

    /** JMH's own test: an exclusive lock on {@code java.io.tmpdir/jmh.lock}. */
    private static boolean otherJmhRunning() {
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (var channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            var held = channel.tryLock();
            if (held == null) return true;
            held.release();
            return false;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    @Override
    public void close() {
        log.close();
    }

    /** JMH's normal output goes to the log; the console gets one line per benchmark, with its score. */
    private final class Progress implements OutputFormat {
        private final OutputFormat delegate;
        private final String label;

        Progress(OutputFormat delegate, String label) {
            this.delegate = delegate;
            this.label = label;
        }

        @Override
        public void startBenchmark(BenchmarkParams params) {
            started++;
            String name = params.getBenchmark().replace("dev.shrink.bench.", "");
            StringBuilder ps = new StringBuilder();
            for (String key : params.getParamsKeys()) ps.append(ps.isEmpty() ? "" : ", ").append(key).append('=').append(params.getParam(key));
            progress.printf(Locale.ROOT, "[%d/%d] %s: %s (%s)%n", started, total, label, name, ps);
            progress.flush();
            delegate.startBenchmark(params);
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
            if (result != null && result.getPrimaryResult() != null) {
                var r = result.getPrimaryResult();
                progress.printf(Locale.ROOT, "        %s %s%n", SummaryTsv.number(r.getScore()), r.getScoreUnit());
            }
            delegate.endBenchmark(result);
        }

        @Override
        public void iteration(BenchmarkParams b, IterationParams i, int n) {
            delegate.iteration(b, i, n);
        }

        @Override
        public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
            delegate.iterationResult(b, i, n, r);
        }

        @Override
        public void startRun() {
            delegate.startRun();
        }

        @Override
        public void endRun(Collection<RunResult> results) {
            delegate.endRun(results);
        }

        @Override
        public void print(String s) {
            delegate.print(s);
        }

        @Override
        public void println(String s) {
            delegate.println(s);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.flush();
        }

        @Override
        public void verbosePrintln(String s) {
            delegate.verbosePrintln(s);
        }

        @Override
        public void write(int b) {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b) throws IOException {
            delegate.write(b);
        }
    }
}
