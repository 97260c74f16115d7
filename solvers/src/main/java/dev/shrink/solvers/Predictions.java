package dev.shrink.solvers;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Matrix;
import dev.shrink.solvers.matrix.DesignMatrix;

/** Xw + b through the kernels: dense matrix–vector products, or sparse ones (row dots when the rows are at hand). */
final class Predictions {
    private Predictions() {}

    static double[] linear(Design x, double[] coef, double intercept) {
        if (x.p() != coef.length) throw new IllegalArgumentException("X has " + x.p() + " columns, the model has " + coef.length + " coefficients");
        double[] out = new double[x.n()];
        if (x instanceof SparseDesign s && s.hasRows()) {
            // compressed rows are the columns of Xᵀ: Xw = (Xᵀ)ᵀw, one sparse dot per row
            s.checkMagnitudes();
            Matrix rows = s.byRows();
            if (rows instanceof CscView v) KernelProvider.get().sparse().multiplyTransposed(v, coef, 0, out, 0);
            else KernelProvider.get().sparse().multiplyTransposed((CscFloatView) rows, coef, 0, out, 0);
        } else if (x instanceof DenseDesign d) {
            KernelProvider.get().matrixVector().multiply(d.dense(), coef, 0, out, 0); // any storage, in place
        } else {
            DesignMatrix.of(x.matrix(), 1).multiply(coef, out);
        }
        if (intercept != 0) for (int i = 0; i < out.length; i++) out[i] += intercept;
        return out;
    }

    /** One row's stored entries: values[e] at column columns[e], e &lt; count (scratch arrays, valid during the call). */
    interface SparseRow {
        void accept(int i, int[] columns, double[] values, int count);
    }

    /**
     * Visits the rows of a sparse design through its compressed rows (converted from the columns once, as predictions
     * do), in order: per-row work that costs the row's stored entries, not p binary searches.
     */
    static void rows(SparseDesign s, SparseRow visitor) {
        s.checkMagnitudes();
        Matrix m = s.byRows();
        int[] starts = m instanceof CscView v ? v.columnStarts() : ((CscFloatView) m).columnStarts();
        int[] indices = m instanceof CscView v ? v.rowIndices() : ((CscFloatView) m).rowIndices();
        int[] columns = new int[s.p()];
        double[] values = new double[s.p()];
        for (int i = 0; i < s.n(); i++) {
            int count = starts[i + 1] - starts[i];
            System.arraycopy(indices, starts[i], columns, 0, count);
            if (m instanceof CscView v) System.arraycopy(v.values(), starts[i], values, 0, count);
            else for (int e = 0; e < count; e++) values[e] = ((CscFloatView) m).values()[starts[i] + e];
            visitor.accept(i, columns, values, count);
        }
    }
}
