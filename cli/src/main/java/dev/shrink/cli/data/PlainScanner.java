package dev.shrink.cli.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Splits the lines of a CSV file into cells byte by byte, for the usual numeric file that quotes nothing: no decoding
 * to chars and no String per cell, each feature cell read as a number straight from the file's bytes
 * ({@link TableBuilder#number}). The header may be quoted (R's write.csv quotes it): that one line goes through
 * FastCSV. A data line that holds a quote stops the scan, and {@link #resumeOffset()} / {@link #resumeLine()} say
 * where FastCSV takes over (the grammar of quoted fields, embedded separators and line breaks is FastCSV's).
 */
final class PlainScanner {
    private static final int CHUNK = 1 << 20;

    private final FileChannel channel;
    private final byte separator;
    private final TableBuilder table;
    private final LongConsumer bytesRead;
    private long resumeOffset = -1;
    private long resumeLine;
    private char[] chars = new char[256];
    private final Decimals decimal = new Decimals();

    PlainScanner(FileChannel channel, char separator, TableBuilder table, LongConsumer bytesRead) {
        this.channel = channel;
        this.separator = (byte) separator;
        this.table = table;
        this.bytesRead = bytesRead;
    }

    /** The file offset of the first line with a quote, or −1 when the scan reached the end. */
    long resumeOffset() {
        return resumeOffset;
    }

    /** The (1-based) number of that line. */
    long resumeLine() {
        return resumeLine;
    }

    /** Reads records until the end of the file, or until a data line that holds a quote. */
    void run() throws IOException {
        byte[] buf = new byte[CHUNK];
        int len = 0;        // valid bytes in buf
        long base = 0;      // file offset of buf[0]
        long line = 0;
        boolean eof = false;
        while (!eof) {
            int got = channel.read(ByteBuffer.wrap(buf, len, buf.length - len));
            if (got < 0) eof = true;
            else len += got;
            bytesRead.accept(base + len);
            int start = 0;
            if (base == 0 && line == 0 && len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) start = 3; // UTF-8 BOM
            // complete lines end at a '\n'; at the end of the file the last line may have none
            int limit = len;
            if (!eof) {
                while (limit > start && buf[limit - 1] != '\n') limit--;
                if (limit == start) { // no line end in the whole buffer: a longer buffer
                    if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                    continue;
                }
            }
            while (start < limit) {
                int end = start;
                boolean quoted = false;
                while (end < limit && buf[end] != '\n') quoted |= buf[end++] == '"';
                int next = end + 1;
                if (end > start && buf[end - 1] == '\r') end--;
                line++;
                if (end > start) {
                    if (quoted && line > 1) {
                        resumeOffset = base + start;
                        resumeLine = line;
                        return;
                    }
                    record(buf, start, end, line, quoted);
                }
                start = next;
            }
            start = Math.min(start, len);
            System.arraycopy(buf, start, buf, 0, len - start);
            base += start;
            len -= start;
        }
    }

    private void record(byte[] buf, int start, int end, long line, boolean quotedHeader) {
        table.begin(line);
        if (quotedHeader) {
            CsvRecord r = CsvReader.builder().fieldSeparator((char) separator).ofSingleCsvRecord(new String(buf, start, end - start, StandardCharsets.UTF_8));
            for (int j = 0; j < r.getFieldCount(); j++) {
                char[] c = r.getField(j).toCharArray();
                table.field(j, c, 0, c.length);
            }
        } else {
            boolean rows = table.inRows();
            int index = 0;
            int from = start;
            while (true) {
                int p;
                int slot = rows ? table.featureSlot(index) : -1;
                double v = slot >= 0 ? decimal.read(buf, from, end) : Double.NaN;
                if (v == v && ((p = decimal.end()) == end || buf[p] == separator)) {
                    // the usual cell: a plain number read once, its end found by reading it
                    table.feature(index++, slot, v);
                } else {
                    p = from;
                    while (p < end && buf[p] != separator) p++;
                    if (rows) table.number(index++, buf, from, p - from);
                    else text(index++, buf, from, p - from);
                }
                if (p == end) break;
                from = p + 1;
            }
        }
        table.end();
    }

    /** A cell of the header or the first data row, as text. */
    private void text(int index, byte[] buf, int off, int len) {
        String s = new String(buf, off, len, StandardCharsets.UTF_8);
        if (s.length() > chars.length) chars = new char[Math.max(s.length(), 2 * chars.length)];
        s.getChars(0, s.length(), chars, 0);
        table.field(index, chars, 0, s.length());
    }
}
