package dev.shrink.cli.data;

import dev.shrink.solvers.Design;

import java.util.List;

/**
 * What a data file holds for a fit or a prediction.
 *
 * @param source   the file, as named on the command line
 * @param features the feature names, in column order (CSV: from the header; other formats: x1 .. xp)
 * @param x        the design (features only)
 * @param target   the response, or null when none was asked for (predict)
 * @param weights  sample weights, or null
 * @param folds    validation fold per row (0 .. K−1), or null
 * @param notes    what the reader chose to leave out, one line each (printed unless --quiet)
 */
public record DataSet(String source, List<String> features, Design x, Target target, double[] weights, int[] folds, List<String> notes) {
    public DataSet {
        features = List.copyOf(features);
        notes = List.copyOf(notes);
        if (features.size() != x.p()) throw new IllegalStateException(features.size() + " feature names for " + x.p() + " columns");
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
