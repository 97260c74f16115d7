package dev.shrink.cli;

import dev.shrink.cli.data.DataReader;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.data.DataSpec;
import dev.shrink.solvers.Lasso;
import dev.shrink.solvers.LinearModel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The measurements behind the command line's speed claims (cli/parse-benchmark.sh runs them): a large numeric CSV is
 * generated, parsed by the same reader {@code ./shrink fit} uses, and a lasso is fitted on it in this JVM, each timed
 * by the wall clock and by this thread's CPU time (one core: the reader is single-threaded).
 *
 * <pre>
 *   generate FILE ROWS COLS            a CSV with a header x1 .. x(COLS−1), y: N(0,1) features with 7 decimals,
 *                                      y = x1 + … + x5 + N(0,1) noise (seed 1)
 *   parse-and-fit FILE ALPHA THREADS   one parse, then Lasso(alpha).fit on it; prints key=value lines
 * </pre>
 */
public final class ParseBenchmark {
    private ParseBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 4 && args[0].equals("parse-and-fit")) {
            parseAndFit(Path.of(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: ParseBenchmark generate FILE ROWS COLS | parse-and-fit FILE ALPHA THREADS");
            System.exit(2);
        }
    }

    /** Writes the benchmark CSV: ROWS data lines of COLS numbers under a header x1 .. x(COLS−1), y (seed 1). */
    public static void generate(Path file, int rows, int cols) throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        byte[] line = new byte[cols * 16 + 16];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (int j = 1; j < cols; j++) header.append('x').append(j).append(',');
            out.write(header.append("y\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < rows; i++) {
                int at = 0;
                double y = r.nextGaussian();
                for (int j = 1; j < cols; j++) {
                    double v = r.nextGaussian();
                    if (j <= 5) y += v;
                    at = fixed(v, line, at);
                    line[at++] = ',';
                }
                at = fixed(y, line, at);
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
    }

    /** v with 7 decimals (as printf("%.7f")), written into buf at {@code at}; returns the new end. */
    private static int fixed(double v, byte[] buf, int at) {
        long m = Math.round(Math.abs(v) * 1e7);
        if (v < 0 && m != 0) buf[at++] = '-';
        long whole = m / 10_000_000;
        long frac = m % 10_000_000;
        String w = Long.toString(whole);
        for (int k = 0; k < w.length(); k++) buf[at++] = (byte) w.charAt(k);
        buf[at++] = '.';
        for (long d = 1_000_000; d > 0; d /= 10) buf[at++] = (byte) ('0' + frac / d % 10);
        return at;
    }

    static void parseAndFit(Path file, double alpha, int threads) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long bytes = Files.size(file);
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        DataSet d = DataReader.read(new DataSpec(file, null, "y", null, null, null, null, true), b -> {});
        double parseWall = (System.nanoTime() - t0) / 1e9;
        double parseCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        long t1 = System.nanoTime();
        LinearModel m = Lasso.builder().alpha(alpha).threads(threads).build().fit(d.x(), d.target().values());
        double fitWall = (System.nanoTime() - t1) / 1e9;
        int nonZero = 0;
        for (double w : m.coef()) if (w != 0) nonZero++;
        System.out.printf(Locale.ROOT, "bytes=%d%nn=%d%np=%d%nparse_wall_s=%.3f%nparse_cpu_s=%.3f%nparse_MBps_wall=%.1f%nparse_MBps_cpu=%.1f%n"
                        + "fit_wall_s=%.3f%nnonzero=%d%nconverged=%s%n", bytes, d.n(), d.p(), parseWall, parseCpu, bytes / 1e6 / parseWall,
                bytes / 1e6 / parseCpu, fitWall, nonZero, m.convergence().converged());
    }
}
