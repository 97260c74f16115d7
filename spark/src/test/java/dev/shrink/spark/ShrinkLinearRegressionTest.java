package dev.shrink.spark;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ShrinkLinearRegression against Spark's own LinearRegression (normal solver) on the same DataFrames. */
class ShrinkLinearRegressionTest {
    private static SparkSession spark;
    private static LocalSpark.Problem problem;
    private static Dataset<Row> dense;
    private static Dataset<Row> sparse;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("ShrinkLinearRegressionTest");
        problem = LocalSpark.regression(7, 600, 12, 0.0);
        dense = problem.frame(spark, false, 3, false).cache();
        sparse = LocalSpark.regression(8, 600, 12, 0.7).frame(spark, true, 3, true).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void compare(Dataset<Row> data, double reg, double alpha, boolean intercept, boolean standardize, boolean weighted,
                                double bound) {
        compare(data, "normal", reg, alpha, intercept, standardize, weighted, bound);
    }

    /** Both fits of one setting: Spark's (tight OWL-QN / L-BFGS when iterative) and shrink's, with the same solver param. */
    private static void compare(Dataset<Row> data, String solver, double reg, double alpha, boolean intercept, boolean standardize,
                                boolean weighted, double bound) {
        LinearRegression spark = new LinearRegression().setSolver(solver).setRegParam(reg).setElasticNetParam(alpha)
                .setFitIntercept(intercept).setStandardization(standardize).setMaxIter(solver.equals("normal") ? 10_000 : 300)
                .setTol(solver.equals("normal") ? 1e-15 : 1e-12);
        ShrinkLinearRegression shrink = new ShrinkLinearRegression().setSolver(solver).setRegParam(reg).setElasticNetParam(alpha)
                .setFitIntercept(intercept).setStandardization(standardize).setMaxIter(100_000).setTol(1e-15);
        if (weighted) {
            spark.setWeightCol("weight");
            shrink.setWeightCol("weight");
        }
        LinearRegressionModel expected = spark.fit(data);
        ShrinkLinearRegressionModel actual = shrink.fit(data);
        double[] e = expected.coefficients().toArray();
        double[] a = actual.coefficients().toArray();
        String what = solver + ", reg " + reg + ", alpha " + alpha + ", intercept " + intercept + ", standardize " + standardize + ", weighted " + weighted;
        double d = LocalSpark.relativeDifference(a, e);
        assertTrue(d <= bound, what + ": coefficients differ by " + d + " relative\nshrink " + java.util.Arrays.toString(a)
                + "\nspark  " + java.util.Arrays.toString(e));
        assertEquals(expected.intercept(), actual.intercept(), bound * (1 + Math.abs(expected.intercept())), what + ": intercept");
    }

    @Test
    void ridgeMatchesSparksCholesky() {
        compare(dense, 0.3, 0.0, true, true, false, 1e-9);
        compare(dense, 0.3, 0.0, true, false, true, 1e-9);
        compare(dense, 2.0, 0.0, false, true, true, 1e-9);
    }

    @Test
    void ordinaryLeastSquaresMatches() {
        compare(dense, 0.0, 0.0, true, true, true, 1e-9);
    }

    @Test
    void elasticNetMatchesSparksQuasiNewton() {
        compare(dense, 0.1, 0.5, true, true, true, 1e-6);
        compare(dense, 0.05, 1.0, true, false, false, 1e-6);
        compare(dense, 0.1, 0.3, false, true, true, 1e-6);
    }

    @Test
    void sparseVectorsAndEmptyPartitionsMatch() {
        assertTrue(sparse.javaRDD().getNumPartitions() >= 4);
        compare(sparse, 0.2, 0.0, true, true, true, 1e-9);
        compare(sparse, 0.05, 0.7, true, true, true, 1e-6);
    }

    @Test
    void sampleDeviationsMatchSparksLbfgs() {
        // Spark's L-BFGS path standardises with sample deviations, its normal solver with population ones
        compare(dense, "l-bfgs", 0.3, 0.0, true, true, true, 1e-6);
    }

