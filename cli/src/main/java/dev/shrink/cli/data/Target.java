package dev.shrink.cli.data;

import java.util.List;

/**
 * The response: one value per row. A numeric column gives its numbers; a column of text labels (classifiers only)
 * gives each row the index of its label in {@code labels}, which is sorted (as scikit-learn's {@code classes_}).
 *
 * @param file   the file it came from
 * @param column its column (CSV), or null (a LibSVM file's labels, a --y file)
 * @param values one value per row (label indices when {@code labels} is not null)
 * @param labels the sorted text labels, or null for a numeric response
 */
public record Target(String file, String column, double[] values, List<String> labels) {
    public Target {
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** Where the response is, for messages: "column 'y' (the target)" or "the labels". */
    public String where() {
        return column != null ? "column '" + column + "' (the target)" : "the labels";
    }

    /** Whether the response is text labels. */
    public boolean textual() {
        return labels != null;
    }
}
