package dev.shrink.cli.output;

import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.model.Classes;
import dev.shrink.cli.model.Dialect;
import dev.shrink.cli.model.Fitted;
import dev.shrink.cli.model.Link;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON of a model, written and read back: the same numbers to the bit, keys in their fixed order, and the layouts
 * of multi-class and multi-task models (coef_by_class, coef_by_task) that the models of later issues will use.
 */
class ModelJsonTest {
    @TempDir
    Path dir;

    private static final Convergence DONE = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", 7, 1e-9, 1e-4, true, 1000);

    private static DataSet data(int p) {
        double[] x = new double[2 * p];
        for (int k = 0; k < x.length; k++) x[k] = k * 0.25 - 1;
        return new DataSet("d.csv", DataSet.positionalNames(p), Design.rowMajor(x, 2, p), null, null, null, List.of());
    }

    private static ModelJson.Header header(String model, DataSet d) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("alpha", 0.1);
        params.put("fit_intercept", true);
        params.put("l1_ratios", new double[] {0.5, 1});
        return new ModelJson.Header(model, Dialect.SKLEARN, params, d);
    }

    private ModelFile.Saved roundTrip(String json) throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, json);
        return ModelFile.read(f);
    }

    @Test
    void aRegressionComesBackToTheBitWithItsKeysInOrder() throws Exception {
        double[] w = {0.1, -0.0, 1e-300, -123456.789, Math.PI};
        Fitted f = new Fitted(Link.IDENTITY, new double[][] {w}, new double[] {2.0 / 3}, null, null, 42.5, DONE);
        String json = ModelJson.fit(header("lasso", data(5)), f);
        JsonNode n = JsonMapper.builder().build().readTree(json);
        assertEquals(List.of("model", "dialect", "params", "features", "coef", "intercept", "objective", "convergence", "n", "p"), List.copyOf(n.propertyNames()));
        assertEquals(List.of("alpha", "fit_intercept", "l1_ratios"), List.copyOf(n.get("params").propertyNames()));
        assertTrue(json.contains("\"x2\" : 0,"), "−0 is written as 0");
        assertTrue(json.contains("0.66666666666666663"), "%.17g");
        ModelFile.Saved back = roundTrip(json);
        assertEquals("lasso", back.name());
        assertArrayEquals(new double[] {0.1, 0.0, 1e-300, -123456.789, Math.PI}, back.fitted().coef()[0]);
        assertEquals(2.0 / 3, back.fitted().intercept()[0]);
    }

    @Test
    void multiClassAndMultiTaskLayouts() throws Exception {
        double[][] w = {{1, 2}, {-1, 0.5}, {0, -2.5}};
        Classes classes = new Classes(new double[] {0, 1, 2}, List.of("setosa", "versicolor", "virginica"));
        Fitted byClass = new Fitted(Link.SOFTMAX, w, new double[] {0.1, 0.2, -0.3}, classes, null, 1.0, DONE);
        // a registry name is needed to read a model back; the multi-class models come with their issue, so "logistic"
        // stands in here for the layout
        String json = ModelJson.fit(header("logistic", data(2)), byClass);
        JsonNode n = JsonMapper.builder().build().readTree(json);
        assertEquals(List.of("setosa", "versicolor", "virginica"), List.copyOf(n.get("coef_by_class").propertyNames()));
        assertEquals(-0.3, n.get("intercept").get("virginica").doubleValue());
        ModelFile.Saved back = roundTrip(json);
        for (int k = 0; k < 3; k++) assertArrayEquals(w[k], back.fitted().coef()[k]);

        Fitted byTask = new Fitted(Link.IDENTITY, w, new double[] {1, 2, 3}, null, List.of("height", "weight", "age"), 1.0, DONE);
        JsonNode t = JsonMapper.builder().build().readTree(ModelJson.fit(header("ridge", data(2)), byTask));
        assertEquals(List.of("height", "weight", "age"), List.copyOf(t.get("coef_by_task").propertyNames()));
        assertEquals(2.5 * -1, t.get("coef_by_task").get("age").get("x2").doubleValue());
    }

    @Test
    void softmaxPredictionsSumToOne() throws Exception {
        double[][] w = {{1, 0}, {0, 1}, {-1, -1}};
        Classes classes = new Classes(new double[] {0, 1, 2}, List.of("a", "b", "c"));
        Fitted f = new Fitted(Link.SOFTMAX, w, new double[] {0, 0, 0}, classes, null, Double.NaN, DONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Predictions.write(f, data(2).x(), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("class,probability_a,probability_b,probability_c", lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double sum = Double.parseDouble(c[1]) + Double.parseDouble(c[2]) + Double.parseDouble(c[3]);
            assertEquals(1.0, sum, 1e-15);
        }
        assertEquals("c", lines.get(1).split(",")[0]); // row 0 = (−1, −0.75): class c has the largest η
    }
}
