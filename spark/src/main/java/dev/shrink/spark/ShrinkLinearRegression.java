package dev.shrink.spark;

import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Linear regression with Spark's {@code LinearRegression} params and objective (squared error, elastic-net penalty,
 * Spark's standardisation of features and label), fitted from one pass over the data.
 *
 * <p>The pass is one {@code treeAggregate} of per-partition sufficient statistics — the Gram matrix of the rows
 * augmented with 1 and the label, dense rows in blocks through shrink's Gram kernel, sparse rows as sparse products
 * ({@link MomentSums}) — and the solve is shrink's, on the driver ({@link SparkLeastSquares}: Cholesky for ridge,
 * coordinate descent to a duality-gap tolerance for the elastic net). Unlike Spark's normal solver it has no
 * 4096-feature cap: up to {@value FitColumns#MAX_FEATURES} features (memory: {@link FitColumns#MAX_FEATURES}).
 *
 * <p>Params (Spark's names and defaults): {@code regParam} 0, {@code elasticNetParam} 0, {@code fitIntercept} true,
 * {@code standardization} true, {@code weightCol} unset, {@code maxIter} 1000 (coordinate-descent sweeps on the driver:
 * Spark's default of 100 counts quasi-Newton iterations, and a sweep does less work than one; strongly correlated
 * features at a small regParam can take several hundred),
 * {@code tol} 1e-6 (duality gap relative to the standardised label's sum of squares), {@code aggregationDepth} 2,
 * {@code solver} auto, {@code featuresCol}, {@code labelCol}, {@code predictionCol}. Spark's {@code loss = huber} is
 * not offered. Bad columns fail before any job runs; bad rows fail the pass with the row's partition and position.
 */
public final class ShrinkLinearRegression extends Predictor<Vector, ShrinkLinearRegression, ShrinkLinearRegressionModel>
        implements DefaultParamsWritable {
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
    private final Param<String> solver;

    public ShrinkLinearRegression() {
        this(Identifiable.randomUID("shrinkLinReg"));
    }

    /** With the given uid (Spark ML persistence and {@code copy} use this constructor). */
    public ShrinkLinearRegression(String uid) {
        this.uid = uid; // before super(): Spark's shared params read uid() while the superclass is constructed
        super();
        regParam = SparkParams.regParam(this);
        elasticNetParam = SparkParams.elasticNetParam(this);
        fitIntercept = SparkParams.fitIntercept(this);
        standardization = SparkParams.standardization(this);
        weightCol = SparkParams.weightCol(this);
        maxIter = SparkParams.maxIter(this, "coordinate-descent sweeps of the elastic-net solve");
        tol = SparkParams.tol(this, "duality gap of the elastic-net solve relative to the standardised label's sum of squares");
        aggregationDepth = SparkParams.aggregationDepth(this);
        solver = SparkParams.solver(this);
        setDefault(regParam, 0.0);
        setDefault(elasticNetParam, 0.0);
        setDefault(fitIntercept, true);
        setDefault(standardization, true);
        setDefault(maxIter, 1000);
        setDefault(tol, 1e-6);
        setDefault(aggregationDepth, 2);
        setDefault(solver, "auto");
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
    /** Most coordinate-descent sweeps. */
    public IntParam maxIter() { return maxIter; }
    /** Duality-gap tolerance of the elastic-net solve. */
    public DoubleParam tol() { return tol; }
    /** Depth of the treeAggregate that sums the partitions' statistics. */
    public IntParam aggregationDepth() { return aggregationDepth; }
    /** Whose standardisation: 'normal', 'l-bfgs' or 'auto' (see {@link SparkParams#solver}). */
    public Param<String> solver() { return solver; }

    public double getRegParam() { return (Double) $(regParam); }
    public double getElasticNetParam() { return (Double) $(elasticNetParam); }
    public boolean getFitIntercept() { return (Boolean) $(fitIntercept); }
    public boolean getStandardization() { return (Boolean) $(standardization); }
    public String getWeightCol() { return isDefined(weightCol) ? $(weightCol) : ""; }
    public int getMaxIter() { return (Integer) $(maxIter); }
    public double getTol() { return (Double) $(tol); }
    public int getAggregationDepth() { return (Integer) $(aggregationDepth); }
    public String getSolver() { return $(solver); }

    /** Sets {@link #regParam()}. */
    public ShrinkLinearRegression setRegParam(double v) { set(regParam, v); return this; }
    /** Sets {@link #elasticNetParam()}. */
    public ShrinkLinearRegression setElasticNetParam(double v) { set(elasticNetParam, v); return this; }
    /** Sets {@link #fitIntercept()}. */
    public ShrinkLinearRegression setFitIntercept(boolean v) { set(fitIntercept, v); return this; }
    /** Sets {@link #standardization()}. */
    public ShrinkLinearRegression setStandardization(boolean v) { set(standardization, v); return this; }
    /** Sets {@link #weightCol()}. */
    public ShrinkLinearRegression setWeightCol(String v) { set(weightCol, v); return this; }
    /** Sets {@link #maxIter()}. */
    public ShrinkLinearRegression setMaxIter(int v) { set(maxIter, v); return this; }
    /** Sets {@link #tol()}. */
    public ShrinkLinearRegression setTol(double v) { set(tol, v); return this; }
    /** Sets {@link #aggregationDepth()}. */
    public ShrinkLinearRegression setAggregationDepth(int v) { set(aggregationDepth, v); return this; }
    /** Sets {@link #solver()}. */
    public ShrinkLinearRegression setSolver(String v) { set(solver, v); return this; }

    /** Checks the columns (present, of the right types) before Spark's own schema checks, with messages that say what to do. */
    @Override
    public StructType transformSchema(StructType schema) {
        FitColumns.check(schema, getFeaturesCol(), getLabelCol(), getWeightCol(), null);
        return super.transformSchema(schema);
    }

    @Override
    public ShrinkLinearRegressionModel train(Dataset<?> dataset) {
        FitColumns columns = FitColumns.check(dataset.schema(), getFeaturesCol(), getLabelCol(), getWeightCol(), null);
        int p = columns.numFeatures(dataset, 1);
        MomentSums sums = Jobs.moments(columns.select(dataset), columns, p, 1, 0L, getAggregationDepth())[0];
        if (sums.rows() == 0) throw new IllegalArgumentException("the data have no rows");
        SparkLeastSquares.Fit fit = SparkLeastSquares.fit(sums, settings(p));
        FitReport report = Reports.of(sums, 1, fit.convergence());
        return new ShrinkLinearRegressionModel(uid, Vectors.dense(fit.coefficients()).compressed(), fit.intercept(), report);
    }

    SparkLeastSquares.Settings settings(int p) {
        return new SparkLeastSquares.Settings(getRegParam(), getElasticNetParam(), getFitIntercept(), getStandardization(),
                SparkParams.deviation(getSolver(), p), getMaxIter(), getTol());
    }

    @Override
    public ShrinkLinearRegression copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark ML persistence: the reader of saved estimators. */
    public static MLReader<ShrinkLinearRegression> read() {
        return new DefaultParamsReadable<ShrinkLinearRegression>() {}.read();
    }

    /** Loads an estimator saved with {@code write().save(path)}. */
    public static ShrinkLinearRegression load(String path) {
        return read().load(path);
    }
}
