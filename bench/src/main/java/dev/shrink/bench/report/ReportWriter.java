package dev.shrink.bench.report;

import dev.shrink.charts.SvgChart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes {@code report.md} and {@code index.html} from the rows: header (machine, JDK, vectors, OpenBLAS, date), the
 * measured peak, one section per kernel (chart of GFLOP/s against size with every implementation on the same axes,
 * the numbers, speed-ups against the scalar reference and the peers, share of peak), threads, solvers, notes.
 */
final class ReportWriter {
    /** Kernels in reading order; others follow alphabetically. */
    static final List<String> KERNEL_ORDER = List.of("dot", "axpy", "xw", "xtr", "gram", "cholesky");
    static final List<String> IMPL_ORDER = List.of("scalar", "vector-128", "vector-256", "vector-512", "vector",
            "shrink", "ejml", "openblas-Haswell", "openblas-SkylakeX", "openblas", "sklearn", "glmnet");
    static final Map<String, String> KERNEL_TITLES = Map.of(
            "dot", "dot product xᵀy", "axpy", "axpy y ← αx + y", "xw", "matrix–vector Xw (row-major)",
            "xtr", "transposed matrix–vector Xᵀr (row-major)", "gram", "Gram XᵀX (dsyrk)",
            "cholesky", "Cholesky factorization (dpotrf)");

    private final MachineInfo machine;
    private final List<Row> kernelRows;
    private final List<SolverRow> solverRows;
    private final List<String> notes;
    private final String mode;

    /** One solver measurement: time, the objective reached, and its distance to the best objective any side reached. */
    record SolverRow(String workload, String shape, String implementation, double seconds, double objective,
                     double gap, String gapName, String note) {}

    ReportWriter(String mode, MachineInfo machine, List<Row> kernelRows, List<SolverRow> solverRows, List<String> notes) {
        this.mode = mode;
        this.machine = machine;
        this.kernelRows = kernelRows;
        this.solverRows = solverRows;
        this.notes = notes;
    }

    /** Highest GFLOP/s of the FMA probe, or NaN when it did not run. */
    double peak() {
        return kernelRows.stream().filter(r -> r.kernel().equals("peak") && r.unit().equals("GFLOP/s"))
                .mapToDouble(Row::value).max().orElse(Double.NaN);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# shrink benchmark report\n\n");
        md.append("Mode: ").append(mode).append(". Single thread unless a table says otherwise. ")
                .append("Numbers marked `±` had a JMH 99.9% error above ").append((int) (Row.WIDE_ERROR * 100))
                .append("% of the score.\n\n");
        md.append(headerTable().markdown()).append('\n');
        double peak = peak();
        md.append("## Measured peak\n\n").append(peakText(peak)).append("\n\n");
        for (String kernel : kernels()) {
            md.append("## ").append(title(kernel)).append("\n\n");
            md.append(valuesTable(kernel, peak).markdown()).append('\n');
            Table speedups = speedupTable(kernel, peak);
            if (!speedups.isEmpty()) md.append(speedups.markdown()).append('\n');
        }
        Table threads = threadsTable();
        if (!threads.isEmpty()) md.append("## Two threads\n\n").append(threads.markdown()).append('\n');
        if (!solverRows.isEmpty()) {
            md.append("## Solvers\n\n").append(solverIntro()).append("\n\n").append(solverSpeedups().markdown()).append('\n')
                    .append(solverTable().markdown()).append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            for (String n : notes) md.append("- ").append(n).append('\n');
        }
        return md.toString();
    }

