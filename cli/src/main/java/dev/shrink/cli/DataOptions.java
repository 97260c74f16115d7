package dev.shrink.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the response, weights and folds of a data file are, and how to read it (fit, path, cv). */
final class DataOptions {
    @Option(names = "--target", paramLabel = "COL", description = "CSV: the response column; every other numeric column is a feature.")
    String target;

    @Option(names = "--y", paramLabel = "FILE", description = ".mtx and .npy data: the response (a .npy vector, or one value per line).")
    Path y;

    @Option(names = "--weights", paramLabel = "COL|FILE", description = "Sample weights: a CSV column, or a file (one value per line, or .npy) beside other formats.")
    String weights;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, libsvm, mtx or npy (default: from the extension: .csv/.tsv, .libsvm/.svm, .mtx, .npy).")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "No notes, warnings or progress on stderr.")
    boolean quiet;
}
