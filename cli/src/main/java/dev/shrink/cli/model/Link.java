package dev.shrink.cli.model;

/** How a model's linear predictor η = x·w + b becomes a prediction, and what its response must be. */
public enum Link {
    /** Regression: the prediction is η; the response is numeric. */
    IDENTITY,
    /** Binary classification: P(second class) = 1/(1 + e^−η); the response has exactly two classes. */
    LOGIT,
    /** Multi-class: P(class c) = e^η_c / Σ e^η_k, one η per class; the response has two or more classes. */
    SOFTMAX,
    /** Counts: the prediction is e^η; the response is non-negative. */
    LOG
}
