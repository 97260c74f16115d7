package dev.shrink.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ShrinkLogisticRegression against Spark's own LogisticRegression on the same DataFrames. */
class ShrinkLogisticRegressionTest {
    private static SparkSession spark;
    private static Dataset<Row> dense;
    private static Dataset<Row> sparse;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("ShrinkLogisticRegressionTest");
        dense = LocalSpark.classification(11, 800, 10, 0.0).frame(spark, false, 3, false).cache();
        sparse = LocalSpark.classification(12, 800, 10, 0.6).frame(spark, true, 3, true).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Spark's L-BFGS / OWL-QN run to a tight tolerance against shrink's Newton fit. */
    private static ShrinkLogisticRegressionModel compare(Dataset<Row> data, double reg, double alpha, boolean intercept, boolean standardize,
                                                         boolean weighted, double bound) {
        LogisticRegression spark = new LogisticRegression().setRegParam(reg).setElasticNetParam(alpha).setFitIntercept(intercept)
                .setStandardization(standardize).setMaxIter(2000).setTol(1e-14);
        ShrinkLogisticRegression shrink = new ShrinkLogisticRegression().setRegParam(reg).setElasticNetParam(alpha)
                .setFitIntercept(intercept).setStandardization(standardize).setTol(1e-10);
        if (weighted) {
            spark.setWeightCol("weight");
            shrink.setWeightCol("weight");
        }
        LogisticRegressionModel expected = spark.fit(data);
        ShrinkLogisticRegressionModel actual = shrink.fit(data);
        double[] e = expected.coefficients().toArray();
        double[] a = actual.coefficients().toArray();
        String what = "reg " + reg + ", alpha " + alpha + ", intercept " + intercept + ", standardize " + standardize + ", weighted " + weighted;
        double d = LocalSpark.relativeDifference(a, e);
        assertTrue(d <= bound, what + ": coefficients differ by " + d + " relative\nshrink " + Arrays.toString(a) + "\nspark  "
                + Arrays.toString(e));
        assertEquals(expected.intercept(), actual.intercept(), bound * (1 + Math.abs(expected.intercept())), what + ": intercept");
        assertTrue(actual.fitReport().converged(), actual.fitReport().message());
        return actual;
    }

    @Test
    void ridgePenaltyMatchesSparksLbfgs() {
        compare(dense, 0.02, 0.0, true, true, true, 1e-6);
        compare(dense, 0.05, 0.0, false, false, false, 1e-6);
    }

    @Test
    void elasticNetMatchesSparksOwlqn() {
        compare(dense, 0.02, 0.5, true, true, true, 1e-6);
        compare(dense, 0.01, 1.0, true, false, false, 1e-6);
    }

    @Test
    void unregularisedMatches() {
        ShrinkLogisticRegressionModel m = compare(dense, 0.0, 0.0, true, true, false, 1e-6);
        assertTrue(m.fitReport().dataPasses() <= 12, "Newton from 0 needs few passes: " + m.fitReport().message());
    }

    @Test
    void sparseVectorsAndEmptyPartitionsMatch() {
        compare(sparse, 0.01, 0.7, true, true, true, 1e-6);
    }

    @Test
    void predictionsAreSparksForTheSameCoefficients(@TempDir Path dir) throws Exception {
        ShrinkLogisticRegression shrink = new ShrinkLogisticRegression().setRegParam(0.02).setElasticNetParam(0.3);
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {shrink}).fit(dense);
        ShrinkLogisticRegressionModel model = (ShrinkLogisticRegressionModel) fitted.stages()[0];
        Dataset<Row> ours = fitted.transform(dense);
        LogisticRegressionModel reference = new LogisticRegression().setRegParam(0.02).setElasticNetParam(0.3).setTol(1e-14)
                .setMaxIter(2000).fit(dense);
        List<Row> a = ours.select("probability", "prediction", "rawPrediction").collectAsList();
        List<Row> b = reference.transform(dense).select("probability", "prediction", "rawPrediction").collectAsList();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(((Vector) b.get(i).get(0)).toArray(), ((Vector) a.get(i).get(0)).toArray(), 1e-6, "probability of row " + i);
            assertArrayEquals(((Vector) b.get(i).get(2)).toArray(), ((Vector) a.get(i).get(2)).toArray(), 1e-5, "raw prediction of row " + i);
        }
        double auc = new BinaryClassificationEvaluator().evaluate(ours);
        assertEquals(new BinaryClassificationEvaluator().evaluate(reference.transform(dense)), auc, 1e-9);

        fitted.write().overwrite().save(dir.resolve("lr").toString());
        ShrinkLogisticRegressionModel back = (ShrinkLogisticRegressionModel) PipelineModel.load(dir.resolve("lr").toString()).stages()[0];
        assertArrayEquals(model.coefficients().toArray(), back.coefficients().toArray());
        assertEquals(model.intercept(), back.intercept());
        assertEquals(0.7, back.setThreshold(0.7).getThresholds()[1]);
    }

    @Test
    void oneClassAndBadLabelsAreRefused() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLogisticRegression().fit(dense.withColumn("label", functions.lit(1.0))));
        assertTrue(one.getMessage().startsWith("the label has one class only"), one.getMessage());
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLogisticRegression().fit(dense.withColumn("label", functions.col("label").multiply(2))));
        assertTrue(three.getMessage().matches("row \\d+ of partition \\d+: labelCol 'label' is 2.0, binary logistic regression needs labels 0 and 1.*"),
                three.getMessage());
        IllegalArgumentException family = assertThrows(IllegalArgumentException.class,
                () -> new ShrinkLogisticRegression().setFamily("multinomial"));
        assertTrue(family.getMessage().contains("family"), family.getMessage());
    }
}
