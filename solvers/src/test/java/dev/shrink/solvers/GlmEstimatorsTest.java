package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The penalised GLM estimators through the public API: L1 / elastic-net / unpenalised logistic regression (binary and
 * multinomial) and Poisson regression satisfy the optimality conditions of the objectives their Javadoc states
 * (gradients computed here with plain loops), predict in the user's labels, do not depend on the layout, treat integer
 * weights as repeated rows, and never fail silently on separable data.
 */
class GlmEstimatorsTest {

    /** Labels drawn from a softmax model on a random design: classes {@code labels[c]}, every class present. */
    static double[] classLabels(Random r, double[] x, int n, int p, double[] labels) {
        int k = labels.length;
        double[][] w = new double[k][p];
        for (double[] wc : w) for (int j = 0; j < p; j++) wc[j] = r.nextGaussian();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < p; j++) z[c] += x[i * p + j] * w[c][j];
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
            double u = r.nextDouble() * sum;
            int c = 0;
            while (c < k - 1 && (u -= z[c]) > 0) c++;
            y[i] = labels[c];
        }
        for (int c = 0; c < k; c++) y[c] = labels[c];
        return y;
    }

    /**
     * Gradient of C·Σsᵢℓᵢ with respect to (w_c, b_c) for every coefficient vector (binary: one, for the positive class),
     * plain loops: row c of the result holds ∂/∂w_c (p values) then ∂/∂b_c.
     */
    static double[][] lossGradient(double[] x, int n, int p, double[] y, double[] s, LogisticModel m, double cc) {
        double[] classes = m.classes();
        int k = m.isMultinomial() ? classes.length : 1;
        double[][] g = new double[k][p + 1];
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            for (int c = 0; c < k; c++) {
                z[c] = m.intercept(c);
                for (int j = 0; j < p; j++) z[c] += x[i * p + j] * m.coef(c)[j];
            }
            double[] resid = new double[k];
            if (k == 1) {
                resid[0] = 1 / (1 + Math.exp(-z[0])) - (y[i] == classes[1] ? 1 : 0);
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) max = Math.max(max, v);
                double sum = 0;
                for (int c = 0; c < k; c++) sum += Math.exp(z[c] - max);
                for (int c = 0; c < k; c++) resid[c] = Math.exp(z[c] - max) / sum - (y[i] == classes[c] ? 1 : 0);
            }
            double si = cc * (s == null ? 1 : s[i]);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < p; j++) g[c][j] += si * resid[c] * x[i * p + j];
                g[c][p] += si * resid[c];
            }
        }
        return g;
    }

    /** Subgradient conditions of loss + l1·Σ|w| + ½·l2·Σw²: equality on nonzero coefficients, |g| ≤ l1 at zero ones. */
    static void assertKkt(double[][] g, LogisticModel m, double l1, double l2, boolean intercept, double tol) {
        for (int c = 0; c < g.length; c++) {
            double[] w = m.coef(c);
            for (int j = 0; j < w.length; j++) {
                double v = g[c][j] + l2 * w[j];
                if (w[j] != 0) assertEquals(-l1 * Math.signum(w[j]), v, tol, "class " + c + ", coefficient " + j);
                else assertTrue(Math.abs(v) <= l1 + tol, "class " + c + ", zero coefficient " + j + ": |" + v + "| > " + l1);
            }
            if (intercept) assertEquals(0, g[c][w.length], tol, "intercept " + c);
        }
    }

    @Test
    void penalisedLogisticRegressionSatisfiesItsKktConditions() {
        qt().withFixedSeed(20261206L).withExamples(25).forAll(longs().all(), integers().between(20, 80), integers().between(1, 12), integers().between(0, 5))
                .checkAssert((seed, n, p, variant) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.3, variant == 5 ? 2 : 0);
                    double[] labels = variant < 3 ? new double[] {-1, 4} : new double[] {2, 3, 7, 11}.clone();
                    if (variant == 4) labels = new double[] {0, 1, 2};
                    double[] y = classLabels(r, x, n, p, labels);
                    double[] s = variant % 2 == 1 ? TestData.weights(r, n) : null;
                    LogisticRegression.Penalty penalty = LogisticRegression.Penalty.values()[variant % 3 == 0 ? 1 : variant % 3 == 1 ? 2 : 0];
                    double l1Ratio = penalty == LogisticRegression.Penalty.L1 ? 1 : penalty == LogisticRegression.Penalty.ELASTICNET ? 0.3 + 0.6 * r.nextDouble() : 0;
                    double cc = 0.05 + 2 * r.nextDouble();
                    boolean intercept = variant != 2;
                    // multinomial L2 runs L-BFGS, whose tol bounds max|gradient|/C: 1e-10 is as tight as the KKT check needs
                    double tol = labels.length > 2 && penalty == LogisticRegression.Penalty.L2 ? 1e-10 : 1e-13;
                    LogisticModel m = LogisticRegression.builder().C(cc).penalty(penalty).l1Ratio(l1Ratio).fitIntercept(intercept).tol(tol)
                            .maxIter(tol < 1e-12 ? 300 : 3000).threads(1).build().fit(Design.rowMajor(x, n, p), y, s);
                    assertTrue(m.convergence().converged() || m.convergence().message().contains("rounding floor"), m.convergence().message());
                    double[][] g = lossGradient(x, n, p, y, s, m, cc);
                    double scale = cc * (s == null ? n : java.util.Arrays.stream(s).sum());
                    assertKkt(g, m, l1Ratio, 1 - l1Ratio, intercept, 1e-6 * Math.max(1, scale));
                    if (m.isMultinomial()) {
                        double sum = 0;
                        for (int c = 0; c < labels.length; c++) sum += m.intercept(c);
                        if (intercept) assertEquals(0, sum, 1e-10, "multinomial intercepts sum to 0");
                    }
                });
    }

    @Test
    void multinomialModelsPredictTheUsersLabels() {
        Random r = new Random(11);
        int n = 120;
        int p = 4;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] labels = {-2.5, 3, 8};
        double[] y = classLabels(r, x, n, p, labels);
        LogisticModel m = LogisticRegression.builder().C(10).threads(1).build().fit(Design.rowMajor(x, n, p), y);
        assertTrue(m.isMultinomial());
        assertArrayEquals(labels, m.classes(), 0.0);
        double[][] prob = m.predictProbabilities(Design.rowMajor(x, n, p));
        double[] pred = m.predict(Design.rowMajor(x, n, p));
        int agree = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int best = 0;
            for (int c = 0; c < 3; c++) {
                sum += prob[i][c];
                if (prob[i][c] > prob[i][best]) best = c;
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(labels[best], pred[i], 0.0);
            if (pred[i] == y[i]) agree++;
        }
        assertTrue(agree > n / 2, "the fit should explain the labels it was drawn from: " + agree + " of " + n);
        assertThrows(IllegalStateException.class, m::coef);
        // a binary model's probabilities are the pair (1 − p, p)
        double[] y2 = new double[n];
        for (int i = 0; i < n; i++) y2[i] = y[i] == 8 ? 8 : 3;
        LogisticModel b = LogisticRegression.builder().penalty(LogisticRegression.Penalty.L1).threads(1).build().fit(Design.rowMajor(x, n, p), y2);
        double[] p1 = b.predictProbability(Design.rowMajor(x, n, p));
        double[][] both = b.predictProbabilities(Design.rowMajor(x, n, p));
        for (int i = 0; i < n; i++) assertEquals(p1[i], both[i][1], 0.0);
    }

    @Test
    void poissonRegressorSatisfiesItsKktConditionsAndPredictsMeans() {
        qt().withFixedSeed(20261207L).withExamples(20).forAll(longs().all(), integers().between(20, 80), integers().between(1, 10), integers().between(0, 1))
                .checkAssert((seed, n, p, weighted) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.3, 0);
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        double eta = 0.3;
                        for (int j = 0; j < p; j++) eta += 0.3 * x[i * p + j] * (j % 2 == 0 ? 1 : -1);
                        y[i] = Math.floor(Math.exp(eta) * 2 * r.nextDouble()) + (i == 0 ? 1 : 0);
                    }
                    double[] s = weighted == 1 ? TestData.weights(r, n) : null;
                    double alpha = 0.001 + r.nextDouble();
                    PoissonModel m = PoissonRegressor.builder().alpha(alpha).tol(1e-14).threads(1).build().fit(Design.rowMajor(x, n, p), y, s);
                    double[] mu = m.predict(Design.rowMajor(x, n, p));
                    double sum = 0;
                    for (int i = 0; i < n; i++) sum += s == null ? 1 : s[i];
                    double[] g = new double[p + 1];
                    for (int i = 0; i < n; i++) {
                        double eta = m.intercept();
                        for (int j = 0; j < p; j++) eta += x[i * p + j] * m.coef()[j];
                        assertEquals(Math.exp(eta), mu[i], 1e-12 * Math.exp(eta));
                        double res = (s == null ? 1 : s[i]) * (mu[i] - y[i]) / sum;
                        for (int j = 0; j < p; j++) g[j] += res * x[i * p + j];
                        g[p] += res;
                    }
                    for (int j = 0; j < p; j++) assertEquals(0, g[j] + alpha * m.coef()[j], 1e-7, "coefficient " + j);
                    assertEquals(0, g[p], 1e-7, "intercept");
                });
    }

    @Test
    void resultsDoNotDependOnTheLayoutAndWeightsActAsRepeatedRows() {
        Random r = new Random(21);
        int n = 60;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.4, 1);
        double[] y = classLabels(r, x, n, p, new double[] {0, 1, 2});
        LogisticRegression est = LogisticRegression.builder().C(0.3).penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratio(0.5).tol(1e-13).threads(1).build();
        LogisticModel a = est.fit(Design.rowMajor(x, n, p), y);
        LogisticModel b = est.fit(Design.columnMajor(TestData.columnMajor(x, n, p), n, p), y);
        for (int c = 0; c < 3; c++) assertTrue(TestData.maxAbsDiff(a.coef(c), b.coef(c)) < 1e-9, "layouts disagree in class " + c);
        // integer weights = repeated rows
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += (int) (w[i] = 1 + r.nextInt(3));
        double[] big = new double[total * p];
        double[] yBig = new double[total];
        for (int i = 0, t = 0; i < n; i++) {
            for (int rep = 0; rep < w[i]; rep++, t++) {
                System.arraycopy(x, i * p, big, t * p, p);
                yBig[t] = y[i];
            }
        }
        LogisticModel weighted = est.fit(Design.rowMajor(x, n, p), y, w);
        LogisticModel repeated = est.fit(Design.rowMajor(big, total, p), yBig);
        for (int c = 0; c < 3; c++) assertTrue(TestData.maxAbsDiff(weighted.coef(c), repeated.coef(c)) < 1e-8, "weights vs repeats, class " + c);
    }

    /**
     * Perfectly separable labels: with an L1 penalty the minimiser exists and is certified. With no penalty it does not:
     * the loss only tends to 0 as the coefficients grow. A fit then either certifies that its objective is within tol of
     * that infimum (the gap bounds P − inf P) or says it did not converge — with finite numbers either way, and strict
     * mode throwing exactly when it did not converge.
     */
    @Test
    void separableDataEndsCertifiedOrClearlyNotConverged() {
        int n = 40;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        Random r = new Random(3);
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i] = x[i][0] + 0.3 * x[i][1] > 0 ? 1 : 0;
        }
        LogisticModel l1 = LogisticRegression.builder().penalty(LogisticRegression.Penalty.L1).C(1e4).threads(1).build().fit(x, y);
        assertTrue(l1.convergence().converged(), l1.convergence().message());
        for (double v : l1.coef()) assertTrue(Double.isFinite(v));
        for (double tol : new double[] {1e-4, 1e-14}) {
            for (int maxIter : new int[] {2, 50}) {
                LogisticRegression none = LogisticRegression.builder().penalty(LogisticRegression.Penalty.NONE).tol(tol).maxIter(maxIter).threads(1).build();
                LogisticModel m = none.fit(x, y);
                for (double v : m.coef()) assertTrue(Double.isFinite(v), "coefficients must stay finite: " + v);
                assertTrue(Double.isFinite(m.intercept()));
                if (m.convergence().converged()) {
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        double z = m.intercept() + m.coef()[0] * x[i][0] + m.coef()[1] * x[i][1];
                        double t = 2 * y[i] - 1;
                        loss += Math.log1p(Math.exp(-t * z));
                    }
                    assertTrue(loss <= tol * n, "certified: the loss " + loss + " is within tol·n of its infimum 0");
                } else {
                    assertTrue(m.convergence().message().startsWith("not converged") || m.convergence().message().contains("rounding floor"),
                            m.convergence().message());
                    assertThrows(ConvergenceException.class, () -> none.toBuilder().strict(true).build().fit(x, y));
                }
            }
        }
    }
}
