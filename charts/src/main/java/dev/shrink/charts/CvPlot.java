package dev.shrink.charts;

import java.util.Locale;

/**
 * The cross-validation curve as glmnet's {@code plot.cv.glmnet} draws it: the mean validation error at each penalty
 * (red dots) with ±1 standard error bars, against the log of the penalty; dotted vertical lines at the penalty with the
 * smallest error and at the strongest penalty within one standard error of it; the number of non-zero coefficients
 * on the top axis. Strong penalties (right) underfit, weak ones (left) overfit: the bias–variance trade-off.
 */
public final class CvPlot {
    private CvPlot() {}

    /**
     * @param title          the chart title
     * @param penaltyName    the symbol of the penalty strength for the x label, e.g. "λ", "α" or "1/C"
     * @param errorName      the y label, e.g. "mean squared error"
     * @param strengths      the penalty strength of each grid point (> 0; larger = stronger)
     * @param mean           mean validation error per grid point
     * @param standardError  its standard error
     * @param indexMin       the grid point with the smallest mean
     * @param index1se       the one-standard-error grid point
     * @param nonZero        non-zero coefficients per grid point, or null for no top axis
     */
    public static String svg(String title, String penaltyName, String errorName, double[] strengths, double[] mean, double[] standardError,
                             int indexMin, int index1se, int[] nonZero) {
        int k = strengths.length;
        if (mean.length != k || standardError.length != k) throw new IllegalArgumentException("strengths, mean and standardError differ in length");
        double[] logs = new double[k];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            logs[i] = Math.log(strengths[i]);
            if (!Double.isFinite(mean[i])) continue;
            double se = Double.isFinite(standardError[i]) ? standardError[i] : 0;
            lo = Math.min(lo, mean[i] - se);
            hi = Math.max(hi, mean[i] + se);
        }
        PenaltyAxes axes = new PenaltyAxes(logs, lo, hi, 40);
        StringBuilder svg = new StringBuilder();
        axes.open(svg, title, "log(" + penaltyName + ")", errorName);
        axes.nonZeroAxis(svg, logs, nonZero);
        choice(svg, axes, logs[indexMin], "min", penaltyName + " min");
        choice(svg, axes, logs[index1se], "1se", penaltyName + " 1se");
        svg.append("<g class=\"error-bars\" stroke=\"#999\">\n");
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(mean[i]) || !Double.isFinite(standardError[i])) continue;
            double x = axes.x(logs[i]);
            double top = axes.y(mean[i] + standardError[i]);
            double bottom = axes.y(mean[i] - standardError[i]);
            svg.append(String.format(Locale.ROOT, "<path class=\"error-bar\" d=\"M%.1f,%.1fV%.1fM%.1f,%.1fh6M%.1f,%.1fh6\"/>%n", x, top, bottom, x - 3, top, x - 3,
                    bottom));
        }
        svg.append("</g>\n<g class=\"means\" fill=\"#d62728\">\n");
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(mean[i])) continue;
            svg.append(String.format(Locale.ROOT, "<circle class=\"mean\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" data-index=\"%d\"><title>%s = %s: %s ± %s</title></circle>%n",
                    axes.x(logs[i]), axes.y(mean[i]), i, SvgChart.escape(penaltyName), Numbers.fourDigits(strengths[i]), Numbers.fourDigits(mean[i]),
                    Numbers.fourDigits(standardError[i])));
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    /** A dotted vertical line at a chosen penalty, labelled at its top. */
    private static void choice(StringBuilder svg, PenaltyAxes axes, double logPenalty, String kind, String label) {
        double x = axes.x(logPenalty);
        svg.append(String.format(Locale.ROOT, "<g class=\"choice-%s\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" "
                + "stroke-dasharray=\"2 3\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s</text></g>%n", kind, x, PenaltyAxes.TOP, x,
                PenaltyAxes.TOP + axes.plotHeight(), kind.equals("min") ? x - 3 : x + 3, PenaltyAxes.TOP + 14, kind.equals("min") ? "end" : "start",
                SvgChart.escape(label)));
    }
}
