package dev.shrink.spark;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A block of checked rows kept between the passes of an iterative fit (logistic regression's Newton steps): features
 * row-major when at least 1/{@value #DENSE_SHARE} of them are non-zero, else in compressed sparse rows; labels and
 * weights beside them. Made once from the data ({@link #blocks}), cached by Spark, read by every pass.
 */
final class RowBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A block is stored dense when its non-zeros are at least this share (1/4) of its entries. */
    static final int DENSE_SHARE = 4;

    final int rows;
    final int p;
    /** rows×p row-major, or null for a sparse block. */
    final double[] dense;
    /** Compressed sparse rows: row i's non-zeros are at rowStart[i] .. rowStart[i + 1] of indices and values. */
    final int[] rowStart;
    final int[] indices;
    final double[] values;
    final double[] label;
    final double[] weight;

    private RowBlock(List<Vector> x, double[] label, double[] weight, int p) {
        this.rows = x.size();
        this.p = p;
        this.label = label;
        this.weight = weight;
        long nnz = 0;
        for (Vector v : x) nnz += v.numActives();
        if (nnz * DENSE_SHARE >= (long) rows * p) {
            dense = new double[rows * p];
            for (int i = 0; i < rows; i++) {
                Vector v = x.get(i);
                if (v instanceof SparseVector s) {
                    for (int k = 0; k < s.indices().length; k++) dense[i * p + s.indices()[k]] = s.values()[k];
                } else {
                    System.arraycopy(v.toArray(), 0, dense, i * p, p);
                }
            }
            rowStart = null;
            indices = null;
            values = null;
        } else {
            dense = null;
            rowStart = new int[rows + 1];
            indices = new int[(int) nnz];
            values = new double[(int) nnz];
            int k = 0;
            for (int i = 0; i < rows; i++) {
                SparseVector s = x.get(i).toSparse();
                System.arraycopy(s.indices(), 0, indices, k, s.indices().length);
                System.arraycopy(s.values(), 0, values, k, s.values().length);
                k += s.indices().length;
                rowStart[i + 1] = k;
            }
        }
    }

    /** The rows of one partition, read and checked by {@code reader}, in blocks of {@link MomentSums#blockRows} rows. */
    static Iterator<RowBlock> blocks(Iterator<Row> rows, RowReader reader, int p) {
        int size = MomentSums.blockRows(p);
        List<RowBlock> out = new ArrayList<>();
        List<Vector> x = new ArrayList<>();
        double[] label = new double[size];
        double[] weight = new double[size];
        while (rows.hasNext()) {
            reader.read(rows.next());
            label[x.size()] = reader.label;
            weight[x.size()] = reader.weight;
            x.add(reader.features);
            if (x.size() == size) {
                out.add(new RowBlock(x, label, weight, p));
                x = new ArrayList<>();
                label = new double[size];
                weight = new double[size];
            }
        }
        if (!x.isEmpty()) out.add(new RowBlock(x, Arrays.copyOf(label, x.size()), Arrays.copyOf(weight, x.size()), p));
        return out.iterator();
    }

    /** The margins x·w + b of every row. */
    double[] margins(double[] w, double b) {
        double[] eta = new double[rows];
        if (dense != null) {
            KernelProvider.get().matrixVector().multiply(MatrixView.rowMajor(dense, rows, p), w, 0, eta, 0);
            for (int i = 0; i < rows; i++) eta[i] += b;
        } else {
            for (int i = 0; i < rows; i++) {
                double s = b;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) s += values[k] * w[indices[k]];
                eta[i] = s;
            }
        }
        return eta;
    }

    /** Adds row i to the sums with response t and weight v. */
    void addTo(MomentSums sums, int i, double t, double v) {
        if (dense != null) sums.addDense(dense, i * p, t, v);
        else sums.addSparse(indices, values, rowStart[i], rowStart[i + 1], t, v);
    }
}
