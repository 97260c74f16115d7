package dev.shrink.solvers;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.Matrix;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Matrix Market coordinate format (NIST, "The Matrix Market exchange formats", Boisvert, Pozo &amp; Remington
 * 1996) for sparse designs: the header line, {@code %} comments, the size line {@code n p nnz}, then one line
 * {@code i j value} per entry with 1-based indices.
 */
final class MatrixMarket {
    private MatrixMarket() {}

    static SparseDesign read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            int line = 1;
            String header = in.readLine();
            if (header == null) throw error(file, line, "empty file, expected a %%MatrixMarket header");
            String[] h = header.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (h.length != 5 || !h[0].equals("%%matrixmarket") || !h[1].equals("matrix") || !h[2].equals("coordinate")
                    || !(h[3].equals("real") || h[3].equals("integer") || h[3].equals("pattern"))
                    || !(h[4].equals("general") || h[4].equals("symmetric"))) {
                throw error(file, line, "expected '%%MatrixMarket matrix coordinate real|integer|pattern general|symmetric', got '" + header + "'");
            }
            boolean pattern = h[3].equals("pattern");
            boolean symmetric = h[4].equals("symmetric");
            String size;
            do {
                size = in.readLine();
                line++;
            } while (size != null && (size.isBlank() || size.startsWith("%")));
            if (size == null) throw error(file, line, "missing the size line 'rows columns entries'");
            String[] s = size.trim().split("\\s+");
            long[] dims = new long[3];
            if (s.length != 3) throw error(file, line, "expected 'rows columns entries', got '" + size + "'");
            for (int t = 0; t < 3; t++) dims[t] = integer(file, line, s[t], "size");
            if (dims[0] < 1 || dims[1] < 1 || dims[2] < 0 || dims[0] > Integer.MAX_VALUE || dims[1] > Integer.MAX_VALUE
                    || dims[2] > Integer.MAX_VALUE - 8) {
                throw error(file, line, "sizes out of range: '" + size + "'");
            }
            int n = (int) dims[0];
            int p = (int) dims[1];
            int declared = (int) dims[2];
            int capacity = symmetric ? 2 * declared : declared;
            int[] rows = new int[capacity];
            int[] cols = new int[capacity];
            double[] values = new double[capacity];
            int[] lineOf = new int[capacity];
            int count = 0;
            for (int e = 0; e < declared; e++) {
                String text;
                do {
                    text = in.readLine();
                    line++;
                } while (text != null && (text.isBlank() || text.startsWith("%")));
                if (text == null) throw error(file, line, "the file ends after " + e + " of " + declared + " entries");
                String[] f = text.trim().split("\\s+");
                if (f.length != (pattern ? 2 : 3)) throw error(file, line, "expected '" + (pattern ? "row column" : "row column value") + "', got '" + text + "'");
                long i = integer(file, line, f[0], "row");
                long j = integer(file, line, f[1], "column");
                if (i < 1 || i > n) throw error(file, line, "row " + i + " is outside 1 .. " + n);
                if (j < 1 || j > p) throw error(file, line, "column " + j + " is outside 1 .. " + p);
                double v = 1.0;
                if (!pattern) {
                    try {
                        v = Double.parseDouble(f[2]);
                    } catch (NumberFormatException ex) {
                        throw error(file, line, "value '" + f[2] + "' is not a number");
                    }
                    if (!Double.isFinite(v)) throw error(file, line, "value " + f[2] + " at row " + (i - 1) + ", column " + (j - 1) + " is not finite");
                }
                rows[count] = (int) i - 1;
                cols[count] = (int) j - 1;
                values[count] = v;
                lineOf[count++] = line;
                if (symmetric && i != j) {
                    rows[count] = (int) j - 1;
                    cols[count] = (int) i - 1;
                    values[count] = v;
                    lineOf[count++] = line;
                }
            }
            String rest;
            do {
                rest = in.readLine();
                line++;
            } while (rest != null && (rest.isBlank() || rest.startsWith("%")));
            if (rest != null) throw error(file, line, "more entries than the " + declared + " the size line declares");
            int total = count;
            int[] r = java.util.Arrays.copyOf(rows, total);
            int[] c = java.util.Arrays.copyOf(cols, total);
            Triplets.Sorted sorted = Triplets.byColumn(n, p, r, c, t -> file + ": lines " + lineOf[t[0]] + " and " + lineOf[t[1]]);
            double[] v = new double[total];
            for (int k = 0; k < total; k++) v[k] = values[sorted.source()[k]];
            return SparseDesign.csc(n, p, sorted.starts(), sorted.indices(), v);
        }
    }

    private static long integer(Path file, int line, String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(file, line, what + " '" + text + "' is not an integer");
        }
    }

    private static IllegalArgumentException error(Path file, int line, String message) {
        return new IllegalArgumentException(file + ":" + line + ": " + message);
    }

    static void write(SparseDesign x, Path file) throws IOException {
        Matrix rows = x.byRows();
        int[] starts = rows instanceof CscView v ? v.columnStarts() : ((CscFloatView) rows).columnStarts();
        int[] indices = rows instanceof CscView v ? v.rowIndices() : ((CscFloatView) rows).rowIndices();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("%%MatrixMarket matrix coordinate real general\n%\n");
            out.write(x.n() + " " + x.p() + " " + x.nonZeros() + "\n");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < x.n(); i++) {
                for (int k = starts[i]; k < starts[i + 1]; k++) {
                    double v = rows instanceof CscView c ? c.values()[k] : ((CscFloatView) rows).values()[k];
                    b.setLength(0);
                    b.append(i + 1).append(' ').append(indices[k] + 1).append(' ').append(String.format(Locale.ROOT, "%.16e", v)).append('\n');
                    out.write(b.toString());
                }
            }
        }
    }
}
