package dev.shrink.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis fitted to the data: linear from zero (heights compare honestly) while the values stay within
 * {@value #LOG_SPAN}× of each other, logarithmic over whole decades when they span more, so that the smallest value is
 * still readable.
 *
 * @param low  the axis start (0 for linear axes, a power of ten for log axes)
 * @param high the axis end (a round number: 1, 2, 2.5 or 5 × 10^k on linear axes, a power of ten on log axes)
 * @param log  whether positions are logarithmic
 */
record Axis(double low, double high, boolean log) {

    /** Largest ratio of the largest to the smallest positive value still drawn on a linear axis. */
    static final double LOG_SPAN = 100;

    /** An axis that holds every finite value (and {@code reference}, when finite and positive). */
    static Axis fit(List<Double> values, double reference) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (Double.isFinite(reference) && reference > 0) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        if (max > 0 && max / min > LOG_SPAN) {
            return new Axis(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max) - 1e-12)), true);
        }
        return new Axis(0, niceCeiling(max), false);
    }

    /** A log axis for ratios around 1: whole decades, at least 0.1 … 10, wide enough for every value. */
    static Axis ratios(List<Double> values) {
        double lo = 0.1, hi = 10;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0) {
                lo = Math.min(lo, Math.pow(10, Math.floor(Math.log10(v))));
                hi = Math.max(hi, Math.pow(10, Math.ceil(Math.log10(v) - 1e-12)));
            }
        }
        return new Axis(lo, hi, true);
    }

    /** Where v sits between the axis ends, 0 … 1 (values outside are clamped; non-positive values sit at 0 on log axes). */
    double fraction(double v) {
        double f;
        if (log) {
            f = v <= 0 ? 0 : (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        } else {
            f = high <= low ? 0 : (v - low) / (high - low);
        }
        return Math.max(0, Math.min(1, f));
    }

    /** Tick values: five equal steps on linear axes; every decade on log axes (with 2 and 5 between when few decades). */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (!log) {
            for (int t = 0; t <= 5; t++) ticks.add(low + (high - low) * t / 5);
            return ticks;
        }
        int first = (int) Math.round(Math.log10(low)), last = (int) Math.round(Math.log10(high));
        boolean between = last - first <= 2;
        for (int e = first; e <= last; e++) {
            double decade = Math.pow(10, e);
            ticks.add(decade);
            if (between && e < last) {
                ticks.add(2 * decade);
                ticks.add(5 * decade);
            }
        }
        return ticks;
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ v (1 for v ≤ 0): round axis ends. */
    static double niceCeiling(double v) {
        if (!(v > 0)) return 1;
        double scale = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * scale >= v * (1 - 1e-12)) return m * scale;
        return 10 * scale;
    }
}
