package dev.shrink.solvers;

import java.util.Random;

/**
 * A random sparse matrix in every form the API takes, for the tests: dense row-major, CSC and CSR arrays (double and
 * float values), with one all-zero column and one all-zero row, and non-zero column means (so that the implicit
 * centring matters).
 *
 * @param dense    n×p row-major, the same values
 * @param floats   the values rounded to float, as n×p row-major doubles (what a float design holds)
 */
public record SparseData(int n, int p, double[] dense, double[] floats, int[] colStarts, int[] rowIndices, double[] colValues,
                         int[] rowStarts, int[] colIndices, double[] rowValues) {

    /** About density·n·p entries drawn as shift + N(0, 1); column {@code zeroColumn} and row {@code zeroRow} all zero. */
    public static SparseData random(Random r, int n, int p, double density, double shift, int zeroColumn, int zeroRow) {
        double[] dense = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (i == zeroRow || j == zeroColumn || r.nextDouble() >= density) continue;
                dense[i * p + j] = shift * (1 + j % 3) + r.nextGaussian();
            }
        }
        return of(n, p, dense);
    }

    /** The sparse forms of a dense row-major matrix (its zeros are not stored). */
    public static SparseData of(int n, int p, double[] dense) {
        int nnz = 0;
        for (double v : dense) if (v != 0) nnz++;
        int[] colStarts = new int[p + 1];
        int[] rowIndices = new int[nnz];
        double[] colValues = new double[nnz];
        int k = 0;
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                if (dense[i * p + j] != 0) {
                    rowIndices[k] = i;
                    colValues[k++] = dense[i * p + j];
                }
            }
            colStarts[j + 1] = k;
        }
        int[] rowStarts = new int[n + 1];
        int[] colIndices = new int[nnz];
        double[] rowValues = new double[nnz];
        k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (dense[i * p + j] != 0) {
                    colIndices[k] = j;
                    rowValues[k++] = dense[i * p + j];
                }
            }
            rowStarts[i + 1] = k;
        }
        double[] floats = new double[dense.length];
        for (int t = 0; t < dense.length; t++) floats[t] = (float) dense[t];
        return new SparseData(n, p, dense, floats, colStarts, rowIndices, colValues, rowStarts, colIndices, rowValues);
    }

    public DenseDesign denseDesign() {
        return Design.rowMajor(dense, n, p);
    }

    public SparseDesign csc() {
        return SparseDesign.csc(n, p, colStarts, rowIndices, colValues);
    }

    public SparseDesign csr() {
        return SparseDesign.csr(n, p, rowStarts, colIndices, rowValues);
    }

    /** CSC with float values; compare with {@link #floatDense()}. */
    public SparseDesign cscFloat() {
        float[] f = new float[colValues.length];
        for (int k = 0; k < f.length; k++) f[k] = (float) colValues[k];
        return SparseDesign.csc(n, p, colStarts, rowIndices, f);
    }

    public DenseDesign floatDense() {
        return Design.rowMajor(floats, n, p);
    }

    public int nonZeros() {
        return colValues.length;
    }
}
