package dev.shrink.bench.kernels;

import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.MatrixView;

/**
 * The {@code precision} parameter of the kernel benchmarks ({@code float64}, {@code float32}): float32 runs time the
 * float32 kernel on the same values rounded to float, so the report's float32 rows and float64 rows see the same data.
 */
final class Precision {
    private Precision() {}

    static boolean isFloat32(String precision) {
        return switch (precision) {
            case "float64" -> false;
            case "float32" -> true;
            default -> throw new IllegalArgumentException("precision must be float64 or float32, got " + precision);
        };
    }

    /** The view's values rounded to float, in an array of the same shape, layout and leading dimension. */
    static FloatMatrixView narrow(MatrixView x) {
        return new FloatMatrixView(narrow(x.data()), x.offset(), x.rows(), x.cols(), x.ld(), x.layout());
    }

    static float[] narrow(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
