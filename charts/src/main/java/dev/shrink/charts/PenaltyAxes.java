package dev.shrink.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frame that glmnet's {@code plot.glmnet} and {@code plot.cv.glmnet} share: x is the natural log of the penalty
 * (stronger penalties to the right), y is linear, a box around the plot, and a top axis that shows the number of
 * non-zero coefficients at some of the grid's penalties. Maps data to pixels and writes the frame's SVG.
 */
final class PenaltyAxes {
    static final int WIDTH = 760;
    static final int HEIGHT = 480;
    static final int LEFT = 76;
    static final int TOP = 70;
    static final int BOTTOM = 56;

    private final int right;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /**
     * @param logPenalties the x values (natural logs of the penalties), any order
     * @param yLow         the smallest y value to show
     * @param yHigh        the largest y value to show
     * @param right        the right margin in pixels (room for a legend)
     */
    PenaltyAxes(double[] logPenalties, double yLow, double yHigh, int right) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : logPenalties) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        double xPad = (hi - lo) * 0.03;
        this.xMin = lo - xPad;
        this.xMax = hi + xPad;
        if (!(yLow <= yHigh) || !Double.isFinite(yLow) || !Double.isFinite(yHigh)) {
            yLow = 0;
            yHigh = 1;
        }
        if (yHigh - yLow < 1e-300 * Math.max(1, Math.abs(yHigh))) {
            double d = Math.max(Math.abs(yHigh) * 0.1, 1e-12);
            yLow -= d;
            yHigh += d;
        }
        double yPad = (yHigh - yLow) * 0.04;
        this.yMin = yLow - yPad;
        this.yMax = yHigh + yPad;
        this.right = right;
    }

    int plotWidth() {
        return WIDTH - LEFT - right;
    }

    int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    int plotRight() {
        return LEFT + plotWidth();
    }

    /** Pixel x of a log penalty. */
    double x(double logPenalty) {
        return LEFT + (logPenalty - xMin) / (xMax - xMin) * plotWidth();
    }

    /** Pixel y of a value. */
    double y(double value) {
        return TOP + (yMax - value) / (yMax - yMin) * plotHeight();
    }

    /** The opening of the document: background, title, box, both axes with ticks and labels. */
    void open(StringBuilder svg, String title, String xLabel, String yLabel) {
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(SvgChart.escape(title)).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, SvgChart.escape(title)));
        svg.append("<g class=\"x-axis\">\n");
        for (double t : ticks(xMin, xMax, 8)) {
            double px = x(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, TOP + plotHeight(), px, TOP + plotHeight() + 5,
                    px, TOP + plotHeight() + 19, label(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n</g>%n",
                LEFT + plotWidth() / 2.0, HEIGHT - 12, SvgChart.escape(xLabel)));
        svg.append("<g class=\"y-axis\">\n");
        for (double t : ticks(yMin, yMax, 7)) {
            double py = y(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>"
                    + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 5, py, LEFT, py, LEFT + 1, py, plotRight() - 1, py,
                    LEFT - 8, py + 4, label(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" transform=\"rotate(-90 18 %.1f)\" text-anchor=\"middle\">%s</text>%n</g>%n",
                TOP + plotHeight() / 2.0, TOP + plotHeight() / 2.0, SvgChart.escape(yLabel)));
        svg.append(String.format(Locale.ROOT, "<rect class=\"box\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, TOP, plotWidth(), plotHeight()));
    }

    /**
     * The top axis: the number of non-zero coefficients at up to ~10 of the grid's penalties, evenly spread by index
     * (glmnet's {@code axis(3, ...)} with {@code nzero}).
     */
    void nonZeroAxis(StringBuilder svg, double[] logPenalties, int[] nonZero) {
        if (nonZero == null) return;
        svg.append("<g class=\"top-axis\">\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">non-zero coefficients</text>%n",
                LEFT + plotWidth() / 2.0, TOP - 26));
        int k = logPenalties.length;
        int shown = Math.min(k, 10);
        double lastX = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < shown; s++) {
            int i = shown == 1 ? 0 : (int) Math.round((double) s * (k - 1) / (shown - 1));
            double px = x(logPenalties[i]);
            if (Math.abs(px - lastX) < 22) continue; // keep the labels apart
            lastX = px;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
                    + "<text class=\"nonzero\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" data-index=\"%d\">%d</text>%n",
                    px, TOP, px, TOP - 5, px, TOP - 9, i, nonZero[i]));
        }
        svg.append("</g>\n");
    }

    /** Round tick values (1, 2, 2.5 or 5 × 10^k apart) inside [lo, hi], about {@code target} of them. */
    static List<Double> ticks(double lo, double hi, int target) {
        List<Double> out = new ArrayList<>();
        double range = hi - lo;
        if (!(range > 0) || !Double.isFinite(range)) return out;
        double rough = range / Math.max(1, target - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = 10 * magnitude;
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * magnitude >= rough) {
                step = m * magnitude;
                break;
            }
        }
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** A tick label: integers as integers, others with up to four significant digits and no trailing zeros. */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = Numbers.fourDigits(v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
