package dev.shrink.solvers.path;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.PoissonModel;
import dev.shrink.solvers.PoissonRegressor;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * glmnet's binomial, multinomial and Poisson paths: each λ is the single fit of the same objective (glmnet's
 * (1/n)·Σℓ + λ·P(w) is scikit-learn's C·Σℓ + P(w) at C = 1/(nλ)), the grid starts where every penalised coefficient is 0,
 * penalty factors and limits act as glmnet's, and the grouped multinomial penalty zeroes whole features.
 */
class GlmPathsTest {

    private static double[] labels(Random r, double[] x, int n, int p) {
        return TestData.labels(r, x, n, p);
    }

    @Test
    void binomialLassoPathEqualsL1LogisticRegressionAtEachLambda() {
        Random r = new Random(31);
        int n = 80;
        int p = 6;
        double[] x = TestData.design(r, n, p, 0.3, 0);
        double[] y = labels(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        PathResult path = LogisticPath.builder().l1Ratio(1).standardize(false).nLambdas(12).tol(1e-14).threads(1).build().fit(d, y);
        assertTrue(path.allConverged());
        for (int j = 0; j < p; j++) assertEquals(0, path.coef(0)[j], 0.0, "all zero at lambda_max");
        boolean entered = false;
        for (int j = 0; j < p; j++) entered |= path.coef(1)[j] != 0;
        assertTrue(entered, "something enters below lambda_max");
        for (int k = 1; k < 12; k += 4) {
            LogisticModel m = LogisticRegression.builder().penalty(LogisticRegression.Penalty.L1).C(1 / (n * path.penalty(k))).tol(1e-14).threads(1)
                    .build().fit(d, y);
            assertTrue(TestData.maxAbsDiff(m.coef(), path.coef(k)) < 1e-6, "lambda " + k);
            assertEquals(m.intercept(), path.intercept(k), 1e-6);
        }
        assertEquals(1e-4, path.penalty(11) / path.penalty(0), 1e-12);
    }

    @Test
    void poissonRidgePathEqualsPoissonRegressor() {
        Random r = new Random(32);
        int n = 70;
        int p = 4;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.floor(2 * r.nextDouble() * Math.exp(0.4 * x[i * p]));
        y[0] = 3;
        double[] lambdas = {0.5, 0.05, 0.005};
        PathResult path = PoissonPath.builder().l1Ratio(0).standardize(false).lambdas(lambdas).tol(1e-14).threads(1).build().fit(Design.rowMajor(x, n, p), y);
        for (int k = 0; k < lambdas.length; k++) {
            PoissonModel m = PoissonRegressor.builder().alpha(lambdas[k]).tol(1e-14).threads(1).build().fit(Design.rowMajor(x, n, p), y);
            assertTrue(TestData.maxAbsDiff(m.coef(), path.coef(k)) < 1e-7, "lambda " + k);
            assertEquals(m.intercept(), path.intercept(k), 1e-7);
        }
    }

    /**
     * A zero penalty factor leaves its feature free (fitted already at λ_max, which is computed without it); limits hold
     * on the original scale and bind somewhere along the path.
     */
    @Test
    void penaltyFactorsAndLimits() {
        Random r = new Random(33);
        int n = 120;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        for (int i = 0; i < n; i++) x[i * p + 2] *= 10; // another scale: the limits are on the original one
        double[] y = labels(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        PathResult free = LogisticPath.builder().l1Ratio(1).penaltyFactors(new double[] {0, 1, 1, 1, 1}).nLambdas(10).tol(1e-12).threads(1).build().fit(d, y);
        assertTrue(free.coef(0)[0] != 0, "the unpenalised feature is fitted at lambda_max");
        for (int j = 1; j < p; j++) assertEquals(0, free.coef(0)[j], 0.0);
        double[] lower = {-0.05, 0, Double.NEGATIVE_INFINITY, -0.1, Double.NEGATIVE_INFINITY};
        double[] upper = {0.05, Double.POSITIVE_INFINITY, 0.02, 0.1, Double.POSITIVE_INFINITY};
        PathResult boxed = LogisticPath.builder().l1Ratio(0.5).lowerLimits(lower).upperLimits(upper).nLambdas(15).tol(1e-12).threads(1).build().fit(d, y);
        assertTrue(boxed.allConverged());
        int atBound = 0;
        for (int k = 0; k < boxed.size(); k++) {
            for (int j = 0; j < p; j++) {
                double w = boxed.coef(k)[j];
                assertTrue(w >= lower[j] && w <= upper[j], "lambda " + k + ", coefficient " + j + " = " + w);
                if (w != 0 && (w == lower[j] || w == upper[j])) atBound++;
            }
        }
        assertTrue(atBound > 0, "the limits bind somewhere (else this test shows nothing)");
        assertThrows(IllegalArgumentException.class, () -> LogisticPath.builder().l1Ratio(1).lowerLimits(new double[] {0.1, 0, 0, 0, 0}).build().fit(d, y));
    }

    /** grouped: a feature is zero in every class or in none; the intercepts sum to 0; the classes follow the labels. */
    @Test
    void groupedMultinomialPathZeroesWholeFeatures() {
        Random r = new Random(34);
        int n = 150;
        int p = 6;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i * p] > 0.5 ? 30 : x[i * p + 1] > 0 ? 20 : 10;
        for (boolean grouped : new boolean[] {true, false}) {
            PathResult path = MultinomialPath.builder().grouped(grouped).nLambdas(10).tol(1e-12).threads(1).build().fit(Design.rowMajor(x, n, p), y);
            assertEquals(3, path.classes());
            assertTrue(path.allConverged());
            boolean mixed = false;
            for (int k = 0; k < path.size(); k++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) sum += path.intercept(k, c);
                assertEquals(0, sum, 1e-10);
                for (int j = 0; j < p; j++) {
                    int zeros = 0;
                    for (int c = 0; c < 3; c++) if (path.coef(k, c)[j] == 0) zeros++;
                    if (grouped) assertTrue(zeros == 0 || zeros == 3, "lambda " + k + ", feature " + j + ": " + zeros + " zero classes");
                    mixed |= zeros == 1 || zeros == 2;
                }
            }
            if (!grouped) assertTrue(mixed, "ungrouped lasso zeroes classes one by one somewhere");
            // class 2 (label 30) is driven by feature 0: its coefficient is the largest there at the weakest penalty
            double[] last = path.coef(path.size() - 1, 2);
            assertTrue(last[0] > path.coef(path.size() - 1, 0)[0]);
        }
        assertThrows(IllegalStateException.class, () -> MultinomialPath.builder().nLambdas(2).build().fit(Design.rowMajor(x, n, p), y).coef(0));
    }
}
