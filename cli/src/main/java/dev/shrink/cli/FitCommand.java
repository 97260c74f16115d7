package dev.shrink.cli;

import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.model.Entry;
import dev.shrink.cli.model.Fitted;
import dev.shrink.cli.output.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code ./shrink fit MODEL DATA}: one model, written as JSON. */
@Command(name = "fit", sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true,
        description = "Fit one model to a data file and write it as JSON (coefficients by feature, intercept, objective, convergence).",
        footer = {"", "Models: ridge, lasso, elasticnet, logistic, multinomial, poisson, group-lasso, logistic-group-lasso, multitask-elasticnet,",
                "multitask-lasso, adaptive-lasso, bayesian-ridge, ard-regression. Examples:",
                "  ./shrink fit lasso examples/data/diabetes.csv --target progression --alpha 0.1",
                "  ./shrink fit logistic examples/data/breast_cancer.csv --target diagnosis --C 0.1 --out model.json",
                "  ./shrink fit elasticnet X.mtx --y y.txt --dialect glmnet --lambda 0.05 --alpha 0.5",
                "  ./shrink fit group-lasso data.csv --target y --group-sizes 3,2,5 --alpha 0.1",
                "  ./shrink fit multitask-lasso data.csv --target y1,y2,y3 --alpha 0.4"})
final class FitCommand extends ModelCommand {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the model here (default: stdout).")
    Path outFile;

    @Override
    String command() {
        return "fit";
    }

    @Override
    public Integer call() {
        Configured<Entry.Fitter> c = configure(Entry::fits);
        try (Progress progress = new Progress(err, dataOptions.quiet)) {
            DataSet d = read(progress, null);
            progress.phase("fitting " + model, 0);
            Fitted f = Failures.solving(() -> c.runner().fit(d));
            progress.finish();
            int status = checkConvergence(List.of(f.convergence()), converged(List.of(f)));
            if (status != 0) return status;
            write(outFile, ModelJson.fit(new ModelJson.Header(model, c.dialect(), c.params().used(), d), f));
            return 0;
        }
    }
}
