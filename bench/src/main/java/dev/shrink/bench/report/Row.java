package dev.shrink.bench.report;

/**
 * One line of {@code summary.tsv}: one measured value.
 *
 * @param kernel         what was measured: a kernel ({@code gram}, {@code dot}, …), {@code peak}, or a solver workload
 * @param shape          problem size: {@code 4096}, {@code 20000x500}, {@code 20000x500-column}, …
 * @param implementation {@code scalar}, {@code vector-256}, {@code openblas-SkylakeX}, {@code ejml}, {@code sklearn}, …
 * @param threads        threads the measurement used
 * @param value          the number
 * @param unit           {@code ns}, {@code ms}, {@code GFLOP/s}, {@code s}, {@code objective}, …
 * @param relativeError  JMH's 99.9 % error over the score (NaN when unknown or not a JMH number)
 */
public record Row(String kernel, String shape, String implementation, int threads, double value, String unit,
                  double relativeError) {

    /** Errors above this share of the score are flagged in the report. */
    public static final double WIDE_ERROR = 0.10;

    public Row(String kernel, String shape, String implementation, int threads, double value, String unit) {
        this(kernel, shape, implementation, threads, value, unit, Double.NaN);
    }

    public boolean wideError() {
        return relativeError > WIDE_ERROR;
    }
}
