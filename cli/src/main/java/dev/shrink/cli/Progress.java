package dev.shrink.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress report on stderr for work that takes more than a second: what is being done, how far (bytes of
 * a file) or for how long. Silent unless stderr is a terminal (the launcher says so with -Dshrink.stderr.terminal)
 * and --quiet is absent, so that pipes and logs never see carriage returns.
 */
final class Progress implements AutoCloseable {
    /** Set by the launcher when stderr is a terminal ({@code [ -t 2 ]}); Java cannot tell for stderr itself. */
    static final String TERMINAL_PROPERTY = "shrink.stderr.terminal";
    private static final long DELAY_MS = 1000;
    private static final long PERIOD_MS = 250;

    private final PrintStream err;
    private final boolean enabled;
    private final Thread ticker;
    private volatile String phase = "";
    private volatile long phaseStart = System.nanoTime();
    private volatile long total;
    private final AtomicLong done = new AtomicLong();
    private volatile boolean shown;
    private volatile boolean closed;

    Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet && Boolean.getBoolean(TERMINAL_PROPERTY);
        this.ticker = enabled ? Thread.ofPlatform().daemon().name("shrink-progress").start(this::tick) : null;
    }

    /** A new phase, e.g. "reading data.csv" (total > 0: bytes to go through) or "cross-validating lasso" (0). */
    void phase(String what, long totalBytes) {
        phase = what;
        total = totalBytes;
        done.set(0);
        phaseStart = System.nanoTime();
    }

    /** Bytes done so far in this phase. */
    void bytes(long count) {
        done.set(count);
    }

    private void tick() {
        try {
            Thread.sleep(DELAY_MS);
            while (!closed) {
                draw();
                Thread.sleep(PERIOD_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        if (closed) return;
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        String how = total > 0
                ? String.format(Locale.ROOT, "%3.0f%% of %.0f MB, %.0f MB/s", 100.0 * done.get() / total, total / 1e6, done.get() / 1e6 / Math.max(seconds, 1e-3))
                : String.format(Locale.ROOT, "%.0f s", seconds);
        err.print("\rshrink: " + phase + " … " + how + "\033[K");
        err.flush();
        shown = true;
    }

    /** Ends the progress line (the output that follows starts on a clean line). */
    synchronized void finish() {
        if (closed) return;
        closed = true;
        if (ticker != null) ticker.interrupt();
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    @Override
    public void close() {
        finish();
    }
}
