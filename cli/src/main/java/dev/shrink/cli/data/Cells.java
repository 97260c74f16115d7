package dev.shrink.cli.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.util.Locale;

/**
 * Numbers in text cells, read from a slice of a byte or char buffer without a String per cell: plain decimals in bytes
 * by {@link Decimals}' exact fast path, everything else by fastdoubleparser (exact, Java's grammar). Missing and
 * non-finite values are refused (the solvers need finite data), with a reason a person can act on.
 */
final class Cells {
    private Cells() {}

    /** The number in {@code buf[off .. off+len)}, or NaN when the cell is not a finite number ({@link #reason} says why). */
    static double parse(char[] buf, int off, int len) {
        if (len == 0 || suffixed(buf[off + len - 1])) return Double.NaN;
        double v;
        try {
            v = JavaDoubleParser.parseDouble(buf, off, len);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return v - v == 0 ? v : Double.NaN; // NaN and ±Infinity (also from overflow, 1e400) are refused
    }

    /** As {@link #parse(char[], int, int)}, from the bytes of a file: plain decimals on {@link Decimals}' fast path. */
    static double parse(byte[] buf, int off, int len) {
        double fast = Decimals.parse(buf, off, len);
        if (fast == fast) return fast;
        if (len == 0 || suffixed((char) buf[off + len - 1])) return Double.NaN;
        double v;
        try {
            v = JavaDoubleParser.parseDouble(buf, off, len);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return v - v == 0 ? v : Double.NaN;
    }

    /** Java's grammar accepts a type suffix (1d, 2f): not a number anywhere else. */
    private static boolean suffixed(char last) {
        return last == 'd' || last == 'D' || last == 'f' || last == 'F';
    }

    /** As {@link #parse(char[], int, int)}, for a String. */
    static double parse(CharSequence s) {
        String t = s.toString();
        return parse(t.toCharArray(), 0, t.length());
    }

    /** Why a cell that {@link #parse} refused is not a number, e.g. "empty cell (missing values are not supported)". */
    static String reason(String cell) {
        String missing = missingOrNonFinite(cell);
        return missing != null ? missing : "'" + shorten(cell.strip()) + "' is not a number";
    }

    /** Whether a refused cell is text (a label or a name), as opposed to a missing or non-finite number. */
    static boolean isText(String cell) {
        return Double.isNaN(parse(cell)) && missingOrNonFinite(cell) == null;
    }

    /** The reason when a cell is empty, a missing-value marker or a non-finite number; null otherwise. */
    private static String missingOrNonFinite(String cell) {
        String t = cell.strip();
        if (t.isEmpty()) return "empty cell (missing values are not supported)";
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("na") || lower.equals("nan") || lower.equals("null") || lower.equals("none") || lower.equals("?")) {
            return "missing value '" + t + "' (missing values are not supported)";
        }
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) return "infinite value '" + t + "' (values must be finite)";
        try {
            if (Double.isInfinite(JavaDoubleParser.parseDouble(t))) return "'" + shorten(t) + "' is out of the range of a double (values must be finite)";
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Long cells cut to 40 characters for a one-line message. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
