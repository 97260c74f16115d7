package dev.shrink.spark;

import org.apache.spark.ml.param.DoubleParam;

/**
 * Spark's {@code regParam} and {@code elasticNetParam}: the penalty λ·(α·Σ|βⱼ| + (1 − α)/2·Σβⱼ²) on the (standardised)
 * coefficients β.
 *
 * @param <T> the estimator, which the setters return
 */
public interface ElasticNetParams<T extends ElasticNetParams<T>> extends PenalizedFitParams<T> {

    /** Regularization parameter λ (≥ 0). */
    DoubleParam regParam();
    /** The elastic-net mixing parameter α in [0, 1] (0: L2, 1: L1). */
    DoubleParam elasticNetParam();

    default double getRegParam() { return (Double) $(regParam()); }
    default double getElasticNetParam() { return (Double) $(elasticNetParam()); }

    /** Sets {@link #regParam()}. */
    @SuppressWarnings("unchecked")
    default T setRegParam(double v) { set(regParam(), v); return (T) this; }
    /** Sets {@link #elasticNetParam()}. */
    @SuppressWarnings("unchecked")
    default T setElasticNetParam(double v) { set(elasticNetParam(), v); return (T) this; }
}
