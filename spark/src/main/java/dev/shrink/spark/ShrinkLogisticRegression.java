package dev.shrink.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Binary logistic regression with Spark's {@code LogisticRegression} params and objective (elastic-net penalty on the
 * standardised coefficients), fitted by proximal Newton steps of one pass each ({@link LogisticNewton}): typically
 * 5–10 passes where Spark's L-BFGS / OWL-QN takes tens to hundreds.
 *
 * <p>The data are read once into cached blocks (dense or compressed sparse rows, checked on the way: finite features,
 * labels 0 or 1, weights ≥ 0), and every pass aggregates the loss, the gradient and the Hessian XᵀDX with shrink's
 * Gram kernel. Up to {@value FitColumns#MAX_FEATURES} features (the Hessian is p×p).
 *
 * <p>Params (Spark's names and defaults): {@code regParam} 0, {@code elasticNetParam} 0, {@code fitIntercept} true,
 * {@code standardization} true, {@code weightCol} unset, {@code maxIter} 100 (Newton steps), {@code tol} 1e-6 (largest
 * element of the objective's minimum-norm subgradient), {@code aggregationDepth} 2, {@code family} auto / binomial
 * (multinomial is not offered), {@code thresholds}, {@code featuresCol}, {@code labelCol}, {@code predictionCol},
 * {@code rawPredictionCol}, {@code probabilityCol}. Bounds on coefficients are not offered.
 */
public final class ShrinkLogisticRegression
        extends ProbabilisticClassifier<Vector, ShrinkLogisticRegression, ShrinkLogisticRegressionModel> implements DefaultParamsWritable,
        ElasticNetParams<ShrinkLogisticRegression> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final DoubleParam regParam;
    private final DoubleParam elasticNetParam;
    private final BooleanParam fitIntercept;
    private final BooleanParam standardization;
    private final Param<String> weightCol;
    private final IntParam maxIter;
    private final DoubleParam tol;
    private final IntParam aggregationDepth;
    private final Param<String> family;

    public ShrinkLogisticRegression() {
        this(Identifiable.randomUID("shrinkLogReg"));
    }

    /** With the given uid (Spark ML persistence and {@code copy} use this constructor). */
    public ShrinkLogisticRegression(String uid) {
        this.uid = uid; // before super(): Spark's shared params read uid() while the superclass is constructed
        super();
        regParam = SparkParams.regParam(this);
        elasticNetParam = SparkParams.elasticNetParam(this);
        fitIntercept = SparkParams.fitIntercept(this);
        standardization = SparkParams.standardization(this);
        weightCol = SparkParams.weightCol(this);
        maxIter = SparkParams.maxIter(this, "Newton steps");
        tol = SparkParams.tol(this, "largest element of the objective's minimum-norm subgradient");
        aggregationDepth = SparkParams.aggregationDepth(this);
        family = new Param<>(this, "family", "the label distribution: 'auto' or 'binomial' (binary logistic regression)",
                ParamValidators.inArray(new String[] {"auto", "binomial"}));
        setDefault(regParam, 0.0);
        setDefault(elasticNetParam, 0.0);
        setDefault(fitIntercept, true);
        setDefault(standardization, true);
        setDefault(maxIter, 100);
        setDefault(tol, 1e-6);
        setDefault(aggregationDepth, 2);
        setDefault(family, "auto");
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override public DoubleParam regParam() { return regParam; }
    @Override public DoubleParam elasticNetParam() { return elasticNetParam; }
    @Override public BooleanParam fitIntercept() { return fitIntercept; }
    @Override public BooleanParam standardization() { return standardization; }
    @Override public Param<String> weightCol() { return weightCol; }
    @Override public IntParam maxIter() { return maxIter; }
    @Override public DoubleParam tol() { return tol; }
    @Override public IntParam aggregationDepth() { return aggregationDepth; }
    /** 'auto' or 'binomial': binary logistic regression either way. */
    public Param<String> family() { return family; }

    public String getFamily() { return $(family); }

    /** Sets {@link #family()}. */
    public ShrinkLogisticRegression setFamily(String v) { set(family, v); return this; }

    /** Checks the columns (present, of the right types) before Spark's own schema checks, with messages that say what to do. */
    @Override
    public StructType transformSchema(StructType schema) {
        FitColumns.check(schema, getFeaturesCol(), getLabelCol(), getWeightCol(), null);
        return super.transformSchema(schema);
    }

    @Override
    public ShrinkLogisticRegressionModel train(Dataset<?> dataset) {
        FitColumns columns = FitColumns.check(dataset.schema(), getFeaturesCol(), getLabelCol(), getWeightCol(), null);
        int p = columns.numFeatures(dataset, 2);
        JavaRDD<RowBlock> blocks = columns.select(dataset).javaRDD().mapPartitionsWithIndex((partition, rows) ->
                RowBlock.blocks(rows, new RowReader(columns, partition, p, RowReader.Labels.BINARY, 1), p), false);
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            LogisticNewton.Fit fit = LogisticNewton.fit(blocks, p, new LogisticNewton.Settings(getRegParam(), getElasticNetParam(),
                    getFitIntercept(), getStandardization(), getMaxIter(), getTol(), getAggregationDepth()));
            return new ShrinkLogisticRegressionModel(uid, Vectors.dense(fit.coefficients()).compressed(), fit.intercept(), fit.report());
        } finally {
            blocks.unpersist(false);
        }
    }

    @Override
    public ShrinkLogisticRegression copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark ML persistence: the reader of saved estimators. */
    public static MLReader<ShrinkLogisticRegression> read() {
        return new DefaultParamsReadable<ShrinkLogisticRegression>() {}.read();
    }

    /** Loads an estimator saved with {@code write().save(path)}. */
    public static ShrinkLogisticRegression load(String path) {
        return read().load(path);
    }
}
