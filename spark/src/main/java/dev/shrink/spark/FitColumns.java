package dev.shrink.spark;

import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.Arrays;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The columns a fit reads, checked against the schema before any job runs: a vector features column, a numeric label,
 * optionally a numeric weight column and an integer fold column. {@link #select} puts them in that order (label and
 * weight as double, fold as int; weight 1 when there is no weight column), which is what {@link RowReader} reads.
 *
 * <p>{@link #numFeatures} takes the vector size from the column's ML attribute metadata (no job) or else from the
 * first row (one small job), and refuses sizes above {@link #MAX_FEATURES}.
 */
final class FitColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The most features a fit accepts: the Gram matrix of p features is aggregated in full (Spark's normal solver stops
     * at 4096). At p = 8192 an aggregation task holds about 12·(p+2)² bytes (0.8 GB), the driver about 32·p² (2.1 GB).
     */
    static final int MAX_FEATURES = 8192;

    final String features;
    final String label;
    final String weight;
    final String fold;

    private FitColumns(String features, String label, String weight, String fold) {
        this.features = features;
        this.label = label;
        this.weight = weight;
        this.fold = fold;
    }

    /**
     * Checks the columns named by the params against the schema.
     *
     * @param weight the weight column, or null / empty for none
     * @param fold   the fold column, or null / empty for none
     * @throws IllegalArgumentException naming the param, the column and what to do
     */
    static FitColumns check(StructType schema, String features, String label, String weight, String fold) {
        StructField f = field(schema, "featuresCol", features);
        if (!(f.dataType() instanceof VectorUDT)) {
            String hint = f.dataType().getClass().getName().startsWith("org.apache.spark.mllib")
                    ? "it holds the old org.apache.spark.mllib vectors: convert it with MLUtils.convertVectorColumnsToML"
                    : "assemble the feature columns into one vector column with VectorAssembler";
            throw new IllegalArgumentException("featuresCol '" + features + "' has type " + f.dataType().simpleString()
                    + ", expected a vector (org.apache.spark.ml.linalg.Vector): " + hint);
        }
        numeric(schema, "labelCol", label);
        boolean hasWeight = weight != null && !weight.isEmpty();
        if (hasWeight) numeric(schema, "weightCol", weight);
        boolean hasFold = fold != null && !fold.isEmpty();
        if (hasFold) {
            DataType t = field(schema, "foldCol", fold).dataType();
            if (!(t instanceof IntegralType)) {
                throw new IllegalArgumentException("foldCol '" + fold + "' has type " + t.simpleString() + ", expected an integer type");
            }
        }
        return new FitColumns(features, label, hasWeight ? weight : null, hasFold ? fold : null);
    }

    private static StructField field(StructType schema, String param, String name) {
        if (name == null || !Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(param + " '" + name + "' is not a column of the data; its columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(name);
    }

    private static void numeric(StructType schema, String param, String name) {
        DataType t = field(schema, param, name).dataType();
        if (!(t instanceof NumericType)) {
            throw new IllegalArgumentException(param + " '" + name + "' has type " + t.simpleString() + ", expected a numeric type");
        }
    }

    boolean hasFold() {
        return fold != null;
    }

    /** The data reduced to the read columns, in {@link RowReader}'s order. */
    Dataset<Row> select(Dataset<?> data) {
        Column w = weight == null ? lit(1.0) : col(weight).cast(DataTypes.DoubleType);
        if (fold == null) return data.select(col(features), col(label).cast(DataTypes.DoubleType), w);
        return data.select(col(features), col(label).cast(DataTypes.DoubleType), w, col(fold).cast(DataTypes.IntegerType));
    }

    /**
     * The length of the feature vectors: from the column's metadata when it has it (no job runs), else from the first
     * row. Also the bound check, so that a too wide problem fails before the aggregation starts.
     *
     * @throws IllegalArgumentException when the data have no rows, or p exceeds {@link #MAX_FEATURES} or the driver's heap
     */
    int numFeatures(Dataset<?> data, int statistics) {
        int p = AttributeGroup.fromStructField(data.schema().apply(features)).size();
        if (p < 0) {
            Row[] first = (Row[]) data.select(col(features)).head(1);
            if (first.length == 0) throw new IllegalArgumentException("the data have no rows");
            if (first[0].isNullAt(0)) throw new IllegalArgumentException("featuresCol '" + features + "' is null in the first row");
            p = ((Vector) first[0].get(0)).size();
        }
        if (p < 1) throw new IllegalArgumentException("featuresCol '" + features + "' holds vectors of length 0");
        checkMemory(p, statistics);
        return p;
    }

    /** Refuses p above {@link #MAX_FEATURES} and problems whose statistics do not fit the driver's heap. */
    static void checkMemory(int p, int statistics) {
        if (p > MAX_FEATURES) {
            throw new IllegalArgumentException("the feature vectors have " + p + " elements; shrink-spark aggregates their full "
                    + "Gram matrix and accepts at most " + MAX_FEATURES + " features (an aggregation task then holds about "
                    + "12·p² bytes, the driver 32·p²): reduce the features (e.g. ChiSqSelector, PCA) or use Spark's "
                    + "LinearRegression with solver l-bfgs");
        }
        long need = driverBytes(p, statistics);
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new IllegalArgumentException(p + " features need about " + (need >> 20) + " MB on the driver, its heap is "
                    + (max >> 20) + " MB: raise spark.driver.memory (or -Xmx of the driver JVM)");
        }
    }

    /**
     * Driver memory of a fit: the merged triangles of the statistics (4·(p+2)² bytes each, two during a merge) and the
     * solver's working copies of the p×p Gram matrix (three of 8·p² bytes).
     */
    static long driverBytes(int p, int statistics) {
        long q = p + 2L;
        return 4 * q * q * (statistics + 1) + 24L * p * p;
    }
}
