package dev.shrink.spark;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The params every shrink-spark estimator shares with Spark's {@code LinearRegression} and {@code LogisticRegression}
 * (Spark's {@code HasWeightCol}, {@code HasFitIntercept}, … — Scala traits, which a Java class cannot mix in): getters and
 * setters here, the {@link Param} objects in each estimator ({@link SparkParams} makes them).
 *
 * @param <T> the estimator, which the setters return
 */
public interface PenalizedFitParams<T extends PenalizedFitParams<T>> extends Params {

    /** Column of non-negative instance weights (unset or empty: all 1). */
    Param<String> weightCol();
    /** Whether to fit an (unpenalised) intercept. */
    BooleanParam fitIntercept();
    /** Whether to penalise the standardised coefficients (Spark's default) or the raw ones. */
    BooleanParam standardization();
    /** Most iterations of the solver (what one is: see the estimator). */
    IntParam maxIter();
    /** Convergence tolerance of the solver (what it bounds: see the estimator). */
    DoubleParam tol();
    /** Suggested depth of the treeAggregate of every pass (≥ 2). */
    IntParam aggregationDepth();

    default String getWeightCol() { return isDefined(weightCol()) ? $(weightCol()) : ""; }
    default boolean getFitIntercept() { return (Boolean) $(fitIntercept()); }
    default boolean getStandardization() { return (Boolean) $(standardization()); }
    default int getMaxIter() { return (Integer) $(maxIter()); }
    default double getTol() { return (Double) $(tol()); }
    default int getAggregationDepth() { return (Integer) $(aggregationDepth()); }

    /** Sets {@link #weightCol()}. */
    default T setWeightCol(String v) { set(weightCol(), v); return self(); }
    /** Sets {@link #fitIntercept()}. */
    default T setFitIntercept(boolean v) { set(fitIntercept(), v); return self(); }
    /** Sets {@link #standardization()}. */
    default T setStandardization(boolean v) { set(standardization(), v); return self(); }
    /** Sets {@link #maxIter()}. */
    default T setMaxIter(int v) { set(maxIter(), v); return self(); }
    /** Sets {@link #tol()}. */
    default T setTol(double v) { set(tol(), v); return self(); }
    /** Sets {@link #aggregationDepth()}. */
    default T setAggregationDepth(int v) { set(aggregationDepth(), v); return self(); }

    /** This estimator, as its own type. */
    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
