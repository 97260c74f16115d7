package dev.shrink.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The coefficient path as glmnet's {@code plot.glmnet(xvar = "lambda")} draws it: one line per coefficient against
 * the log of the penalty, the number of non-zero coefficients on the top axis, and (beside the plot) the names of the
 * largest coefficients at the weakest penalty, in the order their lines end there.
 */
public final class PathPlot {
    private PathPlot() {}

    /** Ten distinguishable colours (Tableau 10), cycled over the coefficients. */
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#bab0ac"};
    private static final int LEGEND_ROWS = 14;

    /**
     * @param title        the chart title
     * @param penaltyName  the penalty's symbol for the x label, e.g. "λ" or "α"
     * @param penalties    the penalty values (> 0), one per path point
     * @param coefs        {@code coefs[k][j]}: coefficient j at point k
     * @param names        the coefficient names (features)
     */
    public static String svg(String title, String penaltyName, double[] penalties, double[][] coefs, List<String> names) {
        int k = penalties.length;
        if (coefs.length != k) throw new IllegalArgumentException(coefs.length + " coefficient rows for " + k + " penalties");
        int p = names.size();
        double[] logs = new double[k];
        int[] nonZero = new int[k];
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < k; i++) {
            if (coefs[i].length != p) throw new IllegalArgumentException("row " + i + " has " + coefs[i].length + " coefficients for " + p + " names");
            logs[i] = Math.log(penalties[i]);
            for (double v : coefs[i]) {
                if (v != 0) nonZero[i]++;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        PenaltyAxes axes = new PenaltyAxes(logs, lo, hi, 170);
        StringBuilder svg = new StringBuilder();
        axes.open(svg, title, "log(" + penaltyName + ")", "coefficients");
        axes.nonZeroAxis(svg, logs, nonZero);
        svg.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>%n",
                PenaltyAxes.LEFT, axes.y(0), axes.plotRight(), axes.y(0)));
        int weakest = indexOfWeakest(penalties);
        svg.append("<g class=\"paths\" fill=\"none\" stroke-width=\"1.5\">\n");
        for (int j = 0; j < p; j++) {
            boolean any = false;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < k; i++) {
                any |= coefs[i][j] != 0;
                if (!points.isEmpty()) points.append(' ');
                points.append(String.format(Locale.ROOT, "%.1f,%.1f", axes.x(logs[i]), axes.y(coefs[i][j])));
            }
            if (!any) continue; // zero at every penalty: it would lie on the zero line
            svg.append(String.format(Locale.ROOT, "<polyline class=\"coef\" data-feature=\"%s\" stroke=\"%s\" points=\"%s\"><title>%s</title></polyline>%n",
                    SvgChart.escape(names.get(j)), colour(j), points, SvgChart.escape(names.get(j))));
        }
        svg.append("</g>\n");
        legend(svg, axes, coefs[weakest], names);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The largest coefficients at the weakest penalty, listed top to bottom in the order of their values. */
    private static void legend(StringBuilder svg, PenaltyAxes axes, double[] end, List<String> names) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < end.length; j++) if (end[j] != 0) order.add(j);
        order.sort(Comparator.comparingDouble(j -> -Math.abs(end[j])));
        List<Integer> shown = new ArrayList<>(order.subList(0, Math.min(LEGEND_ROWS, order.size())));
        shown.sort(Comparator.comparingDouble(j -> -end[j]));
        svg.append("<g class=\"legend\">\n");
        int x = axes.plotRight() + 12;
        for (int r = 0; r < shown.size(); r++) {
            int j = shown.get(r);
            int y = PenaltyAxes.TOP + 10 + 18 * r;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 4, x + 16, y - 4, colour(j), x + 22, y, SvgChart.escape(shorten(names.get(j)))));
        }
        if (order.size() > shown.size()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">and %d more</text>%n", x,
                    PenaltyAxes.TOP + 10 + 18 * shown.size(), order.size() - shown.size()));
        }
        svg.append("</g>\n");
    }

    private static int indexOfWeakest(double[] penalties) {
        int w = 0;
        for (int i = 1; i < penalties.length; i++) if (penalties[i] < penalties[w]) w = i;
        return w;
    }

    private static String colour(int j) {
        return COLOURS[j % COLOURS.length];
    }

    private static String shorten(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }
}
