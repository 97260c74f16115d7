package dev.shrink.solvers;

import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AdaptiveLasso: its two stages, against the weighted lasso of ElasticNetPath with the stage-1 factors. */
class AdaptiveLassoTest {

    @Test
    void secondStageIsTheLassoWithFactorsFromTheFirst() {
        Random r = new Random(41);
        int n = 100, p = 10;
        double[] x = TestData.design(r, n, p, 0.4, 0.0);
        double[] y = TestData.response(r, x, n, p, 4, 0.5);
        Design d = Design.rowMajor(x, n, p);
        AdaptiveLassoModel m = AdaptiveLasso.builder().alpha(0.02).gamma(2).firstStageAlpha(3).tol(1e-13).maxIter(100_000).build().fit(d, y);
        LinearModel ridge = Ridge.builder().alpha(3).build().fit(d, y);
        assertArrayEquals(ridge.coef(), m.firstStage().coef(), 0.0);
        double[] f = new double[p];
        for (int j = 0; j < p; j++) f[j] = 1 / (ridge.coef(j) * ridge.coef(j));
        assertArrayEquals(f, m.penaltyFactors(), 1e-12 * java.util.Arrays.stream(f).max().orElse(1));
        PathResult path = ElasticNetPath.builder().l1Ratio(1).penaltyFactors(f).alphas(new double[] {0.02}).tol(1e-13).maxIter(100_000).build().fit(d, y);
        assertArrayEquals(path.coef(0), m.coef(), 1e-9);
        assertEquals(path.intercept(0), m.intercept(), 1e-9);
        assertEquals(AdaptiveLasso.FirstStage.RIDGE, m.firstStageKind());
        assertTrue(m.toString().contains("stage 1"));
    }

    /** Features the lasso first stage drops have an infinite factor and stay at 0. */
    @Test
    void droppedFeaturesStayOut() {
        Random r = new Random(42);
        int n = 80, p = 12;
        double[] x = TestData.design(r, n, p, 0.0, 0.0);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        AdaptiveLassoModel m = AdaptiveLasso.builder().firstStage(AdaptiveLasso.FirstStage.LASSO).firstStageAlpha(0.3).alpha(1e-4).tol(1e-12).build()
                .fit(Design.rowMajor(x, n, p), y);
        int dropped = 0;
        for (int j = 0; j < p; j++) {
            if (m.firstStage().coef(j) == 0) {
                dropped++;
                assertEquals(Double.POSITIVE_INFINITY, m.penaltyFactors()[j]);
                assertEquals(0.0, m.coef()[j]);
            }
        }
        assertTrue(dropped > 0, "the first-stage lasso at 0.3 should drop features");
    }
}
