package dev.shrink.cli;

import dev.shrink.cli.LibraryMatch.Table;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.PoissonModel;
import dev.shrink.solvers.PoissonRegressor;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.GlmnetCV;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;
import dev.shrink.solvers.path.PoissonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * The GLM models of the command line (issue 11's estimators: multinomial and Poisson regression, glmnet's families
 * with limits, cv.glmnet), each run as a separate process on files on disk; the coefficients equal the library's
 * called in this JVM with the same settings ({@link LibraryMatch}).
 */
class GlmModelsTest {
    @TempDir
    Path dir;

    private static final Path DIABETES = Cli.root().resolve("examples/data/diabetes.csv");

    /** n rows of p N(0,1) features (6 decimals) and a response from {@code response(x, random)}, written as a CSV. */
    private Path data(String name, int n, int p, String target, java.util.function.BiFunction<double[], SplittableRandom, String> response)
            throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder();
        for (int j = 1; j <= p; j++) csv.append('x').append(j).append(',');
        csv.append(target).append('\n');
        for (int i = 0; i < n; i++) {
            double[] x = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = Math.round(r.nextGaussian() * 1e6) / 1e6;
                csv.append(x[j]).append(',');
            }
            csv.append(response.apply(x, r)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    /** Three classes a, b, c by the largest of three noisy scores. */
    private Path threeClasses() throws Exception {
        return data("classes.csv", 150, 4, "label", (x, r) -> {
            double[] score = {x[0] + 0.5 * r.nextGaussian(), x[1] - x[0] + 0.5 * r.nextGaussian(), 0.3 + x[2] + 0.5 * r.nextGaussian()};
            int best = score[0] >= score[1] && score[0] >= score[2] ? 0 : score[1] >= score[2] ? 1 : 2;
            return List.of("a", "b", "c").get(best);
        });
    }

    /** The class of each row as its index into the sorted labels, and the design. */
    private static double[] labelIndex(Table t) {
        double[] y = new double[t.rows().length];
        for (int i = 0; i < y.length; i++) y[i] = "abc".indexOf(t.lastText().get(i));
        return y;
    }

    private static double[] classCoef(JsonNode out, JsonNode holder, String label) {
        JsonNode names = out.get("features");
        double[] w = new double[names.size()];
        for (int j = 0; j < w.length; j++) w[j] = holder.get("coef_by_class").get(label).get(names.get(j).stringValue()).doubleValue();
        return w;
    }

    @Test
    void multinomialElasticNetThenPredict() throws Exception {
        Path file = threeClasses();
        Table t = read(file);
        LogisticModel m = LogisticRegression.builder().C(0.5).penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratio(0.5).tol(1e-14).maxIter(500)
                .threads(1).build().fit(t.x(4), labelIndex(t));
        JsonNode out = run(dir, "fit", "multinomial", file.toString(), "--target", "label", "--C", "0.5", "--penalty", "elasticnet", "--l1-ratio", "0.5",
                "--tol", "1e-14", "--max-iter", "500");
        assertEquals(List.of("a", "b", "c"), List.copyOf(out.get("coef_by_class").propertyNames()));
        for (int c = 0; c < 3; c++) {
            String label = "abc".substring(c, c + 1);
            same(m.coef(c), classCoef(out, out, label), "class " + label);
            close(m.intercept(c), out.get("intercept").get(label).doubleValue(), "intercept of " + label);
        }

        Files.copy(dir.resolve("out.json"), dir.resolve("model.json"));
        Cli.Result predict = Cli.process(dir, "predict", "model.json", file.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = predict.out().lines().filter(l -> !l.contains("incubator")).toList();
        assertEquals("class,probability_a,probability_b,probability_c", lines.getFirst());
        double[][] probabilities = m.predictProbabilities(t.x(4));
        String[] first = lines.get(1).split(",");
        for (int c = 0; c < 3; c++) assertEquals(probabilities[0][c], Double.parseDouble(first[c + 1]), 1e-9);
    }

    /** Counts drawn from Poisson(exp(0.5 + 0.3·x1 − 0.2·x2)) by Knuth's method. */
    private Path counts() throws Exception {
        return data("counts.csv", 200, 5, "count", (x, r) -> {
            double limit = Math.exp(-Math.exp(0.5 + 0.3 * x[0] - 0.2 * x[1]));
            int k = 0;
            for (double prod = r.nextDouble(); prod > limit; prod *= r.nextDouble()) k++;
            return Integer.toString(k);
        });
    }

    @Test
    void poissonScikitLearnAndGlmnetPath() throws Exception {
        Path file = counts();
        Table t = read(file);
        Design x = t.x(5);
        double[] y = t.column(5);
        PoissonModel m = PoissonRegressor.builder().alpha(0.1).tol(1e-10).maxIter(200).threads(1).build().fit(x, y);
        JsonNode out = run(dir, "fit", "poisson", file.toString(), "--target", "count", "--alpha", "0.1", "--tol", "1e-10", "--max-iter", "200");
        same(m.coef(), Cli.coef(out, "coef"), "coef");
        close(m.intercept(), out.get("intercept").doubleValue(), "intercept");

        Files.copy(dir.resolve("out.json"), dir.resolve("model.json"));
        Cli.Result predict = Cli.process(dir, "predict", "model.json", file.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = predict.out().lines().filter(l -> !l.contains("incubator")).toList();
        assertEquals("rate", lines.getFirst());
        assertEquals(m.predict(x)[0], Double.parseDouble(lines.get(1)), 1e-9 * m.predict(x)[0]);

        PathResult r = PoissonPath.builder().l1Ratio(0.5).nLambdas(10).tol(1e-12).maxIter(200).threads(1).build().fit(x, y);
        JsonNode path = run(dir, "path", "poisson", file.toString(), "--target", "count", "--dialect", "glmnet", "--alpha", "0.5", "--n-alphas", "10",
                "--tol", "1e-12", "--max-iter", "200");
        same(r.penalties(), Cli.numbers(path.get("lambdas")), "lambdas");
        for (int k = 0; k < r.size(); k++) same(r.coef(k), coefAt(path, path.get("path").get(k)), "coef at point " + k, largest(r));
    }

    @Test
    void glmnetGaussianWithLimits() throws Exception {
        Table t = read(DIABETES);
        double[] lower = new double[10];
        double[] upper = new double[10];
        Arrays.fill(lower, -100);
        Arrays.fill(upper, 250);
        LinearModel m = ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.GLMNET).l1Ratio(1).standardize(true).alphas(new double[] {0.5}).lowerLimits(lower).upperLimits(upper)
                .tol(1e-12).maxIter(100_000).threads(1).build().fit(t.x(10), t.column(10)).model(0);
        String lo = String.join(",", java.util.Collections.nCopies(10, "-100"));
        String hi = String.join(",", java.util.Collections.nCopies(10, "250"));
        JsonNode out = run(dir, "fit", "lasso", DIABETES.toString(), "--target", "progression", "--dialect", "glmnet", "--lambda", "0.5",
                "--lower-limits", lo, "--upper-limits", hi, "--tol", "1e-12", "--max-iter", "100000");
        double[] w = Cli.coef(out, "coef");
        same(m.coef(), w, "coef");
        boolean binding = false;
        for (double v : w) {
            assertTrue(v >= -100 && v <= 250, "within the limits: " + Arrays.toString(w));
            binding |= v == -100 || v == 250;
        }
        assertTrue(binding, "a limit binds at this λ: " + Arrays.toString(w));
    }

    @Test
    void cvGlmnetBinomialByMisclassificationAndMultinomialGrouped() throws Exception {
        Path binary = data("binary.csv", 160, 6, "y", (x, r) -> x[0] - 0.7 * x[1] + 0.8 * r.nextGaussian() > 0 ? "yes" : "no");
        Table t = read(binary);
        double[] y01 = new double[t.rows().length];
        for (int i = 0; i < y01.length; i++) y01[i] = t.lastText().get(i).equals("yes") ? 1 : 0;
        CvResult<PathResult> r = GlmnetCV.builder().family(GlmnetCV.Family.BINOMIAL).measure(GlmnetCV.Measure.MISCLASSIFICATION).l1Ratio(1)
                .nLambdas(12).folds(Folds.contiguous(160, 4)).tol(1e-10).threads(1).build().fit(t.x(6), y01);
        JsonNode out = run(dir, "cv", "logistic", binary.toString(), "--target", "y", "--dialect", "glmnet", "--alpha", "1", "--n-alphas", "12",
                "--folds", "4", "--measure", "class", "--tol", "1e-10");
        assertEquals("misclassification", out.get("metric").stringValue());
        same(r.scores().mean(), Cli.numbers(out.get("mean")), "cvm");
        assertEquals(r.indexMin(), out.get("index_min").intValue());
        same(r.model().coef(r.indexMin()), Cli.coef(out, "coef"), "coef at lambda.min");

        Path classes = threeClasses();
        Table c = read(classes);
        CvResult<PathResult> m = GlmnetCV.builder().family(GlmnetCV.Family.MULTINOMIAL).grouped(true).nLambdas(8).folds(Folds.contiguous(150, 3))
                .tol(1e-10).threads(1).build().fit(c.x(4), labelIndex(c));
        JsonNode mOut = run(dir, "cv", "multinomial", classes.toString(), "--target", "label", "--dialect", "glmnet", "--grouped", "--n-alphas", "8",
                "--folds", "3", "--tol", "1e-10");
        same(m.scores().mean(), Cli.numbers(mOut.get("mean")), "cvm");
        same(m.model().coef(m.indexMin(), 2), classCoef(mOut, mOut, "c"), "class c at lambda.min");
    }
}
