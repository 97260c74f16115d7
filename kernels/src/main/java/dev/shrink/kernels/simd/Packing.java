package dev.shrink.kernels.simd;

import dev.shrink.kernels.DenseMatrix;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.RowArrays;

/**
 * Packs a block of rows of X into the panel layout a micro-kernel streams: for each panel of {@code pw} columns,
 * {@code kb} consecutive steps of {@code pw} values (BLIS packing; zero padding makes every tile full). X is read where
 * it is, in any {@link DenseMatrix} storage, and converted as it is packed: this copy of one block is the only one the
 * Gram makes, so no storage costs a copy of the whole matrix.
 */
final class Packing {
    private Packing() {}

    /**
     * For panel q, step k and lane j: {@code dst[q·kb·pw + k·pw + j] = w(k0 + k) · X(k0 + k, q·pw + j)}, where w is
     * {@code weights} or 1, column {@code x.cols()} stands for {@code extra} (when not null: y as one more column of X)
     * and every other column ≥ {@code x.cols()} is 0. Packs {@code ceil(width / pw)} panels; pw is a multiple of the
     * kernel's lanes.
     */
    static void columns(MicroKernel kernel, DenseMatrix x, int k0, int kb, int width, int pw, double[] weights,
                        double[] extra, double[] dst) {
        int panels = (width + pw - 1) / pw;
        int cols = x.cols();
        int panelStride = kb * pw;
        // Row by row where rows are contiguous: whole panels of a row are copied a vector at a time.
        int full = Math.min(panels, cols / pw);
        switch (x) {
            case MatrixView v when v.layout() == Layout.ROW_MAJOR -> {
                for (int k = 0; k < kb; k++) {
                    double w = weights == null ? 1.0 : weights[k0 + k];
                    int src = v.offset() + (k0 + k) * v.ld();
                    kernel.packRow(v.data(), src, full, pw, w, dst, k * pw, panelStride);
                    rowTail(v.data(), src, cols, full, panels, pw, w, extra != null, extra == null ? 0 : w * extra[k0 + k], dst, k * pw,
                            panelStride);
                }
            }
            case RowArrays r -> {
                for (int k = 0; k < kb; k++) {
                    double w = weights == null ? 1.0 : weights[k0 + k];
                    double[] row = r.arrays()[k0 + k];
                    kernel.packRow(row, 0, full, pw, w, dst, k * pw, panelStride);
                    rowTail(row, 0, cols, full, panels, pw, w, extra != null, extra == null ? 0 : w * extra[k0 + k], dst, k * pw, panelStride);
                }
            }
            case MatrixView v -> columnMajor(v.data(), v.offset(), v.ld(), cols, k0, kb, panels, pw, weights, extra, dst);
            case FloatMatrixView f -> {
                // float32 storage, widened exactly as it is packed (element by element: the Gram's flops dwarf it)
                float[] fd = f.data();
                int rs = f.layout() == Layout.ROW_MAJOR ? f.ld() : 1;
                int cs = f.layout() == Layout.ROW_MAJOR ? 1 : f.ld();
                for (int k = 0; k < kb; k++) {
                    double w = weights == null ? 1.0 : weights[k0 + k];
                    int src = f.offset() + (k0 + k) * rs;
                    for (int q = 0; q < panels; q++) {
                        int d = q * panelStride + k * pw;
                        for (int j = 0, col = q * pw; j < pw; j++, col++) {
                            dst[d + j] = col < cols ? w * fd[src + col * cs] : col == cols && extra != null ? w * extra[k0 + k] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /** The panels of one row from {@code full} on: the row's last columns, then w·y (when hasY), then zeros. */
    private static void rowTail(double[] src, int s, int cols, int full, int panels, int pw, double w, boolean hasY, double wy,
                                double[] dst, int d0, int panelStride) {
        for (int q = full; q < panels; q++) {
            int d = d0 + q * panelStride;
            for (int j = 0, col = q * pw; j < pw; j++, col++) {
                dst[d + j] = col < cols ? w * src[s + col] : col == cols && hasY ? wy : 0.0;
            }
        }
    }

    /** Column-major X: each column is contiguous over k and goes to one lane of its panel. */
    private static void columnMajor(double[] xd, int offset, int ld, int cols, int k0, int kb, int panels, int pw,
                                    double[] weights, double[] extra, double[] dst) {
        int panelStride = kb * pw;
        for (int q = 0; q < panels; q++) {
            int first = q * pw;
            int real = Math.max(0, Math.min(pw, cols - first));
            int base = q * panelStride;
            int j = 0;
            // Four columns per pass: four read streams, four adjacent stores per step (half the loop overhead of one).
            for (; j + 4 <= real; j += 4) {
                int s0 = offset + (first + j) * ld + k0;
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
                int src = offset + (first + j) * ld + k0;
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

    /**
     * The float32 panels of the centred, scaled block: {@code dst[q·kb·pw + k·pw + j] = (float) (s(k0 + k)·(X(k0 + k,
     * q·pw + j) − c(q·pw + j)))} formed in double and rounded once, zero for columns ≥ {@code x.cols()}; s is
     * {@code rowScale} or 1, c is {@code center} or 0. Packs {@code ceil(width / pw)} panels.
     */
    static void floats(FloatMicroKernel kernel, DenseMatrix x, int k0, int kb, int width, int pw, double[] center,
                       double[] rowScale, float[] dst) {
        int panels = (width + pw - 1) / pw;
        int cols = x.cols();
        int panelStride = kb * pw;
        int full = Math.min(panels, cols / pw);
        double[] rowData = null;
        int rowStart = 0;
        for (int k = 0; k < kb; k++) {
            double s = rowScale == null ? 1.0 : rowScale[k0 + k];
            switch (x) {
                case MatrixView v when v.layout() == Layout.ROW_MAJOR -> {
                    rowData = v.data();
                    rowStart = v.offset() + (k0 + k) * v.ld();
                }
                case RowArrays r -> {
                    rowData = r.arrays()[k0 + k];
                    rowStart = 0;
                }
                default -> rowData = null;
            }
            int d0 = k * pw;
            int q = 0;
            if (x instanceof FloatMatrixView f && f.layout() == Layout.ROW_MAJOR && center == null && rowScale == null) {
                // float32 rows as they are: whole panels copied, no conversion
                int src = f.offset() + (k0 + k) * f.ld();
                for (; q < full; q++) System.arraycopy(f.data(), src + q * pw, dst, d0 + q * panelStride, pw);
            } else if (rowData != null) {
                // Contiguous double rows: whole panels by vectors (subtract, scale, narrow), the rest below.
                kernel.packRow(rowData, rowStart, full, pw, s, center, dst, d0, panelStride);
                q = full;
            }
            float[] fd = x instanceof FloatMatrixView f ? f.data() : null;
            int fStart = x instanceof FloatMatrixView f ? f.index(k0 + k, 0) : 0;
            int fStride = x instanceof FloatMatrixView f ? (f.layout() == Layout.ROW_MAJOR ? 1 : f.ld()) : 0;
            for (; q < panels; q++) {
                int d = d0 + q * panelStride;
                for (int j = 0, col = q * pw; j < pw; j++, col++) {
                    if (col >= cols) {
                        dst[d + j] = 0f;
                    } else {
                        double e = rowData != null ? rowData[rowStart + col] : fd != null ? fd[fStart + col * fStride] : x.get(k0 + k, col);
                        double v = e - (center == null ? 0.0 : center[col]);
                        dst[d + j] = (float) (rowScale == null ? v : s * v);
                    }
                }
            }
        }
    }
}
