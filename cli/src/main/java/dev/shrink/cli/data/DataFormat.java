package dev.shrink.cli.data;

import java.nio.file.Path;
import java.util.Locale;

/** The data file formats the command line reads, told apart by the file name's extension (or named with --format). */
public enum DataFormat {
    /** Comma-separated values with a header row ({@code .csv}; {@code .tsv}: tab-separated). */
    CSV("csv"),
    /** LibSVM / svmlight: {@code label index:value ...}, one row per line. */
    LIBSVM("libsvm"),
    /** Matrix Market coordinate (or array) format, {@code .mtx}; the response comes from --y FILE. */
    MATRIX_MARKET("mtx"),
    /** A numpy array file, {@code .npy} (float64/float32/integers, C or Fortran order); the response from --y FILE. */
    NPY("npy");

    private final String optionName;

    DataFormat(String optionName) {
        this.optionName = optionName;
    }

    /** The name used by --format. */
    public String optionName() {
        return optionName;
    }

    /** The format named by --format, or null. */
    public static DataFormat named(String name) {
        for (DataFormat f : values()) if (f.optionName.equalsIgnoreCase(name)) return f;
        return null;
    }

    /** The format of a file from its extension; null when the extension says nothing. */
    public static DataFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) return CSV;
        if (name.endsWith(".libsvm") || name.endsWith(".svm") || name.endsWith(".svmlight")) return LIBSVM;
        if (name.endsWith(".mtx")) return MATRIX_MARKET;
        if (name.endsWith(".npy")) return NPY;
        return null;
    }

    /** Whether the features of a row are given by position only (no header): every format but CSV. */
    public boolean headerless() {
        return this != CSV;
    }
}
