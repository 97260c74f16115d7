package dev.shrink.solvers;

import dev.shrink.kernels.DenseMatrix;
import dev.shrink.kernels.Matrix;
import dev.shrink.kernels.MatrixView;

/**
 * The design matrix X (n rows, p columns) as the solvers take it, validated once: dense ({@link DenseDesign}: flat
 * {@code double[]} or {@code float[]}, or the rows of a {@code double[][]}, read in place) or sparse
 * ({@link SparseDesign}, compressed columns or rows). Every estimator, path and cross-validation that accepts a sparse
 * design gives the same coefficients for the same matrix; a sparse design is never densified.
 *
 * <p>Why a sealed type with two implementations rather than one class with a storage flag: the storage decides how
 * the engines read X (contiguous columns or rows against sorted row indices), each storage has its own factories and
 * accessors ({@link DenseDesign#view()}, {@link DenseDesign#dense()}, {@link SparseDesign#nonZeros()}), and code that
 * must treat each storage differently can switch over the two exhaustively. The factories of the dense design stay here
 * (they return {@link DenseDesign}); the sparse ones are on {@link SparseDesign}.
 */
public abstract sealed class Design permits DenseDesign, SparseDesign {

    Design() {}

    /** X from rows {@code x[i][j]}, read in place (the rows are kept, not copied: do not change them during a fit). */
    public static DenseDesign of(double[][] x) {
        return DenseDesign.ofRows(x);
    }

    /**
     * X from float32 rows {@code x[i][j]}: copied once into a flat float32 row-major array (rows of floats cannot be
     * widened in place by every engine; the copy is half the size of a float64 one).
     */
    public static DenseDesign of(float[][] x) {
        return DenseDesign.ofRows(x);
    }

    /** X stored row by row in {@code data[i·p + j]}; no copy. */
    public static DenseDesign rowMajor(double[] data, int n, int p) {
        return DenseDesign.ofRowMajor(data, n, p);
    }

    /** X stored column by column in {@code data[j·n + i]} (Fortran order); no copy. */
    public static DenseDesign columnMajor(double[] data, int n, int p) {
        return DenseDesign.ofColumnMajor(data, n, p);
    }

    /** Float32 X stored row by row in {@code data[i·p + j]}; no copy. */
    public static DenseDesign rowMajor(float[] data, int n, int p) {
        return DenseDesign.ofRowMajor(data, n, p);
    }

    /** Float32 X stored column by column in {@code data[j·n + i]}; no copy. */
    public static DenseDesign columnMajor(float[] data, int n, int p) {
        return DenseDesign.ofColumnMajor(data, n, p);
    }

    /** X as an existing dense matrix of any storage (any offset and leading dimension); no copy. */
    public static DenseDesign of(DenseMatrix matrix) {
        return DenseDesign.ofMatrix(matrix);
    }

    /** Number of rows. */
    public abstract int n();

    /** Number of columns. */
    public abstract int p();

    /** Element (i, j) (for a sparse design a binary search: for checks, not loops). */
    public abstract double get(int i, int j);

    /** Copies column j into out[0 .. n). */
    public abstract void column(int j, double[] out);

    /** A new design holding the given rows, in the given order (a copy in the same storage); for subsets. */
    public abstract Design rows(int[] rows);

    /**
     * The data as the engines read it, never copied for flat float64 data: a {@link MatrixView} for a dense design (a
     * row-array or float32 design is copied once into float64, {@link DenseDesign#view()}), the compressed columns
     * ({@link dev.shrink.kernels.CscView} or {@link dev.shrink.kernels.CscFloatView}) for a sparse one (a design built
     * from compressed rows converts them once, on the first call). The first call checks that sums of squares and
     * products of the values over all n·p positions stay finite ({@link #magnitudeLimit}) and throws
     * IllegalArgumentException naming the first value too large; a design that is only held, read or written back keeps
     * any finite value.
     */
    public abstract Matrix matrix();

    /**
     * The largest |x| a solver takes: √(MAX_VALUE/(16·n·p)), so that sums of squares and products over all n·p
     * positions (centring makes a sparse design's zeros count too) cannot overflow.
     */
    static double magnitudeLimit(int n, int p) {
        return Math.sqrt(Double.MAX_VALUE) / (4 * Math.sqrt((double) n * p));
    }

    /** The error for a value x at (i, j) beyond {@link #magnitudeLimit}; {@code where} follows the column (may be empty). */
    static IllegalArgumentException tooLarge(double x, int i, int j, String where, int n, int p) {
        return new IllegalArgumentException("X has " + x + " at row " + i + ", column " + j + where + ": sums of squares overflow a double beyond |x| = "
                + String.format(java.util.Locale.ROOT, "%.3g", magnitudeLimit(n, p)) + " (√(MAX_VALUE/(16·n·p)), n = " + n + ", p = " + p + "); rescale X");
    }
}
