package dev.shrink.charts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Self-contained inline SVG charts for the HTML report: lines over categorical sizes (throughput against size, one
 * line per implementation, all on the same axes) and grouped bars (solver times). The y axis starts at zero so that
 * heights compare honestly; an optional dashed reference line marks the measured peak.
 */
public final class SvgChart {
    private SvgChart() {}

    /** One line or one bar colour: values aligned with the chart's categories; NaN where there is no measurement. */
    public record Series(String name, double[] values) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 340;
    static final int LEFT = 70;
    static final int RIGHT = 180;
    static final int TOP = 36;
    static final int BOTTOM = 56;

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("scalar", "#7f7f7f"), Map.entry("vector-128", "#9ecae1"), Map.entry("vector-256", "#4292c6"),
            Map.entry("vector-512", "#08306b"), Map.entry("vector", "#2171b5"), Map.entry("shrink", "#2171b5"),
            Map.entry("openblas-Haswell", "#fd8d3c"), Map.entry("openblas-SkylakeX", "#d62728"),
            Map.entry("openblas", "#e6550d"), Map.entry("ejml", "#2ca02c"), Map.entry("sklearn", "#9467bd"),
            Map.entry("glmnet", "#8c564b"));
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

    private static String chart(String title, String yLabel, List<String> categories, List<Series> series,
                                double reference, String referenceLabel, boolean bars) {
        for (Series s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories");
            }
        }
        double max = Double.isFinite(reference) && reference > 0 ? reference : 0;
        for (Series s : series) for (double v : s.values()) if (Double.isFinite(v)) max = Math.max(max, v);
        double top = niceCeiling(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int k = Math.max(1, categories.size());
        double band = (double) plotW / k;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        // Axes, grid and ticks.
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\" stroke=\"#333\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>%n",
                LEFT, TOP, LEFT, TOP + plotH, LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        for (int t = 0; t <= 5; t++) {
            double v = top * t / 5;
            double y = yOf(v, top, plotH);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text class=\"ytick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, tick(v)));
        }
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + band * (c + 0.5);
            svg.append(String.format(Locale.ROOT, "<text class=\"xtick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + plotH + 18, escape(categories.get(c))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        if (Double.isFinite(reference) && reference > 0) {
            double y = yOf(reference, top, plotH);
            svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                            + "stroke=\"#000\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\">%s</text>%n",
                    LEFT, y, LEFT + plotW, y, LEFT + 4, y - 4, escape(referenceLabel == null ? "" : referenceLabel)));
        }
        // Data.
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
                    double y = yOf(v, top, plotH);
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
                    double y = yOf(v, top, plotH);
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
                    + "<text x=\"%d\" y=\"%.1f\">%s</text></g>%n", LEFT + plotW + 14, ly - 10, colour, LEFT + plotW + 32, ly,
                    escape(ser.name())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** y pixel of a value on an axis from 0 (bottom) to {@code top}. */
    static double yOf(double v, double top, int plotH) {
        return TOP + plotH - (top <= 0 ? 0 : v / top * plotH);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ v (1 for v ≤ 0): round axis ends. */
    static double niceCeiling(double v) {
        if (!(v > 0)) return 1;
        double scale = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * scale >= v * (1 - 1e-12)) return m * scale;
        return 10 * scale;
    }

    static String colour(String name, int index) {
        String c = COLOURS.get(name);
        return c != null ? c : PALETTE[index % PALETTE.length];
    }

    private static String tick(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Numbers.fourDigits(v);
    }

    private static String number(double v) {
        return Numbers.fourDigits(v);
    }

    /** Text made safe for XML and HTML: &amp;, &lt;, &gt;, &quot;. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
