package dev.shrink.cli.model;

import dev.shrink.solvers.cv.GlmnetCV;

import java.util.List;

import static dev.shrink.cli.model.Dialect.GLMNET;
import static dev.shrink.cli.model.Dialect.SKLEARN;

/**
 * The registry: every model the command line fits, one {@link Entry} each, with the functions that read its options
 * per command and dialect. Adding an estimator is one entry here plus those functions (in a class of its family,
 * like {@link LeastSquaresModels}); the commands, the output and the plots need no change.
 */
public final class Models {
    private Models() {}

    private static final List<Entry> ENTRIES = List.of(
            Entry.of("ridge", Link.IDENTITY, "Σᵢsᵢ(yᵢ − xᵢ·w − b)² + alpha·‖w‖² (scikit-learn Ridge; glmnet: Gaussian, alpha = 0)")
                    .fit(SKLEARN, LeastSquaresModels::ridge)
                    .fit(GLMNET, p -> LeastSquaresModels.glmnetGaussian(p, 0.0, "ridge"))
                    .path(SKLEARN, LeastSquaresModels::ridgePath)
                    .path(GLMNET, p -> LeastSquaresModels.glmnetGaussianPath(p, 0.0))
                    .cv(SKLEARN, LeastSquaresModels::ridgeCv),
            Entry.of("lasso", Link.IDENTITY, "(1/2n)·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·‖w‖₁ (scikit-learn Lasso; glmnet: Gaussian, alpha = 1)")
                    .fit(SKLEARN, p -> LeastSquaresModels.elasticNet(p, 1.0))
                    .fit(GLMNET, p -> LeastSquaresModels.glmnetGaussian(p, 1.0, "lasso"))
                    .path(SKLEARN, p -> LeastSquaresModels.elasticNetPath(p, 1.0))
                    .path(GLMNET, p -> LeastSquaresModels.glmnetGaussianPath(p, 1.0))
                    .cv(SKLEARN, p -> LeastSquaresModels.elasticNetCv(p, 1.0)),
            Entry.of("elasticnet", Link.IDENTITY,
                            "(1/2n)·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·(l1_ratio·‖w‖₁ + ½(1 − l1_ratio)·‖w‖²) (scikit-learn ElasticNet; glmnet: Gaussian)")
                    .fit(SKLEARN, p -> LeastSquaresModels.elasticNet(p, null))
                    .fit(GLMNET, p -> LeastSquaresModels.glmnetGaussian(p, null, "elasticnet"))
                    .path(SKLEARN, p -> LeastSquaresModels.elasticNetPath(p, null))
                    .path(GLMNET, p -> LeastSquaresModels.glmnetGaussianPath(p, null))
                    .cv(SKLEARN, p -> LeastSquaresModels.elasticNetCv(p, null)),
            Entry.of("logistic", Link.LOGIT, "½‖w‖² + C·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b))) (--penalty l1 | elasticnet --l1-ratio r: r·‖w‖₁ + ½(1 − r)‖w‖²), two classes (scikit-learn LogisticRegression; glmnet: binomial, --alpha in [0, 1], default 0)")
                    .fit(SKLEARN, LogisticModels::logistic)
                    .fit(GLMNET, GlmModels::glmnetBinomial)
                    .path(GLMNET, GlmModels::glmnetBinomialPath)
                    .cv(SKLEARN, p -> GlmModels.logisticCv(p, false))
                    .cv(GLMNET, p -> GlmModels.glmnetCv(p, GlmnetCV.Family.BINOMIAL)),
            Entry.of("multinomial", Link.SOFTMAX,
                            "C·Σᵢsᵢ(log Σ_c exp(z_ic) − z_{i,yᵢ}) + penalty, three or more classes (scikit-learn LogisticRegression; glmnet: multinomial, --grouped)")
                    .fit(SKLEARN, GlmModels::multinomial)
                    .fit(GLMNET, GlmModels::glmnetMultinomial)
                    .path(GLMNET, GlmModels::glmnetMultinomialPath)
                    .cv(SKLEARN, GlmModels::multinomialCv)
                    .cv(GLMNET, p -> GlmModels.glmnetCv(p, GlmnetCV.Family.MULTINOMIAL)),
            Entry.of("poisson", Link.LOG,
                            "(1/2S)·Σᵢsᵢ·dev(yᵢ, exp(xᵢ·w + b)) + ½·alpha·‖w‖², counts (scikit-learn PoissonRegressor; glmnet: poisson)")
                    .fit(SKLEARN, GlmModels::poisson)
                    .fit(GLMNET, GlmModels::glmnetPoisson)
                    .path(GLMNET, GlmModels::glmnetPoissonPath)
                    .cv(GLMNET, p -> GlmModels.glmnetCv(p, GlmnetCV.Family.POISSON)),
            Entry.of("group-lasso", Link.IDENTITY,
                            "(1/2n)·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·((1 − l1_ratio)·Σ_g ω_g‖w_g‖₂ + l1_ratio·‖w‖₁), ω_g = √p_g (group lasso; l1_ratio > 0: sparse-group)")
                    .fit(SKLEARN, GroupModels::groupLasso)
                    .path(SKLEARN, GroupModels::groupLassoPath),
            Entry.of("logistic-group-lasso", Link.LOGIT,
                            "(1/n)·Σᵢlog(1 + exp(−tᵢ(xᵢ·w + b))) + alpha·((1 − l1_ratio)·Σ_g ω_g‖w_g‖₂ + l1_ratio·‖w‖₁), two classes")
                    .fit(SKLEARN, GroupModels::logisticGroupLasso)
                    .path(SKLEARN, GroupModels::logisticGroupLassoPath),
            Entry.of("multitask-elasticnet", Link.IDENTITY,
                            "(1/2n)·‖Y − XWᵀ − 1bᵀ‖²_F + alpha·(l1_ratio·Σⱼ‖Wⱼ‖₂ + ½(1 − l1_ratio)·‖W‖²_F) (scikit-learn MultiTaskElasticNet)")
                    .fit(SKLEARN, p -> MultiTaskModels.fit(p, null))
                    .path(SKLEARN, p -> MultiTaskModels.path(p, null))
                    .cv(SKLEARN, p -> MultiTaskModels.cv(p, null)),
            Entry.of("multitask-lasso", Link.IDENTITY, "(1/2n)·‖Y − XWᵀ − 1bᵀ‖²_F + alpha·Σⱼ‖Wⱼ‖₂ (scikit-learn MultiTaskLasso)")
                    .fit(SKLEARN, p -> MultiTaskModels.fit(p, 1.0))
                    .path(SKLEARN, p -> MultiTaskModels.path(p, 1.0))
                    .cv(SKLEARN, p -> MultiTaskModels.cv(p, 1.0)),
            Entry.of("adaptive-lasso", Link.IDENTITY,
                            "first fit ŵ, then (1/2n)·Σᵢ(yᵢ − xᵢ·w − b)² + alpha·Σⱼfⱼ(l1_ratio·|wⱼ| + ½(1 − l1_ratio)·wⱼ²), fⱼ = 1/|ŵⱼ|^gamma (Zou 2006)")
                    .fit(SKLEARN, AdaptiveModels::adaptiveLasso)
                    .path(SKLEARN, AdaptiveModels::adaptiveLassoPath)
                    .cv(SKLEARN, AdaptiveModels::adaptiveLassoCv),
            Entry.of("bayesian-ridge", Link.IDENTITY,
                            "Σᵢ(yᵢ − xᵢ·w − b)² + (lambda/alpha)·‖w‖², alpha and lambda by evidence maximisation (scikit-learn BayesianRidge)")
                    .fit(SKLEARN, AdaptiveModels::bayesianRidge),
            Entry.of("ard-regression", Link.IDENTITY,
                            "Σᵢ(yᵢ − xᵢ·w − b)² + Σⱼ(lambdaⱼ/alpha)·wⱼ², one precision per weight by evidence maximisation (scikit-learn ARDRegression)")
                    .fit(SKLEARN, AdaptiveModels::ardRegression));

    /** Every entry, in the order of the help text. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The entry named MODEL. @throws UsageException listing the models when there is none */
    public static Entry named(String name) {
        for (Entry e : ENTRIES) if (e.name().equals(name)) return e;
        throw new UsageException("unknown model '" + name + "'; the models are " + String.join(", ", ENTRIES.stream().map(Entry::name).toList()));
    }

    /** The model names, for the help text. */
    public static String names() {
        return String.join(", ", ENTRIES.stream().map(Entry::name).toList());
    }
}
