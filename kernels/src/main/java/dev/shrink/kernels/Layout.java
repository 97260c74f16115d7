package dev.shrink.kernels;

/** How a dense matrix is laid out in a {@code double[]}. */
public enum Layout {
    /** Element (i, j) at {@code offset + i * ld + j}; rows are contiguous. */
    ROW_MAJOR,
    /** Element (i, j) at {@code offset + j * ld + i}; columns are contiguous (Fortran, BLAS, LAPACK). */
    COLUMN_MAJOR;

    /** Index of element (i, j) of a matrix with this layout, offset and leading dimension. */
    public int index(int offset, int ld, int i, int j) {
        return this == ROW_MAJOR ? offset + i * ld + j : offset + j * ld + i;
    }
}
