package dev.shrink.spark;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Reads the rows of one partition in {@link FitColumns#select}'s layout (features, label, weight[, fold]) and checks
 * what only the data can tell: vector length, NaN and infinities, weights, labels, folds. A bad row is an
 * {@link IllegalArgumentException} that names the row by its partition and position there (the only address a row
 * of a distributed data set has), the column and the value, and says what to do; {@link Jobs} surfaces it on the
 * driver as itself.
 */
final class RowReader {
    /** What the label must be. */
    enum Labels { ANY, BINARY }

    private final FitColumns columns;
    private final int partition;
    private final int p;
    private final Labels labels;
    private final int folds;
    private long index = -1;

    Vector features;
    double label;
    double weight;
    int fold;

    RowReader(FitColumns columns, int partition, int p, Labels labels, int folds) {
        this.columns = columns;
        this.partition = partition;
        this.p = p;
        this.labels = labels;
        this.folds = folds;
    }

    /** Reads and checks the next row. */
    void read(Row r) {
        index++;
        if (r.isNullAt(0)) throw bad("featuresCol '" + columns.features + "' is null", "drop such rows (na().drop())");
        features = (Vector) r.get(0);
        if (features.size() != p) {
            throw bad("featuresCol '" + columns.features + "' has " + features.size() + " elements, the first row has " + p,
                    "every feature vector must have the same length");
        }
        double[] values = features instanceof SparseVector s ? s.values() : ((DenseVector) features).values();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                int j = features instanceof SparseVector s ? s.indices()[k] : k;
                throw bad("featuresCol '" + columns.features + "' has " + values[k] + " at index " + j,
                        "impute (Imputer) or drop such rows");
            }
        }
        if (r.isNullAt(1)) throw bad("labelCol '" + columns.label + "' is null", "drop such rows (na().drop())");
        label = r.getDouble(1);
        if (!Double.isFinite(label)) throw bad("labelCol '" + columns.label + "' is " + label, "drop such rows");
        if (labels == Labels.BINARY && label != 0 && label != 1) {
            throw bad("labelCol '" + columns.label + "' is " + label + ", binary logistic regression needs labels 0 and 1",
                    "index the labels (StringIndexer)");
        }
        if (r.isNullAt(2)) throw bad("weightCol '" + columns.weight + "' is null", "drop such rows or give them weight 0");
        weight = r.getDouble(2);
        if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
            throw bad("weightCol '" + columns.weight + "' is " + weight, "weights must be finite and ≥ 0");
        }
        if (columns.hasFold()) {
            if (r.isNullAt(3)) throw bad("foldCol '" + columns.fold + "' is null", "give every row a fold");
            fold = r.getInt(3);
            if (fold < 0 || fold >= folds) {
                throw bad("foldCol '" + columns.fold + "' is " + fold + ", numFolds is " + folds, "folds are numbered 0 .. numFolds − 1");
            }
        }
    }

    /** Position of the last row read within its partition, from 0. */
    long index() {
        return index;
    }

    int partition() {
        return partition;
    }

    /** Adds the last row read to the sums with response t and weight w. */
    void addTo(MomentSums sums, double t, double w) {
        if (features instanceof SparseVector s) {
            sums.addSparse(s.indices(), s.values(), 0, s.indices().length, t, w);
        } else {
            sums.addDense(((DenseVector) features).values(), 0, t, w);
        }
    }

    private IllegalArgumentException bad(String what, String todo) {
        return new IllegalArgumentException("row " + index + " of partition " + partition + ": " + what + ": " + todo);
    }
}
