package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The residual sum of squares from statistics alone, against a pass over the rows. */
class SufficientStatsTest {

    /**
     * Bound: every term of Σsy² − 2bΣsy + b²Σs − 2wᵀ(c − bΣsx) + wᵀGw carries a relative rounding error of at most
     * about (n + p)·ε, and each is at most M = Σsᵢ(|yᵢ| + |b| + Σⱼ|xᵢⱼwⱼ|)² in magnitude, so |error| ≤ 6·(n + p)·ε·M.
     */
    @Test
    void residualSumOfSquaresMatchesTheRows() {
        qt().withExamples(300).forAll(integers().between(1, 40), integers().between(1, 30), integers().between(0, 100), longs().all())
                .checkAssert((n, p, density, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double shift = (seed & 1) == 0 ? 0 : 50;            // off-centre columns: large raw sums
                    double scale = Math.pow(10, r.nextInt(-100, 101));  // extreme magnitudes
                    double[] x = new double[n * p];
                    for (int i = 0; i < x.length; i++) x[i] = scale * (r.nextGaussian() + shift);
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) y[i] = scale * (r.nextGaussian() * 10 + shift);
                    double[] s = (seed & 2) == 0 ? null : new double[n];
                    if (s != null) for (int i = 0; i < n; i++) s[i] = r.nextDouble() * 3;
                    double[] w = new double[p];
                    for (int j = 0; j < p; j++) if (r.nextInt(100) < density) w[j] = r.nextGaussian();
                    double b = scale * r.nextGaussian() * 5;
                    SufficientStats st = SufficientStats.of(Design.rowMajor(x, n, p), y, s);
                    double direct = 0;
                    double magnitude = 0;
                    for (int i = 0; i < n; i++) {
                        double e = y[i] - b;
                        double m = Math.abs(y[i]) + Math.abs(b);
                        for (int j = 0; j < p; j++) {
                            e -= x[i * p + j] * w[j];
                            m += Math.abs(x[i * p + j] * w[j]);
                        }
                        double si = s == null ? 1.0 : s[i];
                        direct += si * e * e;
                        magnitude += si * m * m;
                    }
                    double rss = st.residualSumOfSquares(w, b);
                    if (Double.isNaN(rss)) {
                        // refused: only where the value is a small share of its terms (the floor, with room for rounding)
                        assertTrue(direct <= 10 * SufficientStats.CANCELLATION_FLOOR * magnitude, "NaN for rss " + direct + " of " + magnitude);
                    } else {
                        assertEquals(direct, rss, 6 * (n + p) * Math.ulp(1.0) * magnitude);
                    }
                });
    }

    @Test
    void anExactFitIsLeftToTheRows() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 50;
        int p = 6;
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() + 4;
        double[] w = {1, -2, 0, 0.5, 3, -1};
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 7;
            for (int j = 0; j < p; j++) y[i] += x[i * p + j] * w[j];
        }
        SufficientStats st = SufficientStats.of(Design.rowMajor(x, n, p), y, null);
        // the statistics would return only rounding noise (a cancellation of all digits): they refuse
        assertTrue(Double.isNaN(st.residualSumOfSquares(w, 7)));
        // a poor fit is far above the floor
        assertTrue(st.residualSumOfSquares(new double[p], 0) > 0);
    }

    @Test
    void ofSumsChecksShapes() {
        assertThrows(IllegalArgumentException.class, () -> SufficientStats.ofSums(0, 0, new double[2], 0, 0, new double[4], new double[2]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SufficientStats.ofSums(3, 3, new double[2], 0, 0, new double[3], new double[2]));
        assertTrue(e.getMessage().contains("gram"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SufficientStats.ofSums(3, 3, new double[2], 0, 0, new double[4], new double[1]));
        assertTrue(e.getMessage().contains("xty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SufficientStats.of(Design.rowMajor(new double[4], 2, 2), new double[2], null)
                .residualSumOfSquares(new double[3], 0));
        assertTrue(e.getMessage().contains("w has 3"), e.getMessage());
    }
}
