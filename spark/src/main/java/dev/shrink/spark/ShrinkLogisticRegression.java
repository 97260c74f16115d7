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
        extends ProbabilisticClassifier<Vector, ShrinkLogisticRegression, ShrinkLogisticRegressionModel> implements DefaultParamsWritable {
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

    /** Regularization parameter λ (≥ 0). */
    public DoubleParam regParam() { return regParam; }
    /** The elastic-net mixing parameter α in [0, 1] (0: L2, 1: L1). */
    public DoubleParam elasticNetParam() { return elasticNetParam; }
    /** Whether to fit an (unpenalised) intercept. */
    public BooleanParam fitIntercept() { return fitIntercept; }
    /** Whether to penalise the standardised coefficients (Spark's default) or the raw ones. */
    public BooleanParam standardization() { return standardization; }
    /** Column of non-negative instance weights (unset or empty: all 1). */
    public Param<String> weightCol() { return weightCol; }
    /** Most Newton steps. */
    public IntParam maxIter() { return maxIter; }
    /** Tolerance on the largest element of the objective's minimum-norm subgradient. */
    public DoubleParam tol() { return tol; }
    /** Depth of the treeAggregate of every pass. */
    public IntParam aggregationDepth() { return aggregationDepth; }
    /** 'auto' or 'binomial': binary logistic regression either way. */
    public Param<String> family() { return family; }

    public double getRegParam() { return (Double) $(regParam); }
    public double getElasticNetParam() { return (Double) $(elasticNetParam); }
    public boolean getFitIntercept() { return (Boolean) $(fitIntercept); }
    public boolean getStandardization() { return (Boolean) $(standardization); }
    public String getWeightCol() { return isDefined(weightCol) ? $(weightCol) : ""; }
    public int getMaxIter() { return (Integer) $(maxIter); }
    public double getTol() { return (Double) $(tol); }
    public int getAggregationDepth() { return (Integer) $(aggregationDepth); }
    public String getFamily() { return $(family); }

    /** Sets {@link #regParam()}. */
    public ShrinkLogisticRegression setRegParam(double v) { set(regParam, v); return this; }
    /** Sets {@link #elasticNetParam()}. */
    public ShrinkLogisticRegression setElasticNetParam(double v) { set(elasticNetParam, v); return this; }
    /** Sets {@link #fitIntercept()}. */
    public ShrinkLogisticRegression setFitIntercept(boolean v) { set(fitIntercept, v); return this; }
    /** Sets {@link #standardization()}. */
    public ShrinkLogisticRegression setStandardization(boolean v) { set(standardization, v); return this; }
    /** Sets {@link #weightCol()}. */
    public ShrinkLogisticRegression setWeightCol(String v) { set(weightCol, v); return this; }
    /** Sets {@link #maxIter()}. */
    public ShrinkLogisticRegression setMaxIter(int v) { set(maxIter, v); return this; }
    /** Sets {@link #tol()}. */
    public ShrinkLogisticRegression setTol(double v) { set(tol, v); return this; }
    /** Sets {@link #aggregationDepth()}. */
    public ShrinkLogisticRegression setAggregationDepth(int v) { set(aggregationDepth, v); return this; }
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
