package dev.shrink.cli.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * A CSV file with a header row: the response column (--target), optional weight and fold columns, and the numeric
 * feature columns, named by the header, into a row-major design ({@link TableBuilder}).
 *
 * <p>Two ways through the file, one result: the {@link PlainScanner} reads lines without quotes straight from bytes
 * (numbers by {@link Decimals}' fast path, else fastdoubleparser), and from the first data line that holds a quote
 * on, FastCSV parses the CSV grammar (quoted fields, separators and line breaks inside them) and hands each cell to
 * the same builder as a slice of its char buffer. Both are single-threaded: one core.
 */
final class CsvTableReader {
    private CsvTableReader() {}

    /** How much of the file start is read to estimate the bytes per row. */
    private static final int SAMPLE_BYTES = 1 << 20;

    static DataSet read(DataSpec spec, String name, LongConsumer bytesRead) throws IOException {
        Path file = spec.file();
        long size = Files.size(file);
        char separator = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
        TableBuilder table = new TableBuilder(spec, name, size, estimateRowBytes(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            PlainScanner plain = new PlainScanner(channel, separator, table, bytesRead);
            plain.run();
            if (plain.resumeOffset() >= 0) {
                channel.position(plain.resumeOffset());
                quoted(Channels.newInputStream(channel), separator, table, plain.resumeLine() - 1, name);
            }
        }
        return table.result();
    }

    /** FastCSV from the current position of the stream to the end; its line numbers count from {@code linesBefore}. */
    private static void quoted(InputStream in, char separator, TableBuilder table, long linesBefore, String name) throws IOException {
        Adapter adapter = new Adapter(table, linesBefore);
        try (CsvReader<Void> csv = CsvReader.builder().fieldSeparator(separator).allowExtraFields(true).allowMissingFields(true)
                .build(adapter, in, StandardCharsets.UTF_8)) {
            var records = csv.iterator();
            while (records.hasNext()) records.next();
        } catch (CsvParseException e) {
            for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof DataException d) throw d;
            Throwable root = e.getCause() != null ? e.getCause() : e;
            throw DataException.in(name, "not readable as CSV: " + root.getMessage());
        }
    }

    /** FastCSV's callbacks, forwarded to the builder. */
    private static final class Adapter extends AbstractBaseCsvCallbackHandler<Void> {
        private final TableBuilder table;
        private final long linesBefore;

        Adapter(TableBuilder table, long linesBefore) {
            this.table = table;
            this.linesBefore = linesBefore;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            table.begin(linesBefore + startingLineNumber);
        }

        @Override
        protected void handleField(int index, char[] buf, int off, int len, boolean quoted) {
            table.field(index, buf, off, len);
        }

        @Override
        protected Void buildRecord() {
            table.end();
            return null;
        }

        @Override
        protected void handleEmpty() {
            // blank lines carry no row
        }
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
}
