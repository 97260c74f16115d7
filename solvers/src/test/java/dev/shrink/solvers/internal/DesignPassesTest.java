package dev.shrink.solvers.internal;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /**
     * The passes over the float32 copy: the same bits as the double passes over X rounded to float32 (the kernels widen
     * each float exactly and keep the double loops' order), so within the double pass's bound plus the rounding of X,
     * 2⁻²⁴·Σ|xᵢⱼvⱼ|, of the exact products; both layouts, several row chunks.
     */
    @Test
    void float32PassesAreTheDoublePassesOnXRoundedToFloat() {
        qt().withExamples(30).forAll(integers().between(1, 700), integers().between(1, 40), integers().between(1, 3))
                .checkAssert((n, p, threads) -> {
                    Random r = new Random(17L * n + p);
                    double[] a = new double[n * p];
                    for (int t = 0; t < a.length; t++) a[t] = r.nextGaussian() * Math.exp(4 * r.nextGaussian());
                    double[] rounded = new double[n * p];
                    for (int t = 0; t < a.length; t++) rounded[t] = (float) a[t];
                    double[] v = new double[p];
                    for (int j = 0; j < p; j++) v[j] = r.nextGaussian();
                    double shift = r.nextGaussian();
                    for (Layout layout : Layout.values()) {
                        MatrixView x = view(a, n, p, layout);
                        DesignPasses float32 = new DesignPasses(x, threads).float32();
                        assertTrue(float32.isFloat32());
                        DesignPasses reference = new DesignPasses(MatrixView.rowMajor(rounded, n, p), threads); // the copy is row-major
                        double[] z32 = new double[n], r32 = new double[n], g32 = new double[p];
                        double[] z64 = new double[n], r64 = new double[n], g64 = new double[p];
                        DesignPasses.RowMap map = (from, to, zz, res) -> {
                            double s = 0;
                            for (int i = from; i < to; i++) {
                                res[i] = Math.tanh(zz[i]);
                                s += res[i];
                            }
                            return s;
                        };
                        assertEquals(reference.fused(v, shift, z64, r64, map, g64), float32.fused(v, shift, z32, r32, map, g32));
                        assertArrayEquals(z64, z32);
                        assertArrayEquals(g64, g32);
                        for (int i = 0; i < n; i++) {
                            double exact = shift, size = Math.abs(shift);
                            for (int j = 0; j < p; j++) {
                                exact += a[i * p + j] * v[j];
                                size += Math.abs(a[i * p + j] * v[j]);
                            }
                            assertEquals(exact, z32[i], (Math.scalb(1.0, -24) + 2 * (p + 1) * Math.ulp(1.0)) * size);
                        }
                        double[] u = new double[n];
                        for (int i = 0; i < n; i++) u[i] = r.nextGaussian();
                        double[] out32 = new double[p], out64 = new double[p], xv32 = new double[n], xv64 = new double[n];
                        float32.multiplyTransposed(u, out32);
                        reference.multiplyTransposed(u, out64);
                        assertArrayEquals(out64, out32);
                        float32.multiply(v, xv32);
                        reference.multiply(v, xv64);
                        assertArrayEquals(xv64, xv32);
                    }
                });
    }

    /** Values beyond the float32 range have no float32 copy. */
    @Test
    void noFloat32CopyBeyondItsRange() {
        double[] a = {1, 2, 3, 4e38};
        assertNull(new DesignPasses(MatrixView.rowMajor(a, 2, 2), 1).float32());
        a[3] = 3e38;
        assertTrue(new DesignPasses(MatrixView.rowMajor(a, 2, 2), 1).float32().isFloat32());
    }

    private static MatrixView view(double[] rowMajor, int n, int p, Layout layout) {
        if (layout == Layout.ROW_MAJOR) return MatrixView.rowMajor(rowMajor, n, p);
        double[] data = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) data[j * n + i] = rowMajor[i * p + j];
        return new MatrixView(data, 0, n, p, n, layout);
    }
}
