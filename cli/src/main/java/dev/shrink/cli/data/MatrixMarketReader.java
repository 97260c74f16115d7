package dev.shrink.cli.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Matrix Market files ({@code .mtx}, the NIST format that scipy.io.mmwrite writes): the banner
 * {@code %%MatrixMarket matrix coordinate|array real|integer|pattern general|symmetric}, comment lines starting with
 * {@code %}, the size line ({@code rows cols entries} for coordinate, {@code rows cols} for array), then the entries:
 * {@code i j value} with 1-based indices (coordinate; no value for pattern, where every listed entry is 1), or every
 * value in column-major order (array). A symmetric matrix lists its lower triangle; the upper one is its mirror.
 */
final class MatrixMarketReader {
    private MatrixMarketReader() {}

    static SparseMatrix read(Path file, String name) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Lines lines = new Lines(in);
            String banner = lines.next();
            if (banner == null) throw DataException.in(name, "empty file (a %%MatrixMarket banner line is expected)");
            String[] b = banner.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (b.length != 5 || !b[0].equals("%%matrixmarket") || !b[1].equals("matrix")) {
                throw DataException.at(name, 1, "not a Matrix Market matrix: the first line must be '%%MatrixMarket matrix <format> <field> <symmetry>'");
            }
            boolean coordinate = switch (b[2]) {
                case "coordinate" -> true;
                case "array" -> false;
                default -> throw DataException.at(name, 1, "format '" + b[2] + "' is not supported (coordinate or array)");
            };
            boolean pattern = b[3].equals("pattern");
            if (!pattern && !b[3].equals("real") && !b[3].equals("integer") && !b[3].equals("double")) {
                throw DataException.at(name, 1, "field '" + b[3] + "' is not supported (real, integer or pattern)");
            }
            if (pattern && !coordinate) throw DataException.at(name, 1, "pattern needs the coordinate format");
            boolean symmetric = switch (b[4]) {
                case "general" -> false;
                case "symmetric" -> true;
                default -> throw DataException.at(name, 1, "symmetry '" + b[4] + "' is not supported (general or symmetric)");
            };
            String size;
            do {
                size = lines.next();
            } while (size != null && (size.startsWith("%") || size.isBlank()));
            if (size == null) throw DataException.in(name, "no size line after the banner");
            String[] dims = size.trim().split("\\s+");
            if (dims.length != (coordinate ? 3 : 2)) {
                throw DataException.at(name, lines.number(), "the size line must be '" + (coordinate ? "rows columns entries" : "rows columns") + "'");
            }
            int n = count(dims[0], name, lines.number(), "rows");
            int p = count(dims[1], name, lines.number(), "columns");
            if (n == 0 || p == 0) throw DataException.at(name, lines.number(), "the matrix is " + n + "×" + p + ": no data");
            if (symmetric && n != p) throw DataException.at(name, lines.number(), "a symmetric matrix must be square, this one is " + n + "×" + p);
            long declared = coordinate ? count(dims[2], name, lines.number(), "entries") : (long) n * p;
            return coordinate ? coordinate(lines, name, n, p, declared, pattern, symmetric) : array(lines, name, n, p, symmetric);
        }
    }

    private static SparseMatrix coordinate(Lines lines, String name, int n, int p, long declared, boolean pattern, boolean symmetric) throws IOException {
        IntList rows = new IntList();
        IntList cols = new IntList();
        DoubleList values = new DoubleList();
        long seen = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank() || line.startsWith("%")) continue;
            String[] t = line.trim().split("\\s+");
            if (t.length != (pattern ? 2 : 3)) {
                throw DataException.at(name, lines.number(), "an entry must be '" + (pattern ? "row column" : "row column value") + "', got '" + Cells.shorten(line.trim()) + "'");
            }
            if (++seen > declared) throw DataException.at(name, lines.number(), "more entries than the " + declared + " the size line declares");
            int i = index(t[0], n, name, lines.number(), "row");
            int j = index(t[1], p, name, lines.number(), "column");
            double v = pattern ? 1.0 : value(t[2], name, lines.number(), line.indexOf(t[2], line.indexOf(t[1]) + t[1].length()) + 1);
            entry(rows, cols, values, i, j, v, symmetric);
        }
        if (seen < declared) throw DataException.in(name, "the size line declares " + declared + " entries, the file has " + seen);
        return new SparseMatrix(n, p, rows.toArray(), cols.toArray(), values.toArray());
    }

    private static SparseMatrix array(Lines lines, String name, int n, int p, boolean symmetric) throws IOException {
        IntList rows = new IntList();
        IntList cols = new IntList();
        DoubleList values = new DoubleList();
        int i = 0;
        int j = 0;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank() || line.startsWith("%")) continue;
            if (j >= p) throw DataException.at(name, lines.number(), "more values than the " + n + "×" + p + " the size line declares");
            String t = line.trim();
            double v = value(t, name, lines.number(), line.indexOf(t) + 1);
            if (v != 0) entry(rows, cols, values, i, j, v, symmetric);
            // column-major; a symmetric array lists each column from the diagonal down
            if (++i == n) {
                j++;
                i = symmetric ? j : 0;
            }
        }
        if (j < p) throw DataException.in(name, "fewer values than the " + n + "×" + p + " the size line declares");
        return new SparseMatrix(n, p, rows.toArray(), cols.toArray(), values.toArray());
    }

    /** Entry (i, j), and its mirror (j, i) off the diagonal of a symmetric matrix. */
    private static void entry(IntList rows, IntList cols, DoubleList values, int i, int j, double v, boolean symmetric) {
        rows.add(i);
        cols.add(j);
        values.add(v);
        if (symmetric && i != j) entry(rows, cols, values, j, i, v, false);
    }

    private static int count(String s, String file, long line, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DataException.at(file, line, "the number of " + what + " '" + Cells.shorten(s) + "' is not a non-negative integer");
    }

    private static int index(String s, int size, String file, long line, String what) {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw DataException.at(file, line, what + " index '" + Cells.shorten(s) + "' is not an integer");
        }
        if (v < 1 || v > size) throw DataException.at(file, line, what + " index " + v + " is outside 1 .. " + size + " (indices are 1-based)");
        return v - 1;
    }

    private static double value(String s, String file, long line, int column) {
        double v;
        try {
            v = JavaDoubleParser.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) throw DataException.at(file, line, column, Cells.reason(s));
        return v;
    }

    /** Lines with their 1-based numbers. */
    private static final class Lines {
        private final BufferedReader in;
        private long number;

        Lines(BufferedReader in) {
            this.in = in;
        }

        String next() throws IOException {
            String s = in.readLine();
            if (s != null) number++;
            return s;
        }

        long number() {
            return number;
        }
    }
}
