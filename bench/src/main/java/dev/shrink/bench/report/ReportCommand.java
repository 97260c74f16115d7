package dev.shrink.bench.report;

import dev.shrink.bench.data.Workloads;
import dev.shrink.bench.peers.CoreTypes;
import dev.shrink.bench.peers.OpenBlas;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./shrink report [--quick] [--out DIR]}: runs the benchmark suite with JMH and writes the report —
 * {@code index.html} (inline SVG charts), {@code report.md}, {@code summary.tsv}, the raw JMH JSON ({@code jmh.json},
 * per-step files and JMH's log under {@code jmh/}) — then prints the path of {@code index.html}.
 *
 * <p>Modes: the full suite (default); {@code --quick}, a short suite that finishes within about 10 minutes on 2 cores
 * (the external peers included);
 * {@code --toy}, seconds, in-process (JMH forks = 0), used by the tests so that the report cannot rot.
 */
public final class ReportCommand {
    private ReportCommand() {}

    static final String USAGE = """
            usage: ./shrink report [--quick] [--out DIR] [--no-solvers] [--no-external-peers] [--peer-coretype NAME]
                           [--list] [--keep-data] [--csv] [--workloads NAME,...]
              --quick               short suite (7-10 minutes on 2 cores, the peers included)
              --out DIR             where to write the report (default: report/)
              --no-solvers          kernels only
              --no-external-peers   do not run scikit-learn and glmnet (bench/peers/run_peers.sh)
              --list                list what would run (benchmarks per JMH run), run nothing
              --rerender            rewrite the pages from DIR's jmh.json and data/ (kept with --keep-data), measure nothing
              --peer-coretype NAME  OPENBLAS_CORETYPE for scikit-learn and glmnet ('native': OpenBLAS detects the CPU;
                                    default: the fastest for this CPU, SkylakeX with AVX-512, Haswell with AVX2)
              --keep-data           keep the solver workloads' X.f64 / y.f64 and every side's coefficients under DIR/data
                                    (deleted once read otherwise)
              --csv                 also write them as X.csv / y.csv (and keep them), for other tools
              --workloads NAME,...  only these solver workloads (e.g. mt-enet,bayes-ridge), no kernels; the mode's
                                    timing (full unless --quick)
            """;

    /** {@code ./shrink report ...}: the launcher runs this class. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Suite.Mode mode = Suite.Mode.FULL;
        Path outDir = Path.of("report");
        boolean solvers = true;
        boolean externalPeers = true;
        boolean list = false;
        DataOption dataFiles = DataOption.DELETE;
        String peerCoreType = null;
        boolean rerender = false;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = Suite.Mode.QUICK;
                case "--toy" -> mode = Suite.Mode.TOY;
                case "--full" -> mode = Suite.Mode.FULL;
                case "--no-solvers" -> solvers = false;
                case "--no-external-peers" -> externalPeers = false;
                case "--list" -> list = true;
                case "--rerender" -> {
                    rerender = true;
                    dataFiles = DataOption.KEEP;
                }
                case "--keep-data" -> dataFiles = DataOption.KEEP;
                case "--csv" -> dataFiles = DataOption.CSV;
                case "--peer-coretype" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("[A-Za-z0-9_]+")) {
                        err.println("report: --peer-coretype needs an OpenBLAS core type name (SkylakeX, Haswell, …) or 'native'");
                        return 2;
                    }
                    peerCoreType = args[++i];
                }
                case "--workloads" -> {
                    if (i + 1 >= args.length) {
                        err.println("report: --workloads needs a comma-separated list of " + Workloads.names());
                        return 2;
                    }
                    only = List.of(args[++i].split(","));
                    for (String w : only) {
                        if (!Workloads.names().contains(w)) {
                            err.println("report: unknown workload '" + w + "', expected some of " + Workloads.names());
                            return 2;
                        }
                    }
                }
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        err.println("report: --out needs a directory");
                        return 2;
                    }
                    outDir = Path.of(args[++i]);
                }
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    err.println("report: unknown option '" + args[i] + "'");
                    err.print(USAGE);
                    return 2;
                }
            }
        }
        try {
            return report(mode, outDir, solvers, externalPeers, list, dataFiles, peerCoreType, rerender, only, out);
        } catch (IOException | RuntimeException e) {
            err.println("report: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The mode and its JMH settings, for the report's first line. */
    static String modeText(Suite.Mode mode) {
        Step.Timing k = Suite.timing(mode), s = SolverSection.timing(mode);
        int[] peers = SolverSection.peerRepeatsAndWarmup(mode);
        String name = switch (mode) {
            case TOY -> "toy (tests only: tiny sizes, in-process)";
            case QUICK -> "quick";
            case FULL -> "full";
        };
        return String.format(Locale.ROOT, "%s — kernels: %d fork(s), %d warm-up iteration(s) of %d ms, %d measured of %d ms; "
                        + "solvers: mean of %d fit(s) after %d warm-up fit(s) (external peers: %d after %d)", name, k.forks(),
                k.warmupIterations(), k.warmupMillis(), k.iterations(), k.iterationMillis(), s.iterations(),
                s.warmupIterations(), peers[0], peers[1]);
    }

    /** What happens to the workloads' X and y files once the peers have run (they are large, and regenerable). */
    enum DataOption { DELETE, KEEP, CSV }

    /**
     * This run's single-thread OpenBLAS Gram at the report's largest Gram shape, GFLOP/s per core type: the evidence
     * {@link CoreTypes#choose} weighs against its rule.
     */
    static Map<String, Double> measuredGram(List<Row> rows) {
        Map<String, Double> byCore = new LinkedHashMap<>();
        rows.stream().filter(r -> r.kernel().equals("gram") && r.threads() == 1 && r.unit().equals("GFLOP/s")
                        && r.implementation().startsWith("openblas-"))
                .max(Comparator.comparingDouble(r -> ReportWriter.size(r.shape())))
                .map(Row::shape)
                .ifPresent(shape -> rows.stream().filter(r -> r.kernel().equals("gram") && r.threads() == 1
                                && r.unit().equals("GFLOP/s") && r.shape().equals(shape) && r.implementation().startsWith("openblas-"))
                        .forEach(r -> byCore.put(r.implementation().substring("openblas-".length()), r.value())));
        return byCore;
    }

    private static int report(Suite.Mode mode, Path outDir, boolean solvers, boolean externalPeers, boolean list,
                              DataOption dataFiles, String peerCoreType, boolean rerender, List<String> only, PrintStream out)
            throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(outDir);
        List<String> notes = new ArrayList<>();
        MachineInfo machine = MachineInfo.detect();
        double loadAtStart = MachineInfo.loadAverage();
        out.println("shrink report (" + mode.name().toLowerCase(Locale.ROOT) + ") → " + outDir.toAbsolutePath());
        machine.asMap().forEach((k, v) -> out.println("  " + k + ": " + v));

        List<String> coretypes = new ArrayList<>();
        var blas = OpenBlas.load();
        if (blas.isEmpty()) {
            notes.add("OpenBLAS rows skipped: " + OpenBlas.unavailableReason());
        } else if (mode == Suite.Mode.TOY) {
            coretypes.add(blas.get().coreName());   // in-process: whatever this JVM loaded
        } else {
            coretypes.addAll(Suite.CORETYPES);
        }

        // --workloads: those solver workloads alone, without the kernel steps
        List<Step> planned = new ArrayList<>(only == null ? Suite.steps(mode, coretypes) : List.of());
        if (only != null) notes.add("solver workloads " + only + " only (--workloads): no kernel rows");
        SolverSection section = new SolverSection(mode, outDir.resolve("data"), out, notes, dataFiles, only);
        if (solvers) planned.addAll(section.steps());
        List<Step> steps = new ArrayList<>();
        int total = 0;
        for (Step s : planned) {
            int c = JmhSteps.count(s);
            if (c == 0) {
                notes.add("nothing to run for '" + s.label() + "': no benchmark matches " + s.includes());
            } else {
                steps.add(s);
                total += c;
            }
        }
        if (list) {
            for (Step s : steps) out.printf(Locale.ROOT, "%3d  %s  %s%n", JmhSteps.count(s), s.label(), s.params());
            notes.forEach(n -> out.println("note: " + n));
            out.println(total + " benchmarks in " + steps.size() + " JMH runs");
            return 0;
        }
        List<JmhResult> results = new ArrayList<>();
        if (rerender) {
            // The pages again from a finished run's jmh.json and data/ (kept with --keep-data): for layout work.
            results.addAll(JmhResult.parse(Files.readString(outDir.resolve("jmh.json"))));
            notes.add("pages rewritten (--rerender) from an earlier run's jmh.json and data/, without measuring again");
        } else {
            out.println("running " + total + " benchmarks in " + steps.size() + " JMH runs");
            List<String> jsonParts = new ArrayList<>();
            try (JmhSteps runner = new JmhSteps(outDir.resolve("jmh"), out, total)) {
                for (int i = 0; i < steps.size(); i++) {
                    Step s = steps.get(i);
                    List<JmhResult> r;
                    try {
                        r = runner.run(s, i + 1);
                    } catch (Exception e) {
                        notes.add("JMH run '" + s.label() + "' failed: " + e);
                        continue;
                    }
                    int expected = JmhSteps.count(s);
                    if (r.size() < expected) {
                        notes.add((expected - r.size()) + " of " + expected + " benchmarks of '" + s.label()
                                + "' failed or were skipped; see jmh/jmh.log");
                    }
                    results.addAll(r);
                }
                if (runner.othersSeen()) {
                    notes.add("another JMH run was active on this machine during part of the report: numbers may be disturbed");
                }
            }
            try (var files = Files.list(outDir.resolve("jmh"))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    String text = Files.readString(p).trim();
                    if (text.startsWith("[") && text.endsWith("]") && text.length() > 2) {
                        jsonParts.add(text.substring(1, text.length() - 1).trim());
                    }
                }
            }
            Files.writeString(outDir.resolve("jmh.json"), "[\n" + String.join(",\n", jsonParts) + "\n]\n");
        }

        List<Row> rows = new ArrayList<>();
        List<JmhResult> solverResults = new ArrayList<>();
        for (JmhResult r : results) {
            if (r.className().equals("SolverBenchmark")) solverResults.add(r);
            else rows.addAll(KernelRows.from(r));
        }
        List<String> wide = new ArrayList<>();
        for (Row r : rows) {
            if (r.wideError() && !r.unit().equals("GFLOP/s")) {
                wide.add(String.format(Locale.ROOT, "%s %s %s (±%.0f%%)", r.kernel(), r.shape(), r.implementation(),
                        100 * r.relativeError()));
            }
        }
        if (!wide.isEmpty()) {
            notes.add(wide.size() + " of " + results.size() + " JMH scores had a 99.9% error above "
                    + (int) (Row.WIDE_ERROR * 100) + "% of the score (marked ± in the tables; a busy machine or too few "
                    + "iterations): " + String.join(", ", wide));
        }

        CoreTypes.Choice peerCore = peerCoreType != null
                ? new CoreTypes.Choice(peerCoreType.equals("native") ? null : peerCoreType, "--peer-coretype " + peerCoreType)
                : CoreTypes.choose(machine.flags(), measuredGram(rows));
        List<SolverRow> solverRows = new ArrayList<>();
        if (solvers) solverRows.addAll(section.run(solverResults, externalPeers && !rerender, rerender, peerCore.coreType()));

        // The parse rows: not measured again by --rerender (their files are not kept)
        List<ParseSection.Reading> parse = List.of();
        if (!rerender) {
            try {
                parse = ParseSection.run(mode, externalPeers && mode != Suite.Mode.TOY, out, notes);
            } catch (IOException | RuntimeException e) {
                notes.add("parse rows did not run: " + e);
            }
        }

        List<Row> all = new ArrayList<>(rows);
        for (SolverRow s : solverRows) all.addAll(SolverSection.rows(s));
        Files.writeString(outDir.resolve("summary.tsv"), SummaryTsv.format(all));
        String modeText = modeText(mode);
        String busy = rerender ? null : MachineInfo.busyNote(loadAtStart, MachineInfo.loadAverage(), machine.processors());
        if (busy != null) notes.addFirst(busy);
        ReportWriter writer = new ReportWriter(modeText, machine, rows, solverRows, notes,
                solvers && (externalPeers || rerender) && mode != Suite.Mode.TOY ? peerCore : null, parse);
        Files.writeString(outDir.resolve("report.md"), writer.markdown());
        Path index = outDir.resolve("index.html");
        Files.writeString(index, writer.html());
        out.printf(Locale.ROOT, "done in %.0f s: %d rows, %d notes%n", (System.nanoTime() - start) / 1e9, all.size(), notes.size());
        out.println(index.toAbsolutePath());
        return 0;
    }
}
