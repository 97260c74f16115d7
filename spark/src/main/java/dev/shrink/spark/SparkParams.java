package dev.shrink.spark;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;

/**
 * The params the estimators share with Spark's {@code LinearRegression} and {@code LogisticRegression}: same names,
 * same meaning, same docs (Spark's shared params, written out here because Java cannot mix in Scala traits). Each
 * factory makes the param of one owner.
 */
final class SparkParams {
    private SparkParams() {}

    static DoubleParam regParam(Identifiable owner) {
        return new DoubleParam(owner, "regParam", "regularization parameter (>= 0)", ParamValidators.gtEq(0));
    }

    static DoubleParam elasticNetParam(Identifiable owner) {
        return new DoubleParam(owner, "elasticNetParam", "the ElasticNet mixing parameter, in range [0, 1]. For alpha = 0, "
                + "the penalty is an L2 penalty. For alpha = 1, it is an L1 penalty", ParamValidators.inRange(0, 1));
    }

    static BooleanParam fitIntercept(Identifiable owner) {
        return new BooleanParam(owner, "fitIntercept", "whether to fit an intercept term");
    }

    static BooleanParam standardization(Identifiable owner) {
        return new BooleanParam(owner, "standardization", "whether to standardize the training features before fitting the model");
    }

    static Param<String> weightCol(Identifiable owner) {
        return new Param<>(owner, "weightCol", "weight column name. If this is not set or empty, we treat all instance weights as 1.0");
    }

    static IntParam maxIter(Identifiable owner, String what) {
        return new IntParam(owner, "maxIter", "maximum number of iterations (>= 1): " + what, ParamValidators.gtEq(1));
    }

    static DoubleParam tol(Identifiable owner, String what) {
        return new DoubleParam(owner, "tol", "the convergence tolerance (> 0): " + what, ParamValidators.gt(0));
    }

    static IntParam aggregationDepth(Identifiable owner) {
        return new IntParam(owner, "aggregationDepth", "suggested depth for treeAggregate (>= 2)", ParamValidators.gtEq(2));
    }

    /** Spark's solvers differ in the standard deviation they standardise with; this picks whose objective is solved. */
    static Param<String> solver(Identifiable owner) {
        return new Param<>(owner, "solver", "whose objective to reproduce: 'normal' (Spark's normal-equation solver, "
                + "population standard deviations), 'l-bfgs' (sample standard deviations) or 'auto' (normal up to 4096 features, "
                + "as Spark); shrink solves either exactly from one pass of sufficient statistics",
                ParamValidators.inArray(new String[] {"auto", "normal", "l-bfgs"}));
    }

    /** The standard deviation Spark's {@code LinearRegression} uses for a solver choice and p features. */
    static Standardization.Deviation deviation(String solver, int p) {
        boolean normal = solver.equals("normal") || (solver.equals("auto") && p <= 4096);
        return normal ? Standardization.Deviation.POPULATION : Standardization.Deviation.SAMPLE;
    }
}
