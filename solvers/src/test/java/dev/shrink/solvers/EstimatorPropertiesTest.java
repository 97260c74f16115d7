package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Optimality, invariances and cross-checks of the estimators on random problems. */
class EstimatorPropertiesTest {

    /**
     * KKT conditions of the elastic net at the returned solution (covariance and naive mode, random shapes, weights):
     * gⱼ = (1/S)·x̃ⱼᵀS(y − Xw − b) − α(1−ρ)wⱼ must equal αρ·sign(wⱼ) for wⱼ ≠ 0 and be ≤ αρ in magnitude otherwise.
     * Tolerance: 1e-7 relative to the gradient scale, far above the solver's 1e-14 gap tolerance.
     */
    /**
     * Strongly equicorrelated columns (ρ = 0.8), where covariance-mode coordinate descent takes its sign-fixed Newton
     * steps on the support: the covariance-mode path agrees with the naive-mode path (which never takes them) at every
     * α to 1e-8 relative to the coefficient scale (both stop at a duality gap of 1e-14·‖ỹ‖²), and every fit converges.
     */
    @Test
    void correlatedPathAgreesAcrossModes() {
        qt().withExamples(8).forAll(longs().all(), integers().between(50, 150), integers().between(10, 30))
                .checkAssert((seed, n, p) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.8, 0);
                    double[] y = TestData.response(r, x, n, p, p / 2, 1.0);
                    Design d = Design.rowMajor(x, n, p);
                    dev.shrink.solvers.path.ElasticNetPath.Builder b = dev.shrink.solvers.path.ElasticNetPath.builder()
                            .l1Ratio(0.5).nAlphas(10).eps(1e-2).tol(1e-14).maxIter(100_000);
                    dev.shrink.solvers.path.PathResult cov = b.mode(LeastSquaresProblem.Mode.COVARIANCE).build().fit(d, y);
                    dev.shrink.solvers.path.PathResult naive = b.mode(LeastSquaresProblem.Mode.NAIVE).build().fit(d, y);
                    assertTrue(cov.allConverged(), "covariance mode converged");
                    assertTrue(naive.allConverged(), "naive mode converged");
                    for (int k = 0; k < cov.size(); k++) {
                        double[] a = cov.coef(k);
                        double scale = 1;
                        for (double v : a) scale = Math.max(scale, Math.abs(v));
                        assertArrayEquals(naive.coef(k), a, 1e-8 * scale, "alpha " + k);
                    }
                });
    }

    @Test
    void elasticNetSatisfiesKkt() {
        qt().withExamples(30).forAll(longs().all(), integers().between(5, 60), integers().between(1, 40), integers().between(0, 3))
                .checkAssert((seed, n, p, variant) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.5, variant == 3 ? 5 : 0);
                    double[] y = TestData.response(r, x, n, p, 3, 0.5);
                    double[] w = variant >= 2 ? TestData.weights(r, n) : null;
                    double l1Ratio = variant == 1 ? 1.0 : 0.3 + 0.6 * r.nextDouble();
                    double alpha = 0.01 + 0.5 * r.nextDouble();
                    LeastSquaresProblem.Mode mode = TestData.explicitMode(r);
                    LinearModel m = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).tol(1e-14).maxIter(100_000).mode(mode).build()
                            .fit(Design.rowMajor(x, n, p), y, w);
                    double[] coef = m.coef();
                    double sum = 0;
                    double[] res = new double[n];
                    for (int i = 0; i < n; i++) {
                        double s = m.intercept();
                        for (int j = 0; j < p; j++) s += x[i * p + j] * coef[j];
                        res[i] = (w == null ? 1 : w[i]) * (y[i] - s);
                        sum += w == null ? 1 : w[i];
                    }
                    double scale = 0;
                    double interceptGradient = 0;
                    for (double v : res) interceptGradient += v / sum;
                    double[] g = new double[p];
                    for (int j = 0; j < p; j++) {
                        double s = 0;
                        for (int i = 0; i < n; i++) s += x[i * p + j] * res[i];
                        g[j] = s / sum - alpha * (1 - l1Ratio) * coef[j];
                        scale = Math.max(scale, Math.abs(g[j]));
                    }
                    double tol = 1e-7 * Math.max(1, scale + alpha);
                    assertEquals(0, interceptGradient, tol, "intercept gradient");
                    for (int j = 0; j < p; j++) {
                        if (coef[j] != 0) assertEquals(alpha * l1Ratio * Math.signum(coef[j]), g[j], tol, "active " + j);
                        else assertTrue(Math.abs(g[j]) <= alpha * l1Ratio + tol, "inactive " + j + ": " + g[j]);
                    }
                });
    }

    /** Covariance, naive and working-set mode reach the same minimiser (unique: l1Ratio < 1). */
    @Test
    void covarianceAndNaiveModesAgree() {
        qt().withExamples(20).forAll(longs().all(), integers().between(3, 50), integers().between(1, 50)).checkAssert((seed, n, p) -> {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.3, 1);
            double[] y = TestData.response(r, x, n, p, 4, 0.3);
            double[] w = TestData.weights(r, n);
            ElasticNet.Builder b = ElasticNet.builder().alpha(0.1).l1Ratio(0.5).tol(1e-14).maxIter(100_000);
            LinearModel cov = b.mode(LeastSquaresProblem.Mode.COVARIANCE).build().fit(Design.rowMajor(x, n, p), y, w);
            LinearModel naive = b.mode(LeastSquaresProblem.Mode.NAIVE).build().fit(Design.columnMajor(TestData.columnMajor(x, n, p), n, p), y, w);
            assertTrue(TestData.maxAbsDiff(cov.coef(), naive.coef()) < 1e-6, () -> Arrays.toString(cov.coef()) + " vs " + Arrays.toString(naive.coef()));
            assertEquals(cov.intercept(), naive.intercept(), 1e-6);
            boolean rowMajor = r.nextBoolean();
            Design d = rowMajor ? Design.rowMajor(x, n, p) : Design.columnMajor(TestData.columnMajor(x, n, p), n, p);
            LinearModel ws = b.mode(LeastSquaresProblem.Mode.WORKING_SET).build().fit(d, y, w);
            assertTrue(TestData.maxAbsDiff(cov.coef(), ws.coef()) < 1e-6, () -> Arrays.toString(cov.coef()) + " vs " + Arrays.toString(ws.coef()));
            assertEquals(cov.intercept(), ws.intercept(), 1e-6);
        });
    }

    /**
     * Working-set mode admits violators in batches ({@code WorkingSetProblem.FIRST_BATCH}, then doubling): with far more
     * violators at 0 than one batch and a support larger than the first batch, tall or wide, it still reaches covariance
     * mode's minimum: both objectives lie within the larger of the two duality gaps of each other.
     */
    @Test
    void workingSetModeGrowsPastItsFirstBatch() {
        qt().withExamples(6).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, wide) -> {
            Random r = new Random(seed);
            int n = wide == 1 ? 200 : 400;
            int p = wide == 1 ? 400 : 160;
            double[] x = TestData.design(r, n, p, 0.5, 1);
            double[] y = TestData.response(r, x, n, p, 90, 0.3);
            double[] w = r.nextBoolean() ? TestData.weights(r, n) : null;
            double alpha = 0.03;
            double l1Ratio = 0.8;
            ElasticNet.Builder b = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).tol(1e-10).maxIter(100_000);
            LinearModel cov = b.mode(LeastSquaresProblem.Mode.COVARIANCE).build().fit(Design.rowMajor(x, n, p), y, w);
            LinearModel ws = b.mode(LeastSquaresProblem.Mode.WORKING_SET).build().fit(Design.rowMajor(x, n, p), y, w);
            int support = 0;
            for (double v : ws.coef()) if (v != 0) support++;
            assertTrue(support > WorkingSetProblem.FIRST_BATCH, "support " + support + " fits the first batch: the test does not grow the set");
            assertTrue(cov.convergence().converged(), cov.convergence().message());
            assertTrue(ws.convergence().converged(), ws.convergence().message());
            // the gaps are in the problem's scaling (n times scikit-learn's objective)
            double bound = Math.max(cov.convergence().criterion(), ws.convergence().criterion()) / n;
            double diff = objective(x, y, w, n, p, cov, alpha, l1Ratio) - objective(x, y, w, n, p, ws, alpha, l1Ratio);
            assertTrue(Math.abs(diff) <= bound * (1 + 1e-6) + 1e-12, "objectives differ by " + diff + ", gaps allow " + bound);
        });
    }

    /** scikit-learn's elastic-net objective (1/(2S))·Σsᵢ(yᵢ − xᵢ·w − b)² + α·ρ·‖w‖₁ + ½·α·(1 − ρ)·‖w‖². */
    private static double objective(double[] x, double[] y, double[] s, int n, int p, LinearModel m, double alpha, double l1Ratio) {
        double rss = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - m.intercept();
            for (int j = 0; j < p; j++) e -= x[i * p + j] * m.coef(j);
            double si = s == null ? 1.0 : s[i];
            rss += si * e * e;
            sum += si;
        }
        double a = 0;
        double q = 0;
        for (double c : m.coef()) {
            a += Math.abs(c);
            q += c * c;
        }
        return rss / (2 * sum) + alpha * l1Ratio * a + 0.5 * alpha * (1 - l1Ratio) * q;
    }

    /** Multiplying all weights by a constant does not change the elastic-net or lasso solution (weights are normalised). */
    @Test
    void elasticNetWeightScaleInvariance() {
        Random r = new Random(7);
        int n = 80;
        int p = 12;
        double[] x = TestData.design(r, n, p, 0.4, 0);
        double[] y = TestData.response(r, x, n, p, 4, 0.5);
        double[] w = TestData.weights(r, n);
        double[] w7 = w.clone();
        for (int i = 0; i < n; i++) w7[i] *= 7.25;
        ElasticNet en = ElasticNet.builder().alpha(0.05).l1Ratio(0.7).tol(1e-14).maxIter(100_000).build();
        LinearModel a = en.fit(Design.rowMajor(x, n, p), y, w);
        LinearModel b = en.fit(Design.rowMajor(x, n, p), y, w7);
        assertTrue(TestData.maxAbsDiff(a.coef(), b.coef()) < 1e-9);
        assertEquals(a.intercept(), b.intercept(), 1e-9);
    }

    /** Integer weights equal duplicated rows: for ridge and logistic (weights used as given) and the elastic net. */
    @Test
    void integerWeightsEqualDuplicatedRows() {
        Random r = new Random(11);
        int n = 40;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] y = TestData.response(r, x, n, p, 3, 1);
        double[] labels = TestData.labels(r, x, n, p);
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += (int) (w[i] = 1 + r.nextInt(3));
        double[][] big = new double[total][];
        double[] yBig = new double[total];
        double[] lBig = new double[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++, k++) {
                big[k] = Arrays.copyOfRange(x, i * p, i * p + p);
                yBig[k] = y[i];
                lBig[k] = labels[i];
            }
        }
        double[][] rows = TestData.rows(x, n, p);
        Ridge ridge = Ridge.builder().alpha(2).build();
        assertTrue(TestData.maxAbsDiff(ridge.fit(rows, y, w).coef(), ridge.fit(big, yBig).coef()) < 1e-10);
        ElasticNet en = ElasticNet.builder().alpha(0.05).l1Ratio(0.5).tol(1e-14).maxIter(100_000).build();
        assertTrue(TestData.maxAbsDiff(en.fit(rows, y, w).coef(), en.fit(big, yBig).coef()) < 1e-8);
        LogisticRegression lr = LogisticRegression.builder().C(0.7).tol(1e-12).build();
        assertTrue(TestData.maxAbsDiff(lr.fit(rows, labels, w).coef(), lr.fit(big, lBig).coef()) < 1e-9);
    }

    /** Row-major, column-major and double[][] inputs give the same fits; the user's arrays are never modified. */
    @Test
    void layoutsAgreeAndArraysAreNotModified() {
        Random r = new Random(3);
        for (int[] shape : new int[][] {{50, 8}, {12, 30}}) {
            int n = shape[0];
            int p = shape[1];
            double[] x = TestData.design(r, n, p, 0.3, 2);
            double[] xc = TestData.columnMajor(x, n, p);
            double[][] rows = TestData.rows(x, n, p);
            double[] y = TestData.response(r, x, n, p, 3, 0.2);
            double[] labels = TestData.labels(r, x, n, p);
            double[] w = TestData.weights(r, n);
            double[] x0 = x.clone();
            double[] xc0 = xc.clone();
            double[] y0 = y.clone();
            double[] l0 = labels.clone();
            double[] w0 = w.clone();
            double[][] rows0 = TestData.rows(x, n, p);
            double[] init = new double[p];
            Arrays.fill(init, 0.5);
            double[] init0 = init.clone();

            ElasticNet en = ElasticNet.builder().alpha(0.05).l1Ratio(0.5).tol(1e-13).maxIter(100_000).build();
            LinearModel a = en.fit(Design.rowMajor(x, n, p), y, w, init);
            LinearModel b = en.fit(Design.columnMajor(xc, n, p), y, w);
            LinearModel c = en.fit(rows, y, w);
            assertTrue(TestData.maxAbsDiff(a.coef(), b.coef()) < 1e-7);
            assertTrue(TestData.maxAbsDiff(a.coef(), c.coef()) < 1e-7);
            Ridge ridge = Ridge.builder().alpha(0.5).build();
            assertTrue(TestData.maxAbsDiff(ridge.fit(Design.rowMajor(x, n, p), y, w).coef(), ridge.fit(Design.columnMajor(xc, n, p), y, w).coef()) < 1e-10);
            LogisticRegression lr = LogisticRegression.builder().C(0.5).tol(1e-10).build();
            assertTrue(TestData.maxAbsDiff(lr.fit(Design.rowMajor(x, n, p), labels, w).coef(), lr.fit(rows, labels, w).coef()) < 1e-9);
            Lasso.builder().alpha(0.1).build().fit(Design.columnMajor(xc, n, p), y);
            ElasticNet.builder().alpha(0.1).fitIntercept(false).mode(LeastSquaresProblem.Mode.NAIVE).build().fit(Design.columnMajor(xc, n, p), y);
            SufficientStats.of(Design.rowMajor(x, n, p), y, w);
            dev.shrink.solvers.path.ElasticNetPath.builder().nAlphas(10).build().fit(Design.rowMajor(x, n, p), y, w);
            dev.shrink.solvers.path.LogisticPath.builder().nLambdas(5).build().fit(Design.rowMajor(x, n, p), labels);

            assertArrayEquals(x0, x);
            assertArrayEquals(xc0, xc);
            assertArrayEquals(y0, y);
            assertArrayEquals(l0, labels);
            assertArrayEquals(w0, w);
            assertArrayEquals(init0, init);
            for (int i = 0; i < n; i++) assertArrayEquals(rows0[i], rows[i]);
        }
    }

    /** The elastic net with l1Ratio = 0 is ridge with alpha·n (objectives differ by the factor 2n); both Ridge branches. */
    @Test
    void ridgeMatchesElasticNetWithoutL1() {
        Random r = new Random(5);
        for (int[] shape : new int[][] {{60, 10}, {15, 40}}) {
            int n = shape[0];
            int p = shape[1];
            double[] x = TestData.design(r, n, p, 0.2, 1);
            double[] y = TestData.response(r, x, n, p, 3, 0.5);
            double alpha = 0.3;
            LinearModel ridge = Ridge.builder().alpha(alpha * n).build().fit(Design.rowMajor(x, n, p), y);
            LinearModel en = ElasticNet.builder().alpha(alpha).l1Ratio(0).tol(1e-15).maxIter(1_000_000).build().fit(Design.rowMajor(x, n, p), y);
            assertTrue(TestData.maxAbsDiff(ridge.coef(), en.coef()) < 1e-7, () -> Arrays.toString(ridge.coef()) + " vs " + Arrays.toString(en.coef()));
            assertEquals(ridge.intercept(), en.intercept(), 1e-7);
        }
    }

    /** Sufficient statistics are mergeable: of(A ∪ B) = of(A) + of(B), of(A) = of(A ∪ B) − of(B); fits on them agree. */
    @Test
    void sufficientStatisticsMerge() {
        Random r = new Random(9);
        int n = 50;
        int p = 6;
        double[] x = TestData.design(r, n, p, 0.3, 3);
        double[] y = TestData.response(r, x, n, p, 3, 0.5);
        double[] w = TestData.weights(r, n);
        Design d = Design.rowMajor(x, n, p);
        int[] a = new int[30];
        int[] b = new int[20];
        for (int i = 0; i < n; i++) if (i < 30) a[i] = i; else b[i - 30] = i;
        SufficientStats all = SufficientStats.of(d, y, w);
        SufficientStats sa = SufficientStats.of(d, y, w, a);
        SufficientStats sb = SufficientStats.of(d, y, w, b);
        SufficientStats sum = sa.plus(sb);
        assertTrue(TestData.maxAbsDiff(all.gram(), sum.gram()) < 1e-10);
        assertTrue(TestData.maxAbsDiff(all.centeredXty(), sum.centeredXty()) < 1e-10);
        assertEquals(all.centeredYty(), sum.centeredYty(), 1e-9);
        SufficientStats diff = all.minus(sb);
        assertEquals(30, diff.rows());
        assertTrue(TestData.maxAbsDiff(sa.centeredGram(), diff.centeredGram()) < 1e-9);
        // fits from statistics equal fits from data
        Ridge ridge = Ridge.builder().alpha(1.5).build();
        assertTrue(TestData.maxAbsDiff(ridge.fit(d, y, w).coef(), ridge.fit(all).coef()) < 1e-10);
        ElasticNet en = ElasticNet.builder().alpha(0.05).l1Ratio(0.5).tol(1e-14).maxIter(100_000).build();
        LinearModel fromData = en.fit(d.rows(a), Arrays.stream(a).mapToDouble(i -> y[i]).toArray(), Arrays.stream(a).mapToDouble(i -> w[i]).toArray());
        LinearModel fromStats = en.fit(diff);
        assertTrue(TestData.maxAbsDiff(fromData.coef(), fromStats.coef()) < 1e-7);
        assertEquals(fromData.intercept(), fromStats.intercept(), 1e-7);
    }

    /** Warm start from the solution converges at once to the same point; strict mode throws when maxIter is too small. */
    @Test
    void warmStartAndStrictMode() {
        Random r = new Random(13);
        int n = 100;
        int p = 20;
        double[] x = TestData.design(r, n, p, 0.8, 0);
        double[] y = TestData.response(r, x, n, p, 5, 0.5);
        Design d = Design.rowMajor(x, n, p);
        ElasticNet en = ElasticNet.builder().alpha(0.01).l1Ratio(0.5).tol(1e-12).maxIter(100_000).build();
        LinearModel cold = en.fit(d, y);
        LinearModel warm = en.fit(d, y, null, cold.coef());
        assertTrue(warm.convergence().iterations() <= 2, warm.convergence().message());
        assertTrue(TestData.maxAbsDiff(cold.coef(), warm.coef()) < 1e-8);
        LinearModel loose = en.toBuilder().maxIter(2).build().fit(d, y);
        assertFalse(loose.convergence().converged());
        assertTrue(loose.convergence().message().startsWith("not converged after maxIter = 2"), loose.convergence().message());
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> en.toBuilder().maxIter(2).strict(true).build().fit(d, y));
        assertFalse(e.convergence().converged());
        double[] labels = TestData.labels(r, x, n, p);
        assertThrows(ConvergenceException.class, () -> LogisticRegression.builder().maxIter(1).tol(1e-12).strict(true).build().fit(d, labels));
        assertTrue(LogisticRegression.builder().build().fit(d, labels).convergence().converged());
    }

    @Test
    void predictions() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {0, 3}};
        double[] y = {3, 4, 6, 8, 10};
        LinearModel m = Ridge.builder().alpha(1e-12).build().fit(x, y); // y = 1 + 2·x0 + 3·x1 exactly (almost no penalty)
        assertEquals(2, m.coef(0), 1e-9);
        assertEquals(3, m.coef(1), 1e-9);
        assertEquals(1, m.intercept(), 1e-9);
        assertEquals(1 + 2 * 4 + 3 * 5, m.predict(new double[] {4, 5}), 1e-8);
        assertArrayEquals(y, m.predict(x), 1e-8);
        double[] labels = {-1, 1, 1, 1, -1};
        LogisticModel lm = LogisticRegression.builder().C(1).build().fit(x, labels);
        double[] prob = lm.predictProbability(x);
        double[] z = lm.decisionFunction(Design.of(x));
        double[] pred = lm.predict(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1 / (1 + Math.exp(-z[i])), prob[i], 1e-15);
            assertEquals(z[i] > 0 ? 1 : -1, pred[i]);
        }
    }

    /** Views with offsets and leading dimensions, row subsets and columns read the right elements. */
    @Test
    void designViews() {
        double[] data = new double[3 + 4 * 5];
        for (int i = 0; i < data.length; i++) data[i] = i;
        // a 4×3 row-major view at offset 3 with ld 5: element (i, j) = 3 + 5i + j
        Design d = Design.of(new dev.shrink.kernels.MatrixView(data, 3, 4, 3, 5, dev.shrink.kernels.Layout.ROW_MAJOR));
        assertEquals(3 + 5 * 2 + 1, d.get(2, 1));
        double[] col = new double[4];
        d.column(2, col);
        assertArrayEquals(new double[] {5, 10, 15, 20}, col);
        Design sub = d.rows(new int[] {3, 0});
        assertEquals(2, sub.n());
        assertEquals(3 + 5 * 3 + 2, sub.get(0, 2));
        assertEquals(3, sub.get(1, 0));
        // a fit on the strided view equals the fit on a dense copy
        double[] y = {1, 3, 2, 5};
        double[][] rows = new double[4][3];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) rows[i][j] = d.get(i, j) + (i == j ? 1 : 0);
        double[] dense = new double[12];
        for (int i = 0; i < 4; i++) System.arraycopy(rows[i], 0, dense, i * 3, 3);
        double[] strided = data.clone();
        for (int i = 0; i < 3; i++) strided[3 + 5 * i + i] += 1;
        Design ds = Design.of(new dev.shrink.kernels.MatrixView(strided, 3, 4, 3, 5, dev.shrink.kernels.Layout.ROW_MAJOR));
        assertArrayEquals(Ridge.builder().alpha(0.1).build().fit(rows, y).coef(), Ridge.builder().alpha(0.1).build().fit(ds, y).coef(), 1e-9);
        LinearModel a = ElasticNet.builder().alpha(0.01).tol(1e-13).maxIter(100_000).build().fit(ds, y);
        LinearModel b = ElasticNet.builder().alpha(0.01).tol(1e-13).maxIter(100_000).build().fit(Design.rowMajor(dense, 4, 3), y);
        assertArrayEquals(a.coef(), b.coef(), 1e-9);
    }
}
