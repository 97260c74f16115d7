package dev.shrink.cli.data;

import dev.shrink.solvers.Design;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link DataSet} from the records of a CSV file, whoever splits them (the byte scanner for plain files,
 * FastCSV for quoted ones): the header row, then the first data row, which decides every column's role (target,
 * weights, folds, feature, or text left out), then every other row, each value written straight into its place in
 * the design ({@link RowBuffer}). Records arrive as {@link #begin}, one {@link #field} or {@link #number} per cell,
 * {@link #end}.
 */
final class TableBuilder {
    private enum Phase { HEADER, FIRST_ROW, ROWS }

    /** Column roles other than a feature slot (feature slots are ≥ 0). */
    private static final int SKIP = -1;
    private static final int TARGET = -2;
    private static final int WEIGHT = -3;
    private static final int FOLD = -4;

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
    /** The response columns (--target: one name, or several separated by commas for a multi-task response). */
    private List<String> targets;
    /** Multi-task: the values of each task, and each column's task (for the TARGET slots). */
    private DoubleList[] taskValues;
    private int[] taskOf;
    private final DoubleList weights = new DoubleList();
    private final DoubleList folds = new DoubleList();
    /** Text labels of the response, when its first cell is not a number: id in order of appearance. */
    private Map<String, Integer> labelIds;
    private char[] scratch = new char[64];

    /**
     * @param rowBytes the estimated bytes per data row (0: unknown), for the size of the design's first block
     */
    TableBuilder(DataSpec spec, String file, long fileSize, double rowBytes) {
        this.spec = spec;
        this.file = file;
        this.fileSize = fileSize;
        this.rowBytes = rowBytes;
    }

    /** A record starts on this line (1-based). */
    void begin(long lineNumber) {
        line = lineNumber;
        fields = 0;
        if (phase == Phase.ROWS) beginRow();
    }

    private void beginRow() {
        if (rows.full()) rows.newBlock();
        block = rows.block();
        rowOffset = rows.rowOffset();
    }

    /** Whether the columns are decided, so that {@link #number} may be used for the cells of data rows. */
    boolean inRows() {
        return phase == Phase.ROWS;
    }

    /** A cell given as text (the header, the first row, quoted files, and every cell that is not a feature). */
    void field(int index, char[] buf, int off, int len) {
        fields = index + 1;
        switch (phase) {
            case HEADER -> header.add(new String(buf, off, len).strip());
            case FIRST_ROW -> firstRow.add(new String(buf, off, len));
            case ROWS -> cell(index, buf, off, len);
        }
    }

    /** The feature slot of column {@code index} on a data row, or −1 when it is not a feature. */
    int featureSlot(int index) {
        return index < slot.length ? slot[index] : -1;
    }

    /** A feature value already read (by the scanner, from the file's bytes) for column {@code index}. */
    void feature(int index, int featureSlot, double value) {
        fields = index + 1;
        block[rowOffset + featureSlot] = value;
    }

    /** A cell of a data row as ASCII/UTF-8 bytes: features are read from the bytes, other roles go through {@link #field}. */
    void number(int index, byte[] buf, int off, int len) {
        if (index < slot.length) {
            int s = slot[index];
            if (s >= 0) {
                fields = index + 1;
                double v = Cells.parse(buf, off, len);
                if (v != v) throw bad(index, new String(buf, off, len, StandardCharsets.UTF_8));
                block[rowOffset + s] = v;
                return;
            }
            if (s == SKIP) {
                fields = index + 1;
                return;
            }
        }
        if (len > scratch.length) scratch = new char[Math.max(len, 2 * scratch.length)];
        boolean ascii = true;
        for (int k = 0; k < len; k++) {
            byte b = buf[off + k];
            ascii &= b >= 0;
            scratch[k] = (char) b;
        }
        if (ascii) {
            field(index, scratch, 0, len);
        } else {
            char[] text = new String(buf, off, len, StandardCharsets.UTF_8).toCharArray();
            field(index, text, 0, text.length);
        }
    }

    /** One data cell into its place. */
    private void cell(int index, char[] buf, int off, int len) {
        if (index >= slot.length) return; // an extra field: reported when the record ends
        int s = slot[index];
        if (s >= 0) {
            double v = Cells.parse(buf, off, len);
            if (v != v) throw bad(index, new String(buf, off, len));
            block[rowOffset + s] = v;
        } else if (s == TARGET) {
            if (taskValues != null) {
                double v = Cells.parse(buf, off, len);
                if (v != v) throw bad(index, new String(buf, off, len));
                taskValues[taskOf[index]].add(v);
            } else if (labelIds != null) {
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

    /** The record is complete. */
    void end() {
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
        targets = targetColumns();
        for (String t : targets) require(t, "--target");
        require(spec.weights(), "--weights");
        require(spec.foldColumn(), "--fold-col");
    }

    /** The names --target gives: the whole value when a column has that name, else its comma-separated parts. */
    private List<String> targetColumns() {
        String t = spec.target();
        if (t == null) return List.of();
        if (header.contains(t) || t.indexOf(',') < 0) return List.of(t);
        List<String> names = new ArrayList<>();
        for (String part : t.split(",")) {
            String name = part.strip();
            if (names.contains(name)) throw DataException.in(file, "--target names column '" + name + "' twice");
            names.add(name);
        }
        return names;
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
        Arrays.fill(slot, SKIP);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < header.size(); j++) index.put(header.get(j), j);
        if (targets.size() == 1) {
            int t = index.get(targets.getFirst());
            slot[t] = TARGET;
            String cell = firstRow.get(t);
            if (Double.isNaN(Cells.parse(cell))) {
                if (!Cells.isText(cell)) throw bad(t, cell);
                labelIds = new HashMap<>(); // a column of text labels (classifiers)
            }
        } else if (targets.size() > 1) {
            taskOf = new int[header.size()];
            taskValues = new DoubleList[targets.size()];
            for (int k = 0; k < targets.size(); k++) {
                int t = index.get(targets.get(k));
                if (slot[t] == TARGET) throw DataException.in(file, "--target names column '" + targets.get(k) + "' twice");
                slot[t] = TARGET;
                taskOf[t] = k;
                taskValues[k] = new DoubleList();
                String cell = firstRow.get(t);
                if (Double.isNaN(Cells.parse(cell))) {
                    if (!Cells.isText(cell)) throw bad(t, cell);
                    throw DataException.at(file, line, t + 1, "'" + Cells.shorten(cell.strip()) + "' in column '" + targets.get(k)
                            + "': a response of several columns (multi-task) must be numeric");
                }
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
        List<Target> tasks = null;
        if (taskValues != null) {
            tasks = new ArrayList<>();
            for (int k = 0; k < taskValues.length; k++) tasks.add(new Target(file, targets.get(k), taskValues[k].toArray(), null));
            target = tasks.getFirst();
        } else if (!targets.isEmpty()) {
            target = target();
        }
        int[] foldIds = spec.foldColumn() == null ? null : foldIds();
        return new DataSet(file, features, x, target, tasks, spec.weights() == null ? null : weights.toArray(), foldIds, notes);
    }

    private Target target() {
        double[] values = y.toArray();
        if (labelIds == null) return new Target(file, targets.getFirst(), values, null);
        // ids in order of appearance → ids in sorted label order
        List<String> sorted = new ArrayList<>(new TreeSet<>(labelIds.keySet()));
        int[] rank = new int[sorted.size()];
        for (int r = 0; r < sorted.size(); r++) rank[labelIds.get(sorted.get(r))] = r;
        for (int i = 0; i < values.length; i++) values[i] = rank[(int) values[i]];
        return new Target(file, targets.getFirst(), values, sorted);
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
}
