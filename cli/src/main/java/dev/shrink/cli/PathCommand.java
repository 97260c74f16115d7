package dev.shrink.cli;

import dev.shrink.charts.PathPlot;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.model.Entry;
import dev.shrink.cli.model.Fitted;
import dev.shrink.cli.model.PathFitted;
import dev.shrink.cli.output.AtomicOutput;
import dev.shrink.cli.output.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code ./shrink path MODEL DATA}: the regularisation path, as JSON and optionally as glmnet's coefficient plot. */
@Command(name = "path", sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true,
        description = "Fit the regularisation path (warm-started, strongest penalty first) and write every point as JSON; --plot draws the coefficient paths.",
        footer = {"", "Models: ridge, lasso, elasticnet; logistic, multinomial, poisson (glmnet dialect); group-lasso, logistic-group-lasso, multitask-elasticnet,",
                "multitask-lasso (the plot: each feature's norm over the tasks), adaptive-lasso. Examples:",
                "  ./shrink path lasso examples/data/diabetes.csv --target progression --plot path.svg",
                "  ./shrink path elasticnet data.csv --target y --dialect glmnet --alpha 0.5 --n-alphas 50 --out path.json"})
final class PathCommand extends ModelCommand {
    @Mixin
    GridOptions grid;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the path here (default: stdout).")
    Path outFile;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also draw the coefficient paths against log(penalty) (glmnet's plot.glmnet).")
    Path plot;

    /** The coefficients drawn: the one output's, or of several tasks each feature's norm over them (its row of W). */
    static double[] drawn(Fitted f) {
        double[][] c = f.coef();
        if (c.length == 1) return c[0];
        double[] norm = new double[f.p()];
        for (int j = 0; j < norm.length; j++) {
            double s = 0;
            for (double[] row : c) s += row[j] * row[j];
            norm[j] = Math.sqrt(s);
        }
        return norm;
    }

    @Override
    String command() {
        return "path";
    }

    @Override
    public Integer call() {
        Configured<Entry.PathRunner> c = configure(Entry::paths);
        try (Progress progress = new Progress(err, dataOptions.quiet)) {
            DataSet d = read(progress, null);
            progress.phase("fitting the " + model + " path", 0);
            PathFitted path = Failures.solving(() -> c.runner().run(d));
            progress.finish();
            int status = checkConvergence(path.points().stream().map(Fitted::convergence).toList(), converged(path.points()));
            if (status != 0) return status;
            String json = ModelJson.path(new ModelJson.Header(model, c.dialect(), c.params().used(), d), path);
            if (plot != null) {
                double[][] coefs = new double[path.points().size()][];
                for (int k = 0; k < coefs.length; k++) coefs[k] = drawn(path.points().get(k));
                String symbol = path.penaltyName().equals("lambda") ? "λ" : "α";
                String svg = PathPlot.svg(model + " path (" + c.dialect().displayName() + "), " + d.n() + " × " + d.p(), symbol, path.penalties(), coefs,
                        d.features());
                AtomicOutput.write(plot, o -> o.write(svg.getBytes(StandardCharsets.UTF_8)));
            }
            write(outFile, json);
            return 0;
        }
    }
}
