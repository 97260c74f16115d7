package dev.shrink.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A local[2] Spark session for a test class (no UI, few shuffle partitions) and the test data sets. */
final class LocalSpark {
    static final StructType SCHEMA = new StructType()
            .add("features", new VectorUDT())
            .add("label", DataTypes.DoubleType)
            .add("weight", DataTypes.DoubleType)
            .add("fold", DataTypes.IntegerType);

    private LocalSpark() {}

    static SparkSession start(String name) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** A regression problem: n rows, p correlated features with different means and scales, y = Xβ + noise. */
    record Problem(double[][] x, double[] y, double[] weight, int[] fold) {
        int n() { return y.length; }
        int p() { return x[0].length; }

        /** As a DataFrame, dense or sparse vectors, in `slices` partitions (plus two empty ones when asked). */
        Dataset<Row> frame(SparkSession spark, boolean sparse, int slices, boolean emptyPartitions) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n(); i++) {
                Vector v = sparse ? Vectors.dense(x[i]).toSparse() : Vectors.dense(x[i]);
                rows.add(RowFactory.create(v, y[i], weight[i], fold[i]));
            }
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Dataset<Row> df = spark.createDataFrame(jsc.parallelize(rows, slices), SCHEMA);
            if (emptyPartitions) df = df.union(spark.createDataFrame(jsc.parallelize(new ArrayList<Row>(), 2), SCHEMA));
            return df;
        }
    }

    /**
     * Random regression data: features from a few shared factors (correlated), column j scaled by 1 + j % 5 and shifted by
     * j % 3; about `zeros` of the entries set to 0 (sparse data); weights in [0.5, 2); folds 0 .. 4 at random.
     */
    static Problem regression(long seed, int n, int p, double zeros) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] w = new double[n];
        int[] fold = new int[n];
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = j % 3 == 0 ? 0.0 : r.nextGaussian() * (1 + j % 4);
        for (int i = 0; i < n; i++) {
            double f1 = r.nextGaussian();
            double f2 = r.nextGaussian();
            double s = 0;
            for (int j = 0; j < p; j++) {
                double v = r.nextDouble() < zeros ? 0.0 : (0.6 * r.nextGaussian() + 0.5 * f1 + 0.3 * (j % 2 == 0 ? f2 : -f2)) * (1 + j % 5) + j % 3;
                x[i][j] = v;
                s += v * beta[j];
            }
            y[i] = 3.0 + s + 2.0 * r.nextGaussian();
            w[i] = 0.5 + 1.5 * r.nextDouble();
            fold[i] = r.nextInt(5);
        }
        return new Problem(x, y, w, fold);
    }

    /** Labels 0/1 drawn from a logistic model on the same kind of features. */
    static Problem classification(long seed, int n, int p, double zeros) {
        Problem reg = regression(seed, n, p, zeros);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double mean = 0;
        for (double v : reg.y()) mean += v / n;
        double sd = 0;
        for (double v : reg.y()) sd += (v - mean) * (v - mean) / n;
        sd = Math.sqrt(sd);
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double margin = 2.0 * (reg.y()[i] - mean) / sd + 0.5;
            labels[i] = r.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1.0 : 0.0;
        }
        return new Problem(reg.x(), labels, reg.weight(), reg.fold());
    }

    /** max |a − b| / max |b|: the relative difference of two coefficient vectors. */
    static double relativeDifference(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int j = 0; j < b.length; j++) {
            diff = Math.max(diff, Math.abs(a[j] - b[j]));
            scale = Math.max(scale, Math.abs(b[j]));
        }
        return diff / scale;
    }
}
