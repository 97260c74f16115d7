package dev.shrink.solvers;

import dev.shrink.solvers.cv.AdaptiveLassoCV;
import dev.shrink.solvers.path.GroupLassoPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The boundary rules of the group-L2 and adaptive estimators: each message names the argument and the position. */
class GroupBadInputTest {
    private static final double[][] X = {{1, 2, 0}, {3, 4, 1}, {5, 7, 0}, {2, 1, 1}};
    private static final double[] Y = {1, 2, 3, 4};

    private static void fails(String message, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertEquals(message, ex.getMessage());
    }

    @Test
    void groups() {
        fails("groups has 2 entries, X has 3 columns: groups must give the group of every column",
                () -> GroupLasso.builder().groups(0, 1).build().fit(X, Y));
        fails("group 1 is empty: groups must use every id 0 .. 2", () -> GroupLasso.builder().groups(0, 2, 2).build());
        fails("groups has a negative id -1 at column 1", () -> GroupLassoPath.builder().groups(0, -1, 1).build());
        fails("groupWeights must be finite and ≥ 0, got -1.0 at group 1", () -> GroupLasso.builder().groups(0, 1, 1).groupWeights(1, -1).build());
        fails("groupWeights has 3 values, there are 2 groups", () -> LogisticGroupLasso.builder().groups(0, 1, 1).groupWeights(1, 1, 1).build());
        fails("groups must be given: the group of every column", () -> GroupLasso.builder().build());
        fails("labels must take exactly two values, found 4: [1, 2, 3, 4]", () -> LogisticGroupLasso.builder().groups(0, 0, 1).build().fit(X, Y));
    }

    @Test
    void multiTaskResponses() {
        fails("Y has NaN at row 2, column 1",
                () -> MultiTaskElasticNet.builder().build().fit(X, new double[][] {{1, 2}, {1, 2}, {1, Double.NaN}, {1, 2}}));
        fails("Y has 3 rows, X has 4", () -> MultiTaskLasso.builder().build().fit(X, new double[][] {{1}, {2}, {3}}));
        fails("Y row 1 has 1 columns, row 0 has 2", () -> MultiTaskElasticNet.builder().build().fit(X, new double[][] {{1, 2}, {1}, {1, 2}, {1, 2}}));
    }

    @Test
    void gammaAndPriors() {
        fails("gamma must be finite and > 0, got 0.0", () -> AdaptiveLasso.builder().gamma(0).build());
        fails("gamma must be finite and > 0, got -1.0", () -> AdaptiveLasso.penaltyFactors(new double[] {1}, -1));
        fails("gammas[1] must be finite and > 0, got -0.5", () -> AdaptiveLassoCV.builder().gammas(1, -0.5).build());
        fails("alpha1 must be finite and ≥ 0, got -1.0", () -> BayesianRidge.builder().alpha1(-1).build());
        fails("y has NaN at row 0", () -> BayesianRidge.builder().build().fit(X, new double[] {Double.NaN, 1, 2, 3}));
    }
}
