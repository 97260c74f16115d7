package dev.shrink.bench.report;

import dev.shrink.cli.ParseBenchmark;
import dev.shrink.cli.data.DataReader;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.data.DataSpec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The report's parse rows: how fast a numeric CSV becomes a float64 design, on one core, by the reader behind
 * {@code ./shrink fit} (the cli module's, in this JVM) and by what a user would otherwise run on the same file —
 * Python's {@code numpy.loadtxt} and R's {@code read.csv}. The file is cli's benchmark CSV (N(0,1) numbers with 7
 * decimals, 100 columns): 10⁶ rows (1.05 GB) in the full report, 10⁵ in the quick one. read.csv needs minutes per
 * 100 MB, so it reads the first tenth of the rows; what is compared is the rate, MB per second.
 */
final class ParseSection {
    private ParseSection() {}

    /** One reader's time on one file. */
    record Reading(String reader, long rows, int columns, long bytes, double wallSeconds, double cpuSeconds, String note) {
        double mbPerSecondWall() {
            return bytes / 1e6 / wallSeconds;
        }

        double mbPerSecondCpu() {
            return bytes / 1e6 / cpuSeconds;
        }
    }

    /**
     * The parse rows alone, as the report writes them (Markdown on stdout):
     * {@code java -cp … dev.shrink.bench.report.ParseSection [--quick|--full] [--no-external-peers]}.
     */
    public static void main(String[] args) throws IOException {
        Suite.Mode mode = List.of(args).contains("--full") ? Suite.Mode.FULL : Suite.Mode.QUICK;
        List<String> notes = new ArrayList<>();
        List<Reading> readings = run(mode, !List.of(args).contains("--no-external-peers"), System.err, notes);
        System.out.println(MachineInfo.detect().cpu() + ", " + Runtime.getRuntime().availableProcessors() + " logical processors; load "
                + MachineInfo.loadAverage());
        System.out.println(intro() + "\n\n" + table(readings).markdown());
        for (String n : notes) System.out.println("- " + n);
    }

    /** Data rows of the file by mode, and how many of them read.csv reads. */
    record Sizes(int rows, int columns, int rRows) {}

    static Sizes sizes(Suite.Mode mode) {
        return switch (mode) {
            case TOY -> new Sizes(2_000, 20, 200);
            case QUICK -> new Sizes(100_000, 100, 10_000);
            case FULL -> new Sizes(1_000_000, 100, 100_000);
        };
    }

    /** The peers' Python (the one with scikit-learn, as bench/peers/run_peers.sh chooses it). */
    private static String python() {
        String p = System.getenv("SHRINK_PYTHON");
        if (p != null && !p.isBlank()) return p;
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * Generates the file in a temporary directory, times shrink's reader (the least of three reads), then numpy and R
     * when {@code external} (each skipped with a note when missing or failing), and deletes the files.
     */
    static List<Reading> run(Suite.Mode mode, boolean external, PrintStream out, List<String> notes) throws IOException {
        Sizes s = sizes(mode);
        Path dir = Files.createTempDirectory("shrink-parse");
        Path csv = dir.resolve("numeric-" + s.rows() + "x" + s.columns() + ".csv");
        List<Reading> readings = new ArrayList<>();
        try {
            out.println("parse rows: generating a " + s.rows() + " × " + s.columns() + " CSV");
            ParseBenchmark.generate(csv, s.rows(), s.columns());
            readings.add(shrink(csv, s));
            if (external) {
                reading(notes, "numpy.loadtxt", () -> numpy(csv, s)).ifPresent(readings::add);
                Path part = dir.resolve("first-" + s.rRows() + ".csv");
                head(csv, part, s.rRows() + 1);
                reading(notes, "R read.csv", () -> r(part, s)).ifPresent(readings::add);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
        for (Reading r : readings) {
            out.printf(Locale.ROOT, "parse rows: %s %.0f MB/s (wall), %.0f MB/s (CPU)%n", r.reader(), r.mbPerSecondWall(), r.mbPerSecondCpu());
        }
        return readings;
    }

    @FunctionalInterface
    private interface Measurement {
        Reading run() throws IOException, InterruptedException;
    }

    private static java.util.Optional<Reading> reading(List<String> notes, String what, Measurement m) {
        try {
            return java.util.Optional.of(m.run());
        } catch (IOException | RuntimeException e) {
            notes.add("parse rows: " + what + " did not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("parse rows: " + what + " was interrupted");
        }
        return java.util.Optional.empty();
    }

    /** shrink's reader in this JVM: the least wall time of three reads, with that read's CPU time on the reading thread. */
    private static Reading shrink(Path csv, Sizes s) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long bytes = Files.size(csv);
        double wall = Double.POSITIVE_INFINITY;
        double cpu = Double.NaN;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            DataSet d = DataReader.read(new DataSpec(csv, null, "y", null, null, null, null, true), b -> {});
            double w = (System.nanoTime() - t0) / 1e9;
            double c = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            if (d.n() != s.rows() || d.p() != s.columns() - 1) throw new IllegalStateException("read " + d.n() + " × " + d.p());
            if (w < wall) {
                wall = w;
                cpu = c;
            }
        }
        return new Reading("shrink (./shrink fit's reader, this JVM)", s.rows(), s.columns(), bytes, wall, cpu, "least of 3 reads");
    }

    private static Reading numpy(Path csv, Sizes s) throws IOException, InterruptedException {
        String script = """
                import sys, time, numpy
                t = time.perf_counter(); c = time.process_time()
                a = numpy.loadtxt(sys.argv[1], delimiter=',', skiprows=1)
                print(numpy.__version__, a.shape[0], a.shape[1], time.perf_counter() - t, time.process_time() - c)
                """;
        String[] f = external(List.of(python(), "-c", script, csv.toString()));
        return new Reading("numpy " + f[0] + " loadtxt", Long.parseLong(f[1]), Integer.parseInt(f[2]), Files.size(csv), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), "one read");
    }

    private static Reading r(Path part, Sizes s) throws IOException, InterruptedException {
        String script = "f <- commandArgs(TRUE)[1]; t <- proc.time(); d <- read.csv(f); e <- proc.time() - t; "
                + "cat(paste0(R.version$major, '.', R.version$minor), nrow(d), ncol(d), e[['elapsed']], e[['user.self']] + e[['sys.self']], '\\n')";
        String[] f = external(List.of("Rscript", "-e", script, part.toString()));
        return new Reading("R " + f[0] + " read.csv", Long.parseLong(f[1]), Integer.parseInt(f[2]), Files.size(part), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), "the first " + s.rRows() + " rows of the same file");
    }

