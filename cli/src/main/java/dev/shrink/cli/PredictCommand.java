package dev.shrink.cli;

import dev.shrink.cli.data.DataFormat;
import dev.shrink.cli.data.DataReader;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.data.DataSpec;
import dev.shrink.cli.model.UsageException;
import dev.shrink.cli.output.AtomicOutput;
import dev.shrink.cli.output.ModelFile;
import dev.shrink.cli.output.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./shrink predict model.json DATA}: one line per row of DATA. */
@Command(name = "predict", sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true,
        description = "Predict with a model written by fit or cv: one CSV line per row of DATA after a header: 'prediction' for a regression;"
                + " the class and one probability per class for a classifier. CSV data are matched to the model's features by column name"
                + " (other columns are ignored); other formats by position.",
        footer = {"", "Example:", "  ./shrink fit lasso examples/data/diabetes.csv --target progression --alpha 0.1 --out model.json",
                "  ./shrink predict model.json examples/data/diabetes.csv --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model written by './shrink fit' or './shrink cv'.")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "DATA", description = "The rows to predict: CSV with a header row, LibSVM, .mtx or .npy.")
    Path data;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "This help.")
    boolean help;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, libsvm, mtx or npy (default: from the extension).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions here (default: stdout).")
    Path outFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    PrintStream out;
    PrintStream err;

    @Override
    public Integer call() {
        ModelFile.Saved saved = ModelFile.read(modelFile);
        DataFormat f = null;
        if (format != null) {
            f = DataFormat.named(format);
            if (f == null) throw new UsageException("--format must be csv, libsvm, mtx or npy, got '" + format + "'");
        }
        DataSet d;
        try (Progress progress = new Progress(err, quiet)) {
            progress.phase("reading " + data, 0);
            d = DataReader.read(new DataSpec(data, f, null, null, null, null, saved.features(), false), progress::bytes);
        }
        if (outFile == null) {
            try {
                Predictions.write(saved.fitted(), d.x(), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            AtomicOutput.write(outFile, o -> Predictions.write(saved.fitted(), d.x(), o));
        }
        return 0;
    }
}
