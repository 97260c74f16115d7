package dev.shrink.spark;

import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ShrinkLinearRegressionCV against Spark's CrossValidator + LinearRegression on the same folds and grid. */
class ShrinkLinearRegressionCVTest {
    private static SparkSession spark;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("ShrinkLinearRegressionCVTest");
        data = LocalSpark.regression(21, 500, 8, 0.0).frame(spark, false, 3, false)
                .withMetadata("features", new AttributeGroup("features", 8).toMetadata()).cache();
        data.count();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void validationErrorsAreCrossValidatorsOnTheSameFolds() {
        double[] alphas = {0.5, 1.0};
        double[] regs = {0.5, 0.02};
        LinearRegression lr = new LinearRegression().setSolver("normal").setTol(1e-14).setMaxIter(5000).setWeightCol("weight");
        ParamMap[] maps = new ParamGridBuilder().addGrid(lr.elasticNetParam(), alphas).addGrid(lr.regParam(), regs).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(maps)
                .setEvaluator(new RegressionEvaluator().setWeightCol("weight")).setNumFolds(5).setFoldCol("fold").fit(data);

        spark.sparkContext().setJobGroup("shrink-cv", "one pass", false);
        ShrinkLinearRegressionCVModel model = new ShrinkLinearRegressionCV().setElasticNetParams(alphas).setRegParams(regs)
                .setFoldCol("fold").setWeightCol("weight").setTol(1e-14).setMaxIter(100_000).fit(data);
        spark.sparkContext().clearJobGroup();
        assertEquals(1, spark.sparkContext().statusTracker().getJobIdsForGroup("shrink-cv").length, "one data pass");

        CvCurve curve = model.curve();
        double[][] mean = curve.mean();
        for (int m = 0; m < maps.length; m++) {
            double alpha = (Double) maps[m].apply(lr.elasticNetParam());
            double reg = (Double) maps[m].apply(lr.regParam());
            int a = alpha == 0.5 ? 0 : 1;
            int i = reg == 0.5 ? 0 : 1;
            assertEquals(cv.avgMetrics()[m], mean[a][i], 1e-7 * cv.avgMetrics()[m], "rmse at alpha " + alpha + ", regParam " + reg);
        }
        // the selected model is the fit on all rows at the best point
        int best = 0;
        for (int m = 1; m < maps.length; m++) if (cv.avgMetrics()[m] < cv.avgMetrics()[best]) best = m;
        assertEquals((Double) maps[best].apply(lr.regParam()), model.regParam());
        assertEquals((Double) maps[best].apply(lr.elasticNetParam()), model.elasticNetParam());
        ShrinkLinearRegressionModel direct = new ShrinkLinearRegression().setRegParam(model.regParam()).setElasticNetParam(model.elasticNetParam())
                .setWeightCol("weight").setTol(1e-14).setMaxIter(100_000).fit(data);
        assertArrayEquals(direct.coefficients().toArray(), model.coefficients().toArray(), 1e-9);
    }

    @Test
    void automaticGridOneStandardErrorRuleAndPersistence(@TempDir Path dir) throws IOException {
        ShrinkLinearRegressionCV estimator = new ShrinkLinearRegressionCV().setElasticNetParams(0.3, 1.0).setNumRegParams(30)
                .setSelectionRule("1se").setNumFolds(4).setSeed(5);
        ShrinkLinearRegressionCVModel model = estimator.fit(data);
        CvCurve c = model.curve();
        double[][] reg = c.regParams();
        double[][] mean = c.mean();
        double[][] se = c.stdError();
        assertEquals(30, reg[0].length);
        // glmnet's grid: at the first regParam every coefficient is 0, and the ratio of the ends is 1e-4
        assertEquals(0, c.nonZeros()[0][0]);
        assertTrue(c.nonZeros()[1][29] > 0);
        assertEquals(1e-4, reg[1][29] / reg[1][0], 1e-12);
        // 1se: the strongest regParam of the best alpha within one standard error of the best mean
        int a = c.bestAlpha();
        double bound = mean[a][c.bestIndex()] + se[a][c.bestIndex()];
        assertTrue(mean[a][c.oneSeIndex()] <= bound);
        for (int i = 0; i < c.oneSeIndex(); i++) assertTrue(mean[a][i] > bound);
        for (double[] row : mean) for (double v : row) assertTrue(v >= mean[a][c.bestIndex()]);
        assertEquals(c.regParam1se(), model.regParam());

        List<Row> rows = model.summary().collectAsList();
        assertEquals(60, rows.size());
        assertEquals(1, rows.stream().filter(r -> r.getBoolean(8)).count());

        model.write().overwrite().save(dir.resolve("cv").toString());
        ShrinkLinearRegressionCVModel back = ShrinkLinearRegressionCVModel.load(dir.resolve("cv").toString());
        assertArrayEquals(model.coefficients().toArray(), back.coefficients().toArray());
        assertEquals(model.regParam(), back.regParam());
        assertArrayEquals(c.mean()[1], back.curve().mean()[1]);
        assertEquals("1se", back.curve().selectedRule());
        assertEquals(model.transform(data).select("prediction").collectAsList(), back.transform(data).select("prediction").collectAsList());
    }
}
