package dev.shrink.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * shrink-spark against Spark ML on the workloads of issue 14, in local[2] on this machine: seconds per fit (best of
 * two after a warm-up fit on a tenth of the rows), and how accurate each fit is — Spark's objective at both solutions
 * (evaluated afterwards from one untimed pass) and their largest relative coefficient difference. Run by
 * {@code spark/bench.sh} (under {@code flock /tmp/shrink-bench.lock}); {@code --quick} divides every n by 10.
 * Writes a Markdown table to stdout and to {@code spark/target/spark-bench.md}.
 */
public final class SparkBench {
    private final SparkSession spark;
    private final boolean quick;
    private final List<String> table = new ArrayList<>();

    private SparkBench(SparkSession spark, boolean quick) {
        this.spark = spark;
        this.quick = quick;
    }

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("shrink-spark bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        SparkBench b = new SparkBench(spark, quick);
        b.table.add("| workload (local[2]) | Spark ML s | shrink-spark s | speed-up | Spark objective − shrink objective | max rel. coef. difference |");
        b.table.add("|---|---:|---:|---:|---:|---:|");
        String only = args.length > 0 && !args[args.length - 1].startsWith("--") ? args[args.length - 1] : "";
        if (only.isEmpty() || only.equals("enet")) b.elasticNet();
        if (only.isEmpty() || only.equals("ridge")) b.ridge();
        if (only.isEmpty() || only.equals("cv")) b.crossValidation();
        if (only.isEmpty() || only.equals("logistic")) b.logistic();
        String cpu = cpu();
        String out = "CPU: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores visible; kernels " 
                + dev.shrink.kernels.KernelProvider.get().name() + "\n\n" + String.join("\n", b.table) + "\n";
        System.out.println(out);
        Path file = Path.of(System.getProperty("shrink.benchOut", "spark/target/spark-bench.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out);
        spark.stop();
    }

    private int n(int full) {
        return quick ? full / 10 : full;
    }

    private void elasticNet() {
        int n = n(200_000);
        Dataset<Row> data = data(n, 500, false, 1);
        double reg = 0.01;
        double alpha = 0.5;
        LinearRegression theirs = new LinearRegression().setSolver("normal").setRegParam(reg).setElasticNetParam(alpha);
        ShrinkLinearRegression ours = new ShrinkLinearRegression().setRegParam(reg).setElasticNetParam(alpha);
        linear("elastic net, n = " + n + ", p = 500, regParam 0.01, α 0.5", data, theirs, ours, reg, alpha);
    }

    private void ridge() {
        int n = n(20_000);
        Dataset<Row> data = data(n, 2000, false, 2);
        double reg = 0.1;
        LinearRegression theirs = new LinearRegression().setSolver("normal").setRegParam(reg);
        ShrinkLinearRegression ours = new ShrinkLinearRegression().setRegParam(reg);
        linear("ridge (normal solver), n = " + n + ", p = 2000, regParam 0.1", data, theirs, ours, reg, 0.0);
    }

    private void linear(String name, Dataset<Row> data, LinearRegression theirs, ShrinkLinearRegression ours, double reg, double alpha) {
        Dataset<Row> tenth = data.limit((int) (data.count() / 10)).cache();
        theirs.fit(tenth);
        ours.fit(tenth);
        tenth.unpersist();
        LinearRegressionModel[] a = new LinearRegressionModel[1];
        ShrinkLinearRegressionModel[] b = new ShrinkLinearRegressionModel[1];
        double ts = best(() -> a[0] = theirs.fit(data));
        double to = best(() -> b[0] = ours.fit(data));
        int p = a[0].numFeatures();
        FitColumns c = FitColumns.check(data.schema(), "features", "label", "", null);
        MomentSums sums = Jobs.moments(c.select(data), c, p, 1, 0, 2)[0];
        double fs = linearObjective(sums, a[0].coefficients().toArray(), a[0].intercept(), reg, alpha);
        double fo = linearObjective(sums, b[0].coefficients().toArray(), b[0].intercept(), reg, alpha);
        System.out.println("shrink: " + b[0].fitReport().message() + "; Spark: " + a[0].summary().totalIterations() + " iterations");
        row(name, ts, to, fs - fo, LocalSpark.relativeDifference(b[0].coefficients().toArray(), a[0].coefficients().toArray()));
    }

    /** Spark's LinearRegression objective on the original scale (population deviations: its normal solver). */
    static double linearObjective(MomentSums sums, double[] w, double b, double reg, double alpha) {
        int p = w.length;
        Standardization st = Standardization.of(sums, true, Standardization.Deviation.POPULATION);
        int[] all = java.util.stream.IntStream.range(0, p).toArray();
        double[] ones = new double[p];
        java.util.Arrays.fill(ones, 1.0);
        double rss = PathValidation.residualSumOfSquares(sums.toStats(all, ones, 1.0), w, b);
        double l1 = 0;
        double l2 = 0;
        for (int j = 0; j < p; j++) {
            l1 += st.std()[j] * Math.abs(w[j]);
            l2 += st.std()[j] * st.std()[j] * w[j] * w[j];
        }
        return rss / (2 * sums.sumWeights()) + reg * alpha * l1 + reg * (1 - alpha) / (2 * st.labelStd()) * l2;
    }

    private void crossValidation() {
        int n = n(100_000);
        int p = 100;
        double alpha = 0.5;
        Dataset<Row> data = data(n, p, false, 3);
        ShrinkLinearRegressionCV ours = new ShrinkLinearRegressionCV().setElasticNetParams(alpha).setNumRegParams(100).setNumFolds(5)
                .setFoldCol("fold");
        ours.fit(data.limit(n / 10)); // warm-up
        ShrinkLinearRegressionCVModel[] m = new ShrinkLinearRegressionCVModel[1];
        double to = best(() -> m[0] = ours.fit(data));
        double[] grid = m[0].curve().regParams()[0];
        // Spark: CrossValidator over the same grid and folds; timed on every 25th grid point and extrapolated to 100
        int[] sample = {0, 25, 50, 75};
        double[] some = new double[sample.length];
        for (int i = 0; i < sample.length; i++) some[i] = grid[sample[i]];
        LinearRegression lr = new LinearRegression().setSolver("normal").setElasticNetParam(alpha);
        ParamMap[] maps = new ParamGridBuilder().addGrid(lr.regParam(), some).build();
        CrossValidator cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(maps).setEvaluator(new RegressionEvaluator())
                .setNumFolds(5).setFoldCol("fold");
        cv.fit(data.limit(n / 10));
        double[][] avg = new double[1][];
        long t0 = System.nanoTime(); // one timed run: Spark's CrossValidator takes minutes here
        avg[0] = cv.fit(data).avgMetrics();
        double ts = (System.nanoTime() - t0) / 1e9 * grid.length / sample.length;
        double diff = 0;
        for (int i = 0; i < sample.length; i++) diff = Math.max(diff, Math.abs(avg[0][i] - m[0].curve().mean()[0][sample[i]]) / avg[0][i]);
        table.add(String.format(Locale.ROOT, "| 5-fold CV of %d regParams (α %.1f), n = %d, p = %d; Spark timed on %d of them, ×%d | %.1f | %.2f | %.0f× | CV RMSE rel. difference %.1e | – |",
                grid.length, alpha, n, p, sample.length, grid.length / sample.length, ts, to, ts / to, diff));
        System.out.println(table.getLast());
    }

    private void logistic() {
        int n = n(200_000);
        Dataset<Row> data = data(n, 100, true, 4);
        double reg = 0.01;
        LogisticRegression theirs = new LogisticRegression().setRegParam(reg);
        ShrinkLogisticRegression ours = new ShrinkLogisticRegression().setRegParam(reg);
        Dataset<Row> tenth = data.limit(n / 10).cache();
        theirs.fit(tenth);
        ours.fit(tenth);
        tenth.unpersist();
        LogisticRegressionModel[] a = new LogisticRegressionModel[1];
        ShrinkLogisticRegressionModel[] b = new ShrinkLogisticRegressionModel[1];
        double ts = best(() -> a[0] = theirs.fit(data));
        double to = best(() -> b[0] = ours.fit(data));
        double fs = logisticObjective(data, a[0].coefficients().toArray(), a[0].intercept(), reg);
        double fo = logisticObjective(data, b[0].coefficients().toArray(), b[0].intercept(), reg);
        row("logistic (L2), n = " + n + ", p = 100, regParam 0.01: Spark " + a[0].summary().totalIterations() + " iterations, shrink "
                + b[0].fitReport().dataPasses() + " passes", ts, to, fs - fo,
                LocalSpark.relativeDifference(b[0].coefficients().toArray(), a[0].coefficients().toArray()));
    }

    /** Spark's LogisticRegression objective (L2, standardised by sample deviations) from one pass. */
    private static double logisticObjective(Dataset<Row> data, double[] w, double b, double reg) {
        int p = w.length;
        FitColumns c = FitColumns.check(data.schema(), "features", "label", "", null);
        JavaRDD<RowBlock> blocks = c.select(data).javaRDD().mapPartitionsWithIndex((i, rows) ->
                RowBlock.blocks(rows, new RowReader(c, i, p, RowReader.Labels.BINARY, 1), p), false);
        LogisticPass zero = blocks.map(block -> {
            LogisticPass r = new LogisticPass(p);
            r.add(block, new double[p], 0.0);
            return r;
        }).reduce(LogisticPass::add);
        LogisticPass at = blocks.map(block -> {
            LogisticPass r = new LogisticPass(p);
            r.add(block, w, b);
            return r;
        }).reduce(LogisticPass::add);
        Standardization st = Standardization.of(zero.sums, true, Standardization.Deviation.SAMPLE);
        double l2 = 0;
        for (int j = 0; j < p; j++) l2 += st.std()[j] * st.std()[j] * w[j] * w[j];
        return at.loss / at.sumWeights + reg / 2 * l2;
    }

    private void row(String name, double theirs, double ours, double objectiveDifference, double coefDifference) {
        table.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f× | %.1e | %.1e |", name, theirs, ours, theirs / ours,
                objectiveDifference, coefDifference));
        System.out.println(table.getLast());
    }

