package dev.shrink.kernels.simd;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;

/**
 * Packs a block of rows of X into the panel layout a {@link MicroKernel} streams: for each panel of {@code pw}
 * columns, {@code kb} consecutive steps of {@code pw} values (BLIS packing; zero padding makes every tile full).
 */
final class Packing {
    private Packing() {}

    /**
     * For panel q, step k and lane j: {@code dst[q·kb·pw + k·pw + j] = w(k0 + k) · X(k0 + k, c0 + q·pw + j)}, where
     * w is {@code weights} or 1, column {@code x.cols()} stands for {@code extra} (when not null: y as one more
     * column of X) and every other column ≥ {@code x.cols()} is 0. Packs {@code ceil(width / pw)} panels; pw is a
     * multiple of the kernel's lanes.
     */
    static void columns(MicroKernel kernel, MatrixView x, int k0, int kb, int c0, int width, int pw, double[] weights,
                        double[] extra, double[] dst) {
        int panels = (width + pw - 1) / pw;
        int cols = x.cols();
        double[] xd = x.data();
        int ld = x.ld();
        int panelStride = kb * pw;
        if (x.layout() == Layout.ROW_MAJOR) {
            // Row by row: whole panels of a row are contiguous in X, copied a vector at a time.
            int full = Math.max(0, Math.min(panels, (cols - c0) / pw));
            for (int k = 0; k < kb; k++) {
                double w = weights == null ? 1.0 : weights[k0 + k];
                int src = x.offset() + (k0 + k) * ld + c0;
                kernel.packRow(xd, src, full, pw, w, dst, k * pw, panelStride);
                for (int q = full; q < panels; q++) {
                    int d = q * panelStride + k * pw;
                    for (int j = 0, col = c0 + q * pw; j < pw; j++, col++) {
                        dst[d + j] = col < cols ? w * xd[src + q * pw + j]
                                : col == cols && extra != null ? w * extra[k0 + k] : 0.0;
                    }
                }
            }
            return;
        }
        // Column-major: each column of X is contiguous over k and goes to one lane of its panel.
        for (int q = 0; q < panels; q++) {
            int first = c0 + q * pw;
            int real = Math.max(0, Math.min(pw, cols - first));
            int base = q * panelStride;
            int j = 0;
            // Four columns per pass: four read streams, four adjacent stores per step (half the loop overhead of one).
            for (; j + 4 <= real; j += 4) {
                int s0 = x.offset() + (first + j) * ld + k0;
                int s1 = s0 + ld;
                int s2 = s1 + ld;
                int s3 = s2 + ld;
                for (int k = 0, d = base + j; k < kb; k++, d += pw) {
                    double w = weights == null ? 1.0 : weights[k0 + k];
                    dst[d] = w * xd[s0 + k];
                    dst[d + 1] = w * xd[s1 + k];
                    dst[d + 2] = w * xd[s2 + k];
                    dst[d + 3] = w * xd[s3 + k];
                }
            }
            for (; j < real; j++) {
                int src = x.offset() + (first + j) * ld + k0;
                for (int k = 0, d = base + j; k < kb; k++, d += pw) {
                    dst[d] = (weights == null ? 1.0 : weights[k0 + k]) * xd[src + k];
                }
            }
            for (; j < pw; j++) {
                boolean isExtra = extra != null && first + j == cols;
                for (int k = 0, d = base + j; k < kb; k++, d += pw) {
                    dst[d] = isExtra ? (weights == null ? 1.0 : weights[k0 + k]) * extra[k0 + k] : 0.0;
                }
            }
        }
    }
}
