package dev.shrink.bench.report;

import dev.shrink.bench.data.DataFiles;
import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;
import dev.shrink.bench.solvers.Accuracy;
import dev.shrink.bench.solvers.Fits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The solver part of the report: shrink's fit times come from JMH ({@code SolverBenchmark}, one of the report's
 * steps); the external peers run through {@code bench/peers/run_peers.sh} on data files written here; every side's
 * objective and optimality are then computed by the same Java code ({@link Accuracy}).
 */
final class SolverSection {
    static final String BENCHMARK = "^dev\\.shrink\\.bench\\.solvers\\.SolverBenchmark\\.fit$";
    static final List<String> PEERS = List.of("sklearn", "glmnet");

    private final Suite.Mode mode;
    private final Path dataDir;
    private final PrintStream progress;
    private final List<String> notes;
    private final ReportCommand.DataOption dataFiles;
    private final List<String> only;

    /** @param only the workloads to run (null: the mode's own list) */
    SolverSection(Suite.Mode mode, Path dataDir, PrintStream progress, List<String> notes, ReportCommand.DataOption dataFiles, List<String> only) {
        this.dataFiles = dataFiles;
        this.only = only;
        this.mode = mode;
        this.dataDir = dataDir;
        this.progress = progress;
        this.notes = notes;
    }

    List<String> workloads() {
        if (only != null) return only;
        return switch (mode) {
            case TOY -> List.of("ridge", "lasso");
            case QUICK -> List.of("ridge", "lasso", "elasticnet", "logistic", "enet-path", "lasso-path-wide", "enet-cv", "ridge-cv",
                    "sparse-lasso");
            case FULL -> Workloads.names();
        };
    }

    /** Scale of the toy mode's workloads. */
    static final double TOY_SCALE = 0.005;

    double scale() {
        return mode == Suite.Mode.TOY ? TOY_SCALE : 1;
    }

    /** JMH settings of the solver benchmark (single-shot: iterations are fits). */
    static Step.Timing timing(Suite.Mode mode) {
        return switch (mode) {
            case TOY -> new Step.Timing(0, 0, 0, 1, 0);
            case QUICK -> new Step.Timing(1, 3, 0, 3, 0);
            case FULL -> new Step.Timing(1, 2, 0, 5, 0);
        };
    }

    /** Timed fits and warm-up fits of the external peers: quick, one after one; full, three after one. */
    static int[] peerRepeatsAndWarmup(Suite.Mode mode) {
        return mode == Suite.Mode.FULL ? new int[] {3, 1} : new int[] {1, 1};
    }

