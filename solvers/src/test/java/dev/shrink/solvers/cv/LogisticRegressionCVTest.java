package dev.shrink.solvers.cv;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

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

    /** Weighted mean log-loss of a model on the validation rows of a fold. */
    static double foldLoss(double[][] x, double[] y, double[] s, int[] rows, LogisticModel m) {
        double loss = 0;
        double weight = 0;
        for (int i : rows) {
            double z = m.intercept();
            for (int j = 0; j < x[0].length; j++) z += m.coef()[j] * x[i][j];
            double si = s == null ? 1 : s[i];
            loss += si * (Math.log1p(Math.exp(z)) - y[i] * z);
            weight += si;
        }
        return loss / weight;
    }

    /**
     * The score of each C is the plain mean over the folds (and its standard error) of the validation log-loss of a cold
     * fit on the fold's training rows; the model is the fit on all rows at the chosen C.
     */
    @Test
    void foldLogLossEqualsColdFitsOnTheTrainingRows() {
        qt().withFixedSeed(20261129L).withExamples(15).forAll(integers().between(20, 60), integers().between(1, 5), integers().between(2, 4), longs().all())
                .checkAssert((n, p, k, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    double[] y = new double[n];
                    // Folds: rows 0..3 spread over folds so that every training set keeps both labels.
                    double[][] x = data(n, p, rnd, y);
                    int[] ids = new int[n];
                    for (int i = 0; i < n; i++) ids[i] = i % k;
                    Folds folds = Folds.of(ids);
                    double[] cs = {0.01, 0.3, 5};
                    CvResult<LogisticModel> r = LogisticRegressionCV.builder().Cs(cs).folds(folds).tol(1e-12).build().fit(x, y);
                    double[][] expected = new double[k][cs.length];
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
                            expected[f][c] = foldLoss(x, y, null, folds.validationRows(f), m);
                        }
                    }
                    // Both sides stop at a relative gradient ≲ 1e-8 (Newton's rounding floor), so the fold losses
                    // agree to ~1e-8; 1e-7 is a bound, far below the conformance cv_rtol of 1e-6.
                    CvScores reference = CvScores.of(cs, expected, false);
                    double scale = Arrays.stream(reference.mean()).max().orElse(1);
                    assertArrayEquals(reference.mean(), r.scores().mean(), 1e-7 * scale, "mean over folds");
                    assertArrayEquals(reference.standardError(), r.scores().standardError(), 1e-7 * scale, "standard error over folds");
                    assertTrue(r.value1se() <= r.valueMin());
                    assertArrayEquals(new double[] {0.0}, r.l1Ratios(), 0.0);
                    LogisticModel all = LogisticRegression.builder().C(r.valueMin()).tol(1e-8).build().fit(x, y);
                    assertArrayEquals(all.coef(), r.model().coef(), 1e-7);
                });
    }

    /** Integer weights act as repeated rows (copies kept in their row's fold): the same scores, choice and model. */
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
        CvResult<LogisticModel> weighted = LogisticRegressionCV.builder().Cs(cs).folds(Folds.of(ids)).tol(1e-12).build()
                .fit(Design.of(x), y, weights);
        CvResult<LogisticModel> expanded = LogisticRegressionCV.builder().Cs(cs).folds(Folds.of(idsr)).tol(1e-12).build().fit(xr, yr);
        for (int c = 0; c < cs.length; c++) {
            double e = expanded.scores().mean()[c];
            assertEquals(e, weighted.scores().mean()[c], 1e-9 * e, "mean, C " + cs[c]);
            assertEquals(expanded.scores().standardError()[c], weighted.scores().standardError()[c], 1e-9 * e, "standard error, C " + cs[c]);
        }
        assertEquals(expanded.indexMin(), weighted.indexMin());
        for (int j = 0; j < 3; j++) assertEquals(expanded.model().coef()[j], weighted.model().coef()[j], 1e-9);
        // and a fold's score is the weighted mean log-loss Σsᵢℓᵢ/Σsᵢ of a weighted fit on its training rows
        Folds folds = Folds.of(ids);
        double[][] expected = new double[4][cs.length];
        for (int f = 0; f < 4; f++) {
            int[] train = folds.trainingRows(f);
            double[][] xt = new double[train.length][];
            double[] yt = new double[train.length];
            double[] st = new double[train.length];
            for (int t = 0; t < train.length; t++) {
                xt[t] = x[train[t]];
                yt[t] = y[train[t]];
                st[t] = weights[train[t]];
            }
            for (int c = 0; c < cs.length; c++) {
                LogisticModel m = LogisticRegression.builder().C(cs[c]).tol(1e-12).build().fit(xt, yt, st);
                expected[f][c] = foldLoss(x, y, weights, folds.validationRows(f), m);
            }
        }
        CvScores reference = CvScores.of(cs, expected, false);
        double scale = Arrays.stream(reference.mean()).max().orElse(1);
        assertArrayEquals(reference.mean(), weighted.scores().mean(), 1e-7 * scale);
        assertArrayEquals(reference.standardError(), weighted.scores().standardError(), 1e-7 * scale);
    }

    /** Folds run in parallel give the same bits as a sequential run. */
    @Test
    void parallelFoldsGiveIdenticalResults() {
        SplittableRandom rnd = new SplittableRandom(12);
        int n = 150;
        double[] y = new double[n];
        double[][] x = data(n, 4, rnd, y);
        LogisticRegressionCV.Builder b = LogisticRegressionCV.builder().Cs(LogisticRegressionCV.logspaceCs(6)).folds(5);
        CvResult<LogisticModel> sequential = b.threads(1).build().fit(x, y);
        CvResult<LogisticModel> parallel = b.threads(3).build().fit(x, y);
        assertEquals(sequential.scores(), parallel.scores());
        assertArrayEquals(sequential.model().coef(), parallel.model().coef(), 0.0);
        assertEquals(sequential.model().intercept(), parallel.model().intercept(), 0.0);
    }

    /** The model predicts the user's labels (any two values), though the fits see 0/1. */
    @Test
    void modelKeepsTheUsersLabels() {
        SplittableRandom rnd = new SplittableRandom(6);
        int n = 40;
        double[] y01 = new double[n];
        double[][] x = data(n, 2, rnd, y01);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = y01[i] == 1 ? 5 : -2;
        CvResult<LogisticModel> a = LogisticRegressionCV.builder().Cs(0.1, 1).folds(4).build().fit(x, y);
        CvResult<LogisticModel> b = LogisticRegressionCV.builder().Cs(0.1, 1).folds(4).build().fit(x, y01);
        assertEquals(5, a.model().positiveLabel());
        assertEquals(-2, a.model().negativeLabel());
        assertEquals(a.scores(), b.scores());
        for (double v : a.model().predict(x)) assertTrue(v == 5 || v == -2);
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
        assertEquals("class 0 is absent from the training rows of fold 0: every class must occur in every training set", e.getMessage());
        assertEquals("k (number of folds) must be ≤ n = 4, got 6",
                assertThrows(IllegalArgumentException.class, () -> LogisticRegressionCV.builder().folds(6).build().fit(x, y)).getMessage());
        assertEquals("sampleWeight sums to 0 over the validation rows of fold 0", assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionCV.builder().Cs(1).folds(Folds.of(new int[] {0, 1, 0, 1})).build()
                        .fit(Design.of(new double[][] {{1}, {2}, {3}, {4}}), new double[] {0, 1, 1, 0}, new double[] {0, 1, 0, 1})).getMessage());
    }

    /**
     * Elastic net over Cs × l1Ratios, two and three classes: the score of each pair is the mean over folds of the
     * validation log-loss of a cold fit on the training rows, the chosen pair has the smallest score, and the model is
     * the fit on all rows there.
     */
    @Test
    void elasticNetScoresEveryPairWithColdFits() {
        SplittableRandom rnd = new SplittableRandom(77);
        int n = 60;
        int p = 3;
        for (int classes : new int[] {2, 3}) {
            double[] y = new double[n];
            double[][] x = data(n, p, rnd, y);
            if (classes == 3) for (int i = 0; i < n; i++) if (x[i][1] > 0.6) y[i] = 2;
            for (int i = 0; i < 3; i++) y[i] = i % classes; // every class in every training set
            double[] cs = {0.05, 0.5, 5};
            double[] ratios = {0.2, 0.9};
            Folds folds = Folds.contiguous(n, 3);
            CvResult<LogisticModel> r = LogisticRegressionCV.builder().Cs(cs).penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratios(ratios)
                    .folds(folds).tol(1e-13).threads(1).build().fit(x, y);
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < ratios.length; q++) {
                for (int k = 0; k < cs.length; k++) {
                    double mean = 0;
                    for (int f = 0; f < 3; f++) {
                        int[] train = folds.trainingRows(f);
                        double[][] xt = new double[train.length][];
                        double[] yt = new double[train.length];
                        for (int t = 0; t < train.length; t++) {
                            xt[t] = x[train[t]];
                            yt[t] = y[train[t]];
                        }
                        LogisticModel m = LogisticRegression.builder().C(cs[k]).penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratio(ratios[q])
                                .tol(1e-13).threads(1).build().fit(xt, yt);
                        double loss = 0;
                        int[] valid = folds.validationRows(f);
                        double[][] prob = m.predictProbabilities(Design.of(pick(x, valid)));
                        for (int t = 0; t < valid.length; t++) loss -= Math.log(prob[t][(int) y[valid[t]]]);
                        mean += loss / valid.length / 3;
                    }
                    assertEquals(mean, r.scoresByL1Ratio().get(q).mean()[k], 1e-7, classes + " classes, l1Ratio " + ratios[q] + ", C " + cs[k]);
                    best = Math.min(best, mean);
                }
            }
            assertEquals(best, r.scores().minMean(), 1e-7);
            LogisticModel refit = LogisticRegression.builder().C(r.valueMin()).penalty(LogisticRegression.Penalty.ELASTICNET).l1Ratio(r.l1Ratio())
                    .tol(1e-13).threads(1).build().fit(x, y); // as tight as the CV's refit: a gap bounds coefficients only by its square root
            assertEquals(classes == 3, r.model().isMultinomial());
            assertTrue(TestData.maxAbsDiff(refit.coef(0), r.model().coef(0)) < 1e-5);
        }
    }

    private static double[][] pick(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int t = 0; t < rows.length; t++) out[t] = x[rows[t]];
        return out;
    }
}
