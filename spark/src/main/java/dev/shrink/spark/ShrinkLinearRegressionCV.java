package dev.shrink.spark;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/**
 * K-fold cross-validation of whole elastic-net paths, Spark's {@code LinearRegression} objective at every point, in one
 * pass over the data: every row is added to the statistics of its fold (K {@link MomentSums} aggregated at once — the
 * (K+1)-th, the total, is their sum); training statistics are total − fold, each training path is solved by shrink from
 * them, and each path point's validation error comes from the fold's statistics ({@link PathValidation}). Spark's
 * {@code CrossValidator} refits every grid point on every fold instead, one or more passes each.
 *
 * <p>Returns a {@link ShrinkLinearRegressionCVModel}: the fit on all rows at the selected (elasticNetParam, regParam) —
 * the best mean validation metric, or glmnet's one-standard-error rule — and the whole {@link CvCurve}.
 *
 * <p>Params: those of {@link ShrinkLinearRegression} except regParam and elasticNetParam, and {@code elasticNetParams}
 * (default [1.0]: the lasso, as glmnet), {@code regParams} (an explicit grid; empty: glmnet's grid of
 * {@code numRegParams} = 100 values from the smallest regParam that zeroes every coefficient down to
 * {@code regParamMinRatio} of it, default 1e-4, or 0.01 when there are fewer rows than features), {@code numFolds}
 * (5), {@code foldCol} (an integer column of folds 0 .. numFolds − 1; unset: a seeded hash of each row's partition and
 * position, see {@link Jobs#fold}), {@code seed}, {@code metricName} (rmse as RegressionEvaluator, mse or r2; weighted
 * by the weight column), {@code selectionRule} (min or 1se).
 */
