package dev.shrink.cli.model;

import dev.shrink.cli.data.DataException;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.data.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The response as a model needs it: numbers for a regression, classes for a classifier; a mismatch names the column. */
final class Labels {
    private Labels() {}

    /** The response values of a regression. */
    static double[] numeric(DataSet d) {
        single(d);
        Target t = d.target();
        if (t.textual()) {
            throw DataException.in(t.file(), t.where() + " holds text labels (" + preview(t.labels()) + "): a regression needs numbers");
        }
        return t.values();
    }

    /** Refuses a response of several columns for a model of one output. */
    private static void single(DataSet d) {
        if (d.tasks() != null) {
            throw DataException.in(d.target().file(), "the response has " + d.tasks().size() + " columns: a model of several responses is "
                    + "multitask-elasticnet or multitask-lasso");
        }
    }

    /** A response of T columns (multi-task): Y as n×T rows, and the task names (the columns, or y1 .. yT). */
    record Tasks(double[][] y, List<String> names) {}

    static Tasks tasks(DataSet d) {
        List<Target> columns = d.responses();
        int n = d.n();
        double[][] y = new double[n][columns.size()];
        List<String> names = new ArrayList<>();
        for (int t = 0; t < columns.size(); t++) {
            Target c = columns.get(t);
            if (c.textual()) throw DataException.in(c.file(), c.where() + " holds text labels (" + preview(c.labels()) + "): a regression needs numbers");
            double[] v = c.values();
            for (int i = 0; i < n; i++) y[i][t] = v[i];
            names.add(c.column() != null ? c.column() : "y" + (t + 1));
        }
        return new Tasks(y, names);
    }

    /** A two-class response: the classes, and y as 0 (first class) / 1 (second class). */
    record Binary(Classes classes, double[] y01) {}

    static Binary binary(DataSet d) {
        Classes c = classes(d);
        if (c.size() != 2) {
            String found = c.size() + " class" + (c.size() == 1 ? "" : "es") + " (" + preview(names(c)) + ")";
            throw DataException.in(d.target().file(), d.target().where() + " has " + found + ": logistic regression needs exactly two"
                    + (c.size() > 2 ? " (multinomial models are for more)" : ""));
        }
        double[] v = d.target().values();
        double[] y01 = new double[v.length];
        double second = c.textual() ? 1 : c.values()[1];
        for (int i = 0; i < v.length; i++) y01[i] = v[i] == second ? 1 : 0;
        return new Binary(c, y01);
    }

    /** A classifier's response: the classes, and each row's class as its index 0 .. K−1 into them. */
    record Indexed(Classes classes, double[] index) {}

    /** Exactly two classes, as indices 0 / 1. */
    static Indexed two(DataSet d) {
        Binary b = binary(d);
        return new Indexed(b.classes(), b.y01());
    }

    /** Two classes or more (glmnet's multinomial family). */
    static Indexed classIndex(DataSet d) {
        Classes c = classes(d);
        if (c.size() > 1000) throw DataException.in(d.target().file(), d.target().where() + " has more than 1000 distinct values: not class labels");
        if (c.size() < 2) {
            throw DataException.in(d.target().file(), d.target().where() + " has " + c.size() + " class (" + preview(names(c)) + "): a classifier needs two or more");
        }
        double[] v = d.target().values();
        double[] index = new double[v.length];
        if (c.textual()) {
            System.arraycopy(v, 0, index, 0, v.length); // text labels are already indices into the sorted labels
        } else {
            double[] values = c.values();
            for (int i = 0; i < v.length; i++) index[i] = java.util.Arrays.binarySearch(values, v[i] == 0.0 ? 0.0 : v[i]);
        }
        return new Indexed(c, index);
    }

    /** Three classes or more (scikit-learn's multinomial model; two classes are the logistic model). */
    static Indexed atLeastThree(DataSet d) {
        Indexed y = classIndex(d);
        if (y.classes().size() < 3) {
            throw DataException.in(d.target().file(), d.target().where() + " has 2 classes (" + preview(names(y.classes())) + "): the multinomial model "
                    + "is for three or more (two classes: the logistic model, or --dialect glmnet)");
        }
        return y;
    }

    /** Counts for a Poisson model: numbers ≥ 0. */
    static double[] counts(DataSet d) {
        double[] y = numeric(d);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) throw DataException.in(d.target().file(), d.target().where() + " has " + y[i] + " at row " + (i + 1) + ": Poisson counts must be ≥ 0");
        }
        return y;
    }

    /** The sorted distinct classes of the response. */
    static Classes classes(DataSet d) {
        single(d);
        Target t = d.target();
        if (t.textual()) {
            double[] ids = new double[t.labels().size()];
            for (int k = 0; k < ids.length; k++) ids[k] = k;
            return new Classes(ids, t.labels());
        }
        TreeSet<Double> seen = new TreeSet<>();
        for (double v : t.values()) {
            seen.add(v == 0.0 ? 0.0 : v); // -0.0 and 0.0 are one class
            if (seen.size() > 1000) break;
        }
        double[] values = new double[seen.size()];
        int k = 0;
        for (double v : seen) values[k++] = v;
        return new Classes(values, null);
    }

    private static List<String> names(Classes c) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) out.add(c.name(k));
        return out;
    }

    private static String preview(List<String> values) {
        List<String> shown = values.size() <= 5 ? values : values.subList(0, 5);
        return String.join(", ", shown) + (values.size() > 5 ? ", ..." : "");
    }
}
