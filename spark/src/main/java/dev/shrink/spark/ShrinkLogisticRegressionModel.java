package dev.shrink.spark;

import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;


/**
 * A fitted binary logistic model P(y = 1 | x) = 1/(1 + e^−(x·w + b)), as Spark's {@code LogisticRegressionModel} for two
 * classes: raw prediction (−m, m) for the margin m = x·w + b, probability (1 − P, P), prediction by the
 * {@code thresholds} (default: P &gt; ½). Works in a {@code Pipeline}, with the classification evaluators, and with
 * Spark ML persistence.
 */
public final class ShrinkLogisticRegressionModel extends ProbabilisticClassificationModel<Vector, ShrinkLogisticRegressionModel>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Vector coefficients;
    private final double intercept;
    private final FitReport report;

    ShrinkLogisticRegressionModel(String uid, Vector coefficients, double intercept, FitReport report) {
        this.uid = uid;
        super();
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.report = report;
    }

    /** An empty model (no features) with this uid: what Spark ML persistence instantiates before reading the data. */
    public ShrinkLogisticRegressionModel(String uid) {
        this(uid, Vectors.zeros(0), 0.0, null);
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

    @Override
    public int numClasses() {
        return 2;
    }

    /** Whether {@link #fitReport()} is available (it is not for a loaded model). */
    public boolean hasFitReport() {
        return report != null;
    }

    /** How the fit went. @throws IllegalStateException for a loaded model */
    public FitReport fitReport() {
        if (report == null) throw new IllegalStateException("no fit report: this model was loaded, not fitted");
        return report;
    }

    /** Sets the thresholds so that a row is predicted 1 when P(y = 1 | x) &gt; t (Spark's binary {@code threshold}). */
    public ShrinkLogisticRegressionModel setThreshold(double t) {
        return setThresholds(new double[] {1 - t, t});
    }

    @Override
    public Vector predictRaw(Vector features) {
        double m = features.dot(coefficients) + intercept;
        return Vectors.dense(-m, m);
    }

    @Override
    public Vector raw2probabilityInPlace(Vector raw) {
        double[] v = ((DenseVector) raw).values();
        double m = v[1];
        double p = m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
        v[0] = 1 - p;
        v[1] = p;
        return raw;
    }

    /** Spark's hook for training summaries, unchanged: declared only because javac cannot see Scala's covariant override. */
    @Override
    @SuppressWarnings("rawtypes")
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    @Override
    public ShrinkLogisticRegressionModel copy(ParamMap extra) {
        return copyValues(new ShrinkLogisticRegressionModel(uid, coefficients, intercept, report), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return ModelIO.coefficientsWriter(DefaultParamsWritable.super.write(), intercept, coefficients);
    }

    /** Spark ML persistence: the reader of saved models. */
    public static MLReader<ShrinkLogisticRegressionModel> read() {
        return new MLReader<>() {
            @Override
            public ShrinkLogisticRegressionModel load(String path) {
                return ModelIO.readCoefficients(sparkSession(), path, (uid, c, b) -> new ShrinkLogisticRegressionModel(uid, c, b, null));
            }
        };
    }

    /** Loads a model saved with {@code write().save(path)}. */
    public static ShrinkLogisticRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "ShrinkLogisticRegressionModel: uid=" + uid + ", numFeatures=" + numFeatures();
    }
}