    String html() {
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>shrink benchmark report</title>
                <style>
                body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px}
                td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
                svg{display:block;margin:1em 0}.note{color:#555}
                </style></head><body>
                <h1>shrink benchmark report</h1>
                """);
        h.append("<p>Mode: ").append(esc(mode)).append(". Single thread unless a table says otherwise. Numbers marked ± had a JMH 99.9% error above ")
                .append((int) (Row.WIDE_ERROR * 100)).append("% of the score.</p>\n");
        h.append(headerTable().html());
        double peak = peak();
        h.append("<h2>Measured peak</h2>\n<p>").append(esc(peakText(peak))).append("</p>\n");
        for (String kernel : kernels()) {
            h.append("<h2>").append(esc(title(kernel))).append("</h2>\n");
            h.append(chart(kernel, peak));
            h.append(valuesTable(kernel, peak).html());
            Table speedups = speedupTable(kernel, peak);
            if (!speedups.isEmpty()) h.append(speedups.html());
        }
        Table threads = threadsTable();
        if (!threads.isEmpty()) h.append("<h2>Two threads</h2>\n").append(threads.html());
        if (!solverRows.isEmpty()) {
            h.append("<h2>Solvers</h2>\n<p>").append(esc(solverIntro())).append("</p>\n");
            h.append(solverChart()).append(solverSpeedups().html()).append(solverTable().html());
        }
        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul class=\"note\">\n");
            for (String n : notes) h.append("<li>").append(esc(n)).append("</li>\n");
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private Table headerTable() {
        Table t = new Table(List.of("", ""));
        machine.asMap().forEach((k, v) -> t.add(List.of(k, v)));
        return t;
    }

    private static String peakText(double peak) {
        return Double.isNaN(peak) ? "The FMA probe did not run; no share of peak is shown."
                : String.format(Locale.ROOT, "%.1f GFLOP/s on one core (Java Vector API, 12 independent FMA chains; the "
                + "best iteration of the best width measured). Shares of peak below are against this number.", peak);
    }

    private List<String> kernels() {
        Set<String> all = new LinkedHashSet<>();
        for (Row r : kernelRows) if (!r.kernel().equals("peak") && !r.kernel().endsWith("Parallel")) all.add(r.kernel());
        List<String> ordered = new ArrayList<>();
        for (String k : KERNEL_ORDER) if (all.remove(k)) ordered.add(k);
        all.stream().sorted().forEach(ordered::add);
        return ordered;
    }

    private static String title(String kernel) {
        return KERNEL_TITLES.getOrDefault(kernel, kernel);
    }

    private boolean hasFlops(String kernel) {
        return kernelRows.stream().anyMatch(r -> r.kernel().equals(kernel) && r.unit().equals("GFLOP/s"));
    }

    /** Single-thread rows of a kernel in the kernel's headline unit (GFLOP/s, else time). */
    private List<Row> headline(String kernel) {
        boolean flops = hasFlops(kernel);
        return kernelRows.stream().filter(r -> r.kernel().equals(kernel) && r.threads() == 1)
                .filter(r -> flops ? r.unit().equals("GFLOP/s") : !r.unit().equals("GFLOP/s")).toList();
    }

    private static List<String> shapes(List<Row> rows) {
        return rows.stream().map(Row::shape).distinct().sorted(Comparator.comparingDouble(ReportWriter::size)
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** Sort key of a shape: the product of its leading numbers (64, 20000x500 → 1e7). */
    static double size(String shape) {
        double product = 1;
        boolean any = false;
        for (String part : shape.split("[x-]")) {
            try {
                product *= Double.parseDouble(part.replace("-bit", ""));
                any = true;
            } catch (NumberFormatException e) {
                break;
            }
        }
        return any ? product : Double.MAX_VALUE;
    }

    static List<String> implementations(List<Row> rows) {
        List<String> names = rows.stream().map(Row::implementation).distinct().toList();
        List<String> ordered = new ArrayList<>();
        for (String i : IMPL_ORDER) if (names.contains(i)) ordered.add(i);
        names.stream().filter(n -> !ordered.contains(n)).sorted().forEach(ordered::add);
        return ordered;
    }

    /** Time rows are converted to nanoseconds so that one shape's implementations compare in one unit. */
    private static double headlineValue(Row r) {
        return r.unit().equals("ms") ? r.value() * 1e6 : r.value();
    }

    private String chart(String kernel, double peak) {
        List<Row> rows = headline(kernel);
        List<String> shapes = shapes(rows);
        List<SvgChart.Series> series = new ArrayList<>();
        for (String impl : implementations(rows)) {
            double[] v = new double[shapes.size()];
            for (int i = 0; i < v.length; i++) {
                String shape = shapes.get(i);
                v[i] = rows.stream().filter(r -> r.implementation().equals(impl) && r.shape().equals(shape))
                        .mapToDouble(ReportWriter::headlineValue).findFirst().orElse(Double.NaN);
            }
            series.add(new SvgChart.Series(impl, v));
        }
        boolean flops = hasFlops(kernel);
        return SvgChart.lines(title(kernel) + (flops ? ": GFLOP/s against size" : ": time per call against size"),
                flops ? "GFLOP/s (higher is better)" : "ns per call (lower is better)", shapes, series,
                flops ? peak : Double.NaN, flops ? "measured peak" : null);
    }

    private Table valuesTable(String kernel, double peak) {
        List<Row> rows = headline(kernel);
        boolean flops = hasFlops(kernel);
        boolean share = flops && peak > 0;
        List<String> impls = implementations(rows);
        List<String> header = new ArrayList<>();
        header.add("shape");
        for (String i : impls) header.add(i + (flops ? " GFLOP/s" : " ns"));
        if (share) header.add("best shrink, share of peak");
        Table t = new Table(header);
        for (String shape : shapes(rows)) {
            List<String> cells = new ArrayList<>();
            cells.add(shape);
            for (String impl : impls) {
                Optional<Row> r = rows.stream().filter(x -> x.implementation().equals(impl) && x.shape().equals(shape)).findFirst();
                cells.add(r.map(x -> SummaryTsv.number(headlineValue(x)) + (x.wideError() ? " ±" : "")).orElse("–"));
            }
            if (share) {
                cells.add(rows.stream().filter(r -> r.shape().equals(shape) && r.implementation().startsWith("vector"))
                        .mapToDouble(Row::value).max().stream()
                        .mapToObj(v -> String.format(Locale.ROOT, "%.0f%%", 100 * v / peak)).findFirst().orElse("–"));
            }
            t.add(cells);
        }
        return t;
    }

    /** Best shrink vector kernel per shape against each other implementation: ratio of speeds (higher is better). */
    private Table speedupTable(String kernel, double peak) {
        List<Row> rows = headline(kernel);
        boolean flops = hasFlops(kernel);
        Predicate<Row> ours = r -> r.implementation().startsWith("vector");
        List<String> others = implementations(rows).stream().filter(i -> !i.startsWith("vector")).toList();
        if (others.isEmpty()) return new Table(List.of("shape"));
        List<String> header = new ArrayList<>(List.of("shape", "best shrink"));
        for (String o : others) header.add("× " + o);
        Table t = new Table(header);
        for (String shape : shapes(rows)) {
            Optional<Row> best = rows.stream().filter(ours).filter(r -> r.shape().equals(shape))
                    .max(Comparator.comparingDouble(r -> speed(r, flops)));
            if (best.isEmpty()) continue;
            List<String> cells = new ArrayList<>(List.of(shape, best.get().implementation()));
            for (String o : others) {
                Optional<Row> peer = rows.stream().filter(r -> r.implementation().equals(o) && r.shape().equals(shape)).findFirst();
                cells.add(peer.map(p -> String.format(Locale.ROOT, "%.2f×", speed(best.get(), flops) / speed(p, flops)))
                        .orElse("–"));
            }
            t.add(cells);
        }
        return t;
    }

    private static double speed(Row r, boolean flops) {
        return flops ? r.value() : 1 / headlineValue(r);
    }

    private Table threadsTable() {
        List<Row> rows = kernelRows.stream().filter(r -> r.unit().equals("GFLOP/s") && r.threads() > 1).toList();
        Table t = new Table(List.of("kernel", "shape", "implementation", "threads", "GFLOP/s", "speed-up over 1 thread"));
        for (Row r : rows) {
            // Baseline: the parallel variant on one thread when there is one, else the sequential kernel.
            Optional<Row> one = kernelRows.stream().filter(x -> x.unit().equals("GFLOP/s") && x.threads() == 1
                            && x.shape().equals(r.shape()) && x.implementation().equals(r.implementation()))
                    .filter(x -> x.kernel().equals(r.kernel() + "Parallel") || x.kernel().equals(r.kernel()))
                    .min(Comparator.comparing(x -> x.kernel().equals(r.kernel()) ? 1 : 0));
            t.add(List.of(r.kernel(), r.shape(), r.implementation(), Integer.toString(r.threads()),
                    SummaryTsv.number(r.value()) + (r.wideError() ? " ±" : ""),
                    one.map(o -> String.format(Locale.ROOT, "%.2f×", r.value() / o.value())).orElse("–")));
        }
        return t;
    }

    private static String solverIntro() {
        return "Each side fits the very same data files (written by the report, seeded). The objective of every side is "
                + "evaluated by the same Java code on its coefficients (scikit-learn's formulas), so speed is compared "
                + "at equal accuracy: 'distance' is objective minus the lowest objective any side reached, relative.";
    }

    private Table solverTable() {
        Table t = new Table(List.of("workload", "shape", "implementation", "time (s)", "objective", "distance to best",
                "accuracy", "note"));
        Map<String, Double> best = new LinkedHashMap<>();
        for (SolverRow r : solverRows) {
            if (Double.isFinite(r.objective())) best.merge(r.workload(), r.objective(), Math::min);
        }
        for (SolverRow r : solverRows) {
            Double b = best.get(r.workload());
            String distance = b == null || !Double.isFinite(r.objective()) ? "–"
                    : String.format(Locale.ROOT, "%.1e", (r.objective() - b) / Math.max(Math.abs(b), 1e-300));
            t.add(List.of(r.workload(), r.shape(), r.implementation(),
                    Double.isFinite(r.seconds()) ? SummaryTsv.number(r.seconds()) : "–",
                    Double.isFinite(r.objective()) ? String.format(Locale.ROOT, "%.12g", r.objective()) : "–",
                    distance,
                    Double.isFinite(r.gap()) ? r.gapName() + " " + String.format(Locale.ROOT, "%.1e", r.gap()) : "–",
                    Objects.requireNonNullElse(r.note(), "")));
        }
        return t;
    }

    /** Per workload: each side's time and shrink's speed-up against each peer (peer time / shrink time). */
    private Table solverSpeedups() {
        List<String> workloads = solverRows.stream().map(SolverRow::workload).distinct().toList();
        List<String> impls = solverRows.stream().map(SolverRow::implementation).distinct().toList();
        List<String> peers = impls.stream().filter(i -> !i.equals("shrink")).toList();
        List<String> header = new ArrayList<>(List.of("workload"));
        for (String i : impls) header.add(i + " (s)");
        for (String p : peers) header.add("shrink × " + p);
        Table t = new Table(header);
        for (String w : workloads) {
            List<String> cells = new ArrayList<>(List.of(w));
            for (String i : impls) cells.add(time(w, i).stream().mapToObj(SummaryTsv::number).findFirst().orElse("–"));
            for (String p : peers) {
                OptionalDouble ours = time(w, "shrink"), theirs = time(w, p);
                cells.add(ours.isPresent() && theirs.isPresent()
                        ? String.format(Locale.ROOT, "%.2f×", theirs.getAsDouble() / ours.getAsDouble()) : "–");
            }
            t.add(cells);
        }
        return t;
    }

    private OptionalDouble time(String workload, String impl) {
        return solverRows.stream().filter(r -> r.workload().equals(workload) && r.implementation().equals(impl))
                .mapToDouble(SolverRow::seconds).filter(Double::isFinite).findFirst();
    }

    private String solverChart() {
        List<String> workloads = solverRows.stream().map(SolverRow::workload).distinct().toList();
        List<String> impls = solverRows.stream().map(SolverRow::implementation).distinct().toList();
        List<SvgChart.Series> series = new ArrayList<>();
        for (String impl : impls) {
            double[] v = new double[workloads.size()];
            for (int i = 0; i < v.length; i++) {
                String w = workloads.get(i);
                v[i] = solverRows.stream().filter(r -> r.workload().equals(w) && r.implementation().equals(impl))
                        .mapToDouble(SolverRow::seconds).findFirst().orElse(Double.NaN);
            }
            series.add(new SvgChart.Series(impl, v));
        }
        return SvgChart.bars("Solver time per fit (lower is better)", "seconds", workloads, series);
    }

    private static String esc(String s) {
        return SvgChart.escape(s);
    }
}
