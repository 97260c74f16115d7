package dev.shrink.cli;

import dev.shrink.charts.CvPlot;
import dev.shrink.cli.data.DataSet;
import dev.shrink.cli.model.CvFitted;
import dev.shrink.cli.model.Entry;
import dev.shrink.cli.output.AtomicOutput;
import dev.shrink.cli.output.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code ./shrink cv MODEL DATA}: the penalty chosen by cross-validation, as JSON and optionally glmnet's CV plot. */
@Command(name = "cv", sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true,
        description = "Choose the penalty by cross-validation (scikit-learn's RidgeCV, ElasticNetCV, LogisticRegressionCV), refit on all rows, write"
                + " the scores, the minimum and the one-standard-error choice and the model as JSON; --plot draws the CV curve.",
        footer = {"", "Models: ridge (leave-one-out), lasso, elasticnet, logistic (--penalty l1|elasticnet too), multinomial, multitask-elasticnet,",
                "multitask-lasso, adaptive-lasso (over --gamma too); glmnet's cv.glmnet for logistic, multinomial and poisson (--dialect glmnet,",
                "--measure deviance|class). Examples:",
                "  ./shrink cv lasso examples/data/diabetes.csv --target progression --plot cv.svg",
                "  ./shrink cv logistic data.csv --target label --fold-col fold --Cs 0.01,0.1,1,10"})
final class CvCommand extends ModelCommand {
    @Mixin
    GridOptions grid;

    @Option(names = "--folds", paramLabel = "K", description = "K contiguous folds, as scikit-learn's KFold without shuffling (default 5).")
    Integer folds;

    @Option(names = "--fold-col", paramLabel = "COL", description = "CSV: the column of fold ids (any integers; each is one fold).")
    String foldColumn;

    @Option(names = "--Cs", paramLabel = "C", split = ",", description = "logistic: explicit values of C (default: 10 from 1e-4 to 1e4).")
    double[] cs;

    @Option(names = "--measure", paramLabel = "deviance|class", description = "glmnet's type.measure for the binomial, multinomial and Poisson families (default deviance).")
    String measure;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here (default: stdout).")
    Path outFile;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also draw the CV curve: mean ± 1 SE against log(penalty) (glmnet's plot.cv.glmnet).")
    Path plot;

    @Override
    String command() {
        return "cv";
    }

    @Override
    public Integer call() {
        Configured<Entry.CvRunner> c = configure(Entry::cvs);
        try (Progress progress = new Progress(err, dataOptions.quiet)) {
            DataSet d = read(progress, foldColumn);
            progress.phase("cross-validating " + model, 0);
            CvFitted cv = Failures.solving(() -> c.runner().run(d));
            progress.finish();
            int status = checkConvergence(List.of(cv.model().convergence()), cv.converged());
            if (status != 0) return status;
            String json = ModelJson.cv(new ModelJson.Header(model, c.dialect(), c.params().used(), d), cv);
            if (plot != null) {
                String svg = plot(cv, d);
                AtomicOutput.write(plot, o -> o.write(svg.getBytes(StandardCharsets.UTF_8)));
            }
            write(outFile, json);
            return 0;
        }
    }

    /** The CV curve against the penalty strength: alpha, or 1/C for logistic regression (stronger to the right). */
    private String plot(CvFitted cv, DataSet d) {
        boolean c = cv.penaltyName().equals("C");
        double[] strength = cv.grid();
        if (c) for (int k = 0; k < strength.length; k++) strength[k] = 1 / strength[k];
        String error = switch (cv.metric()) {
            case "mse" -> "mean squared error";
            case "log_loss" -> "log loss";
            case "misclassification" -> "misclassification error";
            default -> cv.metric();
        };
        String title = model + ": " + cv.folds() + "-fold cross-validation, " + d.n() + " × " + d.p();
        if (cv.folds() == d.n()) title = model + ": leave-one-out cross-validation, " + d.n() + " × " + d.p();
        return CvPlot.svg(title, c ? "1/C" : cv.penaltyName().equals("lambda") ? "λ" : "α", error, strength, cv.mean(), cv.standardError(), cv.indexMin(), cv.index1se(), cv.nonZero());
    }
}
