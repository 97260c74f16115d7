package dev.shrink.solvers.cd;

/** Columns of a symmetric p×p Gram matrix X̃ᵀX̃: column j at {@code data()[offset(j) .. offset(j) + p)}. */
public interface GramColumns {
    /** Offset of column j in {@link #data()}, computing the column first if needed (call before {@link #data()}). */
    int offset(int j);

    /** The array holding the columns computed so far (may be replaced when it grows: read it after {@link #offset}). */
    double[] data();

    /** A dense row-major p×p matrix (symmetric, so row j is column j). */
    static GramColumns dense(double[] g, int p) {
        return new GramColumns() {
            @Override
            public int offset(int j) {
                return j * p;
            }

            @Override
            public double[] data() {
                return g;
            }
        };
    }
}
