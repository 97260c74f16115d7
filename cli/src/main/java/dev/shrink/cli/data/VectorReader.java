package dev.shrink.cli.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One value per row from a file of its own (--y FILE, --weights FILE beside a headerless design): a {@code .npy}
 * vector (shape (n,), (n, 1) or (1, n)), or text with one value per line (the conformance cases' y.csv, numpy's
 * savetxt), whose first line may be a header. A text response may hold labels instead of numbers (classifiers).
 * A response of several columns (multi-task models) is a 2-D {@code .npy} (n, T) or text with T comma-separated
 * numbers per line (the cases' Y.csv), under an optional header that names the tasks.
 */
final class VectorReader {
    private VectorReader() {}

    /** Numbers only (weights). */
    static double[] numbers(Path file, String name, int n) throws IOException {
        Target t = target(file, name, n);
        if (t.textual()) throw DataException.in(name, "holds text ('" + t.labels().getFirst() + "'); numbers are expected");
        return t.values();
    }

    /** A response of n rows: numbers, or text labels. */
    static Target target(Path file, String name, int n) throws IOException {
        double[] values;
        List<String> labels = null;
        if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            NpyReader.NpyArray a = NpyReader.read(file, name);
            long[] s = a.shape();
            boolean vector = s.length == 1 || (s.length == 2 && (s[0] == 1 || s[1] == 1));
            if (!vector) throw DataException.in(name, "shape " + java.util.Arrays.toString(s) + ": a vector is expected");
            values = a.data();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) throw DataException.in(name, "element " + i + " (0-based) is " + values[i] + " (values must be finite)");
            }
        } else {
            Text t = text(file, name);
            values = t.values;
            labels = t.labels;
        }
        if (values.length != n) throw DataException.in(name, values.length + " values, the data file has " + n + " rows");
        return new Target(name, null, values, labels);
    }

    /** The response columns of n rows: one (as {@link #target}), or T of a multi-task response. */
    static List<Target> responses(Path file, String name, int n) throws IOException {
        if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            NpyReader.NpyArray a = NpyReader.read(file, name);
            long[] s = a.shape();
            if (s.length != 2 || s[1] == 1 || s[0] == 1) return List.of(target(file, name, n));
            int rows = (int) s[0];
            int tasks = (int) s[1];
            if (rows != n) throw DataException.in(name, rows + " rows, the data file has " + n);
            double[][] columns = new double[tasks][rows];
            for (int i = 0; i < rows; i++) {
                for (int t = 0; t < tasks; t++) {
                    double v = a.data()[a.fortran() ? t * rows + i : i * tasks + t];
                    if (!Double.isFinite(v)) throw DataException.in(name, "row " + i + ", column " + t + " (0-based) is " + v + " (values must be finite)");
                    columns[t][i] = v;
                }
            }
            return targets(name, taskNames(tasks), columns);
        }
        List<Line> lines = nonBlank(file);
        if (lines.isEmpty() || lines.getFirst().text().indexOf(',') < 0) return List.of(target(file, name, n));
        return columns(lines, name, n);
    }

    private static List<Target> targets(String name, List<String> names, double[][] columns) {
        List<Target> out = new ArrayList<>();
        for (int t = 0; t < columns.length; t++) out.add(new Target(name, names.get(t), columns[t], null));
        return out;
    }

    /** A non-blank line of a text file, stripped, with its 1-based number. */
    private record Line(long number, String text) {}

    private static List<Line> nonBlank(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) out.add(new Line(number, line.strip()));
            }
        }
        return out;
    }

    /** T comma-separated numbers per line; a first line of text names the tasks (else y1 .. yT). */
    private static List<Target> columns(List<Line> lines, String name, int n) {
        List<String> names = null;
        List<double[]> rows = new ArrayList<>();
        int tasks = lines.getFirst().text().split(",", -1).length;
        for (Line line : lines) {
            String[] cells = line.text().split(",", -1);
            if (rows.isEmpty() && names == null && Cells.isText(cells[0].strip())) {
                names = new ArrayList<>();
                for (String c : cells) names.add(c.strip());
                continue;
            }
            if (cells.length != tasks) throw DataException.at(name, line.number(), cells.length + " values, the first line has " + tasks + " (a ragged row)");
            double[] row = new double[tasks];
            for (int t = 0; t < tasks; t++) {
                row[t] = Cells.parse(cells[t]);
                if (Double.isNaN(row[t])) throw DataException.at(name, line.number(), t + 1, Cells.reason(cells[t]));
            }
            rows.add(row);
        }
        if (rows.size() != n) throw DataException.in(name, rows.size() + " rows of values, the data file has " + n + " rows");
        double[][] columns = new double[tasks][n];
        for (int i = 0; i < n; i++) for (int t = 0; t < tasks; t++) columns[t][i] = rows.get(i)[t];
        return targets(name, names != null ? names : taskNames(tasks), columns);
    }

    /** y1 .. yT, for a response without a header. */
    private static List<String> taskNames(int tasks) {
        List<String> names = new ArrayList<>();
        for (int t = 1; t <= tasks; t++) names.add("y" + t);
        return names;
    }

    private record Text(double[] values, List<String> labels) {}

    private static Text text(Path file, String name) throws IOException {
        List<String> cells = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (Line l : nonBlank(file)) {
            cells.add(l.text());
            lines.add(l.number());
        }
        if (cells.isEmpty()) throw DataException.in(name, "empty file (one value per line is expected)");
        for (int k = 0; k < cells.size(); k++) {
            if (cells.get(k).contains(",")) throw DataException.at(name, lines.get(k), "'" + Cells.shorten(cells.get(k)) + "': one value per line is expected");
        }
        // a first line of text above numbers is a header
        if (cells.size() > 1 && Cells.isText(cells.getFirst()) && !Double.isNaN(Cells.parse(cells.get(1)))) {
            cells.removeFirst();
            lines.removeFirst();
        }
        double[] values = new double[cells.size()];
        if (Cells.isText(cells.getFirst())) {
            Map<String, Integer> ids = new HashMap<>();
            for (String c : new TreeSet<>(cells)) ids.put(c, ids.size());
            for (int k = 0; k < values.length; k++) {
                if (!Cells.isText(cells.get(k))) throw DataException.at(name, lines.get(k), Cells.reason(cells.get(k)) + " among text labels");
                values[k] = ids.get(cells.get(k));
            }
            return new Text(values, new ArrayList<>(new TreeSet<>(cells)));
        }
        for (int k = 0; k < values.length; k++) {
            values[k] = Cells.parse(cells.get(k));
            if (Double.isNaN(values[k])) throw DataException.at(name, lines.get(k), Cells.reason(cells.get(k)));
        }
        return new Text(values, null);
    }
}
