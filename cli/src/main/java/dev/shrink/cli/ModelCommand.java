package dev.shrink.cli;

import dev.shrink.cli.data.DataFormat;
import dev.shrink.cli.data.DataReader;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.data.DataSpec;
import dev.shrink.cli.model.Dialect;
import dev.shrink.cli.model.Entry;
import dev.shrink.cli.model.Fitted;
import dev.shrink.cli.model.Models;
import dev.shrink.cli.model.Params;
import dev.shrink.cli.model.UsageException;
import dev.shrink.cli.output.AtomicOutput;
import dev.shrink.solvers.Convergence;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What fit, path and cv share: MODEL and DATA, the data and model options, choosing the dialect, configuring the
 * model's entry before the data are read (so that a wrong option costs no reading), reading the data with a progress
 * line, and writing the output all at once.
 */
abstract class ModelCommand implements Callable<Integer> {
    /** Options the command handles itself; every other one given goes to the model (and must be taken by it). */
    private static final Set<String> COMMAND_OPTIONS = Set.of("target", "y", "format", "quiet", "strict", "dialect", "out", "plot", "help");

    /** Exit status when --strict and a fit did not converge. */
    static final int NOT_CONVERGED = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "ridge, lasso, elasticnet, logistic, multinomial, poisson, group-lasso, logistic-group-lasso, "
            + "multitask-elasticnet, multitask-lasso, adaptive-lasso, bayesian-ridge or ard-regression.")
    String model;

    @Parameters(index = "1", paramLabel = "DATA", description = "The data file: CSV with a header row, LibSVM, Matrix Market (.mtx) or .npy.")
    Path data;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "This help.")
    boolean help;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    PenaltyOptions penaltyOptions;

    PrintStream out;
    PrintStream err;

    /** The command's word: fit, path or cv. */
    abstract String command();

    /** The options given, by name without dashes, that the model reads. */
    Map<String, Object> modelOptions() {
        Map<String, Object> given = new HashMap<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String name = o.longestName().replaceFirst("^-+", "");
            if (!COMMAND_OPTIONS.contains(name)) given.put(name, o.getValue());
        }
        return given;
    }

    /** The dialect asked for, else the first one the model has for this command. */
    Dialect dialect(Map<Dialect, ?> available) {
        String what = command() + " " + model;
        if (penaltyOptions.dialect != null) {
            Dialect d = Dialect.named(penaltyOptions.dialect);
            if (d == null) throw new UsageException("--dialect must be sklearn or glmnet, got '" + penaltyOptions.dialect + "'");
            if (!available.containsKey(d)) {
                throw new UsageException(what + " is not available in the " + d.displayName() + " dialect"
                        + (available.isEmpty() ? "" : " (it is in: " + String.join(", ", available.keySet().stream().map(Dialect::optionName).sorted().toList()) + ")"));
            }
            return d;
        }
        for (Dialect d : Dialect.values()) if (available.containsKey(d)) return d;
        throw new UsageException(what + " is not available yet");
    }

    /** The model's function for this command and dialect, configured from the options; every given option must be taken. */
    <T> Configured<T> configure(Function<Entry, Map<Dialect, Function<Params, T>>> byCommand) {
        Entry entry = Models.named(model);
        Map<Dialect, Function<Params, T>> available = byCommand.apply(entry);
        Dialect dialect = dialect(available);
        Params params = new Params(dialect, command() + " " + model, modelOptions());
        T runner;
        try {
            runner = available.get(dialect).apply(params);
        } catch (IllegalArgumentException e) { // the solvers' builders name the bad value
            throw new UsageException(e.getMessage());
        }
        params.requireAllRead();
        return new Configured<>(entry, dialect, params, runner);
    }

    record Configured<T>(Entry entry, Dialect dialect, Params params, T runner) {}

    /** Reads DATA as the options say, with a progress line; prints the reader's notes unless --quiet. */
    DataSet read(Progress progress, String foldColumn) {
        DataFormat format = null;
        if (dataOptions.format != null) {
            format = DataFormat.named(dataOptions.format);
            if (format == null) throw new UsageException("--format must be csv, libsvm, mtx or npy, got '" + dataOptions.format + "'");
        }
        DataSpec spec = new DataSpec(data, format, dataOptions.target, dataOptions.y, dataOptions.weights, foldColumn, null, true);
        if ((format == DataFormat.CSV || (format == null && DataFormat.of(data) == DataFormat.CSV)) && dataOptions.target == null) {
            throw new UsageException("name the response column of " + data + " with --target COL");
        }
        progress.phase("reading " + data, size(data));
        DataSet d = DataReader.read(spec, progress::bytes);
        if (!dataOptions.quiet) for (String note : d.notes()) err.println("shrink: note: " + note);
        return d;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Warns about (or with --strict, refuses) fits that did not converge; returns the exit status so far. */
    int checkConvergence(List<Convergence> fits, boolean allConverged) {
        if (allConverged) return 0;
        Convergence first = null;
        int failed = 0;
        for (Convergence c : fits) {
            if (c != null && !c.converged()) {
                failed++;
                if (first == null) first = c;
            }
        }
        String what = first != null ? first.message() : "a fold fit did not converge";
        String count = failed > 1 ? " (" + failed + " fits)" : "";
        if (penaltyOptions.strict) {
            err.println("shrink " + command() + ": " + model + " did not converge" + count + ": " + what + "; nothing written (--strict)");
            return NOT_CONVERGED;
        }
        if (!dataOptions.quiet) err.println("shrink " + command() + ": warning: " + model + " did not converge" + count + ": " + what + " (raise --max-iter?)");
        return 0;
    }

    static boolean converged(List<Fitted> fits) {
        for (Fitted f : fits) if (f.convergence() != null && !f.convergence().converged()) return false;
        return true;
    }

    /** Writes text to the file (all at once) or, without a file, to stdout. */
    void write(Path file, String text) {
        if (file == null) {
            out.print(text);
            out.flush();
        } else {
            AtomicOutput.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
