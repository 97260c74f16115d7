package dev.shrink.cli.output;

import dev.shrink.cli.data.DataException;
import dev.shrink.cli.model.Classes;
import dev.shrink.cli.model.Entry;
import dev.shrink.cli.model.Fitted;
import dev.shrink.cli.model.Link;
import dev.shrink.cli.model.Models;
import dev.shrink.cli.model.UsageException;
import dev.shrink.solvers.Convergence;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads back the model of a fit or cv document (the keys {@link ModelJson} writes) for predict. */
public final class ModelFile {
    private ModelFile() {}

    /**
     * A saved model.
     *
     * @param name     the model's registry name
     * @param features the feature names, in column order
     * @param fitted   coefficients, intercepts and classes
     */
    public record Saved(String name, List<String> features, Fitted fitted) {}

    public static Saved read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) throw DataException.in(name, Files.exists(file) ? "not a regular file" : "no such file");
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(file);
        } catch (JacksonException e) {
            throw DataException.in(name, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw DataException.in(name, "not a model: a JSON object is expected");
        if (root.has("path")) throw DataException.in(name, "a path holds a model per penalty value; predict takes the output of fit or cv");
        String model = text(root, "model", name);
        Entry entry;
        try {
            entry = Models.named(model);
        } catch (UsageException e) {
            throw DataException.in(name, e.getMessage());
        }
        List<String> features = new ArrayList<>();
        for (JsonNode f : array(root, "features", name)) {
            if (!f.isString()) throw DataException.in(name, "'features' must hold names (strings)");
            features.add(f.stringValue());
        }
        Classes classes = root.has("classes") ? classes(array(root, "classes", name), name) : null;
        double[][] coef;
        double[] intercept;
        if (root.has("coef_by_class") || root.has("coef_by_task")) {
            String key = root.has("coef_by_class") ? "coef_by_class" : "coef_by_task";
            JsonNode byOutput = object(root, key, name);
            List<String> outputs = new ArrayList<>(byOutput.propertyNames());
            coef = new double[outputs.size()][];
            intercept = new double[outputs.size()];
            JsonNode b = object(root, "intercept", name);
            for (int k = 0; k < outputs.size(); k++) {
                coef[k] = vector(byOutput.get(outputs.get(k)), features, name, key + "." + outputs.get(k));
                intercept[k] = number(b, outputs.get(k), name);
            }
            Fitted f = new Fitted(entry.link(), coef, intercept, classes, key.equals("coef_by_task") ? outputs : null, Double.NaN,
                    Convergence.direct("read from " + name));
            return new Saved(model, features, f);
        }
        coef = new double[][] {vector(object(root, "coef", name), features, name, "coef")};
        intercept = new double[] {number(root, "intercept", name)};
        if (entry.link() == Link.LOGIT && (classes == null || classes.size() != 2)) {
            throw DataException.in(name, "a " + model + " model needs 'classes' with two values");
        }
        return new Saved(model, features, new Fitted(entry.link(), coef, intercept, classes, null, Double.NaN,
                Convergence.direct("read from " + name)));
    }

    private static double[] vector(JsonNode coef, List<String> features, String file, String key) {
        if (coef == null || !coef.isObject()) throw DataException.in(file, "'" + key + "' must be an object from feature name to value");
        if (coef.size() != features.size()) throw DataException.in(file, "'" + key + "' has " + coef.size() + " values for " + features.size() + " features");
        double[] w = new double[features.size()];
        for (int j = 0; j < w.length; j++) w[j] = number(coef, features.get(j), file);
        return w;
    }

    private static Classes classes(JsonNode array, String file) {
        double[] values = new double[array.size()];
        List<String> labels = array.size() > 0 && array.get(0).isString() ? new ArrayList<>() : null;
        for (int k = 0; k < values.length; k++) {
            JsonNode c = array.get(k);
            if (labels != null) {
                if (!c.isString()) throw DataException.in(file, "'classes' mixes labels and numbers");
                labels.add(c.stringValue());
                values[k] = k;
            } else {
                if (!c.isNumber()) throw DataException.in(file, "'classes' must hold numbers or labels");
                values[k] = c.doubleValue();
            }
        }
        return new Classes(values, labels);
    }

    private static String text(JsonNode o, String key, String file) {
        JsonNode v = o.get(key);
        if (v == null || !v.isString()) throw DataException.in(file, "no '" + key + "' (a string)");
        return v.stringValue();
    }

    private static double number(JsonNode o, String key, String file) {
        JsonNode v = o.get(key);
        if (v == null || !v.isNumber()) throw DataException.in(file, "no number '" + key + "'");
        return v.doubleValue();
    }

    private static JsonNode array(JsonNode o, String key, String file) {
        JsonNode v = o.get(key);
        if (v == null || !v.isArray()) throw DataException.in(file, "no '" + key + "' (an array)");
        return v;
    }

    private static JsonNode object(JsonNode o, String key, String file) {
        JsonNode v = o.get(key);
        if (v == null || !v.isObject()) throw DataException.in(file, "no '" + key + "' (an object)");
        return v;
    }
}
