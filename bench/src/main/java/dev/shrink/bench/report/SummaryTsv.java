package dev.shrink.bench.report;

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

    /** Four significant digits without exponent for ordinary magnitudes: 52.3 → "52.30", 812 → "812.0", 0.0123 → "0.01230". */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1e15 || a < 1e-6) return String.format(Locale.ROOT, "%.4g", v);
        if (a >= 1000) return String.format(Locale.ROOT, "%.1f", v);
        int decimals = 3 - (int) Math.floor(Math.log10(a));
        return String.format(Locale.ROOT, "%." + Math.max(1, decimals) + "f", v);
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