    /** Runs a peer with one thread; returns the fields of its last output line. */
    private static String[] external(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) pb.environment().put(v, "1");
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = p.inputReader(StandardCharsets.UTF_8)) {
            for (String l = in.readLine(); l != null; l = in.readLine()) lines.add(l);
        }
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.getFirst() + " did not finish in 20 minutes");
        }
        String last = lines.isEmpty() ? "" : lines.getLast().strip();
        String[] fields = last.split("\\s+");
        if (p.exitValue() != 0 || fields.length != 5) throw new IOException(command.getFirst() + " failed: " + String.join(" / ", lines));
        return fields;
    }

    /** The first {@code lines} lines of a file. */
    private static void head(Path from, Path to, int lines) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.US_ASCII);
             BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.US_ASCII)) {
            for (int k = 0; k < lines; k++) {
                String l = in.readLine();
                if (l == null) break;
                w.write(l);
                w.write('\n');
            }
        }
    }

    /** The section's table: each reader's rate, wall and CPU, and shrink's speed-up over it. */
    static Table table(List<Reading> readings) {
        Table t = new Table(List.of("reader", "file read", "MB", "wall (s)", "MB/s (wall)", "CPU (s)", "MB/s (CPU)", "shrink is (wall MB/s)"));
        double shrink = readings.getFirst().mbPerSecondWall();
        for (Reading r : readings) {
            boolean self = r == readings.getFirst();
            t.add(List.of(r.reader(), r.rows() + " × " + r.columns() + " (" + r.note() + ")", String.format(Locale.ROOT, "%.0f", r.bytes() / 1e6),
                    String.format(Locale.ROOT, "%.2f", r.wallSeconds()), String.format(Locale.ROOT, "%.1f", r.mbPerSecondWall()),
                    String.format(Locale.ROOT, "%.2f", r.cpuSeconds()), String.format(Locale.ROOT, "%.1f", r.mbPerSecondCpu()),
                    self ? "" : String.format(Locale.ROOT, "%.1f×", shrink / r.mbPerSecondWall())));
        }
        return t;
    }

    /** The paragraph above the table. */
    static String intro() {
        return "A numeric CSV (header row, N(0,1) numbers with 7 decimals, the last column the response) read into a float64 "
                + "design on one core: shrink's reader (the one ./shrink fit uses; the least of three reads in the report's JVM, "
                + "CPU time of the reading thread) beside numpy.loadtxt and R's read.csv on the same file (read.csv on its first "
                + "tenth: the rate per MB is compared). Issue 13's target: ≥ 200 MB/s on one core for a 1 GB file.";
    }
}
