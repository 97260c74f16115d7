package dev.shrink.cli.data;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A cell's number is the one Java's own parser reads (bit for bit), on and off {@link Decimals}' fast path, in every
 * style a data file uses; what is not a finite number is refused.
 */
class CellsProperties {
    /** The cell read from bytes (the plain scanner's way, with the fast path) and from chars (FastCSV's); both must agree. */
    private static double cell(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        double fromBytes = Cells.parse(b, 0, b.length);
        double fromChars = Cells.parse(s.toCharArray(), 0, s.length());
        assertEquals(Double.doubleToLongBits(fromChars), Double.doubleToLongBits(fromBytes), () -> "bytes and chars differ on '" + s + "'");
        return fromBytes;
    }

    /** Text for a random number in one of the styles of CSV writers (printf, repr, %.17g, integers, exponents). */
    private static String text(SplittableRandom r) {
        double v = Writers.value(r);
        return switch (r.nextInt(9)) {
            case 0 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 12) + "f", r.nextGaussian() * Math.pow(10, r.nextInt(-3, 8)));
            case 1 -> String.format(Locale.ROOT, "%." + r.nextInt(0, 17) + "e", v);
            case 2 -> Writers.text(v, 0);
            case 3 -> Double.toString(v);
            case 4 -> Long.toString(r.nextLong() >> r.nextInt(64));
            case 5 -> (r.nextBoolean() ? "+" : "-") + "0".repeat(r.nextInt(4)) + r.nextInt(100000) + "." + "0".repeat(r.nextInt(4)) + r.nextInt(100000);
            case 6 -> r.nextInt(1000) + "e" + (r.nextBoolean() ? "-" : "+") + r.nextInt(30);
            case 7 -> "." + r.nextInt(1_000_000);
            default -> r.nextLong(1L << 53) + "e" + r.nextInt(-25, 26); // the edges of the fast path
        };
    }

    @Test
    void readsWhatJavaReads() {
        qt().withExamples(50_000).forAll(longs().all()).checkAssert(seed -> {
            String s = text(new SplittableRandom(seed));
            double expected = Double.parseDouble(s);
            double actual = cell(s);
            if (Double.isFinite(expected)) assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), s);
            else assertTrue(Double.isNaN(actual), s);
        });
    }

    @Test
    void fastPathEdges() {
        for (String s : new String[] {"0", "-0", "+0", "0.0", "-0.000", "5.", ".5", "1e22", "1e23", "9007199254740992", "9007199254740993",
                "9007199254740993e-5", "123456789012345678", "1234567890123456789", "0.1", "4.35", "1e-22", "1e-23", "3.0e+10", "000123.4500",
                "1E5", "2.5E-3"}) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(cell(s)), s);
        }
        for (String s : new String[] {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "NaN", "Infinity", "-inf", "1d", "2f", "1e400", "abc",
                "0x", "--1"}) {
            assertTrue(Double.isNaN(cell(s)), s);
        }
        assertEquals(1.5, cell(" 1.5 "), "whitespace is left to fastdoubleparser, which accepts it as Java does");
    }
}
