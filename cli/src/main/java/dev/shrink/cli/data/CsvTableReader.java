package dev.shrink.cli.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.shrink.solvers.Design;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * A CSV file with a header row: the response column (--target), optional weight and fold columns, and the numeric
 * feature columns, named by the header, into a row-major design.
 *
 * <p>FastCSV parses the CSV grammar (quotes, CRLF, a byte-order mark) and hands each cell to a callback as a slice of
 * its char buffer; fastdoubleparser reads the number from that slice, so no String is made per cell, and the value is
 * written straight into its place in the design ({@link RowBuffer}: no copy when the row estimate holds). A column is
 * a feature when its first data cell is a number; other columns are left out with a note, and a later cell that is
 * not a finite number is an error naming its line and column.
 */
final class CsvTableReader {
    private CsvTableReader() {}

    /** Column roles other than a feature slot (feature slots are ≥ 0). */
    private static final int SKIP = -1;
    private static final int TARGET = -2;
    private static final int WEIGHT = -3;
    private static final int FOLD = -4;

    /** How much of the file start is read to estimate the bytes per row. */
    private static final int SAMPLE_BYTES = 1 << 20;

    static DataSet read(DataSpec spec, String name, LongConsumer bytesRead) throws IOException {
        Path file = spec.file();
        long size = Files.size(file);
        char separator = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
        Handler h = new Handler(spec, name, size, estimateRowBytes(file));
        try (InputStream in = new CountingStream(Files.newInputStream(file), bytesRead);
             CsvReader<Void> csv = CsvReader.builder().fieldSeparator(separator).allowExtraFields(true).allowMissingFields(true)
                     .detectBomHeader(true).build(h, in, StandardCharsets.UTF_8)) {
            var records = csv.iterator();
            while (records.hasNext()) records.next();
        } catch (CsvParseException e) {
            for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof DataException d) throw d;
            Throwable root = e.getCause() != null ? e.getCause() : e;
            throw DataException.in(name, "not readable as CSV: " + root.getMessage());
        }
        return h.result();
    }

    /**
     * Bytes per data row, estimated from the lines after the header in the first megabyte (0 when no whole data line
     * fits in it).
     */
    private static double estimateRowBytes(Path file) throws IOException {
        byte[] head = new byte[SAMPLE_BYTES];
        int len;
        try (InputStream in = Files.newInputStream(file)) {
            len = in.readNBytes(head, 0, head.length);
        }
        int firstEnd = -1;
        int lastEnd = -1;
        int lines = 0;
        for (int i = 0; i < len; i++) {
            if (head[i] != '\n') continue;
            if (firstEnd < 0) firstEnd = i;
            else lines++;
            lastEnd = i;
        }
        return lines == 0 ? 0 : (double) (lastEnd - firstEnd) / lines;
    }

    /** Counts the bytes FastCSV reads, for the progress line. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer sink;
        private long count;

        CountingStream(InputStream in, LongConsumer sink) {
            super(in);
            this.sink = sink;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int got = super.read(b, off, len);
            if (got > 0) sink.accept(count += got);
            return got;
        }
    }

    /** FastCSV's callback: the header, then the first data row (which decides the columns), then every other row. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Void> {
        private enum Phase { HEADER, FIRST_ROW, ROWS }

        private final DataSpec spec;
        private final String file;
        private final long fileSize;
        private final double rowBytes;
        private Phase phase = Phase.HEADER;
        private long line;
        private int fields;

        private final List<String> header = new ArrayList<>();
        private final List<String> firstRow = new ArrayList<>();
        private int[] slot;
        private final List<String> features = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private RowBuffer rows;
        private double[] block;
        private int rowOffset;
        private final DoubleList y = new DoubleList();
        private final DoubleList weights = new DoubleList();
        private final DoubleList folds = new DoubleList();
        /** Text labels of the response, when its first cell is not a number: id in order of appearance. */
        private Map<String, Integer> labelIds;

        Handler(DataSpec spec, String file, long fileSize, double rowBytes) {
            this.spec = spec;
            this.file = file;
            this.fileSize = fileSize;
            this.rowBytes = rowBytes;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            fields = 0;
            if (phase == Phase.ROWS) beginRow();
        }

        private void beginRow() {
            if (rows.full()) rows.newBlock();
            block = rows.block();
            rowOffset = rows.rowOffset();
        }

        @Override
        protected void handleField(int index, char[] buf, int off, int len, boolean quoted) {
            fields = index + 1;
            switch (phase) {
                case HEADER -> header.add(new String(buf, off, len).strip());
                case FIRST_ROW -> firstRow.add(new String(buf, off, len));
                case ROWS -> cell(index, buf, off, len);
            }
        }

        /** One data cell into its place: the hot path. */
        private void cell(int index, char[] buf, int off, int len) {
            if (index >= slot.length) return; // an extra field: reported when the record ends
            int s = slot[index];
            if (s >= 0) {
                double v = Cells.parse(buf, off, len);
                if (v != v) throw bad(index, new String(buf, off, len));
                block[rowOffset + s] = v;
            } else if (s == TARGET) {
                if (labelIds != null) {
                    String label = new String(buf, off, len).strip();
                    if (label.isEmpty()) throw bad(index, label);
                    y.add(labelIds.computeIfAbsent(label, k -> labelIds.size()));
                } else {
                    double v = Cells.parse(buf, off, len);
                    if (v != v) throw bad(index, new String(buf, off, len));
                    y.add(v);
                }
            } else if (s == WEIGHT) {
                double v = Cells.parse(buf, off, len);
                if (v != v) throw bad(index, new String(buf, off, len));
                if (v < 0) throw DataException.at(file, line, index + 1, "negative weight " + new String(buf, off, len) + " in column '" + header.get(index) + "'");
                weights.add(v);
            } else if (s == FOLD) {
                double v = Cells.parse(buf, off, len);
                if (v != v || v != Math.rint(v) || Math.abs(v) > 1e9) {
                    throw DataException.at(file, line, index + 1, "fold id '" + Cells.shorten(new String(buf, off, len).strip())
                            + "' in column '" + header.get(index) + "' is not an integer");
                }
                folds.add(v);
            }
        }

        private DataException bad(int index, String cell) {
            return DataException.at(file, line, index + 1, Cells.reason(cell) + " in column '" + header.get(index) + "'");
        }

        @Override
        protected Void buildRecord() {
            switch (phase) {
                case HEADER -> {
                    checkHeader();
                    phase = Phase.FIRST_ROW;
                }
                case FIRST_ROW -> {
                    checkFieldCount();
                    assignColumns();
                    phase = Phase.ROWS;
                    replayFirstRow();
                }
                case ROWS -> {
                    checkFieldCount();
                    rows.endRow();
                }
            }
            return null;
        }

        private void checkFieldCount() {
            if (fields != header.size()) {
                throw DataException.at(file, line, fields + " fields, the header has " + header.size() + " (a ragged row)");
            }
        }

        private void checkHeader() {
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < header.size(); j++) {
                String h = header.get(j);
                if (h.isEmpty()) throw DataException.at(file, line, j + 1, "empty column name in the header row");
                if (!seen.add(h)) throw DataException.at(file, line, j + 1, "column name '" + h + "' appears twice in the header row");
            }
            require(spec.target(), "--target");
            require(spec.weights(), "--weights");
            require(spec.foldColumn(), "--fold-col");
        }

        private void require(String column, String option) {
            if (column != null && !header.contains(column)) {
                throw DataException.in(file, "no column '" + column + "' (named by " + option + "); the columns are " + columnList());
            }
        }

        private String columnList() {
            List<String> shown = header.size() <= 12 ? header : header.subList(0, 12);
            return String.join(", ", shown) + (header.size() > 12 ? ", ... (" + header.size() + " in all)" : "");
        }

        /** Decides every column's role from the header and the first data row. */
        private void assignColumns() {
            slot = new int[header.size()];
            java.util.Arrays.fill(slot, SKIP);
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < header.size(); j++) index.put(header.get(j), j);
            if (spec.target() != null) {
                int t = index.get(spec.target());
                slot[t] = TARGET;
                String cell = firstRow.get(t);
                if (Double.isNaN(Cells.parse(cell))) {
                    if (!Cells.isText(cell)) throw bad(t, cell);
                    labelIds = new HashMap<>(); // a column of text labels (classifiers)
                }
            }
            if (spec.weights() != null) slot[index.get(spec.weights())] = WEIGHT;
            if (spec.foldColumn() != null) slot[index.get(spec.foldColumn())] = FOLD;
            if (spec.features() != null) {
                for (String f : spec.features()) {
                    Integer j = index.get(f);
                    if (j == null) throw DataException.in(file, "no column '" + f + "', a feature of the model; the columns are " + columnList());
                    if (slot[j] != SKIP) throw DataException.in(file, "column '" + f + "' is a feature of the model and cannot also be the " + role(slot[j]));
                    slot[j] = features.size();
                    features.add(f);
                }
            } else {
                for (int j = 0; j < header.size(); j++) {
                    if (slot[j] != SKIP) continue;
                    String cell = firstRow.get(j).strip();
                    if (Double.isNaN(Cells.parse(cell))) {
                        // a missing or non-finite first value is an error; text marks a column of text (left out)
                        if (!Cells.isText(cell)) throw bad(j, cell);
                        notes.add(file + ": column '" + header.get(j) + "' is not numeric ('" + Cells.shorten(cell) + "' on line " + line + "): left out");
                        continue;
                    }
                    slot[j] = features.size();
                    features.add(header.get(j));
                }
            }
            if (features.isEmpty()) throw DataException.in(file, "no numeric feature columns (the columns are " + columnList() + ")");
            long estimate = rowBytes > 0 ? (long) (fileSize / rowBytes * 1.03) + 64 : 1024;
            rows = new RowBuffer(features.size(), estimate);
        }

        private static String role(int s) {
            return s == TARGET ? "target" : s == WEIGHT ? "weights column" : "fold column";
        }

        private void replayFirstRow() {
            beginRow();
            for (int j = 0; j < firstRow.size(); j++) {
                char[] c = firstRow.get(j).toCharArray();
                cell(j, c, 0, c.length);
            }
            rows.endRow();
        }

        DataSet result() {
            if (phase == Phase.HEADER) throw DataException.in(file, "empty file (a header row and data rows are expected)");
            if (phase == Phase.FIRST_ROW) throw DataException.in(file, "no data rows after the header");
            Design x;
            try {
                x = Design.of(rows.view(file));
            } catch (IllegalArgumentException e) {
                throw DataException.in(file, e.getMessage());
            }
            Target target = null;
            if (spec.target() != null) target = target();
            int[] foldIds = spec.foldColumn() == null ? null : foldIds();
            return new DataSet(file, features, x, target, spec.weights() == null ? null : weights.toArray(), foldIds, notes);
        }

        private Target target() {
            double[] values = y.toArray();
            if (labelIds == null) return new Target(file, spec.target(), values, null);
            // ids in order of appearance → ids in sorted label order
            List<String> sorted = new ArrayList<>(new TreeSet<>(labelIds.keySet()));
            int[] rank = new int[sorted.size()];
            for (int r = 0; r < sorted.size(); r++) rank[labelIds.get(sorted.get(r))] = r;
            for (int i = 0; i < values.length; i++) values[i] = rank[(int) values[i]];
            return new Target(file, spec.target(), values, sorted);
        }

        /** Fold ids as given (any integers) renumbered 0 .. K−1 in increasing order. */
        private int[] foldIds() {
            TreeMap<Double, Integer> ids = new TreeMap<>();
            for (int i = 0; i < folds.size(); i++) ids.put(folds.get(i), 0);
            int k = 0;
            for (var e : ids.entrySet()) e.setValue(k++);
            int[] out = new int[folds.size()];
            for (int i = 0; i < out.length; i++) out[i] = ids.get(folds.get(i));
            return out;
        }

        @Override
        protected void handleEmpty() {
            // blank lines carry no row
        }
    }
}
