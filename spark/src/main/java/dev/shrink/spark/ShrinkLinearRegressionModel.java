package dev.shrink.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;


/**
 * A fitted linear model ŷ = x·w + b, as Spark's {@code LinearRegressionModel}: {@code transform} adds the prediction
 * column, it works in a {@code Pipeline} and with {@code RegressionEvaluator}, and it is saved and loaded with Spark ML
 * persistence ({@code write().save(path)}, {@link #load}). Spark's model class cannot be built outside Spark's own
 * packages (its constructor is {@code private[ml]}), hence this one.
 */
public final class ShrinkLinearRegressionModel extends RegressionModel<Vector, ShrinkLinearRegressionModel>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Vector coefficients;
    private final double intercept;
    private final FitReport report;

    ShrinkLinearRegressionModel(String uid, Vector coefficients, double intercept, FitReport report) {
        this.uid = uid;
        super();
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.report = report;
    }

    /** An empty model (no features) with this uid: what Spark ML persistence instantiates before reading the data. */
    public ShrinkLinearRegressionModel(String uid) {
        this(uid, org.apache.spark.ml.linalg.Vectors.zeros(0), 0.0, null);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The coefficients w, on the scale of the features. */
    public Vector coefficients() {
        return coefficients;
    }

    /** The intercept b (0 without fitIntercept). */
    public double intercept() {
        return intercept;
    }

    @Override
    public int numFeatures() {
        return coefficients.size();
    }

    /** Whether {@link #fitReport()} is available (it is not for a loaded model, as Spark's training summary). */
    public boolean hasFitReport() {
        return report != null;
    }

    /** How the fit went. @throws IllegalStateException for a loaded model */
    public FitReport fitReport() {
        if (report == null) throw new IllegalStateException("no fit report: this model was loaded, not fitted");
        return report;
    }

    @Override
    public double predict(Vector features) {
        return features.dot(coefficients) + intercept;
    }

    @Override
    public ShrinkLinearRegressionModel copy(ParamMap extra) {
        return copyValues(new ShrinkLinearRegressionModel(uid, coefficients, intercept, report), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return ModelIO.coefficientsWriter(DefaultParamsWritable.super.write(), intercept, coefficients);
    }

    /** Spark ML persistence: the reader of saved models. */
    public static MLReader<ShrinkLinearRegressionModel> read() {
        return new MLReader<>() {
            @Override
            public ShrinkLinearRegressionModel load(String path) {
                return ModelIO.readCoefficients(sparkSession(), path, (uid, c, b) -> new ShrinkLinearRegressionModel(uid, c, b, null));
            }
        };
    }

    /** Loads a model saved with {@code write().save(path)}. */
    public static ShrinkLinearRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "ShrinkLinearRegressionModel: uid=" + uid + ", numFeatures=" + numFeatures();
    }
}
