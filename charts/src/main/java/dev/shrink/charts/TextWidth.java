package dev.shrink.charts;

/**
 * A width estimate for a line of sans-serif text, used to lay out labels before any browser has measured them.
 * Per-character widths are those of common sans-serif faces (DejaVu Sans, Arial) rounded up, so that the estimate errs
 * wide: labels laid out with it do not touch when rendered.
 */
final class TextWidth {
    private TextWidth() {}

    /** Estimated width in pixels of {@code text} at {@code fontSize} pixels. */
    static double of(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) em += em(text.charAt(i));
        return em * fontSize;
    }

    private static double em(char c) {
        if ("il.,:;'|!Ii[]()".indexOf(c) >= 0) return 0.34;
        if ("frtj -/".indexOf(c) >= 0) return 0.42;
        if ("mwMW@%".indexOf(c) >= 0) return 1.0;
        if (Character.isUpperCase(c) || "×→≥≤=+<>~".indexOf(c) >= 0) return 0.84;
        return 0.64;
    }
}
