package dev.shrink.charts;

import java.util.List;
import java.util.Locale;

/**
 * The category labels under a vertical chart, laid out so that no two overlap: side by side when every label fits
 * its band, otherwise in two staggered rows, otherwise upright (turned by −90°, one text line per band), and, when
 * even upright labels are too many for the width, only every k-th one.
 *
 * @param categories the labels, left to right
 * @param layout     how they are set
 * @param every      only every {@code every}-th label is drawn (1: all)
 * @param height     the height they take below the axis, in pixels
 */
record CategoryLabels(List<String> categories, Layout layout, int every, int height, int fontSize) {

    enum Layout { SIDE_BY_SIDE, STAGGERED, UPRIGHT }

    /** Space kept between neighbouring labels, in pixels. */
    static final double GAP = 6;

    static CategoryLabels layout(List<String> categories, double band, int fontSize) {
        double widest = 0;
        for (String c : categories) widest = Math.max(widest, TextWidth.of(c, fontSize));
        if (widest + GAP <= band) return new CategoryLabels(categories, Layout.SIDE_BY_SIDE, 1, fontSize + 14, fontSize);
        if (widest + GAP <= 2 * band) return new CategoryLabels(categories, Layout.STAGGERED, 1, 2 * fontSize + 18, fontSize);
        int every = (int) Math.ceil((fontSize + GAP) / band);
        return new CategoryLabels(categories, Layout.UPRIGHT, Math.max(1, every), (int) Math.ceil(widest) + 14, fontSize);
    }

    /** Writes the labels under an axis at {@code axisY}, category c centred at {@code left + band·(c + ½)}. */
    void draw(StringBuilder svg, int left, double band, int axisY) {
        for (int c = 0; c < categories.size(); c += every) {
            double x = left + band * (c + 0.5);
            String text = SvgChart.escape(categories.get(c));
            switch (layout) {
                case SIDE_BY_SIDE -> svg.append(String.format(Locale.ROOT,
                        "<text class=\"xtick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, axisY + 18, text));
                case STAGGERED -> svg.append(String.format(Locale.ROOT,
                        "<text class=\"xtick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                        axisY + 18 + (c % 2) * (fontSize + 4), text));
                case UPRIGHT -> {
                    // Right-aligned at the tick, turned by −90°: the text reads bottom to top and ends at the axis.
                    double y = axisY + 8;
                    double bx = x + fontSize / 2.0 - 2;
                    svg.append(String.format(Locale.ROOT,
                            "<text class=\"xtick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n",
                            bx, y, bx, y, text));
                }
            }
        }
    }
}
