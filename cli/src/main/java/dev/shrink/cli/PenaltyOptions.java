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

    @Option(names = "--grouped", negatable = true, description = "glmnet multinomial: one L1 norm per feature over the classes (type.multinomial = \"grouped\").")
    Boolean grouped;

    @Option(names = "--groups", paramLabel = "FILE", description = "group models: a file of one group id (0 .. G−1) per feature, in column order.")
    String groups;

    @Option(names = "--group-sizes", paramLabel = "N", split = ",", description = "group models: consecutive columns in groups of these sizes (instead of --groups).")
    double[] groupSizes;

    @Option(names = "--group-weights", paramLabel = "W", split = ",", description = "group models: one weight per group (default √(group size)).")
    double[] groupWeights;

    @Option(names = "--gamma", paramLabel = "G", split = ",", description = "adaptive-lasso: the factors' power, 1/|ŵ|^γ (default 1; cv: a list, default 0.5,1,2).")
    double[] gamma;

    @Option(names = "--first-stage", paramLabel = "ridge|ols|lasso", description = "adaptive-lasso: the first fit that sets the factors (default ridge).")
    String firstStage;

    @Option(names = "--first-stage-alpha", paramLabel = "A", description = "adaptive-lasso: the penalty of a ridge or lasso first stage (default 1).")
    Double firstStageAlpha;

    @Option(names = "--alpha-1", paramLabel = "V", description = "bayesian-ridge: shape of the Gamma prior on the noise precision (default 1e-6).")
    Double alpha1;

    @Option(names = "--alpha-2", paramLabel = "V", description = "bayesian-ridge: rate of the Gamma prior on the noise precision (default 1e-6).")
    Double alpha2;

    @Option(names = "--lambda-1", paramLabel = "V", description = "bayesian-ridge: shape of the Gamma prior on the weight precision (default 1e-6).")
    Double lambda1;

    @Option(names = "--lambda-2", paramLabel = "V", description = "bayesian-ridge: rate of the Gamma prior on the weight precision (default 1e-6).")
    Double lambda2;

    @Option(names = "--alpha-init", paramLabel = "V", description = "bayesian-ridge: the first noise precision (default 1/var(y)).")
    Double alphaInit;

    @Option(names = "--lambda-init", paramLabel = "V", description = "bayesian-ridge: the first weight precision (default 1).")
    Double lambdaInit;

    @Option(names = "--threshold-lambda", paramLabel = "V", description = "ard-regression: prune a weight whose precision exceeds this (default 1e4).")
    Double thresholdLambda;

    @Option(names = "--compute-score", description = "bayesian-ridge: also write the log marginal likelihood per iteration.")
    Boolean computeScore;

    @Option(names = "--max-iter", paramLabel = "N", description = "Most iterations per fit (scikit-learn's max_iter).")
    Integer maxIter;

    @Option(names = "--tol", paramLabel = "T", description = "Stopping tolerance (scikit-learn's tol; the output's convergence says what it measured).")
    Double tol;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the solvers (default: every processor; results depend on the count only).")
    Integer threads;

    @Option(names = "--strict", description = "Exit with status 3, writing nothing, when a fit does not converge (default: a warning).")
    boolean strict;
}
