package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LogisticPath: each λ is LogisticRegression at C = 1/(nλ); weights as repeated rows; standardisation; glmnet's grid. */
class LogisticPathTest {

    /** The binomial ridge path at λ equals LogisticRegression with C = 1/(nλ) (no standardisation: raw columns). */
    @Test
    void logisticPathMatchesLogisticRegression() {
        Random r = new Random(5);
        int n = 90;
        int p = 4;
        double[] x = ElasticNetPathTest.design(r, n, p);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i * p] + r.nextGaussian() > 0 ? 1 : 0;
        Design d = Design.rowMajor(x, n, p);
        PathResult path = LogisticPath.builder().standardize(false).nLambdas(8).tol(1e-12).build().fit(d, y);
        assertTrue(path.allConverged());
        for (int k = 0; k < 8; k += 3) {
            LogisticModel m = LogisticRegression.builder().C(1 / (n * path.penalty(k))).tol(1e-12).build().fit(d, y);
            assertTrue(TestData.maxAbsDiff(m.coef(), path.coef(k)) < 1e-8);
            assertEquals(m.intercept(), path.intercept(k), 1e-8);
            assertEquals(Convergence.Criterion.SCALED_GRADIENT, path.convergence(k).criterion());
        }
        // glmnet's grid: ratio 1e-4 when n ≥ p, log-spaced
        assertEquals(1e-4, path.penalty(7) / path.penalty(0), 1e-12);
    }

    /**
     * With standardisation the penalty is on the standardised coefficients dⱼwⱼ (dⱼ the 1/n standard deviation): the
     * path at λ equals LogisticRegression at C = 1/(nλ) on the standardised columns, mapped back.
     */
    @Test
    void standardisedPathPenalisesTheStandardisedCoefficients() {
        Random r = new Random(7);
        int n = 80;
        int p = 3;
        double[] x = ElasticNetPathTest.design(r, n, p);
        for (int i = 0; i < n; i++) x[i * p + 1] *= 25; // a column on another scale
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i * p] - 0.05 * x[i * p + 1] + r.nextGaussian() > 0 ? 1 : 0;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) mean[j] += x[i * p + j] / n;
            for (int i = 0; i < n; i++) sd[j] += (x[i * p + j] - mean[j]) * (x[i * p + j] - mean[j]) / n;
            sd[j] = Math.sqrt(sd[j]);
        }
        double[] z = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) z[i * p + j] = (x[i * p + j] - mean[j]) / sd[j];
        double[] lambdas = {0.05, 0.01};
        PathResult path = LogisticPath.builder().lambdas(lambdas).tol(1e-12).build().fit(Design.rowMajor(x, n, p), y);
        for (int k = 0; k < 2; k++) {
            LogisticModel m = LogisticRegression.builder().C(1 / (n * lambdas[k])).tol(1e-12).build().fit(Design.rowMajor(z, n, p), y);
            double b = m.intercept();
            for (int j = 0; j < p; j++) {
                assertEquals(m.coef()[j] / sd[j], path.coef(k)[j], 1e-8 * (1 + Math.abs(path.coef(k)[j])), "lambda " + k + ", coefficient " + j);
                b -= mean[j] * m.coef()[j] / sd[j];
            }
            assertEquals(b, path.intercept(k), 1e-8 * (1 + Math.abs(b)));
        }
    }

    /** Integer weights in the binomial path equal duplicated rows (weights normalised, so the objective is the same). */
    @Test
    void logisticPathWeightsEqualDuplicatedRows() {
        Random r = new Random(6);
        int n = 60;
        int p = 3;
        double[] x = ElasticNetPathTest.design(r, n, p);
        double[] y = new double[n];
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            y[i] = x[i * p] + r.nextGaussian() > 0 ? 1 : 0;
            total += (int) (w[i] = 1 + r.nextInt(3));
        }
        double[] big = new double[total * p];
        double[] yBig = new double[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++, k++) {
                System.arraycopy(x, i * p, big, k * p, p);
                yBig[k] = y[i];
            }
        }
        double[] lambdas = {0.1, 0.01, 0.001};
        PathResult a = LogisticPath.builder().lambdas(lambdas).tol(1e-12).build().fit(Design.rowMajor(x, n, p), y, w);
        PathResult b = LogisticPath.builder().lambdas(lambdas).tol(1e-12).build().fit(Design.rowMajor(big, total, p), yBig);
        for (int k = 0; k < 3; k++) {
            assertTrue(TestData.maxAbsDiff(a.coef(k), b.coef(k)) < 1e-9);
            assertEquals(a.intercept(k), b.intercept(k), 1e-9);
        }
    }
}