public final class ShrinkLinearRegressionCV extends Estimator<ShrinkLinearRegressionCVModel> implements DefaultParamsWritable,
        PenalizedFitParams<ShrinkLinearRegressionCV> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> weightCol;
    private final BooleanParam fitIntercept;
    private final BooleanParam standardization;
    private final IntParam maxIter;
    private final DoubleParam tol;
    private final IntParam aggregationDepth;
    private final Param<String> solver;
    private final DoubleArrayParam elasticNetParams;
    private final DoubleArrayParam regParams;
    private final IntParam numRegParams;
    private final DoubleParam regParamMinRatio;
    private final IntParam numFolds;
    private final Param<String> foldCol;
    private final LongParam seed;
    private final Param<String> metricName;
    private final Param<String> selectionRule;

    public ShrinkLinearRegressionCV() {
        this(Identifiable.randomUID("shrinkLinRegCV"));
    }

    /** With the given uid (Spark ML persistence and {@code copy} use this constructor). */
    public ShrinkLinearRegressionCV(String uid) {
        this.uid = uid; // before super(): params read uid() when they are made
        super();
        featuresCol = new Param<>(this, "featuresCol", "features column name");
        labelCol = new Param<>(this, "labelCol", "label column name");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        weightCol = SparkParams.weightCol(this);
        fitIntercept = SparkParams.fitIntercept(this);
        standardization = SparkParams.standardization(this);
        maxIter = SparkParams.maxIter(this, "coordinate-descent sweeps per path point");
        tol = SparkParams.tol(this, "duality gap of each path point relative to the standardised label's sum of squares");
        aggregationDepth = SparkParams.aggregationDepth(this);
        solver = SparkParams.solver(this);
        elasticNetParams = new DoubleArrayParam(this, "elasticNetParams", "the elasticNetParam values to cross-validate, each in [0, 1]",
                ShrinkLinearRegressionCV::unitInterval);
        regParams = new DoubleArrayParam(this, "regParams", "explicit regParam grid, each ≥ 0 (empty: glmnet's grid)",
                ShrinkLinearRegressionCV::nonNegative);
        numRegParams = new IntParam(this, "numRegParams", "number of regParam values of the automatic grid (>= 1)", ParamValidators.gtEq(1));
        regParamMinRatio = new DoubleParam(this, "regParamMinRatio", "smallest / largest regParam of the automatic grid, in (0, 1) "
                + "(0: 1e-4, or 0.01 when there are fewer rows than features)", ParamValidators.inRange(0, 1, true, false));
        numFolds = new IntParam(this, "numFolds", "number of folds (>= 2)", ParamValidators.gtEq(2));
        foldCol = new Param<>(this, "foldCol", "integer column of user-specified folds 0 .. numFolds - 1 (empty: seeded hash)");
        seed = new LongParam(this, "seed", "seed of the fold assignment");
        metricName = new Param<>(this, "metricName", "validation metric: rmse, mse or r2",
                ParamValidators.inArray(new String[] {"rmse", "mse", "r2"}));
        selectionRule = new Param<>(this, "selectionRule", "which model to return: min (best mean metric) or 1se (strongest "
                + "regParam within one standard error of the best)", ParamValidators.inArray(new String[] {"min", "1se"}));
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(fitIntercept, true);
        setDefault(standardization, true);
        setDefault(maxIter, 1000);
        setDefault(tol, 1e-6);
        setDefault(aggregationDepth, 2);
        setDefault(solver, "auto");
        setDefault(elasticNetParams, new double[] {1.0});
        setDefault(regParams, new double[0]);
        setDefault(numRegParams, 100);
        setDefault(regParamMinRatio, 0.0);
        setDefault(numFolds, 5);
        setDefault(foldCol, "");
        setDefault(seed, (long) ShrinkLinearRegressionCV.class.getName().hashCode());
        setDefault(metricName, "rmse");
        setDefault(selectionRule, "min");
    }

    private static boolean unitInterval(double[] v) {
        if (v.length == 0) return false;
        for (double x : v) if (!(x >= 0 && x <= 1)) return false;
        return true;
    }

    private static boolean nonNegative(double[] v) {
        for (double x : v) if (!(x >= 0) || x == Double.POSITIVE_INFINITY) return false;
        return true;
    }

    @Override
    public String uid() {
        return uid;
    }

    /** Features column (vectors). */
    public Param<String> featuresCol() { return featuresCol; }
    /** Label column (numeric). */
    public Param<String> labelCol() { return labelCol; }
    /** Prediction column of the fitted model. */
    public Param<String> predictionCol() { return predictionCol; }
    @Override public Param<String> weightCol() { return weightCol; }
    @Override public BooleanParam fitIntercept() { return fitIntercept; }
    @Override public BooleanParam standardization() { return standardization; }
    @Override public IntParam maxIter() { return maxIter; }
    @Override public DoubleParam tol() { return tol; }
    @Override public IntParam aggregationDepth() { return aggregationDepth; }
    /** Whose standardisation: 'normal', 'l-bfgs' or 'auto' (see {@link ShrinkLinearRegression#solver()}). */
    public Param<String> solver() { return solver; }
    /** The elasticNetParam values to cross-validate. */
    public DoubleArrayParam elasticNetParams() { return elasticNetParams; }
    /** Explicit regParam grid (empty: the automatic grid). */
    public DoubleArrayParam regParams() { return regParams; }
    /** Length of the automatic regParam grid. */
    public IntParam numRegParams() { return numRegParams; }
    /** Smallest / largest regParam of the automatic grid (0: glmnet's default). */
    public DoubleParam regParamMinRatio() { return regParamMinRatio; }
    /** Number of folds K. */
    public IntParam numFolds() { return numFolds; }
    /** Integer fold column (empty: seeded hash of partition and position). */
    public Param<String> foldCol() { return foldCol; }
    /** Seed of the fold assignment. */
    public LongParam seed() { return seed; }
    /** rmse, mse or r2. */
    public Param<String> metricName() { return metricName; }
    /** min or 1se. */
    public Param<String> selectionRule() { return selectionRule; }

    public String getFeaturesCol() { return $(featuresCol); }
    public String getLabelCol() { return $(labelCol); }
    public String getPredictionCol() { return $(predictionCol); }
    public String getSolver() { return $(solver); }
    public double[] getElasticNetParams() { return $(elasticNetParams).clone(); }
    public double[] getRegParams() { return $(regParams).clone(); }
    public int getNumRegParams() { return (Integer) $(numRegParams); }
    public double getRegParamMinRatio() { return (Double) $(regParamMinRatio); }
    public int getNumFolds() { return (Integer) $(numFolds); }
    public String getFoldCol() { return $(foldCol); }
    public long getSeed() { return (Long) $(seed); }
    public String getMetricName() { return $(metricName); }
    public String getSelectionRule() { return $(selectionRule); }

    /** Sets {@link #featuresCol()}. */
    public ShrinkLinearRegressionCV setFeaturesCol(String v) { set(featuresCol, v); return this; }
    /** Sets {@link #labelCol()}. */
    public ShrinkLinearRegressionCV setLabelCol(String v) { set(labelCol, v); return this; }
    /** Sets {@link #predictionCol()}. */
    public ShrinkLinearRegressionCV setPredictionCol(String v) { set(predictionCol, v); return this; }
    /** Sets {@link #solver()}. */
    public ShrinkLinearRegressionCV setSolver(String v) { set(solver, v); return this; }
    /** Sets {@link #elasticNetParams()}. */
    public ShrinkLinearRegressionCV setElasticNetParams(double... v) { set(elasticNetParams, v.clone()); return this; }
    /** Sets {@link #regParams()} (sorted strongest first before use). */
    public ShrinkLinearRegressionCV setRegParams(double... v) { set(regParams, v.clone()); return this; }
    /** Sets {@link #numRegParams()}. */
    public ShrinkLinearRegressionCV setNumRegParams(int v) { set(numRegParams, v); return this; }
    /** Sets {@link #regParamMinRatio()}. */
    public ShrinkLinearRegressionCV setRegParamMinRatio(double v) { set(regParamMinRatio, v); return this; }
    /** Sets {@link #numFolds()}. */
    public ShrinkLinearRegressionCV setNumFolds(int v) { set(numFolds, v); return this; }
    /** Sets {@link #foldCol()}. */
    public ShrinkLinearRegressionCV setFoldCol(String v) { set(foldCol, v); return this; }
    /** Sets {@link #seed()}. */
    public ShrinkLinearRegressionCV setSeed(long v) { set(seed, v); return this; }
    /** Sets {@link #metricName()}. */
    public ShrinkLinearRegressionCV setMetricName(String v) { set(metricName, v); return this; }
    /** Sets {@link #selectionRule()}. */
    public ShrinkLinearRegressionCV setSelectionRule(String v) { set(selectionRule, v); return this; }

    @Override
    public StructType transformSchema(StructType schema) {
        FitColumns.check(schema, getFeaturesCol(), getLabelCol(), getWeightCol(), getFoldCol());
        if (Arrays.asList(schema.fieldNames()).contains(getPredictionCol())) {
            throw new IllegalArgumentException("predictionCol '" + getPredictionCol() + "' is already a column of the data");
        }
        return schema.add(getPredictionCol(), DataTypes.DoubleType);
    }

    @Override
    public ShrinkLinearRegressionCVModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        FitColumns columns = FitColumns.check(dataset.schema(), getFeaturesCol(), getLabelCol(), getWeightCol(), getFoldCol());
        int k = getNumFolds();
        int p = columns.numFeatures(dataset, k + 3);
        MomentSums[] folds = Jobs.moments(columns.select(dataset), columns, p, k, getSeed(), getAggregationDepth());
        SparkLeastSquares.Settings settings = new SparkLeastSquares.Settings(0.0, 0.0, getFitIntercept(), getStandardization(),
                SparkParams.deviation(getSolver(), p), getMaxIter(), getTol());
        double[] grid = getRegParams();
        Arrays.sort(grid);
        for (int i = 0, j = grid.length - 1; i < j; i++, j--) {
            double t = grid[i];
            grid[i] = grid[j];
            grid[j] = t;
        }
        CvCurve curve = PathValidation.run(folds, new PathValidation.Plan(settings, getElasticNetParams(), grid, getNumRegParams(),
                getRegParamMinRatio(), getMetricName(), getSelectionRule()));
        MomentSums total = new MomentSums(p);
        for (MomentSums f : folds) total.add(f);
        SparkLeastSquares.Settings chosen = new SparkLeastSquares.Settings(curve.selectedRegParam(), curve.selectedElasticNetParam(),
                getFitIntercept(), getStandardization(), settings.deviation(), getMaxIter(), getTol());
        SparkLeastSquares.Fit fit = SparkLeastSquares.fit(total, chosen);
        ShrinkLinearRegressionCVModel model = new ShrinkLinearRegressionCVModel(uid, Vectors.dense(fit.coefficients()).compressed(),
                fit.intercept(), curve, Reports.of(total, 1, fit.convergence()));
        model.setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol());
        return model.setParent(this);
    }

    @Override
    public ShrinkLinearRegressionCV copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark ML persistence: the reader of saved estimators. */
    public static MLReader<ShrinkLinearRegressionCV> read() {
        return new DefaultParamsReadable<ShrinkLinearRegressionCV>() {}.read();
    }

    /** Loads an estimator saved with {@code write().save(path)}. */
    public static ShrinkLinearRegressionCV load(String path) {
        return read().load(path);
    }
}
