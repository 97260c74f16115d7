package dev.shrink.solvers;

import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PoissonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every boundary rule: the exception type and a message that names the argument and the position or value. */
class BadInputTest {
    private static final double[][] X = {{1, 2}, {3, 4}, {5, 7}, {2, 1}};
    private static final double[] Y = {1, 2, 3, 4};

    private static void fails(String message, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertEquals(message, ex.getMessage());
    }

    private static void failsContaining(String part, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), () -> "message '" + ex.getMessage() + "' lacks '" + part + "'");
    }

    @Test
    void nanAndInfinityInXNameTheFirstPositionInRowOrder() {
        double[][] x = new double[20][5];
        x[17][3] = Double.NaN;
        x[18][0] = Double.NaN;
        fails("X has NaN at row 17, column 3", () -> Design.of(x));
        double[] flat = new double[6];
        flat[4] = Double.POSITIVE_INFINITY;
        fails("X has +Infinity at row 2, column 0", () -> Design.rowMajor(flat, 3, 2).n());
        fails("X has +Infinity at row 1, column 1", () -> Design.columnMajor(flat, 3, 2).n());
        // column-major: memory order finds column 0 first, but row order reports row 0, column 1
        double[] cm = new double[6];
        cm[2] = Double.NEGATIVE_INFINITY; // (2, 0)
        cm[3] = Double.NaN;               // (0, 1)
        fails("X has NaN at row 0, column 1", () -> Design.columnMajor(cm, 3, 2));
    }

    /**
     * X scaled by 1e300 is finite but its squares are not: every estimator refused it up front with the position and
     * the limit (before: Lasso returned all-NaN coefficients with converged = false, Ridge called the matrix singular
     * and advised alpha &gt; 0 at alpha = 1, LogisticRegression stopped at a gradient of 1e301). y likewise.
     */
    @Test
    void valuesWhoseSquaresOverflowAreRefusedUpFront() {
        double[][] big = new double[X.length][];
        for (int i = 0; i < X.length; i++) big[i] = new double[] {X[i][0] * 1e300, X[i][1] * 1e300};
        String message = "X has 1.0E300 at row 0, column 0: sums of squares overflow a double beyond |x| = 1.19e+153 (√(MAX_VALUE/(16·n·p)), n = 4, p = 2); rescale X";
        fails(message, () -> Lasso.builder().alpha(0.1).build().fit(big, Y));
        fails(message, () -> Ridge.builder().alpha(1).build().fit(big, Y));
        fails(message, () -> LogisticRegression.builder().build().fit(big, new double[] {0, 1, 0, 1}));
        fails(message, () -> ElasticNetPath.builder().build().fit(big, Y));
        double[] column = new double[8];
        column[7] = 1.2e153; // (3, 1) of a column-major 4×2: just past the limit
        fails("X has 1.2E153 at row 3, column 1: sums of squares overflow a double beyond |x| = 1.19e+153 (√(MAX_VALUE/(16·n·p)), n = 4, p = 2); rescale X",
                () -> Ridge.builder().build().fit(Design.columnMajor(column, 4, 2), Y));
        // held, not fitted (the command line reads and writes any finite value): no error until a solver reads it
        assertEquals(1.2e153, Design.columnMajor(column, 4, 2).get(3, 1));
        column[7] = 1.1e153;
        assertEquals(4, Design.columnMajor(column, 4, 2).view().rows());
        fails("y has 4.0E300 at row 3: sums of squares overflow a double beyond |y| = 1.68e+153 (√(MAX_VALUE/(16·n)), n = 4); rescale y",
                () -> Lasso.builder().build().fit(X, new double[] {1, 2, 3, 4e300}));
        // class labels are names, not numbers to square: any finite values
        assertEquals(1e300, LogisticRegression.builder().build().fit(X, new double[] {-1e300, 1e300, -1e300, 1e300}).positiveLabel());
        fails("sampleWeight sums to more than the largest double: rescale the weights",
                () -> Ridge.builder().build().fit(X, Y, new double[] {1e308, 1e308, 1, 1}));
    }

    @Test
    void shapes() {
        fails("X row 2 has 1 columns, row 0 has 2", () -> Design.of(new double[][] {{1, 2}, {3, 4}, {5}}));
        fails("X has no rows (n = 0)", () -> Design.of(new double[0][]));
        fails("X has no columns (p = 0)", () -> Design.of(new double[][] {{}, {}}));
        fails("X has 5 elements, n·p = 3·2 = 6", () -> Design.rowMajor(new double[5], 3, 2));
        fails("y has 3 rows, X has 4", () -> Ridge.builder().build().fit(X, new double[] {1, 2, 3}));
        fails("y has NaN at row 1", () -> ElasticNet.builder().build().fit(X, new double[] {1, Double.NaN, 3, 4}));
        fails("sampleWeight has 3 rows, X has 4", () -> Lasso.builder().build().fit(X, Y, new double[] {1, 1, 1}));
    }

    @Test
    void weights() {
        fails("sampleWeight has a negative value -1.0 at row 2", () -> Ridge.builder().build().fit(X, Y, new double[] {1, 1, -1, 1}));
        fails("sampleWeight is all zero: at least one row needs a positive weight", () -> ElasticNet.builder().build().fit(X, Y, new double[4]));
        fails("sampleWeight has +Infinity at row 0", () -> LogisticRegression.builder().build()
                .fit(X, new double[] {0, 1, 0, 1}, new double[] {Double.POSITIVE_INFINITY, 1, 1, 1}));
    }

    @Test
    void parameters() {
        fails("alpha must be finite and ≥ 0, got -1.0", () -> Ridge.builder().alpha(-1).build());
        fails("alpha must be finite and ≥ 0, got NaN", () -> ElasticNet.builder().alpha(Double.NaN).build());
        fails("alpha must be finite and ≥ 0, got Infinity", () -> Lasso.builder().alpha(Double.POSITIVE_INFINITY).build());
        fails("C must be finite and > 0, got 0.0", () -> LogisticRegression.builder().C(0).build());
        fails("C must be finite and > 0, got -2.0", () -> LogisticRegression.builder().C(-2).build());
        fails("l1Ratio must be in [0, 1], got 1.5", () -> ElasticNet.builder().l1Ratio(1.5).build());
        fails("l1Ratio must be in [0, 1], got -0.1", () -> ElasticNet.builder().l1Ratio(-0.1).build());
        fails("tol must be finite and > 0, got 0.0", () -> ElasticNet.builder().tol(0).build());
        fails("maxIter must be ≥ 1, got 0", () -> LogisticRegression.builder().maxIter(0).build());
    }

    @Test
    void labels() {
        fails("labels must take at least two values, found one: 1", () -> LogisticRegression.builder().build().fit(X, new double[] {1, 1, 1, 1}));
        fails("labels must take exactly two values, found 3: [0, 1, 2]", () -> LogisticPath.builder().build().fit(X, new double[] {0, 1, 2, 1}));
        fails("labels must take exactly two values, found 1: [1]", () -> LogisticPath.builder().build().fit(X, new double[] {1, 1, 1, 1}));
        // any two values are fine, the larger is positive
        LogisticModel m = LogisticRegression.builder().build().fit(X, new double[] {-3, 7, -3, 7});
        assertEquals(7, m.positiveLabel());
        assertEquals(-3, m.negativeLabel());
    }

    @Test
    void ridgeWithZeroAlphaOnSingularGramIsAClearError() {
        double[][] x = {{1, 2, 2}, {2, 4, 4}, {3, 1, 1}, {0, 5, 5}, {1, 1, 1}};
        failsContaining("alpha = 0.0 and the centred XᵀX is singular (Cholesky pivot 2", () -> Ridge.builder().alpha(0).build().fit(x, new double[] {1, 2, 3, 4, 5}));
        failsContaining("is singular", () -> Ridge.builder().alpha(0).build().fit(new double[][] {{1, 2, 3}, {2, 3, 4}}, new double[] {1, 2}));
    }

    @Test
    void grids() {
        fails("alphas must not be empty", () -> ElasticNetPath.builder().alphas(new double[0]).build());
        fails("alphas must be in decreasing order (strongest penalty first): alphas[2] = 0.5 > alphas[1] = 0.4",
                () -> ElasticNetPath.builder().alphas(new double[] {1, 0.4, 0.5}).build());
        fails("alphas[1] must be finite and ≥ 0, got -1.0", () -> ElasticNetPath.builder().alphas(new double[] {1, -1}).build());
        fails("eps must be in (0, 1), got 1.0", () -> ElasticNetPath.builder().eps(1).build());
        fails("eps must be in (0, 1), got 0.0", () -> ElasticNetPath.builder().eps(0).build());
        fails("nAlphas must be ≥ 1, got 0", () -> ElasticNetPath.builder().nAlphas(0).build());
        fails("penaltyFactors[1] must be finite and ≥ 0, got -1.0", () -> ElasticNetPath.builder().penaltyFactors(new double[] {1, -1}).build());
        fails("penaltyFactors are all zero: at least one feature must be penalised",
                () -> ElasticNetPath.builder().penaltyFactors(new double[] {0, 0}).build());
        fails("penaltyFactors has 3 values, X has 2 columns",
                () -> ElasticNetPath.builder().penaltyFactors(new double[] {1, 1, 1}).build().fit(X, Y));
        fails("l1Ratio = 0 has no alpha_max: give explicit alphas (as scikit-learn requires)", () -> ElasticNetPath.builder().l1Ratio(0).build());
        fails("lambdas must be in decreasing order (strongest penalty first): lambdas[1] = 2.0 > lambdas[0] = 1.0",
                () -> LogisticPath.builder().lambdas(new double[] {1, 2}).build());
    }

    @Test
    void initialCoefficients() {
        fails("initialCoef has 3 values, X has 2 columns", () -> ElasticNet.builder().build().fit(Design.of(X), Y, null, new double[3]));
        fails("initialCoef has NaN at index 1", () -> ElasticNet.builder().build().fit(Design.of(X), Y, null, new double[] {0, Double.NaN}));
    }

    /** The GLM families' bad input: counts, penalty factors, limits, penalty settings — each naming what and where. */
    @Test
    void glmInputs() {
        double[] y = {1, 0, 2, 3};
        fails("y must be ≥ 0 for a Poisson model (counts), got -1.0 at row 2", () -> PoissonRegressor.builder().build().fit(X, new double[] {1, 0, -1, 3}));
        fails("y is all zero: a Poisson model with an intercept has no finite minimiser (its intercept tends to −∞)",
                () -> PoissonRegressor.builder().build().fit(X, new double[] {0, 0, 0, 0}));
        PoissonRegressor.builder().build().fit(X, new double[] {0.5, 1.5, 0, 2}); // non-integer counts are allowed
        fails("penaltyFactors[1] must be finite and ≥ 0, got -1.0",
                () -> PoissonPath.builder().penaltyFactors(new double[] {1, -1}).build().fit(X, y));
        fails("penaltyFactors are all zero: at least one feature must be penalised",
                () -> PoissonPath.builder().penaltyFactors(new double[] {0, 0}).build().fit(X, y));
        fails("lowerLimits[0] must be ≤ 0 (the box must hold 0, as glmnet requires), got 0.5",
                () -> PoissonPath.builder().lowerLimits(new double[] {0.5, -1}).build().fit(X, y));
        fails("upperLimits[1] must be ≥ 0 (the box must hold 0, as glmnet requires), got -0.5",
                () -> LogisticPath.builder().l1Ratio(1).upperLimits(new double[] {1, -0.5}).build().fit(X, new double[] {0, 1, 0, 1}));
        fails("lowerLimits/upperLimits are not available with the grouped multinomial penalty",
                () -> MultinomialPath.builder().grouped(true).upperLimits(new double[] {1, 1}).build().fit(X, new double[] {0, 1, 2, 1}));
        fails("l1Ratio must be set (in [0, 1]) for penalty ELASTICNET, as scikit-learn requires",
                () -> LogisticRegression.builder().penalty(LogisticRegression.Penalty.ELASTICNET).build());
        fails("l1Ratio must be in [0, 1], got 1.5", () -> LogisticRegression.builder().penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratio(1.5).build());
        fails("l1Ratios must be given (non-empty) for penalty ELASTICNET, as scikit-learn requires",
                () -> LogisticRegressionCV.builder().penalty(LogisticRegression.Penalty.ELASTICNET).build());
        fails("lambdaMinRatio must be in (0, 1), got 2.0", () -> MultinomialPath.builder().lambdaMinRatio(2).build());
    }
}
