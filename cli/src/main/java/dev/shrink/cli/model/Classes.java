package dev.shrink.cli.model;

import java.util.List;

/**
 * The classes of a classifier, sorted as scikit-learn's {@code classes_}: numbers when the response column is numeric,
 * text labels when it is not.
 *
 * @param values the class values (numeric responses), or 0 .. K−1 (text labels)
 * @param labels the text labels, or null
 */
public record Classes(double[] values, List<String> labels) {
    public Classes {
        values = values.clone();
        labels = labels == null ? null : List.copyOf(labels);
    }

    public int size() {
        return values.length;
    }

    /** Whether the classes are text labels. */
    public boolean textual() {
        return labels != null;
    }

    /** How class k is written in predictions: its label, or its number in the shortest round-trip form. */
    public String name(int k) {
        if (labels != null) return labels.get(k);
        double v = values[k];
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