    @Test
    void constantLabelGivesItsMean() {
        Dataset<Row> flat = dense.withColumn("label", functions.lit(4.5));
        ShrinkLinearRegressionModel m = new ShrinkLinearRegression().setRegParam(0.1).fit(flat);
        assertEquals(4.5, m.intercept());
        assertEquals(0, m.coefficients().numNonzeros());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLinearRegression().setRegParam(0.1).setFitIntercept(false).fit(flat));
        assertTrue(e.getMessage().contains("the label is constant"), e.getMessage());
    }

    @Test
    void worksInAPipelineWithPersistenceAndTheEvaluator(@TempDir Path dir) throws IOException {
        ShrinkLinearRegression shrink = new ShrinkLinearRegression().setFeaturesCol("scaled").setRegParam(0.1).setElasticNetParam(0.5)
                .setWeightCol("weight");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new StandardScaler().setInputCol("features").setOutputCol("scaled").setWithMean(true), shrink});
        PipelineModel fitted = pipeline.fit(dense);
        Dataset<Row> predicted = fitted.transform(dense);
        ShrinkLinearRegressionModel model = (ShrinkLinearRegressionModel) fitted.stages()[1];
        assertEquals(dense.count(), model.fitReport().rows());
        assertTrue(model.fitReport().converged(), model.fitReport().message());

        // the evaluator's RMSE is the model's, computed by hand
        double rmse = new RegressionEvaluator().setMetricName("rmse").evaluate(predicted);
        double sum = 0;
        List<Row> rows = predicted.select("scaled", "label").collectAsList();
        for (Row r : rows) {
            double e = model.predict((Vector) r.get(0)) - r.getDouble(1);
            sum += e * e;
        }
        assertEquals(Math.sqrt(sum / rows.size()), rmse, 1e-9 * rmse);

        // saved and loaded: the same predictions, the params kept
        fitted.write().overwrite().save(dir.resolve("pipeline").toString());
        PipelineModel loaded = PipelineModel.load(dir.resolve("pipeline").toString());
        ShrinkLinearRegressionModel back = (ShrinkLinearRegressionModel) loaded.stages()[1];
        assertArrayEquals(model.coefficients().toArray(), back.coefficients().toArray());
        assertEquals(model.intercept(), back.intercept());
        assertEquals("scaled", back.getFeaturesCol());
        assertFalse(back.hasFitReport());
        double[] before = predicted.select("prediction").as(Encoders.DOUBLE()).collectAsList().stream().mapToDouble(Double::doubleValue).toArray();
        double[] after = loaded.transform(dense).select("prediction").as(Encoders.DOUBLE()).collectAsList().stream()
                .mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(before, after);

        // the unfitted estimator, too
        shrink.write().overwrite().save(dir.resolve("estimator").toString());
        ShrinkLinearRegression again = ShrinkLinearRegression.load(dir.resolve("estimator").toString());
        assertEquals(0.5, again.getElasticNetParam());
        assertEquals("weight", again.getWeightCol());
        assertEquals(shrink.uid(), again.uid());
    }

    /** The data of a column that fails any job that reads it: a check that passes on it ran before any job. */
    private static Dataset<Row> untouchable(Dataset<Row> data) {
        UserDefinedFunction boom = functions.udf((UDF1<Double, Double>) v -> {
            throw new IllegalStateException("a Spark job read the data");
        }, DataTypes.DoubleType);
        return data.withColumn("label", boom.apply(functions.col("label")));
    }

    @Test
    void badColumnsFailBeforeAnyJob() {
        Dataset<Row> data = untouchable(dense);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLinearRegression().setFeaturesCol("x").fit(data));
        assertTrue(missing.getMessage().startsWith("featuresCol 'x' is not a column of the data"), missing.getMessage());
        IllegalArgumentException notVector = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLinearRegression().setFeaturesCol("weight").fit(data));
        assertTrue(notVector.getMessage().contains("has type double, expected a vector"), notVector.getMessage());
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLinearRegression().setWeightCol("w").fit(data));
        assertTrue(weight.getMessage().startsWith("weightCol 'w' is not a column"), weight.getMessage());

        // p above the bound, known from the column's metadata
        Dataset<Row> wide = data.withMetadata("features",
                new AttributeGroup("features", FitColumns.MAX_FEATURES + 1).toMetadata());
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class, () -> new ShrinkLinearRegression().fit(wide));
        assertTrue(tooWide.getMessage().contains("accepts at most 8192 features"), tooWide.getMessage());
    }

    @Test
    void badRowsNameTheirPosition() {
        Dataset<Row> nanFeature = dense.withColumn("features", functions.when(functions.col("label").gt(20),
                functions.lit(null)).otherwise(functions.col("features")));
        IllegalArgumentException nullRow = assertThrows(IllegalArgumentException.class, () -> new ShrinkLinearRegression().fit(nanFeature));
        assertTrue(nullRow.getMessage().matches("row \\d+ of partition \\d+: featuresCol 'features' is null.*"), nullRow.getMessage());

        List<Row> rows = new java.util.ArrayList<>(dense.collectAsList());
        Row r = rows.get(17);
        double[] x = ((Vector) r.get(0)).toArray();
        x[3] = Double.NaN;
        rows.set(17, RowFactory.create(Vectors.dense(x), r.get(1), r.get(2), r.get(3)));
        Dataset<Row> withNaN = spark.createDataFrame(rows, LocalSpark.SCHEMA);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> new ShrinkLinearRegression().fit(withNaN));
        assertEquals("row 17 of partition 0: featuresCol 'features' has NaN at index 3: impute (Imputer) or drop such rows", nan.getMessage());

        Dataset<Row> nanLabel = dense.withColumn("label", functions.when(functions.col("label").gt(20), Double.NaN)
                .otherwise(functions.col("label")));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> new ShrinkLinearRegression().fit(nanLabel));
        assertTrue(label.getMessage().contains("labelCol 'label' is NaN"), label.getMessage());

        Dataset<Row> negative = dense.withColumn("weight", functions.col("weight").minus(1));
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLinearRegression().setWeightCol("weight").fit(negative));
        assertTrue(weight.getMessage().contains("weights must be finite and ≥ 0"), weight.getMessage());
    }

    /**
     * p = 5000, beyond Spark's normal solver (4096): the fit from aggregated sparse statistics equals shrink's in-process
     * ElasticNet on the same rows, standardised by hand with Spark's sample deviations (solver auto above 4096 features).
     */
    @Test
    void fiveThousandFeaturesMatchTheInProcessFit() {
        int n = 1500;
        int p = 5000;
        double reg = 0.05;
        double alpha = 0.5;
        SplittableRandom r = new SplittableRandom(99);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.TreeMap<Integer, Double> nz = new java.util.TreeMap<>();
            while (nz.size() < 40) nz.put(r.nextInt(p), (1 + r.nextInt(3)) * r.nextGaussian() + 0.5);
            double s = 0;
            for (var e : nz.entrySet()) {
                x[i][e.getKey()] = e.getValue();
                if (e.getKey() < 60) s += (e.getKey() % 7 - 3) * e.getValue();
            }
            y[i] = 1 + s + r.nextGaussian();
            int[] idx = nz.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] val = nz.values().stream().mapToDouble(Double::doubleValue).toArray();
            rows.add(RowFactory.create(Vectors.sparse(p, idx, val), y[i], 1.0, 0));
        }
        Dataset<Row> wide = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3), LocalSpark.SCHEMA);
        ShrinkLinearRegressionModel fitted = new ShrinkLinearRegression().setRegParam(reg).setElasticNetParam(alpha).setTol(1e-12)
                .setMaxIter(100_000).fit(wide);

        // in process: Spark's standardisation (sample deviations), scikit-learn's elastic net at alpha = λ/σ_y, back to the original scale
        double yMean = java.util.Arrays.stream(y).average().orElseThrow();
        double ySd = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - yMean) * (v - yMean)).sum() / (n - 1));
        int[] kept = java.util.stream.IntStream.range(0, p).filter(j -> sd(x, j) > 0).toArray();
        double[] flat = new double[n * kept.length];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < kept.length; a++) flat[i * kept.length + a] = x[i][kept[a]] / sd(x, kept[a]);
            ys[i] = y[i] / ySd;
        }
        LinearModel m = ElasticNet.builder().alpha(reg / ySd).l1Ratio(alpha).tol(1e-12).maxIter(100_000).build()
                .fit(Design.rowMajor(flat, n, kept.length), ys);
        double[] expected = new double[p];
        for (int a = 0; a < kept.length; a++) expected[kept[a]] = m.coef(a) * ySd / sd(x, kept[a]);
        double d = LocalSpark.relativeDifference(fitted.coefficients().toArray(), expected);
        assertTrue(d <= 1e-6, "coefficients differ by " + d + " relative");
        assertEquals(m.intercept() * ySd, fitted.intercept(), 1e-6 * Math.abs(m.intercept() * ySd));
        assertTrue(fitted.fitReport().converged(), fitted.fitReport().message());
    }

    private static final java.util.Map<Integer, Double> SD = new java.util.concurrent.ConcurrentHashMap<>();

    /** Sample standard deviation of column j (cached: the in-process reference reads it often). */
    private static double sd(double[][] x, int j) {
        return SD.computeIfAbsent(j, c -> {
            double mean = 0;
            for (double[] row : x) mean += row[c] / x.length;
            double ss = 0;
            for (double[] row : x) ss += (row[c] - mean) * (row[c] - mean);
            return Math.sqrt(ss / (x.length - 1));
        });
    }
}
