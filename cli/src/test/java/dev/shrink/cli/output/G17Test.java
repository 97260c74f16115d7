package dev.shrink.cli.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

/** {@link G17} writes what C's printf("%.17g") writes, and every double comes back from it unchanged. */
class G17Test {
    /** Strings from Python's '%.17g' % v (C's printf), an independent implementation. */
    @Test
    void matchesCsPrintf() {
        String[][] known = {
                {"0.1", "0.10000000000000001"}, {"1e-20", "9.9999999999999995e-21"}, {"123456789.123", "123456789.123"}, {"1.0", "1"},
                {"0.6666666666666666", "0.66666666666666663"}, {"1e-4", "0.0001"}, {"9.9999e-5", "9.9999000000000003e-05"}, {"1e17", "1e+17"},
                {"1e16", "10000000000000000"}, {"4.9e-324", "4.9406564584124654e-324"}, {"1e300", "1.0000000000000001e+300"}, {"-2.5", "-2.5"},
                {"1.7976931348623157e308", "1.7976931348623157e+308"}, {"0.30000000000000004", "0.30000000000000004"},
                {"1.2345678901234568e17", "1.2345678901234568e+17"}, {"100", "100"}, {"1e-5", "1.0000000000000001e-05"}, {"0", "0"}, {"-0.0", "-0"}};
        for (String[] k : known) assertEquals(k[1], G17.format(Double.parseDouble(k[0])), k[0]);
    }

    @Test
    void everyDoubleRoundTripsInAtMostSeventeenDigits() {
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(bits -> {
            double v = Double.longBitsToDouble(bits);
            if (!Double.isFinite(v)) return;
            String s = G17.format(v);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(s)), s);
            String mantissa = s.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "").replaceFirst("^0+", "");
            assertTrue(mantissa.length() <= 17, s);
        });
        qt().withExamples(5_000).forAll(doubles().between(-1e6, 1e6)).checkAssert(v -> assertEquals(v, Double.parseDouble(G17.format(v))));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> G17.format(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> G17.format(Double.POSITIVE_INFINITY));
    }
}
