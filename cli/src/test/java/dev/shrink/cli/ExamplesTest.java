package dev.shrink.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command on the bundled examples (examples/data), run as a separate process the way the README shows: the files
 * it writes, their key order, the predictions, and the plots.
 */
class ExamplesTest {
    @TempDir
    Path dir;

    private static final Path DIABETES = Cli.root().resolve("examples/data/diabetes.csv");
    private static final Path CANCER = Cli.root().resolve("examples/data/breast_cancer.csv");

    private static JsonNode json(Path file) throws Exception {
        return JsonMapper.builder().build().readTree(file);
    }

    @Test
    void fitThenPredictARegression() throws Exception {
        Cli.Result fit = Cli.process(dir, "fit", "lasso", DIABETES.toString(), "--target", "progression", "--alpha", "0.1", "--out", "model.json");
        assertEquals(0, fit.status(), fit.err());
        assertEquals("", fit.out());
        JsonNode m = json(dir.resolve("model.json"));
        assertEquals(List.of("model", "dialect", "params", "target", "features", "coef", "intercept", "objective", "convergence", "n", "p"),
                List.copyOf(m.propertyNames()));
        assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), List.copyOf(m.get("coef").propertyNames()));
        assertEquals(442, m.get("n").intValue());
        assertTrue(m.get("convergence").get("converged").booleanValue());

        Cli.Result predict = Cli.process(dir, "predict", "model.json", DIABETES.toString(), "--out", "predictions.csv");
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = Files.readAllLines(dir.resolve("predictions.csv"));
        assertEquals("prediction", lines.getFirst());
        assertEquals(443, lines.size());
        // the first row by hand: x·w + b
        String[] row = Files.readAllLines(DIABETES).get(1).split(",");
        double expected = m.get("intercept").doubleValue();
        for (int j = 0; j < 10; j++) expected += Double.parseDouble(row[j]) * Cli.coef(m, "coef")[j];
        assertEquals(expected, Double.parseDouble(lines.get(1)), 1e-9 * Math.abs(expected));
    }

    @Test
    void aClassifierWithTextLabels() throws Exception {
        Cli.Result fit = Cli.process(dir, "fit", "logistic", CANCER.toString(), "--target", "diagnosis", "--C", "0.1", "--out", "model.json");
        assertEquals(0, fit.status(), fit.err());
        JsonNode m = json(dir.resolve("model.json"));
        assertEquals("benign", m.get("classes").get(0).stringValue());
        assertEquals("malignant", m.get("classes").get(1).stringValue());
        Cli.Result predict = Cli.process(dir, "predict", "model.json", CANCER.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals("class,probability_benign,probability_malignant", lines.getFirst());
        List<String> labels = Files.readAllLines(CANCER).stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        int right = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            assertEquals(1.0, Double.parseDouble(f[1]) + Double.parseDouble(f[2]), 1e-12);
            if (f[0].equals(labels.get(i - 1))) right++;
        }
        assertTrue(right > 0.95 * labels.size(), right + " of " + labels.size() + " right on the training data");
    }

    @Test
    void pathAndCvWithPlots() throws Exception {
        Cli.Result path = Cli.process(dir, "path", "lasso", DIABETES.toString(), "--target", "progression", "--n-alphas", "30", "--out", "path.json",
                "--plot", "path.svg");
        assertEquals(0, path.status(), path.err());
        JsonNode p = json(dir.resolve("path.json"));
        assertEquals(30, p.get("alphas").size());
        assertEquals(30, p.get("path").size());
        assertEquals(0, p.get("path").get(0).get("n_nonzero").intValue()); // alpha_max: every coefficient is 0
        assertTrue(Files.readString(dir.resolve("path.svg")).contains("class=\"coef\""));

        Cli.Result cv = Cli.process(dir, "cv", "elasticnet", DIABETES.toString(), "--target", "progression", "--l1-ratio", "0.5,0.9", "--folds", "4",
                "--out", "cv.json", "--plot", "cv.svg");
        assertEquals(0, cv.status(), cv.err());
        JsonNode c = json(dir.resolve("cv.json"));
        assertEquals(4, c.get("folds").intValue());
        assertEquals(2, c.get("l1_ratios").size());
        double min = c.get("mean").get(c.get("index_min").intValue()).doubleValue();
        for (JsonNode v : c.get("mean")) assertTrue(v.doubleValue() >= min);
        assertTrue(c.get("alpha_1se").doubleValue() >= c.get("alpha_min").doubleValue());
        assertTrue(Files.readString(dir.resolve("cv.svg")).contains("class=\"choice-1se\""));

        // predict reads a cv document as well
        Cli.Result predict = Cli.process(dir, "predict", "cv.json", DIABETES.toString());
        assertEquals(0, predict.status(), predict.err());
        assertEquals(443, predict.out().lines().count());
    }

    @Test
    void ridgeAndLogisticCvAndTheGlmnetDialect() {
        Cli.Result ridge = Cli.run("cv", "ridge", DIABETES.toString(), "--target", "progression", "--quiet");
        assertEquals(0, ridge.status(), ridge.err());
        assertEquals(442, ridge.json().get("folds").intValue()); // leave-one-out
        Cli.Result logistic = Cli.run("cv", "logistic", CANCER.toString(), "--target", "diagnosis", "--folds", "3", "--quiet");
        assertEquals(0, logistic.status(), logistic.err());
        assertEquals(10, logistic.json().get("Cs").size());
        Cli.Result glmnet = Cli.run("path", "logistic", CANCER.toString(), "--target", "diagnosis", "--n-alphas", "20", "--quiet");
        assertEquals(0, glmnet.status(), glmnet.err());
        assertEquals("glmnet", glmnet.json().get("dialect").stringValue());
        Cli.Result fit = Cli.run("fit", "elasticnet", DIABETES.toString(), "--target", "progression", "--dialect", "glmnet", "--lambda", "0.5", "--alpha",
                "0.3", "--quiet");
        assertEquals(0, fit.status(), fit.err());
        assertEquals(0.3, fit.json().get("params").get("alpha").doubleValue());
        assertTrue(fit.json().get("params").get("standardize").booleanValue());
    }

    @Test
    void helpOfEveryCommand() {
        for (String command : List.of("fit", "predict", "path", "cv")) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().startsWith("Usage: ./shrink " + command), r.out());
        }
        assertTrue(Cli.run("fit", "--help").out().contains("--l1-ratio"));
        assertTrue(Cli.run("cv", "--help").out().contains("--fold-col"));
    }
}
