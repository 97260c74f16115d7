package dev.shrink.cli;

import dev.shrink.cli.LibraryMatch.Table;
import dev.shrink.solvers.ARDRegression;
import dev.shrink.solvers.ARDRegressionModel;
import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.AdaptiveLassoModel;
import dev.shrink.solvers.BayesianRidge;
import dev.shrink.solvers.BayesianRidgeModel;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.GroupLasso;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticGroupLasso;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.MultiTaskElasticNet;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.cv.AdaptiveLassoCV;
import dev.shrink.solvers.cv.AdaptiveLassoCvResult;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.MultiTaskElasticNetCV;
import dev.shrink.solvers.path.AdaptiveLassoPath;
import dev.shrink.solvers.path.GroupLassoPath;
import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.shrink.cli.LibraryMatch.close;
import static dev.shrink.cli.LibraryMatch.coefAt;
import static dev.shrink.cli.LibraryMatch.largest;
import static dev.shrink.cli.LibraryMatch.read;
import static dev.shrink.cli.LibraryMatch.run;
import static dev.shrink.cli.LibraryMatch.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group, multi-task and adaptive models of the command line (issue 15's estimators), each run as a separate
 * process on files on disk (the bundled examples, or generated data written as CSV, Matrix Market and a --y file of
 * several columns): the coefficients in the JSON equal the library's, called in this JVM with the same settings
 * ({@link LibraryMatch}: to 1e-9 of the largest coefficient; in-process, {@link ConformanceCasesTest} checks these
 * models to the last bit).
 */
class GroupAndAdaptiveModelsTest {
    @TempDir
    Path dir;

    private static final Path DIABETES = Cli.root().resolve("examples/data/diabetes.csv");
    private static final Path CANCER = Cli.root().resolve("examples/data/breast_cancer.csv");
    /** Diabetes: age, sex, bmi, bp alone, then s1–s3 and s4–s6 (the serum measurements) as two groups. */
    private static final int[] DIABETES_GROUPS = {0, 1, 2, 3, 4, 4, 4, 5, 5, 5};

    private static double[] task(JsonNode out, JsonNode holder, String task) {
        JsonNode names = out.get("features");
        double[] w = new double[names.size()];
        for (int j = 0; j < w.length; j++) w[j] = holder.get("coef_by_task").get(task).get(names.get(j).stringValue()).doubleValue();
        return w;
    }

    // ---- group lasso ----

    @Test
    void groupLassoFromGroupSizesAndFromAGroupsFile() throws Exception {
        Table t = read(DIABETES);
        Design x = t.x(10);
        double[] y = t.column(10);
        LinearModel m = GroupLasso.builder().groups(DIABETES_GROUPS).alpha(0.5).tol(1e-10).threads(1).build().fit(x, y);
        JsonNode out = run(dir, "fit", "group-lasso", DIABETES.toString(), "--target", "progression", "--group-sizes", "1,1,1,1,3,3", "--alpha", "0.5",
                "--tol", "1e-10");
        same(m.coef(), Cli.coef(out, "coef"), "coef");
        close(m.intercept(), out.get("intercept").doubleValue(), "intercept");
        assertTrue(out.get("convergence").get("converged").booleanValue());
        // a group enters or leaves whole: s1–s3 all zero or all non-zero
        double[] w = m.coef();
        assertEquals(w[4] == 0, w[5] == 0);
        assertEquals(w[4] == 0, w[6] == 0);

        Files.writeString(dir.resolve("groups.csv"), "0,1,2,3,4,4,4,5,5,5\n");
        JsonNode fromFile = run(dir, "fit", "group-lasso", DIABETES.toString(), "--target", "progression", "--groups", "groups.csv", "--alpha", "0.5",
                "--tol", "1e-10");
        same(m.coef(), Cli.coef(fromFile, "coef"), "coef with --groups FILE");
    }

    @Test
    void groupLassoPath() throws Exception {
        Table t = read(DIABETES);
        PathResult r = GroupLassoPath.builder().groups(DIABETES_GROUPS).nAlphas(8).eps(1e-2).tol(1e-13).maxIter(100_000).threads(1).build().fit(t.x(10), t.column(10));
        JsonNode out = run(dir, "path", "group-lasso", DIABETES.toString(), "--target", "progression", "--group-sizes", "1,1,1,1,3,3", "--n-alphas", "8",
                "--eps", "1e-2", "--tol", "1e-13", "--max-iter", "100000");
        same(r.penalties(), Cli.numbers(out.get("alphas")), "alphas");
        for (int k = 0; k < r.size(); k++) same(r.coef(k), coefAt(out, out.get("path").get(k)), "coef at point " + k, largest(r));
    }

    @Test
    void logisticGroupLassoWithTextLabels() throws Exception {
        Table t = read(CANCER);
        double[] y01 = new double[t.rows().length];
        for (int i = 0; i < y01.length; i++) y01[i] = t.lastText().get(i).equals("malignant") ? 1 : 0; // sorted: benign, malignant
        int[] groups = new int[30];
        for (int j = 0; j < 30; j++) groups[j] = j / 10; // means, errors, worst values
        LogisticModel m = LogisticGroupLasso.builder().groups(groups).alpha(0.05).threads(1).build().fit(t.x(30), y01);
        JsonNode out = run(dir, "fit", "logistic-group-lasso", CANCER.toString(), "--target", "diagnosis", "--group-sizes", "10,10,10", "--alpha", "0.05");
        same(m.coef(), Cli.coef(out, "coef"), "coef");
        close(m.intercept(), out.get("intercept").doubleValue(), "intercept");
        assertEquals("malignant", out.get("classes").get(1).stringValue());
    }

    // ---- multi-task ----

    /** n rows of p features and T responses that share their support (features 0 and 1), seeded. */
    private static double[][][] multiTaskData(int n, int p, int tasks) {
        SplittableRandom r = new SplittableRandom(15);
        double[][] x = new double[n][p];
        double[][] y = new double[n][tasks];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = Math.round(r.nextGaussian() * 1e6) / 1e6;
            for (int k = 0; k < tasks; k++) y[i][k] = Math.round(((k + 1) * x[i][0] - x[i][1] + 0.3 * r.nextGaussian()) * 1e6) / 1e6;
        }
        return new double[][][] {x, y};
    }

    private static String row(double[] v) {
        StringBuilder s = new StringBuilder();
        for (double d : v) s.append(s.isEmpty() ? "" : ",").append(d);
        return s.toString();
    }

    @Test
    void multiTaskElasticNetFromCsvColumnsAndFromAYFileThenPredict() throws Exception {
        double[][][] data = multiTaskData(60, 5, 3);
        double[][] x = data[0];
        double[][] y = data[1];
        StringBuilder csv = new StringBuilder("x1,x2,x3,x4,x5,y1,y2,y3\n");
        StringBuilder mtx = new StringBuilder("%%MatrixMarket matrix array real general\n60 5\n");
        StringBuilder yFile = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            csv.append(row(x[i])).append(',').append(row(y[i])).append('\n');
            yFile.append(row(y[i])).append('\n');
        }
        for (int j = 0; j < 5; j++) for (int i = 0; i < 60; i++) mtx.append(x[i][j]).append('\n'); // array format: column by column
        Files.writeString(dir.resolve("tasks.csv"), csv);
        Files.writeString(dir.resolve("X.mtx"), mtx);
        Files.writeString(dir.resolve("Y.csv"), yFile);

        MultiTaskModel m = MultiTaskElasticNet.builder().alpha(0.1).l1Ratio(0.7).tol(1e-10).threads(1).build().fit(x, y);
        JsonNode out = run(dir, "fit", "multitask-elasticnet", "tasks.csv", "--target", "y1,y2,y3", "--alpha", "0.1", "--l1-ratio", "0.7", "--tol", "1e-10");
        assertEquals(List.of("y1", "y2", "y3"), List.copyOf(out.get("coef_by_task").propertyNames()));
        for (int k = 0; k < 3; k++) {
            same(m.coef(k), task(out, out, "y" + (k + 1)), "task " + (k + 1));
            close(m.intercepts()[k], out.get("intercept").get("y" + (k + 1)).doubleValue(), "intercept " + (k + 1));
        }
        assertTrue(m.coef(0)[4] == 0 && m.coef(1)[4] == 0 && m.coef(2)[4] == 0 || m.coef(0)[4] != 0, "a feature is in every task or in none");

        JsonNode fromFiles = run(dir, "fit", "multitask-elasticnet", "X.mtx", "--y", "Y.csv", "--alpha", "0.1", "--l1-ratio", "0.7", "--tol", "1e-10");
        for (int k = 0; k < 3; k++) same(m.coef(k), task(fromFiles, fromFiles, "y" + (k + 1)), "task " + (k + 1) + " from X.mtx + Y.csv");

        Files.copy(dir.resolve("out.json"), dir.resolve("model.json"));
        Cli.Result predict = Cli.process(dir, "predict", "model.json", "X.mtx");
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = predict.out().lines().filter(l -> !l.contains("incubator")).toList();
        assertEquals("prediction_y1,prediction_y2,prediction_y3", lines.getFirst());
        String[] first = lines.get(1).split(",");
        double[] expected = m.predict(x[0]);
        for (int k = 0; k < 3; k++) assertEquals(expected[k], Double.parseDouble(first[k]), 1e-12 * (1 + Math.abs(expected[k])));
    }

    @Test
    void multiTaskLassoPathAndCv() throws Exception {
        double[][][] data = multiTaskData(80, 6, 2);
        StringBuilder csv = new StringBuilder("a,b,c,d,e,f,first,second\n");
        for (int i = 0; i < 80; i++) csv.append(row(data[0][i])).append(',').append(row(data[1][i])).append('\n');
        Files.writeString(dir.resolve("tasks.csv"), csv);
        double[] flat = new double[80 * 6];
        for (int i = 0; i < 80; i++) System.arraycopy(data[0][i], 0, flat, i * 6, 6);
        Design x = Design.rowMajor(flat, 80, 6);

        MultiTaskPathResult r = MultiTaskElasticNetPath.builder().l1Ratio(1).nAlphas(6).tol(1e-8).threads(1).build().fit(x, data[1]);
        JsonNode path = run(dir, "path", "multitask-lasso", "tasks.csv", "--target", "first,second", "--n-alphas", "6", "--tol", "1e-8");
        same(r.penalties(), Cli.numbers(path.get("alphas")), "alphas");
        double scale = 0;
        for (int k = 0; k < r.size(); k++) for (double v : r.coef(k)[1]) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < r.size(); k++) same(r.coef(k)[1], task(path, path.get("path").get(k), "second"), "second task at point " + k, scale);

        CvResult<MultiTaskModel> cv = MultiTaskElasticNetCV.builder().l1Ratios(1).nAlphas(10).folds(Folds.contiguous(80, 4)).tol(1e-8).threads(1)
                .build().fit(x, data[1]);
        JsonNode out = run(dir, "cv", "multitask-lasso", "tasks.csv", "--target", "first,second", "--n-alphas", "10", "--folds", "4", "--tol", "1e-8");
        same(cv.scores().mean(), Cli.numbers(out.get("mean")), "mean validation error");
        assertEquals(cv.indexMin(), out.get("index_min").intValue());
        same(cv.model().coef(0), task(out, out, "first"), "refit, first task");
    }

    // ---- adaptive lasso, Bayesian ridge ----

    @Test
    void adaptiveLassoFitPathAndCv() throws Exception {
        Table t = read(DIABETES);
        Design x = t.x(10);
        double[] y = t.column(10);
        AdaptiveLasso est = AdaptiveLasso.builder().alpha(0.2).gamma(1).tol(1e-10).threads(1).build();
        AdaptiveLassoModel m = est.fit(x, y);
        JsonNode out = run(dir, "fit", "adaptive-lasso", DIABETES.toString(), "--target", "progression", "--alpha", "0.2", "--gamma", "1", "--tol", "1e-10");
        same(m.coef(), Cli.coef(out, "coef"), "coef");
        close(m.intercept(), out.get("intercept").doubleValue(), "intercept");
        same(m.firstStage().coef(), Cli.numbers(out.get("estimated").get("first_stage_coef")), "first stage");

        PathResult r = AdaptiveLassoPath.builder().estimator(est).nAlphas(7).build().fit(x, y);
        JsonNode path = run(dir, "path", "adaptive-lasso", DIABETES.toString(), "--target", "progression", "--gamma", "1", "--tol", "1e-10", "--n-alphas", "7");
        for (int k = 0; k < r.size(); k++) same(r.coef(k), coefAt(path, path.get("path").get(k)), "coef at point " + k, largest(r));

        AdaptiveLassoCvResult<AdaptiveLassoModel> cv = AdaptiveLassoCV.builder().estimator(AdaptiveLasso.builder().tol(1e-8).threads(1).build()).gammas(0.5, 2).nAlphas(8)
                .folds(Folds.contiguous(y.length, 3)).threads(1).build().fit(x, y);
        JsonNode cvOut = run(dir, "cv", "adaptive-lasso", DIABETES.toString(), "--target", "progression", "--gamma", "0.5,2", "--n-alphas", "8", "--folds", "3",
                "--tol", "1e-8");
        same(cv.scores().mean(), Cli.numbers(cvOut.get("mean")), "mean validation error");
        assertEquals(cv.gamma(), cvOut.get("estimated").get("gamma").doubleValue(), 0.0, "chosen γ");
        same(cv.model().coef(), Cli.coef(cvOut, "coef"), "refit");
    }

    @Test
    void bayesianRidge() throws Exception {
        Table t = read(DIABETES);
        BayesianRidgeModel m = BayesianRidge.builder().tol(1e-8).computeScore(true).threads(1).build().fit(t.x(10), t.column(10));
        JsonNode out = run(dir, "fit", "bayesian-ridge", DIABETES.toString(), "--target", "progression", "--tol", "1e-8", "--compute-score");
        same(m.coef(), Cli.coef(out, "coef"), "coef");
        JsonNode est = out.get("estimated");
        close(m.alpha(), est.get("alpha").doubleValue(), "alpha");
        close(m.lambda(), est.get("lambda").doubleValue(), "lambda");
        same(m.scores(), Cli.numbers(est.get("scores")), "log marginal likelihood per iteration");
        close(m.lambda() / m.alpha(), est.get("penalty").doubleValue(), "penalty λ/α");
    }

    @Test
    void ardRegression() throws Exception {
        Table t = read(DIABETES);
        ARDRegressionModel m = ARDRegression.builder().tol(1e-8).threads(1).build().fit(t.x(10), t.column(10));
        JsonNode out = run(dir, "fit", "ard-regression", DIABETES.toString(), "--target", "progression", "--tol", "1e-8");
        same(m.coef(), Cli.coef(out, "coef"), "coef");
        close(m.intercept(), out.get("intercept").doubleValue(), "intercept");
        JsonNode est = out.get("estimated");
        close(m.alpha(), est.get("alpha").doubleValue(), "alpha");
        assertEquals(m.keptFeatures().length, est.get("kept_features").size());
    }
}
