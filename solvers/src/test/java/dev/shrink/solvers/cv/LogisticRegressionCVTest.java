package dev.shrink.solvers.cv;

import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.conformance.ConformanceCase;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class LogisticRegressionCVTest {

    static double[][] data(int n, int p, SplittableRandom rnd, double[] y) {
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double z = 0.3;
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextGaussian();
                z += (j % 2 == 0 ? 1 : -0.5) * x[i][j];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        y[0] = 0; // both labels in every training set
        y[1] = 1;
        y[2] = 0;
        y[3] = 1;
        return x;
    }

    @Test
    void foldLogLossEqualsColdFitsOnTheTrainingRows() {
        qt().withExamples(15).forAll(integers().between(20, 60), integers().between(1, 5), integers().between(2, 4), longs().all())
                .checkAssert((n, p, k, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    double[] y = new double[n];
                    // Folds: rows 0..3 spread over folds so that every training set keeps both labels.
                    double[][] x = data(n, p, rnd, y);
                    int[] ids = new int[n];
                    for (int i = 0; i < n; i++) ids[i] = i % k;
                    Folds folds = Folds.of(ids);
                    double[] cs = {0.01, 0.3, 5};
                    LogisticRegressionCV.Result r = LogisticRegressionCV.builder().Cs(cs).folds(folds).tol(1e-12).build().fit(x, y);
                    for (int f = 0; f < k; f++) {
                        int[] train = folds.trainingRows(f);
                        double[][] xt = new double[train.length][];
                        double[] yt = new double[train.length];
                        for (int t = 0; t < train.length; t++) {
                            xt[t] = x[train[t]];
                            yt[t] = y[train[t]];
                        }
                        for (int c = 0; c < cs.length; c++) {
                            LogisticModel m = LogisticRegression.builder().C(cs[c]).tol(1e-12).build().fit(xt, yt);
                            double loss = 0;
                            for (int i : folds.validationRows(f)) {
                                double z = m.intercept();
                                for (int j = 0; j < p; j++) z += m.coef()[j] * x[i][j];
                                loss += Math.log1p(Math.exp(z)) - y[i] * z;
                            }
                            loss /= folds.size(f);
                            // Both sides stop at a relative gradient ≲ 1e-8 (Newton's rounding floor), so the losses
                            // agree to ~1e-8; 1e-7 is a bound, far below the conformance cv_rtol of 1e-6.
                            assertEquals(loss, r.scores().foldErrors()[f][c], 1e-7 * loss, "fold " + f + ", C " + cs[c]);
                        }
                    }
                    assertTrue(r.C1se() <= r.C());
                });
    }

    @Test
    void integerWeightsActAsRepeatedRows() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 40;
        double[] y = new double[n];
        double[][] x = data(n, 3, rnd, y);
        int[] ids = new int[n];
        double[] weights = new double[n];
        int repeated = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = i % 4;
            weights[i] = 1 + rnd.nextInt(3);
            repeated += (int) weights[i];
        }
        double[][] xr = new double[repeated][];
        double[] yr = new double[repeated];
        int[] idsr = new int[repeated];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < weights[i]; t++) {
                xr[r] = x[i];
                yr[r] = y[i];
                idsr[r++] = ids[i]; // a repeated row stays in its fold
            }
        }
        double[] cs = {0.05, 1, 20};
        LogisticRegressionCV.Result weighted = LogisticRegressionCV.builder().Cs(cs).folds(Folds.of(ids)).tol(1e-12).build()
                .fit(dev.shrink.solvers.Design.of(x), y, weights);
        LogisticRegressionCV.Result expanded = LogisticRegressionCV.builder().Cs(cs).folds(Folds.of(idsr)).tol(1e-12).build().fit(xr, yr);
        for (int f = 0; f < 4; f++) {
            for (int c = 0; c < cs.length; c++) {
                double e = expanded.scores().foldErrors()[f][c];
                assertEquals(e, weighted.scores().foldErrors()[f][c], 1e-9 * e, "fold " + f + ", C " + cs[c]);
            }
        }
        assertEquals(expanded.cIndex(), weighted.cIndex());
        for (int j = 0; j < 3; j++) assertEquals(expanded.coef()[j], weighted.coef()[j], 1e-9);
    }

    @Test
    void parallelFoldsGiveIdenticalResults() throws Exception {
        ConformanceCase c = CvConformanceTest.load("logistic_cv_random");
        LogisticRegressionCV cv = LogisticRegressionCV.builder().Cs(c.cs()).folds(Folds.of(c.folds())).build();
        LogisticRegressionCV.Result sequential = cv.fit(c.design(), c.y());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            LogisticRegressionCV.Result parallel = LogisticRegressionCV.builder().Cs(c.cs()).folds(Folds.of(c.folds()))
                    .executor(pool).build().fit(c.design(), c.y());
            for (int f = 0; f < 5; f++) assertArrayEquals(sequential.scores().foldErrors()[f], parallel.scores().foldErrors()[f]);
            assertArrayEquals(sequential.coef(), parallel.coef());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void scikitLearnDefaultGrid() {
        double[] g = LogisticRegressionCV.logspaceCs(10);
        assertEquals(1e-4, g[0]);
        assertEquals(1e4, g[9], 1e-11);
        assertEquals(Math.pow(10, -4 + 8.0 / 9), g[1]);
    }

    @Test
    void badInputNamesTheArgument() {
        assertEquals("Cs must be strictly increasing (strongest penalty first), but Cs[1] = 0.5 ≤ Cs[0] = 1.0",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegressionCV.builder().Cs(1, 0.5).build()).getMessage());
        assertEquals("Cs must not be empty",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegressionCV.builder().Cs().build()).getMessage());
        assertEquals("Cs[0] must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegressionCV.builder().Cs(0, 1).build()).getMessage());
        double[][] x = {{1}, {2}, {3}, {4}};
        double[] y = {0, 0, 1, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionCV.builder().Cs(1).folds(2).build().fit(x, y)); // fold 0's training rows are all 1
        assertTrue(e.getMessage().startsWith("training rows of fold 0: labels must take exactly two values"), e.getMessage());
        assertEquals("k (number of folds) must be ≤ n = 4, got 6",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegressionCV.builder().folds(6).build().fit(x, y)).getMessage());
    }
}
