package dev.shrink.cli.output;

import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.model.Classes;
import dev.shrink.cli.model.CvFitted;
import dev.shrink.cli.model.Dialect;
import dev.shrink.cli.model.Fitted;
import dev.shrink.cli.model.PathFitted;
import dev.shrink.solvers.Convergence;

import java.util.List;
import java.util.Map;

/**
 * The JSON documents of fit, path and cv, each key in a fixed order. A fit:
 * {@code model, dialect, params, target, features, coef, intercept, classes, objective, convergence, n, p} — coef is an
 * object from feature name to value in column order ({@code coef_by_class} / {@code coef_by_task}: one such object
 * per class / task, and then intercept is an object too); classes only for classifiers; objective the value of the
 * minimised objective at the solution. A cv document holds the grid and scores and then the refitted model in the
 * same keys as a fit, so that predict reads either.
 */
public final class ModelJson {
    private ModelJson() {}

    /** What every document starts with. */
    public record Header(String model, Dialect dialect, Map<String, Object> params, DataSet data) {}

    public static String fit(Header h, Fitted f) {
        try (JsonOut j = new JsonOut()) {
            start(j, h);
            model(j, h.data().features(), f);
            size(j, h.data());
            return j.endObject().text();
        }
    }

    public static String path(Header h, PathFitted path) {
        try (JsonOut j = new JsonOut()) {
            start(j, h);
            size(j, h.data());
            Classes classes = path.points().getFirst().classes();
            if (classes != null) classes(j, classes);
            String name = path.penaltyName();
            j.numbers(plural(name), path.penalties());
            j.startArray("path");
            for (int k = 0; k < path.points().size(); k++) {
                Fitted f = path.points().get(k);
                j.startObject().number(name, path.penalties()[k]).integer("n_nonzero", f.nonZero());
                coefficients(j, h.data().features(), f);
                convergence(j, f.convergence());
                j.endObject();
            }
            j.endArray();
            return j.endObject().text();
        }
    }

    public static String cv(Header h, CvFitted cv) {
        try (JsonOut j = new JsonOut()) {
            start(j, h);
            String name = cv.penaltyName();
            j.integer("folds", cv.folds()).string("metric", cv.metric());
            if (cv.l1Ratios() != null) j.numbers("l1_ratios", cv.l1Ratios());
            if (!Double.isNaN(cv.l1Ratio())) j.number("l1_ratio", cv.l1Ratio());
            j.numbers(plural(name), cv.grid()).numbers("mean", cv.mean()).numbers("standard_error", cv.standardError());
            if (cv.nonZero() != null) j.integers("n_nonzero", cv.nonZero());
            j.number(name + "_min", cv.valueMin()).number(name + "_1se", cv.value1se())
                    .integer("index_min", cv.indexMin()).integer("index_1se", cv.index1se())
                    .bool("converged", cv.converged());
            model(j, h.data().features(), cv.model());
            size(j, h.data());
            return j.endObject().text();
        }
    }

    /** alpha → alphas, lambda → lambdas, C → Cs. */
    static String plural(String name) {
        return name + "s";
    }

    private static void start(JsonOut j, Header h) {
        j.startObject().string("model", h.model()).string("dialect", h.dialect().optionName()).values("params", h.params());
        if (h.data().tasks() != null) j.strings("targets", h.data().tasks().stream().map(t -> t.column() != null ? t.column() : t.file()).toList());
        else if (h.data().target() != null && h.data().target().column() != null) j.string("target", h.data().target().column());
        j.strings("features", h.data().features());
    }

    private static void size(JsonOut j, DataSet d) {
        j.integer("n", d.n()).integer("p", d.p());
    }

    private static void model(JsonOut j, List<String> features, Fitted f) {
        coefficients(j, features, f);
        if (f.classes() != null) classes(j, f.classes());
        j.number("objective", f.objective());
        if (!f.details().isEmpty()) j.values("estimated", f.details());
        convergence(j, f.convergence());
    }

    private static void coefficients(JsonOut j, List<String> features, Fitted f) {
        if (f.coef().length == 1) {
            j.namedNumbers("coef", features, f.coef()[0]).number("intercept", f.intercept()[0]);
            return;
        }
        List<String> outputs = f.tasks() != null ? f.tasks() : names(f.classes());
        j.startObject(f.tasks() != null ? "coef_by_task" : "coef_by_class");
        for (int k = 0; k < f.coef().length; k++) j.namedNumbers(outputs.get(k), features, f.coef()[k]);
        j.endObject().namedNumbers("intercept", outputs, f.intercept());
    }

    private static void classes(JsonOut j, Classes c) {
        if (c.textual()) j.strings("classes", c.labels());
        else j.numbers("classes", c.values());
    }

    private static List<String> names(Classes c) {
        String[] out = new String[c.size()];
        for (int k = 0; k < out.length; k++) out[k] = c.name(k);
        return List.of(out);
    }

    private static void convergence(JsonOut j, Convergence c) {
        j.startObject("convergence").string("criterion", c.criterion().description()).integer("iterations", c.iterations())
                .number("value", c.value()).number("tolerance", c.tolerance()).bool("converged", c.converged())
                .string("message", c.message()).endObject();
    }
}
