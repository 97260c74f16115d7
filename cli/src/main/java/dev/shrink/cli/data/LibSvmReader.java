package dev.shrink.cli.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * LibSVM / svmlight text: one row per line, {@code label index:value index:value ...}, optionally followed by a
 * {@code # comment}; blank and comment-only lines are skipped. Indices are 1-based, as the format defines, unless a
 * 0 occurs in the file (then 0-based, as scikit-learn's {@code zero_based="auto"}); a row's indices are distinct.
 * Features are named x1 .. xp by column (x1 = index 1 of a 1-based file).
 */
final class LibSvmReader {
    private LibSvmReader() {}

    /** What a LibSVM file holds: the sparse design and one label per row. */
    record Contents(SparseMatrix x, double[] labels) {}

    /**
     * @param minColumns the number of columns at least (predict: the model's p), 0 for as many as the file uses
     * @param maxColumns the number of columns at most (predict: the model's p), or Integer.MAX_VALUE
     */
    static Contents read(Path file, String name, int minColumns, int maxColumns) throws IOException {
        DoubleList labels = new DoubleList();
        IntList rowOf = new IntList();
        IntList index = new IntList();
        DoubleList value = new DoubleList();
        int minIndex = Integer.MAX_VALUE;
        int maxIndex = -1;
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int end = line.indexOf('#');
                if (end < 0) end = line.length();
                int pos = skipSpace(line, 0, end);
                if (pos == end) continue;
                int row = labels.size();
                int tokenEnd = tokenEnd(line, pos, end);
                labels.add(number(line, pos, tokenEnd, name, lineNo, "label"));
                int rowStart = index.size();
                pos = skipSpace(line, tokenEnd, end);
                while (pos < end) {
                    tokenEnd = tokenEnd(line, pos, end);
                    int colon = line.indexOf(':', pos);
                    if (colon < 0 || colon >= tokenEnd) {
                        throw DataException.at(name, lineNo, pos + 1, "'" + Cells.shorten(line.substring(pos, tokenEnd)) + "' is not index:value");
                    }
                    if (line.startsWith("qid", pos) && colon == pos + 3) {
                        throw DataException.at(name, lineNo, pos + 1, "qid (svmlight ranking groups) is not supported");
                    }
                    int j = index(line, pos, colon, name, lineNo);
                    // the format lists indices in increasing order; out-of-order ones are accepted if distinct
                    if (index.size() > rowStart && j <= index.get(index.size() - 1)) {
                        for (int k = rowStart; k < index.size(); k++) {
                            if (index.get(k) == j) throw DataException.at(name, lineNo, pos + 1, "index " + j + " appears twice in this row");
                        }
                    }
                    double v = number(line, colon + 1, tokenEnd, name, lineNo, "value");
                    rowOf.add(row);
                    index.add(j);
                    value.add(v);
                    minIndex = Math.min(minIndex, j);
                    maxIndex = Math.max(maxIndex, j);
                    pos = skipSpace(line, tokenEnd, end);
                }
            }
        }
        if (labels.size() == 0) throw DataException.in(name, "empty file (no rows)");
        int base = minIndex == 0 ? 0 : 1;
        int p = Math.max(minColumns, maxIndex + 1 - base);
        if (p > maxColumns) throw DataException.in(name, "feature index " + maxIndex + " is beyond the " + maxColumns + " features of the model");
        if (p == 0) throw DataException.in(name, "no features (every row has only a label)");
        int[] col = index.toArray();
        for (int k = 0; k < col.length; k++) col[k] -= base;
        return new Contents(new SparseMatrix(labels.size(), p, rowOf.toArray(), col, value.toArray()), labels.toArray());
    }

    private static int skipSpace(String s, int pos, int end) {
        while (pos < end && Character.isWhitespace(s.charAt(pos))) pos++;
        return pos;
    }

    private static int tokenEnd(String s, int pos, int end) {
        while (pos < end && !Character.isWhitespace(s.charAt(pos))) pos++;
        return pos;
    }

    private static double number(String s, int from, int to, String file, long line, String what) {
        double v;
        try {
            v = JavaDoubleParser.parseDouble(s, from, to - from);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || from == to) {
            String cell = s.substring(from, to);
            String reason = from == to ? "empty " + what : Cells.reason(cell);
            if (what.equals("label") && cell.contains(",")) reason = "multi-label row '" + Cells.shorten(cell) + "' (one label per row is supported)";
            throw DataException.at(file, line, from + 1, reason);
        }
        return v;
    }

    private static int index(String s, int from, int to, String file, long line) {
        long j = 0;
        if (from == to) throw DataException.at(file, line, from + 1, "missing index before ':'");
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9' || j > Integer.MAX_VALUE / 10) {
                throw DataException.at(file, line, from + 1, "index '" + Cells.shorten(s.substring(from, to)) + "' is not a non-negative integer");
            }
            j = j * 10 + (c - '0');
        }
        if (j >= Integer.MAX_VALUE - 8) throw DataException.at(file, line, from + 1, "index " + j + " is too large");
        return (int) j;
    }
}
