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

    private record Text(double[] values, List<String> labels) {}

    private static Text text(Path file, String name) throws IOException {
        List<String> cells = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                cells.add(line.strip());
                lines.add(number);
            }
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
