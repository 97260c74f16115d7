package dev.shrink.cli.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format (versions 1–3, numpy's {@code lib.format}): the magic {@code \x93NUMPY}, the version,
 * the header length, a header that is a Python dict literal ({@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }}), then the raw elements. Read: floats ({@code f8}, {@code f4}) and integers ({@code i1} ..
 * {@code i8}, {@code u1} .. {@code u8}, {@code b1}), either byte order, C or Fortran order. The elements go straight
 * from the file into one {@code double[]} through a small buffer: one copy, and none for the layout (a Fortran-order
 * array becomes a column-major design).
 */
final class NpyReader {
    private NpyReader() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiub])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int CHUNK = 1 << 20;

    /**
     * An array read from a .npy file.
     *
     * @param shape   its dimensions
     * @param fortran whether the elements are in Fortran (column-major) order
     * @param data    the elements in file order, as doubles
     */
    record NpyArray(long[] shape, boolean fortran, double[] data) {}

    static NpyArray read(Path file, String name) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, start, name, "the header");
            start.flip();
            byte[] magic = new byte[6];
            start.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw DataException.in(name, "not a .npy file (it does not start with \\x93NUMPY)");
            int major = start.get() & 0xff;
            start.get(); // minor version
            long headerLength;
            int preamble;
            if (major == 1) {
                headerLength = start.getShort() & 0xffff;
                preamble = 10;
            } else if (major == 2 || major == 3) {
                headerLength = start.getInt() & 0xffffffffL;
                preamble = 12;
            } else {
                throw DataException.in(name, ".npy format version " + major + " is not supported (1, 2 or 3)");
            }
            if (headerLength > 1 << 20) throw DataException.in(name, "a .npy header of " + headerLength + " bytes is not plausible");
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            ch.position(preamble);
            readFully(ch, header, name, "the header");
            String dict = new String(header.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Matcher d = DESCR.matcher(dict);
            Matcher f = FORTRAN.matcher(dict);
            Matcher s = SHAPE.matcher(dict);
            if (!d.find()) throw DataException.in(name, "unsupported element type in " + dict.strip() + " (floats or integers are read)");
            if (!f.find() || !s.find()) throw DataException.in(name, "a .npy header without fortran_order or shape: " + dict.strip());
            Element type = Element.of(d.group(2).charAt(0), Integer.parseInt(d.group(3)), name);
            ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            long[] shape = shape(s.group(1), name);
            long count = 1;
            for (long dim : shape) count *= dim;
            if (count > Integer.MAX_VALUE - 8) throw DataException.in(name, count + " elements: more than one Java array holds (2³¹ − 8)");
            long dataBytes = count * type.bytes;
            long available = ch.size() - preamble - headerLength;
            if (available < dataBytes) {
                throw DataException.in(name, "truncated: the header promises " + count + " elements (" + dataBytes + " bytes), the file holds " + available + " bytes of data");
            }
            double[] data = new double[(int) count];
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK - CHUNK % 8).order(order);
            int done = 0;
            while (done < count) {
                chunk.clear();
                chunk.limit((int) Math.min(chunk.capacity(), (count - done) * type.bytes));
                readFully(ch, chunk, name, "the data");
                chunk.flip();
                done += type.decode(chunk, data, done);
            }
            return new NpyArray(shape, f.group(1).equals("True"), data);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, String name, String what) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw DataException.in(name, "truncated in " + what);
        }
    }

    private static long[] shape(String tuple, String name) {
        String t = tuple.strip();
        if (t.endsWith(",")) t = t.substring(0, t.length() - 1);
        if (t.isEmpty()) return new long[0];
        String[] parts = t.split(",");
        long[] dims = new long[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                dims[k] = Long.parseLong(parts[k].strip().replace("L", ""));
            } catch (NumberFormatException e) {
                throw DataException.in(name, "shape (" + tuple + ") is not a tuple of integers");
            }
            if (dims[k] < 0) throw DataException.in(name, "shape (" + tuple + ") has a negative dimension");
        }
        return dims;
    }

    /** Element types and how a buffer of them becomes doubles. */
    private enum Element {
        F8(8), F4(4), I8(8), I4(4), I2(2), I1(1), U8(8), U4(4), U2(2), U1(1), B1(1);

        final int bytes;

        Element(int bytes) {
            this.bytes = bytes;
        }

        static Element of(char kind, int size, String file) {
            String code = Character.toUpperCase(kind) + String.valueOf(size);
            for (Element e : values()) if (e.name().equals(code)) return e;
            throw DataException.in(file, "element type " + kind + size + " is not supported (f8, f4, i1..i8, u1..u8, b1)");
        }

        /** Decodes the whole buffer into data[at ..); returns the number of elements. */
        int decode(ByteBuffer b, double[] data, int at) {
            int n = b.remaining() / bytes;
            switch (this) {
                case F8 -> b.asDoubleBuffer().get(data, at, n);
                case F4 -> { var f = b.asFloatBuffer(); for (int k = 0; k < n; k++) data[at + k] = f.get(k); }
                case I8 -> { for (int k = 0; k < n; k++) data[at + k] = b.getLong(k * 8); }
                case I4 -> { for (int k = 0; k < n; k++) data[at + k] = b.getInt(k * 4); }
                case I2 -> { for (int k = 0; k < n; k++) data[at + k] = b.getShort(k * 2); }
                case I1 -> { for (int k = 0; k < n; k++) data[at + k] = b.get(k); }
                case U8 -> { for (int k = 0; k < n; k++) data[at + k] = unsigned(b.getLong(k * 8)); }
                case U4 -> { for (int k = 0; k < n; k++) data[at + k] = b.getInt(k * 4) & 0xffffffffL; }
                case U2 -> { for (int k = 0; k < n; k++) data[at + k] = b.getShort(k * 2) & 0xffff; }
                case U1, B1 -> { for (int k = 0; k < n; k++) data[at + k] = b.get(k) & 0xff; }
            }
            return n;
        }

        private static double unsigned(long v) {
            return v >= 0 ? v : new java.math.BigInteger(Long.toUnsignedString(v)).doubleValue();
        }
    }
}
