package dev.shrink.kernels;

/**
 * Argument checks shared by every kernel implementation: each failure is an {@link IllegalArgumentException} that
 * names the argument and the values involved. Kernels check once per call, outside their loops.
 */
public final class Checks {
    private Checks() {}

    /** n ≥ 0. */
    public static void length(String name, int n) {
        if (n < 0) throw new IllegalArgumentException(name + " must be ≥ 0, got " + n);
    }

    /** {@code array[offset .. offset + n)} lies inside array. */
    public static void range(String name, double[] array, int offset, int n) {
        if (array == null) throw new IllegalArgumentException(name + " must not be null");
        range(name, array.length, offset, n);
    }

    private static void range(String name, int length, int offset, int n) {
        if (offset < 0 || n < 0 || (long) offset + n > length) {
            throw new IllegalArgumentException(name + "[" + offset + " .. " + ((long) offset + n) + ") is outside an array of length "
                    + length + " (offset " + offset + ", length " + n + ")");
        }
    }

    /** {@code array[offset + i·inc]} for i &lt; n lies inside array, inc ≥ 1. */
    public static void strided(String name, double[] array, int offset, int inc, int n) {
        if (array == null) throw new IllegalArgumentException(name + " must not be null");
        if (inc < 1) throw new IllegalArgumentException("stride of " + name + " must be ≥ 1, got " + inc);
        long last = n == 0 ? offset : (long) offset + (long) (n - 1) * inc;
        if (offset < 0 || n < 0 || (n > 0 && last >= array.length) || offset > array.length) {
            throw new IllegalArgumentException(name + " with offset " + offset + ", stride " + inc + " and length " + n
                    + " reaches index " + last + ", outside an array of length " + array.length);
        }
    }

    /** A p×p row-major square matrix with leading dimension ld lies inside array. */
    public static void square(String name, double[] array, int offset, int ld, int p) {
        if (array == null) throw new IllegalArgumentException(name + " must not be null");
        square(name, array.length, offset, ld, p);
    }

    private static void square(String name, int arrayLength, int offset, int ld, int p) {
        length("p", p);
        if (ld < Math.max(1, p)) throw new IllegalArgumentException("leading dimension of " + name + " must be ≥ max(1, p) = "
                + Math.max(1, p) + ", got " + ld);
        if (p > 0) {
            long last = (long) offset + (long) (p - 1) * ld + (p - 1);
            if (offset < 0 || last >= arrayLength) {
                throw new IllegalArgumentException("a " + p + "×" + p + " matrix " + name + " at offset " + offset + " with ld " + ld
                        + " needs " + (last + 1) + " elements, the array has " + arrayLength);
            }
        }
    }

    /** A p×m row-major matrix with leading dimension ld lies inside array. */
    public static void rowMajor(String name, double[] array, int offset, int ld, int p, int m) {
        if (array == null) throw new IllegalArgumentException(name + " must not be null");
        if (ld < Math.max(1, m)) throw new IllegalArgumentException("leading dimension of " + name + " must be ≥ max(1, "
                + m + "), got " + ld);
        if (p > 0 && m > 0) {
            long last = (long) offset + (long) (p - 1) * ld + (m - 1);
            if (offset < 0 || last >= array.length) {
                throw new IllegalArgumentException("a " + p + "×" + m + " matrix " + name + " at offset " + offset + " with ld " + ld
                        + " needs " + (last + 1) + " elements, the array has " + array.length);
            }
        }
    }

    /**
     * A {@code rows × cols} matrix view with this offset, leading dimension and layout lies inside an array of
     * {@code length} elements ({@link MatrixView}, {@link FloatMatrixView}).
     */
    static void view(int length, int offset, int rows, int cols, int ld, Layout layout) {
        if (layout == null) throw new IllegalArgumentException("layout must not be null");
        if (rows < 0) throw new IllegalArgumentException("rows must be ≥ 0, got " + rows);
        if (cols < 0) throw new IllegalArgumentException("cols must be ≥ 0, got " + cols);
        if (offset < 0) throw new IllegalArgumentException("offset must be ≥ 0, got " + offset);
        int minLd = layout == Layout.ROW_MAJOR ? cols : rows;
        if (ld < Math.max(1, minLd)) {
            throw new IllegalArgumentException("ld must be ≥ max(1, " + (layout == Layout.ROW_MAJOR ? "cols" : "rows")
                    + ") = " + Math.max(1, minLd) + " for " + layout + ", got " + ld);
        }
        if (rows > 0 && cols > 0) {
            int major = layout == Layout.ROW_MAJOR ? rows : cols;
            int minor = layout == Layout.ROW_MAJOR ? cols : rows;
            long last = (long) offset + (long) (major - 1) * ld + (minor - 1);
            if (last >= length) {
                throw new IllegalArgumentException("a " + rows + "×" + cols + " " + layout + " view at offset " + offset
                        + " with ld " + ld + " needs " + (last + 1) + " elements, data has " + length);
            }
        }
    }

    /** {@code array[offset .. offset + n)} lies inside array (float32). */
    public static void range(String name, float[] array, int offset, int n) {
        if (array == null) throw new IllegalArgumentException(name + " must not be null");
        range(name, array.length, offset, n);
    }

    /** A p×p row-major square matrix with leading dimension ld lies inside array (float32). */
    public static void square(String name, float[] array, int offset, int ld, int p) {
        if (array == null) throw new IllegalArgumentException(name + " must not be null");
        square(name, array.length, offset, ld, p);
    }

    /** The arguments of {@link MatrixVector#residualGradient}: x of cols, y, s (optional) and r of rows, g of cols values. */
    public static void residualGradient(DenseMatrix a, double[] x, double[] y, double[] s, double[] r, double[] g) {
        range("x", x, 0, a.cols());
        range("y", y, 0, a.rows());
        if (s != null) range("s", s, 0, a.rows());
        range("r", r, 0, a.rows());
        range("g", g, 0, a.cols());
    }

    /** The largest length a Java array can be given on common JVMs. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * rows·cols as the length of one array, computed without overflow: an IllegalArgumentException naming
     * {@code what} and both sizes when the product does not fit in a Java array (never a wrapped int).
     */
    public static int elements(String what, int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException(what + " cannot have " + rows + "×" + cols + " elements");
        long product = (long) rows * cols;
        if (product > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " needs " + rows + "×" + cols + " = " + product
                    + " elements, more than one Java array holds (" + MAX_ARRAY_LENGTH + ")");
        }
        return (int) product;
    }

    /** A finite, non-negative parameter. */
    public static void nonNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + value);
        }
    }
}