    /** The shorter of two timed runs, in seconds. */
    private static double best(Runnable fit) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 2; r++) {
            long t0 = System.nanoTime();
            fit.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    /**
     * n rows of p dense features generated on the executors (factor structure, different scales and means), the label a
     * noisy linear function or a draw from the logistic model, folds 0 .. 4; cached and counted before any timing.
     */
    private Dataset<Row> data(int n, int p, boolean classification, long seed) {
        int partitions = 4;
        JavaRDD<Row> rows = spark.range(0, partitions, 1, partitions).javaRDD().mapPartitionsWithIndex((part, it) -> {
            SplittableRandom r = new SplittableRandom(seed * 1000 + part);
            SplittableRandom coef = new SplittableRandom(seed);
            double[] beta = new double[p];
            for (int j = 0; j < p; j++) beta[j] = j % 4 == 0 ? coef.nextGaussian() / Math.sqrt(p) * 8 : 0.0;
            int count = n / partitions + (part < n % partitions ? 1 : 0);
            List<Row> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double[] x = new double[p];
                double f = r.nextGaussian();
                double s = 0;
                for (int j = 0; j < p; j++) {
                    x[j] = (0.8 * r.nextGaussian() + 0.4 * f) * (1 + j % 3) + j % 5;
                    s += beta[j] * (x[j] - j % 5);
                }
                double label = classification ? (r.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1.0 : 0.0) : 2 + s + r.nextGaussian();
                out.add(RowFactory.create(Vectors.dense(x), label, 1.0, r.nextInt(5)));
            }
            return out.iterator();
        }, false);
        Dataset<Row> df = spark.createDataFrame(rows, LocalSpark.SCHEMA)
                .withMetadata("features", new AttributeGroup("features", p).toMetadata())
                .persist(StorageLevel.MEMORY_AND_DISK());
        df.count();
        return df;
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
