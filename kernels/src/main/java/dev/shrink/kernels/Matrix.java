package dev.shrink.kernels;

/**
 * A matrix the kernels read, viewed without a copy: dense ({@link MatrixView}) or sparse by columns ({@link CscView},
 * {@link CscFloatView}). Sealed, so code that must handle every storage can switch over it exhaustively.
 */
public sealed interface Matrix permits MatrixView, CscView, CscFloatView {

    /** Number of rows. */
    int rows();

    /** Number of columns. */
    int cols();
}
