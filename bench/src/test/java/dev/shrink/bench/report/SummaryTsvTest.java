package dev.shrink.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryTsvTest {

    @Test
    void headerAndOneLinePerRow() {
        String tsv = SummaryTsv.format(List.of(
                new Row("gram", "20000x500", "vector-512", 1, 52.3, "GFLOP/s"),
                new Row("dot", "4096", "scalar", 1, 812.0, "ns"),
                new Row("ridge", "20000x500", "sklearn", 1, 0.01234, "s")));
        String[] lines = tsv.split("\n", -1);
        assertEquals("kernel\tshape\timplementation\tthreads\tvalue\tunit", lines[0]);
        assertEquals("gram\t20000x500\tvector-512\t1\t52.30\tGFLOP/s", lines[1]);
        assertEquals("dot\t4096\tscalar\t1\t812.0\tns", lines[2]);
        assertEquals("ridge\t20000x500\tsklearn\t1\t0.01234\ts", lines[3]);
        assertEquals("", lines[4], "ends with a newline");
        assertEquals(5, lines.length);
    }

    @Test
    void objectivesKeepTwelveDigits() {
        String tsv = SummaryTsv.format(List.of(new Row("ridge", "20000x500", "shrink", 1, 79029.33589531, "objective")));
        assertEquals("ridge\t20000x500\tshrink\t1\t79029.3358953\tobjective", tsv.split("\n")[1]);
    }

    @Test
    void everyLineHasSixFieldsEvenWithTabsInNames() {
        String tsv = SummaryTsv.format(List.of(new Row("a\tb", "1\n2", "x", 2, 1e20, "u")));
        for (String line : tsv.strip().split("\n")) assertEquals(6, line.split("\t", -1).length, line);
    }

    @Test
    void numbersKeepFourSignificantDigitsWithoutExponentInTheUsualRange() {
        assertEquals("52.30", SummaryTsv.number(52.3));
        assertEquals("1234.6", SummaryTsv.number(1234.56));
        assertEquals("0.5000", SummaryTsv.number(0.5));
        assertEquals("0", SummaryTsv.number(0));
        assertEquals("1.000e-09", SummaryTsv.number(1e-9));
        assertEquals("NaN", SummaryTsv.number(Double.NaN));
    }
}
