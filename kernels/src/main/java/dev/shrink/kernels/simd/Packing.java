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
     * column of X) and every other column ≥ {@code x.cols()} is 0. Packs {@code ceil(width / pw)} panels.
     */
    static void columns(MatrixView x, int k0, int kb, int c0, int width, int pw, double[] weights, double[] extra, double[] dst) {
        int panels = (width + pw - 1) / pw;
        int cols = x.cols();
        double[] xd = x.data();
        int ld = x.ld();
        for (int q = 0; q < panels; q++) {
            int first = c0 + q * pw;
            int real = Math.max(0, Math.min(pw, cols - first)); // columns of X in this panel
            int base = q * kb * pw;
            if (x.layout() == Layout.ROW_MAJOR) {
                int src = x.offset() + k0 * ld + first;
                for (int k = 0; k < kb; k++, src += ld) {
                    double w = weights == null ? 1.0 : weights[k0 + k];
                    int d = base + k * pw;
                    for (int j = 0; j < real; j++) dst[d + j] = w * xd[src + j];
                }
            } else {
                for (int j = 0; j < real; j++) {
                    int src = x.offset() + (first + j) * ld + k0;
                    if (weights == null) {
                        for (int k = 0, d = base + j; k < kb; k++, d += pw) dst[d] = xd[src + k];
                    } else {
                        for (int k = 0, d = base + j; k < kb; k++, d += pw) dst[d] = weights[k0 + k] * xd[src + k];
                    }
                }
            }
            for (int j = real; j < pw; j++) {
                boolean isExtra = extra != null && first + j == cols;
                for (int k = 0, d = base + j; k < kb; k++, d += pw) {
                    dst[d] = isExtra ? (weights == null ? 1.0 : weights[k0 + k]) * extra[k0 + k] : 0.0;
                }
            }
        }
    }
}
