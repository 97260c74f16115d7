package dev.shrink.bench.report;

import dev.shrink.bench.peers.CoreTypes;
import dev.shrink.charts.SvgChart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            "vector-256-f32", "vector-512-f32", "vector-f32",
            "shrink", "ejml", "openblas-Haswell", "openblas-SkylakeX", "openblas", "sklearn", "glmnet");
    static final Map<String, String> KERNEL_TITLES = Map.of(
            "dot", "dot product xᵀy", "axpy", "axpy y ← αx + y", "xw", "matrix–vector Xw (row-major)",
            "xtr", "transposed matrix–vector Xᵀr (row-major)", "gram", "Gram XᵀX (dsyrk)",
            "cholesky", "Cholesky factorization (dpotrf)");

    private final MachineInfo machine;
    private final List<Row> kernelRows;
    private final SolverReport solvers;
    private final List<String> notes;
    private final String mode;
    private final CoreTypes.Choice peerCore;
    private final List<ParseSection.Reading> parse;

    /** {@code peerCore}: the OpenBLAS core type the external peers ran with and why (null: they did not run). */
    ReportWriter(String mode, MachineInfo machine, List<Row> kernelRows, List<SolverRow> solverRows, List<String> notes,
                 CoreTypes.Choice peerCore) {
        this(mode, machine, kernelRows, solverRows, notes, peerCore, List.of());
    }

    /** {@code parse}: the CSV readers' rows ({@link ParseSection}), empty when they did not run. */
    ReportWriter(String mode, MachineInfo machine, List<Row> kernelRows, List<SolverRow> solverRows, List<String> notes,
                 CoreTypes.Choice peerCore, List<ParseSection.Reading> parse) {
        this.parse = List.copyOf(parse);
        this.mode = mode;
        this.machine = machine;
        this.kernelRows = kernelRows;
        this.solvers = new SolverReport(solverRows, machine.flags());
        this.notes = notes;
        this.peerCore = peerCore;
    }

    /** Highest GFLOP/s of the FMA probe, or NaN when it did not run. */
    double peak() {
        return kernelRows.stream().filter(r -> r.kernel().equals("peak") && r.unit().equals("GFLOP/s"))
                .mapToDouble(Row::value).max().orElse(Double.NaN);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# shrink benchmark report\n\n");
        md.append(summaryIntro()).append("\n\n");
        if (!solvers.isEmpty()) {
            md.append("## Summary: solvers\n\n").append(solvers.summaryTable().markdown()).append('\n');
            Table certified = solvers.certifiedTable(dev.shrink.bench.solvers.Fits.CERTIFIED_GAP);
            if (!certified.isEmpty()) md.append(SolverReport.CERTIFIED_INTRO).append("\n\n").append(certified.markdown()).append('\n');
            md.append(peerCoreText()).append("\n\n");
        }
        Table kernels = kernelSummary();
        if (!kernels.isEmpty()) md.append("## Summary: kernels\n\n").append(kernels.markdown()).append('\n');
        md.append("## Vector width per kernel family\n\n").append(KernelFamilies.table().markdown()).append('\n');
        md.append("## Machine\n\n").append(modeText()).append("\n\n").append(headerTable().markdown()).append('\n');
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
        if (!solvers.isEmpty()) {
            md.append("## Solvers\n\n").append(solverIntro()).append("\n\n").append(SolverReport.ACCURACY_UNITS)
                    .append("\n\n").append(solvers.fullTable().markdown()).append('\n');
            List<String> blas = solvers.blasLines();
            if (!blas.isEmpty()) {
                md.append("Peers' BLAS, as each peer's process reported it:\n\n");
                for (String b : blas) md.append("- ").append(b).append('\n');
                md.append('\n');
            }
        }
        if (!parse.isEmpty()) {
            md.append("## Reading a numeric CSV\n\n").append(ParseSection.intro()).append("\n\n").append(ParseSection.table(parse).markdown()).append('\n');
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
                body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px}
                td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
                svg{display:block;margin:1em 0;max-width:100%;height:auto}.note{color:#555}
                .summary{border:2px solid #4292c6;border-radius:6px;padding:0 1em;margin-bottom:2em}
                </style></head><body>
                <h1>shrink benchmark report</h1>
                """);
        h.append("<p>").append(esc(summaryIntro())).append("</p>\n");
        h.append("<div class=\"summary\">\n");
        if (!solvers.isEmpty()) {
            h.append("<h2>Summary: solvers</h2>\n");
            h.append(solvers.ratioChart());
            h.append(solvers.summaryTable().html());
            Table certified = solvers.certifiedTable(dev.shrink.bench.solvers.Fits.CERTIFIED_GAP);
            if (!certified.isEmpty()) h.append("<p>").append(esc(SolverReport.CERTIFIED_INTRO)).append("</p>\n").append(certified.html());
            h.append("<p>").append(esc(peerCoreText())).append("</p>\n");
        }
        Table kernels = kernelSummary();
        if (!kernels.isEmpty()) h.append("<h2>Summary: kernels</h2>\n").append(kernels.html());
        h.append("<h2>Vector width per kernel family</h2>\n").append(KernelFamilies.table().html());
        h.append("</div>\n");
        h.append("<h2>Machine</h2>\n<p>").append(esc(modeText())).append("</p>\n").append(headerTable().html());
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
        if (!solvers.isEmpty()) {
            h.append("<h2>Solvers</h2>\n<p>").append(esc(solverIntro())).append("</p>\n<p>")
                    .append(esc(SolverReport.ACCURACY_UNITS)).append("</p>\n");
            h.append(solvers.workloadCharts()).append(solvers.fullTable().html());
            List<String> blas = solvers.blasLines();
            if (!blas.isEmpty()) {
                h.append("<p>Peers' BLAS, as each peer's process reported it:</p>\n<ul>\n");
                for (String b : blas) h.append("<li>").append(esc(b)).append("</li>\n");
                h.append("</ul>\n");
            }
        }
        if (!parse.isEmpty()) {
            h.append("<h2>Reading a numeric CSV</h2>\n<p>").append(esc(ParseSection.intro())).append("</p>\n").append(ParseSection.table(parse).html());
        }
        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul class=\"note\">\n");
            for (String n : notes) h.append("<li>").append(esc(n)).append("</li>\n");
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The page's first paragraph: which machine, when, and how to read the summary. */
    private String summaryIntro() {
        String busy = notes.stream().filter(n -> n.startsWith("⚠ other work shared the machine")).findFirst().map(n -> n + ". ").orElse("");
        return busy + machine.cpu() + " (" + machine.processors() + " logical processors), " + machine.date()
                + ". Single thread unless a table says otherwise; ratios compare measurements of this one run. "
                + "Summary first (solvers: shrink against each peer's fastest setting that reaches the same objective; "
                + "kernels: shrink's best width against OpenBLAS at each core type); details, machine and notes below.";
    }

    private String modeText() {
        return "Mode: " + mode + ". Numbers marked ± had a JMH 99.9% error above " + (int) (Row.WIDE_ERROR * 100)
                + "% of the score.";
    }

    /** Which OpenBLAS core type the external peers ran with, why, and what their processes reported. */
    private String peerCoreText() {
        if (peerCore == null) return "The external peers did not run.";
        String core = peerCore.coreType() == null ? "unset (OpenBLAS detected the CPU)" : peerCore.coreType();
        return "scikit-learn and glmnet ran with OPENBLAS_CORETYPE=" + core + " (" + peerCore.reason() + "), "
                + "OPENBLAS_L2_SIZE unset, one thread; the BLAS column is what each peer's own process reported "
                + "(⚠: a fallback to weaker kernels than this CPU supports, or not the core type requested). "
                + "Accuracy: see the Solvers section.";
    }

    /**
     * Per kernel with a flop count, at its largest shape: shrink's best width, OpenBLAS at each core type, shrink
     * over the best of them, and the share of the measured peak; the two-thread Gram follows.
     */
    Table kernelSummary() {
        double peak = peak();
        List<String> cores = kernelRows.stream().map(Row::implementation).filter(i -> i.startsWith("openblas")).distinct()
                .sorted(Comparator.comparingInt(i -> IMPL_ORDER.indexOf(i))).toList();
        List<String> header = new ArrayList<>(List.of("kernel", "shape", "threads", "best shrink (GFLOP/s)"));
        for (String c : cores) header.add(c + " (GFLOP/s)");
        header.add("shrink / best OpenBLAS");
        header.add("shrink, share of peak");
        // float32 rows (once the kernels have them) get their own column: never compared with float64 peers.
        boolean float32 = kernelRows.stream().anyMatch(r -> isShrink32(r.implementation()));
        if (float32) header.add("best shrink float32 (GFLOP/s)");
        Table t = new Table(header);
        List<String[]> keys = new ArrayList<>();
        for (String kernel : kernels()) {
            List<Row> rows = headline(kernel).stream().filter(r -> r.unit().equals("GFLOP/s")).toList();
            if (rows.isEmpty()) continue;
            String shape = shapes(rows).getLast();
            keys.add(new String[] {kernel, shape, "1"});
        }
        kernelRows.stream().filter(r -> r.threads() > 1 && r.unit().equals("GFLOP/s"))
                .map(r -> r.kernel() + "\t" + r.shape() + "\t" + r.threads()).distinct()
                .forEach(k -> keys.add(k.split("\t")));
        for (String[] k : keys) {
            int threads = Integer.parseInt(k[2]);
            List<Row> rows = kernelRows.stream().filter(r -> r.kernel().equals(k[0]) && r.shape().equals(k[1])
                    && r.threads() == threads && r.unit().equals("GFLOP/s")).toList();
            Optional<Row> ours = rows.stream().filter(r -> isShrink64(r.implementation()))
                    .max(Comparator.comparingDouble(Row::value));
            Optional<Row> ours32 = rows.stream().filter(r -> isShrink32(r.implementation()))
                    .max(Comparator.comparingDouble(Row::value));
            if (ours.isEmpty()) continue;
            List<String> cells = new ArrayList<>(List.of(title(k[0]), k[1], k[2],
                    SummaryTsv.number(ours.get().value()) + " (" + ours.get().implementation() + ")"));
            double bestBlas = Double.NaN;
            for (String c : cores) {
                OptionalDouble v = rows.stream().filter(r -> r.implementation().equals(c)).mapToDouble(Row::value).findFirst();
                cells.add(v.isPresent() ? SummaryTsv.number(v.getAsDouble()) : "–");
                if (v.isPresent() && !(v.getAsDouble() <= bestBlas)) bestBlas = v.getAsDouble();
            }
            cells.add(Double.isFinite(bestBlas) ? String.format(Locale.ROOT, "%.2f×", ours.get().value() / bestBlas) : "–");
            cells.add(threads == 1 && peak > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * ours.get().value() / peak) : "–");
            if (float32) {
                cells.add(ours32.map(r -> SummaryTsv.number(r.value()) + " (" + r.implementation() + ", "
                        + String.format(Locale.ROOT, "%.2f×", r.value() / ours.get().value()) + " float64)").orElse("–"));
            }
            t.add(cells);
        }
        return t;
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

    /**
     * A kernel's chart: GFLOP/s (or time) of every implementation against size when it ran at several sizes;
     * horizontal bars with the measured peak as a line when it ran at one.
     */
    private String chart(String kernel, double peak) {
        List<Row> rows = headline(kernel);
        List<String> shapes = shapes(rows);
        boolean flops = hasFlops(kernel);
        if (shapes.size() == 1) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            for (String impl : implementations(rows)) {
                rows.stream().filter(r -> r.implementation().equals(impl)).findFirst().ifPresent(r -> {
                    double v = headlineValue(r);
                    String note = SummaryTsv.number(v) + (flops ? " GFLOP/s" : " ns") + (r.wideError() ? " ±" : "")
                            + (flops && peak > 0 ? String.format(Locale.ROOT, " · %.0f%% of peak", 100 * v / peak) : "");
                    bars.add(new SvgChart.Bar(implLabel(impl), v, impl, note, false));
                });
            }
            return SvgChart.horizontalBars(title(kernel) + ", " + shapes.getFirst() + (flops ? ": GFLOP/s (higher is better)"
                            : ": ns per call (lower is better)"), flops ? "GFLOP/s, one thread" : "ns per call, one thread",
                    bars, flops ? peak : Double.NaN, flops ? "measured peak" : null);
        }
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
        return SvgChart.lines(title(kernel) + (flops ? ": GFLOP/s against size" : ": time per call against size"),
                flops ? "GFLOP/s (higher is better)" : "ns per call (lower is better)", shapes, series,
                flops ? peak : Double.NaN, flops ? "measured peak" : null);
    }

    /** shrink's float64 vector kernels (the rows compared with the float64 peers). */
    static boolean isShrink64(String impl) {
        return impl.startsWith("vector") && !impl.endsWith("-f32");
    }

    /** shrink's float32 vector kernels ({@code vector-256-f32}, …). */
    static boolean isShrink32(String impl) {
        return impl.startsWith("vector") && impl.endsWith("-f32");
    }

    /** An implementation as the charts name it: OpenBLAS core types with their instruction set. */
    static String implLabel(String impl) {
        if (!impl.startsWith("openblas-")) return impl;
        return CoreTypes.isaOf(impl.substring("openblas-".length())).map(isa -> impl + " (" + isa + ")").orElse(impl);
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
                cells.add(rows.stream().filter(r -> r.shape().equals(shape) && isShrink64(r.implementation()))
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
        Predicate<Row> ours = r -> isShrink64(r.implementation());
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
                + "at equal accuracy. Every peer ran at each of its settings (scikit-learn: both logistic solvers, "
                + "precompute on and off; glmnet: two thresh values), and shrink at its default tolerance and, on the "
                + "smooth and penalised GLMs, at a looser one (its setting 'tol=…'); the summary keeps each side's fastest "
                + "setting that reaches the same objective, the charts and the table show them all.";
    }

    private static String esc(String s) {
        return SvgChart.escape(s);
    }
}