    /**
     * The JMH steps that time shrink's fits: every workload at the estimators' defaults, then (not in the toy mode) the
     * workloads that have other tolerance settings ({@link Fits#tolSettings}) at each, one step per tolerance.
     */
    List<Step> steps() {
        Step.Timing timing = timing(mode);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("solvers", List.of(BENCHMARK), params(workloads(), ""), null, timing));
        if (mode == Suite.Mode.TOY) return steps;
        Map<Double, List<String>> byTol = new java.util.TreeMap<>();
        for (String name : workloads()) {
            for (double tol : Fits.tolSettings(Workloads.get(name, TOY_SCALE))) { // a toy copy gives the same settings
                byTol.computeIfAbsent(tol, t -> new ArrayList<>()).add(name);
            }
        }
        byTol.forEach((tol, names) -> steps.add(new Step("solvers at " + Fits.settingName(tol), List.of(BENCHMARK),
                params(names, Double.toString(tol)), null, timing)));
        return steps;
    }

    private Map<String, List<String>> params(List<String> names, String tol) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("workload", names);
        params.put("scale", List.of(Double.toString(scale())));
        params.put("resultDir", List.of(dataDir.toAbsolutePath().toString()));
        params.put("tol", List.of(tol));
        return params;
    }

    /** shrink's time on workload {@code name} at tolerance setting {@code tol} ("": the default) from JMH, NaN if none. */
    private static double shrinkSeconds(List<JmhResult> results, String name, String tol) {
        return results.stream()
                .filter(r -> r.method().equals("fit") && name.equals(r.params().get("workload"))
                        && tol.equals(r.params().getOrDefault("tol", "")))
                .mapToDouble(r -> r.nanosPerOp() / 1e9).findFirst().orElse(Double.NaN);
    }

    /**
     * Solver rows: shrink's (timed by JMH, in {@code results}) and the external peers', every setting of each; the
     * peers run with OpenBLAS core type {@code peerCoreType} (null: OpenBLAS detects the CPU); {@code reuse}: read
     * what the peers left in the data folder earlier instead of running them.
     */
    List<SolverRow> run(List<JmhResult> results, boolean externalPeers, boolean reuse, String peerCoreType) throws IOException {
        List<SolverRow> rows = new ArrayList<>();
        Map<String, Workload> data = new LinkedHashMap<>();
        for (String name : workloads()) data.put(name, Workloads.get(name, scale()));

        boolean peers = (externalPeers || reuse) && mode != Suite.Mode.TOY;
        boolean write = !reuse && (peers || dataFiles != ReportCommand.DataOption.DELETE);
        if (!externalPeers && !reuse) notes.add("external peers (scikit-learn, glmnet) not run: --no-external-peers");
        if (mode == Suite.Mode.TOY) notes.add("external peers are not run in the toy mode");
        Path datasets = dataDir.resolve("_datasets");
        if (write) {
            for (Workload w : data.values()) {
                DataFiles.write(w, dataDir.resolve(w.name()), datasets.resolve(Workloads.dataset(w.name())),
                        dataFiles == ReportCommand.DataOption.CSV);
            }
        }
        if (peers && !reuse) runPeers(peerCoreType);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Math.min(2,
                Runtime.getRuntime().availableProcessors())));
        for (Workload w : data.values()) {
            progress.println("objectives on " + w.name() + " " + w.shape() + " ...");
            double seconds = shrinkSeconds(results, w.name(), "");
            if (Double.isNaN(seconds)) notes.add("no JMH timing for shrink on " + w.name() + " (see jmh/jmh.log)");
            Map<String, Double> shrinkSides = new LinkedHashMap<>();
            shrinkSides.put("shrink", seconds);
            for (double tol : Fits.tolSettings(w)) {
                double s = shrinkSeconds(results, w.name(), Double.toString(tol));
                if (!Double.isNaN(s)) shrinkSides.put("shrink-" + Fits.settingName(tol), s);
            }
            List<String> sides = new ArrayList<>(shrinkSides.keySet());
            if (peers) sides.addAll(peerSides(dataDir.resolve(w.name())));
            // Each side's objective is a few passes over X per alpha (seconds for a 100-alpha path): sides in parallel.
            List<java.util.concurrent.Future<java.util.Optional<SolverRow>>> futures = new ArrayList<>();
            for (String side : sides) {
                double s = shrinkSides.getOrDefault(side, Double.NaN);
                futures.add(pool.submit(() -> sideRow(w, side, s)));
            }
            for (var f : futures) {
                try {
                    f.get().ifPresent(rows::add);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("objective of a side on " + w.name(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        pool.shutdown();
        if (dataFiles == ReportCommand.DataOption.DELETE) {
            deleteTree(datasets);
            for (Workload w : data.values()) deleteCoefficients(dataDir.resolve(w.name()));
            notes.add("the workloads' X and y files and every side's coefficients were deleted once read (--keep-data "
                    + "keeps them; the data are regenerated bit for bit from fixed seeds); data/ keeps each side's "
                    + "result-*.properties and logs");
        } else if (write) {
            notes.add("the workloads' data files are under " + datasets + " (X row-major, little-endian doubles"
                    + (dataFiles == ReportCommand.DataOption.CSV ? ", also as CSV" : "") + "), each side's coefficients "
                    + "in the workload folders");
        }
        return rows;
    }

    /** The peers' sides present in a workload folder, one per setting: result-SIDE.properties, shrink's excluded. */
    static List<String> peerSides(Path dir) throws IOException {
        List<String> sides = new ArrayList<>();
        for (String peer : PEERS) {
            if (Files.exists(dir.resolve("skipped-" + peer + ".txt"))) sides.add(peer);   // reported as skipped
        }
        if (!Files.isDirectory(dir)) return sides;
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("result-") && f.endsWith(".properties"))
                    .map(f -> f.substring("result-".length(), f.length() - ".properties".length()))
                    .filter(side -> !side.equals("shrink") && !side.startsWith("shrink-"))
                    .sorted(java.util.Comparator.comparingInt(SolverSection::peerRank).thenComparing(side -> side))
                    .forEach(sides::add);
        }
        return sides;
    }

    /** Peers in the order of {@link #PEERS} (scikit-learn first), unknown ones last. */
    private static int peerRank(String side) {
        for (int i = 0; i < PEERS.size(); i++) if (side.startsWith(PEERS.get(i))) return i;
        return PEERS.size();
    }

    /** Removes every side's coefficient files (large for paths) from a workload folder. */
    static void deleteCoefficients(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("(coef|intercept|alphas)-.*\\.csv")).toList()) {
                Files.delete(f);
            }
        }
    }

    /** A side's row from the files it left in the workload's folder; {@code seconds} NaN: read time_s from there. */
    private java.util.Optional<SolverRow> sideRow(Workload w, String side, double seconds) {
        Path dir = dataDir.resolve(w.name());
        try {
            Path skipped = dir.resolve("skipped-" + side + ".txt");
            if (Files.exists(skipped)) {
                note(SolverRow.displayName(side) + " skipped on " + w.name() + ": " + Files.readString(skipped).strip());
                return java.util.Optional.empty();
            }
            Path result = dir.resolve("result-" + side + ".properties");
            if (!Files.exists(result)) {
                note(side + " left no result for " + w.name());
                return java.util.Optional.empty();
            }
            Properties props = new Properties();
            props.load(new StringReader(Files.readString(result)));
            String peer = props.getProperty("peer", side);
            List<double[]> coefs = DataFiles.readCsv(dir.resolve("coef-" + side + ".csv"));
            double[] intercepts = column(DataFiles.readCsv(dir.resolve("intercept-" + side + ".csv")));
            double[] alphas = column(DataFiles.readCsv(dir.resolve("alphas-" + side + ".csv")));
            Accuracy.Measure m = Accuracy.of(w, coefs, intercepts, alphas);
            if (prefixOnly(w, alphas)) {
                // a path fitted on the first values of the grid only (a slow peer's bounded run): its objective sums fewer
                // fits than the others', so it is not compared; its time is a lower bound on the whole path's
                m = new Accuracy.Measure(Double.NaN, m.optimality(), m.name());
            }
            String note = props.getProperty("note", "");
            String version = props.getProperty("version", "");
            if (!version.isEmpty()) {
                synchronized (notes) {
                    if (notes.stream().noneMatch(n -> n.startsWith(SolverRow.displayName(peer) + " version"))) {
                        notes.add(SolverRow.displayName(peer) + " version: " + version);
                    }
                }
            }
            SolverRow.PeerBlas blas = peer.equals("shrink") ? null : new SolverRow.PeerBlas(
                    props.getProperty("coretype_requested", ""), props.getProperty("coretype", ""), props.getProperty("blas", ""));
            boolean cv = w.model().endsWith("_cv");
            return java.util.Optional.of(new SolverRow(w.name(), w.shape(), peer, props.getProperty("setting", ""), blas,
                    Double.isNaN(seconds) ? Double.parseDouble(props.getProperty("time_s", "NaN")) : seconds,
                    m.objective(), m.optimality(), m.name(), cv && alphas.length > 0 ? alphas[0] : Double.NaN, note));
        } catch (IOException | RuntimeException e) {
            note("could not read " + side + "'s result for " + w.name() + ": " + e);
            return java.util.Optional.empty();
        }
    }

    /** Whether a path workload's side fitted fewer penalties than the workload's grid has ({@code n_alphas}). */
    static boolean prefixOnly(Workload w, double[] alphas) {
        String count = w.settings().get("n_alphas");
        return w.model().endsWith("_path") && count != null && alphas.length < Integer.parseInt(count);
    }

    /** Adds a note; sides are read in parallel. */
    private void note(String text) {
        synchronized (notes) {
            notes.add(text);
        }
    }

    private static double[] column(List<double[]> rows) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) v[i] = rows.get(i)[0];
        return v;
    }

    private void runPeers(String coreType) {
        Path script = projectRoot().resolve("bench/peers/run_peers.sh");
        if (!Files.isExecutable(script)) {
            notes.add("external peers skipped: " + script + " not found or not executable");
            return;
        }
        String repeats = Integer.toString(peerRepeatsAndWarmup(mode)[0]);
        String warmup = Integer.toString(peerRepeatsAndWarmup(mode)[1]);
        progress.println("external peers: " + script + " (" + repeats + " timed fit(s) after " + warmup + " warm-up per workload)");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), dataDir.toString(), repeats, warmup,
                    coreType == null ? "native" : coreType)
                    .redirectErrorStream(true).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) progress.println("  " + line);
            }
            if (!process.waitFor(1, TimeUnit.HOURS)) process.destroyForcibly();
            notes.add("external peers ran single-threaded (OPENBLAS_NUM_THREADS=1) with OPENBLAS_CORETYPE="
                    + (coreType == null ? "unset (OpenBLAS detected the CPU)" : coreType) + " and OPENBLAS_L2_SIZE unset; "
                    + "time per fit = mean of " + repeats + " after " + warmup + " warm-up, for every setting");
        } catch (IOException e) {
            notes.add("external peers skipped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("external peers interrupted");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The project root: {@code -Dshrink.projectRoot}, else the nearest folder up from the working directory with bench/peers. */
    static Path projectRoot() {
        String prop = System.getProperty("shrink.projectRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("bench/peers"))) return d;
        }
        return dir;
    }

    /** A side in summary.tsv: {@code shrink}, {@code sklearn[solver=lbfgs]@SkylakeX}, … (no spaces, no tabs). */
    static String tsvName(SolverRow s) {
        String name = s.implementation();
        if (s.setting() != null && !s.setting().isEmpty()) name += "[" + s.setting() + "]";
        if (s.blas() != null && !s.blas().loaded().isEmpty()) name += "@" + s.blas().loaded();
        return name.replaceAll("\\s+", "");
    }

    static List<Row> rows(SolverRow s) {
        List<Row> rows = new ArrayList<>();
        String side = tsvName(s);
        if (Double.isFinite(s.seconds())) rows.add(new Row(s.workload(), s.shape(), side, 1, s.seconds(), "s"));
        if (Double.isFinite(s.objective())) rows.add(new Row(s.workload(), s.shape(), side, 1, s.objective(), "objective"));
        if (Double.isFinite(s.gap())) rows.add(new Row(s.workload(), s.shape(), side, 1, s.gap(), s.gapName()));
        return rows;
    }
}
