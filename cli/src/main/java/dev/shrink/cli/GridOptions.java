package dev.shrink.cli;

import picocli.CommandLine.Option;

/** The penalty grid of a path or a cross-validation. */
final class GridOptions {
    @Option(names = "--n-alphas", paramLabel = "K", description = "Number of penalty values (default 100; ridge 50; logistic cv 10).")
    Integer nAlphas;

    @Option(names = "--alphas", paramLabel = "A", split = ",", description = "scikit-learn: explicit penalty values, strongest first.")
    double[] alphas;

    @Option(names = "--eps", paramLabel = "E", description = "scikit-learn: smallest / largest alpha of the computed grid (default 1e-3).")
    Double eps;

    @Option(names = "--lambda-min-ratio", paramLabel = "R", description = "glmnet: smallest / largest λ (default 1e-4 if n ≥ p, else 0.01).")
    Double lambdaMinRatio;
}
