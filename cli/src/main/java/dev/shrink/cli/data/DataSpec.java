package dev.shrink.cli.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What to read from a data file, as the options said.
 *
 * @param file          the data file
 * @param format        its format, or null to tell it from the extension
 * @param target        CSV: the response column (null: none; predict ignores it when present)
 * @param yFile         other formats: the file holding the response (null: none)
 * @param weights       CSV: the column of sample weights; other formats: a file of them; null: none
 * @param foldColumn    CSV: the column of validation-fold ids; null: none
 * @param features      the features to use, in this order (predict: the model's); null: every other numeric column
 * @param needsTarget   whether a response is required
 */
public record DataSpec(Path file, DataFormat format, String target, Path yFile, String weights, String foldColumn, List<String> features,
                       boolean needsTarget) {
    public DataSpec {
        features = features == null ? null : List.copyOf(features);
    }
}
