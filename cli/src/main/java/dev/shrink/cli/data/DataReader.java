package dev.shrink.cli.data;

import dev.shrink.solvers.Design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads a data file of any supported format ({@link DataFormat}) as a {@link DataSet}: the one entry point of this
 * package. Every problem with the input is a {@link DataException} whose one-line message names the file and, for
 * text formats, the line and column.
 */
public final class DataReader {
    private DataReader() {}

    /**
     * @param spec      what to read
     * @param bytesRead told the number of bytes read so far (CSV), for a progress line; may ignore it
     */
    public static DataSet read(DataSpec spec, LongConsumer bytesRead) {
        Path file = spec.file();
        String name = file.toString();
        DataFormat format = spec.format() != null ? spec.format() : DataFormat.of(file);
        if (format == null) {
            throw DataException.in(name, "unknown format: name it with --format csv|libsvm|mtx|npy (or use the extension .csv, .tsv, .libsvm, .svm, .mtx, .npy)");
        }
        requireFile(file, name);
        try {
            return switch (format) {
                case CSV -> CsvTableReader.read(spec, name, bytesRead);
                case LIBSVM -> libsvm(spec, name);
                case MATRIX_MARKET -> headerless(spec, name, MatrixMarketReader.read(file, name).toDesign(name));
                case NPY -> headerless(spec, name, npyDesign(file, name));
            };
        } catch (NoSuchFileException e) {
            throw DataException.in(e.getFile(), "no such file");
        } catch (IOException e) {
            throw DataException.in(name, "cannot read: " + e.getMessage());
        }
    }

    static void requireFile(Path file, String name) {
        if (!Files.exists(file)) throw DataException.in(name, "no such file");
        if (Files.isDirectory(file)) throw DataException.in(name, "is a directory, not a data file");
        if (!Files.isReadable(file)) throw DataException.in(name, "not readable (permission denied)");
    }

    private static void noColumns(DataSpec spec, DataFormat format, String name) {
        String kind = format == DataFormat.LIBSVM ? "a LibSVM file (its label is the first field of each line)" : "a headerless file (give the response with --y FILE)";
        if (spec.target() != null) throw DataException.in(name, "--target names a CSV column, but this is " + kind);
        if (spec.foldColumn() != null) throw DataException.in(name, "--fold-col names a CSV column, but this is " + kind + "; use --folds K");
    }

    private static DataSet libsvm(DataSpec spec, String name) throws IOException {
        noColumns(spec, DataFormat.LIBSVM, name);
        if (spec.yFile() != null) throw DataException.in(name, "--y is for .mtx and .npy designs: a LibSVM file holds its labels");
        int p = spec.features() == null ? 0 : spec.features().size();
        LibSvmReader.Contents c = LibSvmReader.read(spec.file(), name, p, p == 0 ? Integer.MAX_VALUE : p);
        Design x = c.x().toDesign(name);
        Target target = new Target(name, null, c.labels(), null);
        double[] weights = spec.weights() == null ? null : weights(spec, x.n());
        return new DataSet(name, DataSet.positionalNames(x.p()), x, spec.needsTarget() ? target : null, weights, null, List.of());
    }

    private static DataSet headerless(DataSpec spec, String name, Design x) throws IOException {
        noColumns(spec, DataFormat.NPY, name);
        if (spec.features() != null && spec.features().size() != x.p()) {
            throw DataException.in(name, x.p() + " columns, the model has " + spec.features().size() + " features");
        }
        Target target = null;
        List<Target> tasks = null;
        if (spec.yFile() != null) {
            requireFile(spec.yFile(), spec.yFile().toString());
            List<Target> responses = VectorReader.responses(spec.yFile(), spec.yFile().toString(), x.n());
            target = responses.getFirst();
            if (responses.size() > 1) tasks = responses;
        } else if (spec.needsTarget()) {
            throw DataException.in(name, "a design without a response column: give the response with --y FILE (.npy or one value per line)");
        }
        double[] weights = spec.weights() == null ? null : weights(spec, x.n());
        return new DataSet(name, DataSet.positionalNames(x.p()), x, target, tasks, weights, null, List.of());
    }

    private static double[] weights(DataSpec spec, int n) throws IOException {
        Path w = Path.of(spec.weights());
        requireFile(w, spec.weights());
        double[] s = VectorReader.numbers(w, spec.weights(), n);
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0) throw DataException.in(spec.weights(), "negative weight " + s[i] + " at row " + (i + 1));
        }
        return s;
    }

    /** A 2-D array as a design: C order row-major, Fortran order column-major, no copy. */
    private static Design npyDesign(Path file, String name) throws IOException {
        NpyReader.NpyArray a = NpyReader.read(file, name);
        long[] s = a.shape();
        if (s.length != 2) throw DataException.in(name, "shape " + java.util.Arrays.toString(s) + ": a design must be 2-D (rows, columns)");
        int n = (int) s[0];
        int p = (int) s[1];
        if (n == 0 || p == 0) throw DataException.in(name, "shape (" + n + ", " + p + "): no data");
        try {
            return a.fortran() ? Design.columnMajor(a.data(), n, p) : Design.rowMajor(a.data(), n, p);
        } catch (IllegalArgumentException e) {
            throw DataException.in(name, nonFinite(a, n, p));
        }
    }

    private static String nonFinite(NpyReader.NpyArray a, int n, int p) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = a.data()[a.fortran() ? j * n + i : i * p + j];
                if (!Double.isFinite(v)) return "row " + i + ", column " + j + " (0-based, as numpy) is " + v + " (values must be finite)";
            }
        }
        return "values must be finite";
    }
}
