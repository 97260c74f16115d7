package dev.shrink.cli.data;

import dev.shrink.cli.output.G17;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writers of the formats the readers read, written from their specifications (not from the readers), for the
 * round-trip properties: what is written and read back must be the same numbers.
 */
final class Writers {
    private Writers() {}

    /** Doubles that stress a text round trip: tiny, huge, subnormal, negative zero, integers, ordinary values. */
    static double value(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> r.nextInt(-1000, 1000);
            case 3 -> Double.MIN_VALUE * r.nextInt(1, 1000);
            case 4 -> (r.nextBoolean() ? -1 : 1) * Double.MAX_VALUE / r.nextInt(1, 1000);
            case 5 -> Math.scalb(r.nextDouble() - 0.5, r.nextInt(-1070, 1020));
            default -> r.nextGaussian() * Math.pow(10, r.nextInt(-8, 9));
        };
    }

    /** A number as text: C's %.17g, Java's shortest form, or a plain decimal with an exponent in capitals. */
    static String text(double v, int style) {
        return switch (style) {
            case 0 -> G17.format(v);
            case 1 -> Double.toString(v);
            default -> Double.toString(v).toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** A CSV table with a header row; cells quoted when asked (or when needed), lines ending in \n or \r\n. */
    static void csv(Path file, List<String> header, double[][] rows, int style, boolean quoteAll, boolean crlf) throws IOException {
        StringBuilder s = new StringBuilder();
        String eol = crlf ? "\r\n" : "\n";
        for (int j = 0; j < header.size(); j++) s.append(j == 0 ? "" : ",").append(quote(header.get(j), quoteAll));
        s.append(eol);
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) s.append(j == 0 ? "" : ",").append(quote(text(row[j], style), quoteAll));
            s.append(eol);
        }
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    private static String quote(String cell, boolean always) {
        boolean needed = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return always || needed ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** LibSVM: label, then index:value for each non-zero, indices from {@code base} (1 in the format, 0 in some tools). */
    static void libsvm(Path file, double[] labels, double[][] x, int base, int style) throws IOException {
        StringBuilder s = new StringBuilder("# written by a test\n");
        for (int i = 0; i < labels.length; i++) {
            s.append(text(labels[i], style));
            for (int j = 0; j < x[i].length; j++) if (x[i][j] != 0) s.append(' ').append(j + base).append(':').append(text(x[i][j], style));
            s.append(i % 3 == 0 ? "  # a comment\n" : "\n");
        }
        Files.writeString(file, s, StandardCharsets.US_ASCII);
    }

    /** Matrix Market coordinate general: the non-zeros in row-major order, 1-based (as scipy.io.mmwrite). */
    static void mtxCoordinate(Path file, double[][] x, int style) throws IOException {
        int n = x.length;
        int p = x[0].length;
        StringBuilder body = new StringBuilder();
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (x[i][j] == 0) continue;
                nnz++;
                body.append(i + 1).append(' ').append(j + 1).append(' ').append(text(x[i][j], style)).append('\n');
            }
        }
        Files.writeString(file, "%%MatrixMarket matrix coordinate real general\n%\n% a test matrix\n" + n + " " + p + " " + nnz + "\n" + body,
                StandardCharsets.US_ASCII);
    }

    /** Matrix Market array general: every value, column by column. */
    static void mtxArray(Path file, double[][] x, int style) throws IOException {
        StringBuilder s = new StringBuilder("%%MatrixMarket matrix array real general\n" + x.length + " " + x[0].length + "\n");
        for (int j = 0; j < x[0].length; j++) for (double[] row : x) s.append(text(row[j], style)).append('\n');
        Files.writeString(file, s, StandardCharsets.US_ASCII);
    }

    /** Element types of {@link #npy}. */
    enum NpyType { F8, F4, I8, I4 }

    /**
     * numpy's .npy format: magic, version, little-endian header length, the header dict padded with spaces to a multiple
     * of 64 bytes ending in \n, then the elements in the given byte order, C or Fortran order.
     */
    static void npy(Path file, double[][] x, NpyType type, ByteOrder order, boolean fortran, int version) throws IOException {
        int n = x.length;
        int p = x[0].length;
        String descr = (order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + type.name().toLowerCase(java.util.Locale.ROOT);
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + n + ", " + p + "), }";
        int preamble = version == 1 ? 10 : 12;
        int total = preamble + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        int size = switch (type) {
            case F8, I8 -> 8;
            case F4, I4 -> 4;
        };
        ByteBuffer data = ByteBuffer.allocate(n * p * size).order(order);
        for (int k = 0; k < n * p; k++) {
            double v = fortran ? x[k % n][k / n] : x[k / p][k % p];
            switch (type) {
                case F8 -> data.putDouble(v);
                case F4 -> data.putFloat((float) v);
                case I8 -> data.putLong((long) v);
                case I4 -> data.putInt((int) v);
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
            ByteBuffer len = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
            if (version == 1) len.putShort((short) header.length());
            else len.putInt(header.length());
            out.write(len.array());
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(data.array());
        }
    }
}
