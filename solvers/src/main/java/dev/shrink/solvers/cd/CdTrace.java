package dev.shrink.solvers.cd;

import java.util.Locale;

/**
 * Counters and phase timers of coordinate descent for profiling (on with {@code -Dshrink.cdtrace=true}; off, every
 * call is a test of a constant): one line per solve on stderr and the totals at exit.
 */
final class CdTrace {
    private CdTrace() {}

    static final boolean ON = Boolean.getBoolean("shrink.cdtrace");
    /** Solves left out of the totals (a probe's warm-up), and whether each solve prints its line. */
    private static final long WARMUP = Long.getLong("shrink.cdtrace.warmup", 0);
    private static final boolean LINES = Boolean.getBoolean("shrink.cdtrace.lines");
    private static long solves;

    /** The phases whose time is measured. */
    enum Phase { START, SWEEP, NEWTON, SET_GAP, CHECK, SCREEN, EXTRAPOLATE }

    enum Count { SOLVES, SWEEPS, CHECKS, NEWTON, REFRESHED, APPROXIMATED, APPROXIMATION_SHORT, SET_COORDINATES, INITIAL_SET, NONZERO, EXTRAPOLATED_WINS }

    private static final long[] nanos = new long[Phase.values().length];
    private static final long[] counts = new long[Count.values().length];
    private static final long[] solveCounts = new long[Count.values().length];
    private static final long[] solveNanos = new long[Phase.values().length];
    /** Entries of X read (column dots and axpys), booked on the phase that read them. */
    private static final long[] entries = new long[Phase.values().length];
    private static final long[] solveEntries = new long[Phase.values().length];
    private static long pendingEntries;
    private static long mark;

    static {
        if (ON) Runtime.getRuntime().addShutdownHook(new Thread(CdTrace::totals));
    }

    /** Starts timing (the time until the next {@link #end} is booked on its phase). */
    static void begin() {
        if (ON) mark = System.nanoTime();
    }

    static void end(Phase phase) {
        if (!ON) return;
        long t = System.nanoTime();
        solveNanos[phase.ordinal()] += t - mark;
        solveEntries[phase.ordinal()] += pendingEntries;
        pendingEntries = 0;
        mark = t;
    }

    /** A column operation read {@code count} entries of X (booked on the phase that ends next). */
    static void read(long count) {
        if (ON) pendingEntries += count;
    }

    static void add(Count c, long v) {
        if (ON) solveCounts[c.ordinal()] += v;
    }

    /** Prints the solve's line and adds it to the totals. */
    static void solved(double l1, int sweeps, double gap, int screened) {
        if (!ON) return;
        solveCounts[Count.SOLVES.ordinal()] = 1;
        solveCounts[Count.SWEEPS.ordinal()] = sweeps;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "l1=%.4g gap=%.3g screened=%d", l1, gap, screened));
        for (Count c : Count.values()) {
            if (c != Count.SOLVES) b.append(' ').append(c.name().toLowerCase(Locale.ROOT)).append('=').append(solveCounts[c.ordinal()]);
            counts[c.ordinal()] += solveCounts[c.ordinal()];
            solveCounts[c.ordinal()] = 0;
        }
        for (Phase p : Phase.values()) {
            b.append(String.format(Locale.ROOT, " %s=%.2fms/%d", p.name().toLowerCase(Locale.ROOT), solveNanos[p.ordinal()] / 1e6, solveEntries[p.ordinal()]));
            nanos[p.ordinal()] += solveNanos[p.ordinal()];
            solveNanos[p.ordinal()] = 0;
            entries[p.ordinal()] += solveEntries[p.ordinal()];
            solveEntries[p.ordinal()] = 0;
        }
        if (LINES) System.err.println(b);
        if (++solves == WARMUP) reset();
    }

    private static void totals() {
        StringBuilder b = new StringBuilder("cd totals:");
        for (Count c : Count.values()) b.append(' ').append(c.name().toLowerCase(Locale.ROOT)).append('=').append(counts[c.ordinal()]);
        for (Phase p : Phase.values()) b.append(String.format(Locale.ROOT, " %s=%.1fms", p.name().toLowerCase(Locale.ROOT), nanos[p.ordinal()] / 1e6));
        b.append(" | entries read:");
        for (Phase p : Phase.values()) b.append(' ').append(p.name().toLowerCase(Locale.ROOT)).append('=').append(entries[p.ordinal()]);
        System.err.println(b);
    }

    /** Zeroes the totals (a probe's warm-up runs). */
    static void reset() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(entries, 0);
    }
}
