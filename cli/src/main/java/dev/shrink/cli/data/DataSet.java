package dev.shrink.cli.data;

import dev.shrink.solvers.Design;

import java.util.List;

/**
 * What a data file holds for a fit or a prediction.
 *
 * @param source   the file, as named on the command line
 * @param features the feature names, in column order (CSV: from the header; other formats: x1 .. xp)
 * @param x        the design (features only)
 * @param target   the response, or null when none was asked for (predict); of a multi-task response, the first task
 * @param tasks    a response of several columns (multi-task models): one {@link Target} per task, in order; else null
 * @param weights  sample weights, or null
 * @param folds    validation fold per row (0 .. K−1), or null
 * @param notes    what the reader chose to leave out, one line each (printed unless --quiet)
 */
public record DataSet(String source, List<String> features, Design x, Target target, List<Target> tasks, double[] weights, int[] folds,
                      List<String> notes) {
    public DataSet {
        features = List.copyOf(features);
        notes = List.copyOf(notes);
        tasks = tasks == null ? null : List.copyOf(tasks);
        if (features.size() != x.p()) throw new IllegalStateException(features.size() + " feature names for " + x.p() + " columns");
    }

    /** A data set with a response of one column (or none). */
    public DataSet(String source, List<String> features, Design x, Target target, double[] weights, int[] folds, List<String> notes) {
        this(source, features, x, target, null, weights, folds, notes);
    }

    /** The response columns: the tasks of a multi-task response, else the one target (none: empty). */
    public List<Target> responses() {
        return tasks != null ? tasks : target != null ? List.of(target) : List.of();
    }

    public int n() {
        return x.n();
    }

    public int p() {
        return x.p();
    }

    /** Names x1 .. xp for formats without a header. */
    public static List<String> positionalNames(int p) {
        String[] names = new String[p];
        for (int j = 0; j < p; j++) names[j] = "x" + (j + 1);
        return List.of(names);
    }
}
