package dev.shrink.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * Spark ML persistence of the shrink models, in Spark's layout: {@code path/metadata} (class, uid, params, written
 * and read by Spark's {@code DefaultParamsWritable} / {@code DefaultParamsReadable}) and the model's data as parquet
 * under {@code path/data} (and further tables beside it). Pipelines save and load such stages like Spark's own.
 */
final class ModelIO {
    private ModelIO() {}

    /** One table of a model's data, made when the model is saved. */
    @FunctionalInterface
    interface Table {
        Dataset<Row> make(SparkSession session);
    }

    /** Writes the metadata with Spark's default writer, then each table under {@code path/name}. */
    static final class Writer extends MLWriter {
        private final MLWriter metadata;
        private final String[] names;
        private final Table[] tables;

        Writer(MLWriter metadata, String[] names, Table... tables) {
            this.metadata = metadata;
            this.names = names.clone();
            this.tables = tables.clone();
        }

        @Override
        public void saveImpl(String path) {
            try {
                metadata.session(sparkSession()).save(path);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (int t = 0; t < tables.length; t++) {
                tables[t].make(sparkSession()).coalesce(1).write().parquet(path + "/" + names[t]);
            }
        }
    }

    /** The data of a linear model: one row of intercept and coefficients. */
    static final StructType COEFFICIENTS = new StructType().add("intercept", DataTypes.DoubleType).add("coefficients", new VectorUDT());

    /** Makes a model from its uid and data. */
    interface Maker<M> {
        M make(String uid, Vector coefficients, double intercept);
    }

    /** The writer of a model whose data are its intercept and coefficients ({@link #COEFFICIENTS}). */
    static MLWriter coefficientsWriter(MLWriter metadata, double intercept, Vector coefficients) {
        return new Writer(metadata, new String[] {"data"},
                session -> session.createDataFrame(List.of(RowFactory.create(intercept, coefficients)), COEFFICIENTS));
    }

    /** A model written by {@link #coefficientsWriter}, made by {@code maker} and given its saved params. */
    static <M extends Params> M readCoefficients(SparkSession session, String path, Maker<M> maker) {
        Params shell = metadata(session, path);
        Row data = table(session, path, "data").head();
        return withParams(shell, maker.make(shell.uid(), data.getAs("coefficients"), data.<Double>getAs("intercept")));
    }

    /** The stage Spark's default reader makes from {@code path/metadata}: the class's (uid) instance with its params. */
    static <T extends Params> T metadata(SparkSession session, String path) {
        return new DefaultParamsReadable<T>() {}.read().session(session).load(path);
    }

    /** Table {@code name} of a saved model. */
    static Dataset<Row> table(SparkSession session, String path, String name) {
        return session.read().parquet(path + "/" + name);
    }

    /** Gives {@code to} the params of {@code from} (the loaded metadata) and returns it. */
    static <T extends Params> T withParams(Params from, T to) {
        return from.copyValues(to, ParamMap.empty());
    }
}
