package dev.shrink.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The model {@link ShrinkLinearRegressionCV} selects: the linear fit on all rows at the chosen elasticNetParam and
 * regParam (predicting as {@link ShrinkLinearRegressionModel}), with the cross-validation curve it was chosen from
 * ({@link #curve()}, and {@link #summary()} as a plot-ready DataFrame). Saved and loaded with Spark ML persistence,
 * curve included.
 */
public final class ShrinkLinearRegressionCVModel extends RegressionModel<Vector, ShrinkLinearRegressionCVModel>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final StructType DATA = new StructType().add("intercept", DataTypes.DoubleType).add("coefficients", new VectorUDT())
            .add("metricName", DataTypes.StringType).add("numFolds", DataTypes.IntegerType).add("selectionRule", DataTypes.StringType);

    private final String uid;
    private final Vector coefficients;
    private final double intercept;
    private final CvCurve curve;
    private final FitReport report;

    ShrinkLinearRegressionCVModel(String uid, Vector coefficients, double intercept, CvCurve curve, FitReport report) {
        this.uid = uid;
        super();
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.curve = curve;
        this.report = report;
    }

    /** An empty model with this uid: what Spark ML persistence instantiates before reading the data. */
    public ShrinkLinearRegressionCVModel(String uid) {
        this(uid, Vectors.zeros(0), 0.0, null, null);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The coefficients of the selected fit. */
    public Vector coefficients() {
        return coefficients;
    }

    /** The intercept of the selected fit. */
    public double intercept() {
        return intercept;
    }

    /** The selected regParam. */
    public double regParam() {
        return curve.selectedRegParam();
    }

    /** The selected elasticNetParam. */
    public double elasticNetParam() {
        return curve.selectedElasticNetParam();
    }

    /** The cross-validation curve. */
    public CvCurve curve() {
        return curve;
    }

    /** The curve as a DataFrame of the active session, one row per (elasticNetParam, regParam): see {@link CvCurve#SCHEMA}. */
    public Dataset<Row> summary() {
        return curve.toDataFrame(SparkSession.active());
    }

    /** Whether {@link #fitReport()} is available (it is not for a loaded model). */
    public boolean hasFitReport() {
        return report != null;
    }

    /** How the pass and the final fit went. @throws IllegalStateException for a loaded model */
    public FitReport fitReport() {
        if (report == null) throw new IllegalStateException("no fit report: this model was loaded, not fitted");
        return report;
    }

    @Override
    public int numFeatures() {
        return coefficients.size();
    }

    @Override
    public double predict(Vector features) {
        return features.dot(coefficients) + intercept;
    }

    @Override
    public ShrinkLinearRegressionCVModel copy(ParamMap extra) {
        return copyValues(new ShrinkLinearRegressionCVModel(uid, coefficients, intercept, curve, report), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new ModelIO.Writer(DefaultParamsWritable.super.write(), new String[] {"data", "curve"},
                session -> session.createDataFrame(List.of(RowFactory.create(intercept, coefficients, curve.metricName(), curve.numFolds(),
                        curve.selectedRule())), DATA),
                session -> curve.toDataFrame(session));
    }

    /** Spark ML persistence: the reader of saved models. */
    public static MLReader<ShrinkLinearRegressionCVModel> read() {
        return new MLReader<>() {
            @Override
            public ShrinkLinearRegressionCVModel load(String path) {
                ShrinkLinearRegressionCVModel shell = ModelIO.metadata(sparkSession(), path);
                Row data = ModelIO.table(sparkSession(), path, "data").head();
                List<Row> rows = ModelIO.table(sparkSession(), path, "curve").collectAsList();
                CvCurve curve = CvCurve.fromRows(rows, data.getAs("metricName"), data.<Integer>getAs("numFolds"), data.getAs("selectionRule"));
                return ModelIO.withParams(shell, new ShrinkLinearRegressionCVModel(shell.uid(), data.getAs("coefficients"),
                        data.<Double>getAs("intercept"), curve, null));
            }
        };
    }

    /** Loads a model saved with {@code write().save(path)}. */
    public static ShrinkLinearRegressionCVModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "ShrinkLinearRegressionCVModel: uid=" + uid + ", numFeatures=" + numFeatures() + ", regParam=" + regParam()
                + ", elasticNetParam=" + elasticNetParam();
    }
}
