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
        implements DefaultParamsWritable,
        ElasticNetParams<ShrinkLinearRegression> {
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

    @Override public DoubleParam regParam() { return regParam; }
    @Override public DoubleParam elasticNetParam() { return elasticNetParam; }
    @Override public BooleanParam fitIntercept() { return fitIntercept; }
    @Override public BooleanParam standardization() { return standardization; }
    @Override public Param<String> weightCol() { return weightCol; }
    @Override public IntParam maxIter() { return maxIter; }
    @Override public DoubleParam tol() { return tol; }
    @Override public IntParam aggregationDepth() { return aggregationDepth; }
    /** Whose standardisation: 'normal', 'l-bfgs' or 'auto' (see {@link SparkParams#solver}). */
    public Param<String> solver() { return solver; }

    public String getSolver() { return $(solver); }

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
