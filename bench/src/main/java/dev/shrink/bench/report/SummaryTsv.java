package dev.shrink.bench.report;

import dev.shrink.charts.Numbers;

import java.util.List;
import java.util.Locale;

/** {@code summary.tsv}: one row per measured value, tab-separated, with a fixed header. */
public final class SummaryTsv {
    private SummaryTsv() {}

    public static final String HEADER = "kernel\tshape\timplementation\tthreads\tvalue\tunit";

    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(clean(r.kernel())).append('\t')
                    .append(clean(r.shape())).append('\t')
                    .append(clean(r.implementation())).append('\t')
                    .append(r.threads()).append('\t')
                    .append(r.unit().equals("objective") ? objective(r.value()) : number(r.value())).append('\t')
                    .append(clean(r.unit())).append('\n');
        }
        return sb.toString();
    }

    /** Four significant digits without exponent for ordinary magnitudes ({@link Numbers#fourDigits}). */
    static String number(double v) {
        return Numbers.fourDigits(v);
    }

    /** Objective values keep 12 significant digits: sides are compared at 1e-8 relative and closer. */
    static String objective(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.12g", v) : Double.toString(v);
    }

    /** Tabs and line breaks inside a field would break the format. */
    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
