package dev.shrink.solvers.internal;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The k-class fused pass against plain loops: z = Xv_c + shift_c, r = map(z), out = Xᵀr_c, for every class, on both
 * layouts and with several row chunks; error bound: 1e-12 relative to Σ|terms| (sums of a few hundred products).
 */
class DesignPassesTest {

    @Test
    void multiClassFusedPassMatchesPlainLoops() {
        qt().withExamples(30).forAll(integers().between(1, 700), integers().between(1, 40), integers().between(1, 4), integers().between(1, 3))
                .checkAssert((n, p, k, threads) -> {
                    Random r = new Random(31L * n + 7L * p + k);
                    double[] a = new double[n * p];
                    for (int t = 0; t < a.length; t++) a[t] = r.nextGaussian();
                    double[] v = new double[k * p];
                    for (int t = 0; t < v.length; t++) v[t] = r.nextGaussian();
                    double[] shifts = new double[k];
                    for (int c = 0; c < k; c++) shifts[c] = r.nextGaussian();
                    for (Layout layout : Layout.values()) {
                        double[] data = a;
                        if (layout == Layout.COLUMN_MAJOR) {
                            data = new double[n * p];
                            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) data[j * n + i] = a[i * p + j];
                        }
                        MatrixView x = new MatrixView(data, 0, n, p, layout == Layout.ROW_MAJOR ? p : n, layout);
                        double[] z = new double[k * n];
                        double[] rr = new double[k * n];
                        double[] out = new double[k * p];
                        double sum = new DesignPasses(x, threads).fused(k, v, shifts, z, rr, (from, to, zz, res) -> {
                            double t = 0;
                            for (int c = 0; c < k; c++) for (int i = from; i < to; i++) {
                                res[c * n + i] = Math.tanh(zz[c * n + i]);
                                t += zz[c * n + i];
                            }
                            return t;
                        }, out);
                        double expectedSum = 0;
                        for (int c = 0; c < k; c++) {
                            double[] g = new double[p];
                            double[] gAbs = new double[p];
                            for (int i = 0; i < n; i++) {
                                double zi = shifts[c];
                                double zAbs = Math.abs(shifts[c]);
                                for (int j = 0; j < p; j++) {
                                    zi += a[i * p + j] * v[c * p + j];
                                    zAbs += Math.abs(a[i * p + j] * v[c * p + j]);
                                }
                                assertEquals(zi, z[c * n + i], 1e-12 * zAbs);
                                expectedSum += zi;
                                double ri = Math.tanh(zi);
                                for (int j = 0; j < p; j++) {
                                    g[j] += a[i * p + j] * ri;
                                    gAbs[j] += Math.abs(a[i * p + j]) * (zAbs + 1);
                                }
                            }
                            for (int j = 0; j < p; j++) assertEquals(g[j], out[c * p + j], 1e-12 * gAbs[j] + 1e-300);
                        }
                        assertEquals(expectedSum, sum, 1e-10 * (Math.abs(expectedSum) + n * k));
                    }
                });
    }
}
