package dev.shrink.cli;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.path.PathResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the process tests of the models share: files read independently of the command line (Double.parseDouble),
 * the command line run as a process, and comparisons with the library called in the test's JVM — to RTOL of the
 * largest value, not to the last bit, because the child JVM runs C1 only, where the Vector API's lane reductions take
 * their Java fallback, another order of summation (in-process, {@link ConformanceCasesTest} compares to the last bit).
 */
final class LibraryMatch {
    private LibraryMatch() {}

    /** A CSV file read by the test itself: the header, the numeric columns, and the text of the last column. */
    record Table(List<String> header, double[][] rows, List<String> lastText) {
        Design x(int features) {
            double[] a = new double[rows.length * features];
            for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, a, i * features, features);
            return Design.rowMajor(a, rows.length, features);
        }

        double[] column(int j) {
            double[] v = new double[rows.length];
            for (int i = 0; i < v.length; i++) v[i] = rows[i][j];
            return v;
        }
    }

    static Table read(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.getFirst().split(","));
        double[][] rows = new double[lines.size() - 1][];
        List<String> last = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            rows[i - 1] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                try {
                    rows[i - 1][j] = Double.parseDouble(f[j]);
                } catch (NumberFormatException e) {
                    rows[i - 1][j] = Double.NaN;
                }
            }
            last.add(f[f.length - 1]);
        }
        return new Table(header, rows, last);
    }

    /** Runs the command line as a process in {@code dir} with one thread, quietly, into out.json, and reads it. */
    static JsonNode run(Path dir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--threads", "1", "--quiet", "--out", "out.json"));
        Cli.Result r = Cli.process(dir, all.toArray(String[]::new));
        assertEquals(0, r.status(), () -> "shrink " + String.join(" ", all) + "\n" + r.err());
        return JsonMapper.builder().build().readTree(dir.resolve("out.json"));
    }

    /** Relative tolerance between this JVM and the child (see the class comment). */
    static final double RTOL = 1e-9;

    /** Each value within RTOL of the largest |value|. */
    static void same(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        same(expected, actual, what, scale);
    }

    /** Each value within RTOL·scale (a path: the largest coefficient anywhere on it, so that noise at α_max passes). */
    static void same(double[] expected, double[] actual, String what, double scale) {
        assertEquals(expected.length, actual.length, what);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], RTOL * scale, () -> what + ": " + Arrays.toString(expected) + " vs " + Arrays.toString(actual));
        }
    }

    static double largest(PathResult r) {
        double m = 0;
        for (int k = 0; k < r.size(); k++) for (double v : r.coef(k)) m = Math.max(m, Math.abs(v));
        return m;
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, RTOL * Math.max(1, Math.abs(expected)), what);
    }

    static double[] coefAt(JsonNode out, JsonNode point) {
        JsonNode names = out.get("features");
        double[] w = new double[names.size()];
        for (int j = 0; j < w.length; j++) w[j] = point.get("coef").get(names.get(j).stringValue()).doubleValue();
        return w;
    }

}
