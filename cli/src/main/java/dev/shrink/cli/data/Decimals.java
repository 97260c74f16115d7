package dev.shrink.cli.data;

/**
 * The common case of a number in a data file — {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 15 or so
 * significant digits — read exactly without a general parser: the digits form an integer m ≤ 2⁵³ and the value is
 * m·10^e or m/10^−e for |e| ≤ 22, where both operands are exact doubles, so the one IEEE multiplication or division
 * rounds correctly (Clinger, "How to read floating point numbers accurately", PLDI 1990: the fast path). Read from the
 * file's bytes (ASCII), stopping at the first byte that cannot continue the number, so that the scanner learns where
 * the cell ends from the number itself. Everything else (more digits, larger exponents, whitespace, hexadecimal, NaN)
 * is left to fastdoubleparser.
 */
final class Decimals {
    /** The exact powers of ten as doubles: 10^0 .. 10^22 (10^23 is not exact). */
    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS.length; k++) {
            POWERS[k] = p;
            p *= 10;
        }
    }

    private static final long MAX_EXACT = 1L << 53;

    private int end;

    /** Where the last {@link #read} stopped: the index of the first byte after the number. */
    int end() {
        return end;
    }

    /**
     * The plain decimal that starts at {@code buf[from]}, read up to the first byte that cannot continue it (at most up
     * to {@code limit}); NaN (not an answer) when there is none or it is off the fast path. {@link #end()} says where it
     * stopped.
     */
    double read(byte[] buf, int from, int limit) {
        int i = from;
        end = from;
        if (i == limit) return Double.NaN;
        boolean negative = false;
        byte c = buf[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            if (++i == limit) return Double.NaN;
        }
        long m = 0;
        int digits = 0;      // digits taken into m (leading zeros are not)
        int exponent = 0;    // the value is m·10^exponent
        boolean any = false; // whether there is a digit at all
        for (; i < limit && (c = buf[i]) >= '0' && c <= '9'; i++) {
            any = true;
            if (m == 0 && c == '0') continue;
            if (++digits > 18) return Double.NaN;
            m = m * 10 + (c - '0');
        }
        if (i < limit && buf[i] == '.') {
            for (i++; i < limit && (c = buf[i]) >= '0' && c <= '9'; i++) {
                any = true;
                exponent--;
                if (m == 0 && c == '0') continue;
                if (++digits > 18) return Double.NaN;
                m = m * 10 + (c - '0');
            }
        }
        if (!any) return Double.NaN;
        if (i < limit && ((c = buf[i]) == 'e' || c == 'E')) {
            if (++i == limit) return Double.NaN;
            boolean negativeExponent = false;
            if ((c = buf[i]) == '-' || c == '+') {
                negativeExponent = c == '-';
                if (++i == limit) return Double.NaN;
            }
            int e = 0;
            int start = i;
            for (; i < limit && (c = buf[i]) >= '0' && c <= '9'; i++) {
                if (e > 10_000) return Double.NaN;
                e = e * 10 + (c - '0');
            }
            if (i == start) return Double.NaN;
            exponent += negativeExponent ? -e : e;
        }
        double v;
        if (m == 0) {
            v = 0.0;
        } else if (m <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            v = exponent >= 0 ? m * POWERS[exponent] : m / POWERS[-exponent];
        } else {
            return Double.NaN;
        }
        end = i;
        return negative ? -v : v;
    }

    /** The whole of {@code buf[off .. off+len)} as a plain decimal on the fast path; NaN otherwise. */
    static double parse(byte[] buf, int off, int len) {
        Decimals d = new Decimals();
        double v = d.read(buf, off, off + len);
        return d.end == off + len ? v : Double.NaN;
    }
}
