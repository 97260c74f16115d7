package dev.shrink.bench.report;

import dev.shrink.charts.LabelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole report on toy sizes, in-process (JMH forks = 0): a few seconds, so it cannot rot. */
class ToyReportTest {

    private static String notes(Path dir) throws java.io.IOException {
        Path md = dir.resolve("report.md");
        return Files.exists(md) ? Files.readString(md) : "(no report.md)";
    }

    /** --workloads: those solver workloads alone (here the GLM yardstick's rows), no kernels. */
    @Test
    void chosenWorkloadsOnly(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ReportCommand.run(new String[] {"--toy", "--workloads", "logistic-l1,poisson-lasso-path", "--out", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        List<String> tsv = Files.readAllLines(dir.resolve("summary.tsv"));
        for (String solver : List.of("logistic-l1", "poisson-lasso-path")) {
            for (String unit : List.of("s", "objective", "KKT")) {
                assertTrue(tsv.stream().anyMatch(l -> l.startsWith(solver + "\t") && l.contains("\tshrink\t1\t") && l.endsWith("\t" + unit)),
                        solver + " " + unit + " row:\n" + String.join("\n", tsv));
            }
        }
        assertTrue(tsv.stream().noneMatch(l -> l.startsWith("dot\t") || l.startsWith("lasso\t")), String.join("\n", tsv));
        assertEquals(2, ReportCommand.run(new String[] {"--toy", "--workloads", "no-such"}, new PrintStream(out), new PrintStream(out)));
    }

    @Test
    void toyReportWritesEveryFile(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCommand.run(new String[] {"--toy", "--out", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, console + err.toString(StandardCharsets.UTF_8));
        assertTrue(console.strip().endsWith(dir.resolve("index.html").toAbsolutePath().toString()), "prints the path last");
        assertTrue(console.contains("[1/"), "progress lines:\n" + console + notes(dir));

        List<String> tsv = Files.readAllLines(dir.resolve("summary.tsv"));
        assertEquals(SummaryTsv.HEADER, tsv.get(0));
        assertTrue(tsv.stream().anyMatch(l -> l.startsWith("dot\t64\tscalar\t1\t") && l.endsWith("\tns")), String.join("\n", tsv));
        assertTrue(tsv.stream().anyMatch(l -> l.startsWith("dot\t64\tvector-256\t1\t") && l.endsWith("\tGFLOP/s")));
        assertTrue(tsv.stream().anyMatch(l -> l.startsWith("peak\t256-bit\t")));
        assertTrue(tsv.stream().anyMatch(l -> l.startsWith("dot\t64\tejml\t")));
        for (String solver : List.of("ridge", "lasso")) {
            for (String unit : List.of("s", "objective", solver.equals("ridge") ? "grad" : "gap")) {
                assertTrue(tsv.stream().anyMatch(l -> l.startsWith(solver + "\t") && l.contains("\tshrink\t1\t")
                        && l.endsWith("\t" + unit)), solver + " " + unit + " row:\n" + String.join("\n", tsv));
            }
        }
        double lassoGap = tsv.stream().filter(l -> l.startsWith("lasso\t") && l.endsWith("\tgap"))
                .mapToDouble(l -> Double.parseDouble(l.split("\t")[4])).findFirst().orElseThrow();
        assertTrue(lassoGap >= 0 && lassoGap <= 1e-4, "shrink's lasso reaches scikit-learn's default tol: " + lassoGap);

        List<JmhResult> raw = JmhResult.parse(Files.readString(dir.resolve("jmh.json")));
        assertTrue(raw.size() >= 4, "peak, scalar, vector-256 and EJML at least: " + raw.size());

        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<svg") && html.contains("class=\"bar\"") && html.contains("CPU"), "chart (one size: bars) and header");
        // Every chart is well-formed SVG and none of its labels overlap.
        for (int at = html.indexOf("<svg"); at >= 0; at = html.indexOf("<svg", at + 1)) {
            String svg = html.substring(at, html.indexOf("</svg>", at) + 6);
            assertEquals(List.of(), LabelCheck.overlaps(svg), svg);
        }
        assertTrue(html.indexOf("Summary") < html.indexOf("Measured peak"), "the summary comes first");
        try (var files = Files.walk(dir.resolve("data"))) {
            List<Path> csv = files.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".f64")).toList();
            assertEquals(List.of(), csv, "without --keep-data no data or coefficient file is left behind");
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## dot product") && md.contains("| 64 |"), md);
        assertTrue(md.contains("## Reading a numeric CSV") && md.contains("| shrink (./shrink fit's reader, this JVM) | 2000 × 20"), md);
    }
}
