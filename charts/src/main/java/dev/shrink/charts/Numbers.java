package dev.shrink.charts;

import java.util.Locale;

/** How numbers are written in charts and tables: short, fixed-point for ordinary magnitudes, locale-independent. */
public final class Numbers {
    private Numbers() {}

    /** Four significant digits without exponent for ordinary magnitudes: 52.3 → "52.30", 812 → "812.0", 0.0123 → "0.01230". */
    public static String fourDigits(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1e15 || a < 1e-6) return String.format(Locale.ROOT, "%.4g", v);
        if (a >= 1000) return String.format(Locale.ROOT, "%.1f", v);
        int decimals = 3 - (int) Math.floor(Math.log10(a));
        return String.format(Locale.ROOT, "%." + Math.max(1, decimals) + "f", v);
    }
}
