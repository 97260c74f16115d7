package dev.shrink.cli;

import picocli.CommandLine.Option;

/**
 * The model's options (fit, path, cv): scikit-learn's names in kebab case, glmnet's under --dialect glmnet. Each
 * model reads the ones it takes; any other that is given is refused with the list of those it takes.
 */
final class PenaltyOptions {
    @Option(names = "--dialect", paramLabel = "sklearn|glmnet", description = "Whose objective, grid and names (default: sklearn where the model has it).")
    String dialect;

    @Option(names = "--alpha", paramLabel = "A", description = "scikit-learn: the penalty strength (default 1). glmnet: the L1 share, 0..1.")
    Double alpha;

    @Option(names = "--l1-ratio", paramLabel = "R", split = ",", description = "elasticnet: the share of the L1 penalty, 0..1 (default 0.5; cv: a list).")
    double[] l1Ratio;

    @Option(names = "--C", paramLabel = "C", description = "logistic: the inverse penalty strength (default 1).")
    Double c;

    @Option(names = "--penalty", paramLabel = "l1|l2|elasticnet", description = "logistic: the penalty (default l2).")
    String penalty;

    @Option(names = "--no-intercept", description = "Fit no intercept (scikit-learn's fit_intercept=False, glmnet's intercept=FALSE).")
    Boolean noIntercept;

    @Option(names = "--lambda", paramLabel = "L", split = ",", description = "glmnet: the penalty λ (fit: one value; path: a list, strongest first).")
    double[] lambda;

    @Option(names = "--standardize", negatable = true, description = "glmnet: penalise the standardised coefficients (default on).")
    Boolean standardize;

    @Option(names = "--penalty-factor", paramLabel = "F", split = ",", description = "glmnet: one factor per feature (rescaled to sum to p).")
    double[] penaltyFactor;

    @Option(names = "--lower-limits", paramLabel = "L", split = ",", description = "glmnet: lower bounds of the coefficients.")
    double[] lowerLimits;

    @Option(names = "--upper-limits", paramLabel = "U", split = ",", description = "glmnet: upper bounds of the coefficients.")
    double[] upperLimits;

    @Option(names = "--max-iter", paramLabel = "N", description = "Most iterations per fit (scikit-learn's max_iter).")
    Integer maxIter;

    @Option(names = "--tol", paramLabel = "T", description = "Stopping tolerance (scikit-learn's tol; the output's convergence says what it measured).")
    Double tol;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the solvers (default: every processor; results depend on the count only).")
    Integer threads;

    @Option(names = "--strict", description = "Exit with status 3, writing nothing, when a fit does not converge (default: a warning).")
    boolean strict;
}
