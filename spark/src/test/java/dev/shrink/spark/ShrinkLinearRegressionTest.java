package dev.shrink.spark;

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
        compare(dense, "l-bfgs", 0.1, 0.5, true, true, false, 1e-6);
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
}
