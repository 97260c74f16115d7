package dev.shrink.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Self-contained inline SVG charts for the HTML report and the command line: lines over categorical sizes
 * (throughput against size, one line per implementation, all on the same axes), grouped vertical bars, horizontal bars
 * (one measurement per row, long labels on the left, an annotation after each bar) and ratio bars (speed-ups around
 * 1×, on a log axis).
 *
 * <p>Axes are fitted to the data ({@link Axis}): linear from zero so that heights compare honestly, logarithmic when
 * the values span more than two decades. Category labels are laid out so that they never overlap: side by side when
 * they fit, in two staggered rows, else turned upright. An optional dashed reference line marks e.g. the measured peak.
 */
public final class SvgChart {
    private SvgChart() {}

    /** One line or one bar colour: values aligned with the chart's categories; NaN where there is no measurement. */
    public record Series(String name, double[] values) {}

    /**
     * One row of a horizontal bar chart.
     *
     * @param label      the row's name, left of the axis
     * @param value      the bar's length (NaN: no bar, the annotation still shows)
     * @param colourKey  picks the colour: an implementation name known to the chart ({@code shrink}, {@code sklearn} …)
     *                   or any other text (a palette colour)
     * @param annotation text after the bar's end (may be empty)
     * @param muted      drawn pale: a row that is shown but not the one that counts
     */
    public record Bar(String label, double value, String colourKey, String annotation, boolean muted) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 340;
    static final int LEFT = 70;
    static final int RIGHT = 180;
    static final int TOP = 36;
    static final int BOTTOM = 56;
    static final int FONT = 12;
    /** Height of one row of a horizontal bar chart, and the bar's thickness. */
    static final int ROW = 22;
    static final int BAR = 14;
    /** Width of a horizontal bar chart, unless its labels need more; its plot area is at least MIN_PLOT wide. */
    static final int ROWS_WIDTH = 960;
    static final int MIN_PLOT = 360;

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("scalar", "#7f7f7f"), Map.entry("vector-128", "#9ecae1"), Map.entry("vector-256", "#4292c6"),
            Map.entry("vector-512", "#08306b"), Map.entry("vector", "#2171b5"), Map.entry("shrink", "#2171b5"),
            Map.entry("openblas-Haswell", "#fd8d3c"), Map.entry("openblas-SkylakeX", "#d62728"),
            Map.entry("openblas", "#e6550d"), Map.entry("ejml", "#2ca02c"), Map.entry("sklearn", "#9467bd"),
            Map.entry("glmnet", "#8c564b"), Map.entry("faster", "#2ca02c"), Map.entry("slower", "#d62728"));
    private static final String[] PALETTE = {"#17becf", "#bcbd22", "#e377c2", "#1f77b4", "#ff7f0e", "#8c6d31"};

    /** A line chart: x = categories in the given order, y = values; {@code reference} ≤ 0 or NaN draws no reference line. */
    public static String lines(String title, String yLabel, List<String> categories, List<Series> series,
                               double reference, String referenceLabel) {
        return chart(title, yLabel, categories, series, reference, referenceLabel, false);
    }

    /** A grouped bar chart: one group per category, one bar per series. */
    public static String bars(String title, String yLabel, List<String> categories, List<Series> series) {
        return chart(title, yLabel, categories, series, Double.NaN, null, true);
    }

    /**
     * Horizontal bars, one row per {@link Bar}, on a value axis fitted to the data (and to {@code reference}, drawn as
     * a dashed vertical line when finite and positive).
     */
    public static String horizontalBars(String title, String valueLabel, List<Bar> bars, double reference,
                                        String referenceLabel) {
        List<Double> values = new ArrayList<>();
        for (Bar b : bars) values.add(b.value());
        Axis axis = Axis.fit(values, reference);
        return rows(title, valueLabel, bars, axis, reference, referenceLabel, false);
    }

    /**
     * Ratio bars on a log axis around 1×: each bar runs from 1 to its value, green above 1 (shrink faster), red below;
     * the line at 1 is labelled {@code oneLabel}.
     */
    public static String ratioBars(String title, String valueLabel, List<Bar> bars, String oneLabel) {
        List<Double> values = new ArrayList<>();
        for (Bar b : bars) values.add(b.value());
        return rows(title, valueLabel, bars, Axis.ratios(values), 1, oneLabel, true);
    }

    // ---- vertical charts (lines, grouped bars) ----

    private static String chart(String title, String yLabel, List<String> categories, List<Series> series,
                                double reference, String referenceLabel, boolean bars) {
        List<Double> values = new ArrayList<>();
        for (Series s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories");
            }
            for (double v : s.values()) values.add(v);
        }
        Axis axis = Axis.fit(values, reference);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int k = Math.max(1, categories.size());
        double band = (double) plotW / k;
        CategoryLabels labels = CategoryLabels.layout(categories, band, FONT);
        int legendH = 18 * series.size() + 8;
        int height = TOP + Math.max(plotH, legendH) + labels.height() + 24;

        StringBuilder svg = open(WIDTH, height, title);
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\" stroke=\"#333\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n",
                LEFT, TOP, LEFT, TOP + plotH, LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        for (double v : axis.ticks()) {
            double y = TOP + plotH * (1 - axis.fraction(v));
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text class=\"ytick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, tick(v)));
        }
        labels.draw(svg, LEFT, band, TOP + plotH);
        String yText = yLabel + (axis.log() ? " (log scale)" : "");
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, escape(yText)));
        if (Double.isFinite(reference) && reference > 0) {
            double y = TOP + plotH * (1 - axis.fraction(reference));
            svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                            + "stroke=\"#000\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\">%s</text>%n",
                    LEFT, y, LEFT + plotW, y, LEFT + 4, y - 4, escape(referenceLabel == null ? "" : referenceLabel)));
        }
        for (int s = 0; s < series.size(); s++) {
            Series ser = series.get(s);
            String colour = colour(ser.name(), s);
            svg.append("<g class=\"series\" data-name=\"").append(escape(ser.name())).append("\">\n");
            if (bars) {
                double barW = band * 0.8 / Math.max(1, series.size());
                for (int c = 0; c < categories.size(); c++) {
                    double v = ser.values()[c];
                    if (!Double.isFinite(v)) continue;
                    double x = LEFT + band * c + band * 0.1 + barW * s;
                    double y = TOP + plotH * (1 - axis.fraction(v));
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                                    + "data-value=\"%s\"><title>%s, %s: %s</title></rect>%n",
                            x, y, barW, TOP + plotH - y, colour, number(v), escape(ser.name()), escape(categories.get(c)), number(v)));
                }
            } else {
                StringBuilder points = new StringBuilder();
                StringBuilder marks = new StringBuilder();
                for (int c = 0; c < categories.size(); c++) {
                    double v = ser.values()[c];
                    if (!Double.isFinite(v)) continue;
                    double x = LEFT + band * (c + 0.5);
                    double y = TOP + plotH * (1 - axis.fraction(v));
                    if (!points.isEmpty()) points.append(' ');
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                    marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" data-value=\"%s\">"
                            + "<title>%s, %s: %s</title></circle>%n", x, y, colour, number(v), escape(ser.name()),
                            escape(categories.get(c)), number(v)));
                }
                if (!points.isEmpty()) {
                    svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                            .append(points).append("\"/>\n");
                }
                svg.append(marks);
            }
            svg.append("</g>\n");
            double ly = TOP + 8 + 18 * s;
            svg.append(String.format(Locale.ROOT, "<g class=\"legend\"><rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text class=\"legend-label\" x=\"%d\" y=\"%.1f\">%s</text></g>%n", LEFT + plotW + 14, ly - 10, colour,
                    LEFT + plotW + 32, ly, escape(ser.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    // ---- horizontal rows (bars, ratio bars) ----

    private static String rows(String title, String valueLabel, List<Bar> bars, Axis axis, double reference,
                               String referenceLabel, boolean ratios) {
        double labelW = 0, noteW = 0;
        for (Bar b : bars) {
            labelW = Math.max(labelW, TextWidth.of(b.label(), FONT));
            noteW = Math.max(noteW, TextWidth.of(b.annotation(), FONT - 1));
        }
        int left = (int) Math.ceil(Math.max(labelW, 40)) + 16;
        int right = (int) Math.ceil(noteW) + 16;
        int width = Math.max(ROWS_WIDTH, left + MIN_PLOT + right);
        int plotW = width - left - right;
        int top = TOP + 8;
        int plotH = Math.max(1, bars.size()) * ROW;
        int height = top + plotH + 48;

        StringBuilder svg = open(width, height, title);
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        for (double v : axis.ticks()) {
            double x = left + plotW * axis.fraction(v);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text class=\"xtick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, top, x, top + plotH, x, top + plotH + 16, tick(v) + (ratios ? "×" : "")));
        }
        double zero = left + plotW * axis.fraction(ratios ? 1 : axis.low());
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\" stroke=\"#333\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n",
                left, top + plotH, left + plotW, top + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                left + plotW / 2.0, top + plotH + 36, escape(valueLabel + (axis.log() ? " (log scale)" : ""))));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + ROW * i + (ROW - BAR) / 2.0;
            double baseline = y + BAR / 2.0 + FONT / 2.0 - 2;
            svg.append(String.format(Locale.ROOT, "<text class=\"bar-label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 8, baseline, escape(b.label())));
            double end = zero;
            if (Double.isFinite(b.value()) && (b.value() > 0 || !axis.log())) {
                double x = left + plotW * axis.fraction(b.value());
                double from = Math.min(zero, x), to = Math.max(zero, x);
                String key = ratios ? (b.value() >= 1 ? "faster" : "slower") : b.colourKey();
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                                + "fill=\"%s\"%s data-value=\"%s\"><title>%s: %s</title></rect>%n", from, y, Math.max(1, to - from),
                        BAR, colour(key, i), b.muted() ? " fill-opacity=\"0.35\"" : "", number(b.value()), escape(b.label()),
                        number(b.value())));
                end = Math.max(zero, x);
            }
            if (!b.annotation().isEmpty()) {
                // After the bar, or after the line at 1 for ratio bars that end left of it; always inside the chart.
                double x = Math.min(Math.max(end, ratios ? zero : end) + 6, width - TextWidth.of(b.annotation(), FONT - 1) - 4);
                svg.append(String.format(Locale.ROOT, "<text class=\"bar-note\" x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s>%s</text>%n",
                        x, baseline, FONT - 1, b.muted() ? " fill=\"#777\"" : "", escape(b.annotation())));
            }
        }
        if (Double.isFinite(reference) && reference > 0) {
            double x = left + plotW * axis.fraction(reference);
            svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
                            + "stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    x, top - 4, x, top + plotH, x, top - 7, escape(referenceLabel == null ? "" : referenceLabel)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"%d\" role=\"img\">%n", width, height, width, height, FONT));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        return svg;
    }

    /** y pixel of a value on a linear axis from 0 (bottom) to {@code top}, with the default plot height. */
    static double yOf(double v, double top, int plotH) {
        return TOP + plotH - (top <= 0 ? 0 : v / top * plotH);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ v (1 for v ≤ 0): round axis ends. */
    static double niceCeiling(double v) {
        return Axis.niceCeiling(v);
    }

    static String colour(String name, int index) {
        String c = COLOURS.get(name);
        return c != null ? c : PALETTE[index % PALETTE.length];
    }

    /** An axis tick: integers as integers, ordinary magnitudes with few digits, very large or small ones as 1e6. */
    static String tick(double v) {
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e6) return Long.toString((long) v);
        if (a >= 1e-3 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.3f", v);
            return s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        String s = String.format(Locale.ROOT, "%.0e", v);   // 1e+06, 1e-04
        return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }

    private static String number(double v) {
        return Numbers.fourDigits(v);
    }

    /** Text made safe for XML and HTML: &amp;, &lt;, &gt;, &quot;. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
