package dev.shrink.solvers.cv;

import dev.shrink.solvers.conformance.ConformanceCase;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
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

class ElasticNetCVTest {

    static ElasticNetCV.Result fitCase(ConformanceCase c, java.util.concurrent.Executor executor) throws Exception {
        return ElasticNetCV.builder().l1Ratios(c.number("l1_ratio")).alphas(c.alphas())
                .fitIntercept(c.fitIntercept()).folds(Folds.of(c.folds())).executor(executor).build()
                .fit(c.design(), c.y());
    }

    @Test
    void computedGridMatchesTheStoredScikitLearnGrid() throws Exception {
        ConformanceCase c = CvConformanceTest.load("elasticnet_cv_random");
        ElasticNetCV.Result r = ElasticNetCV.builder().l1Ratios(c.number("l1_ratio")).nAlphas(Integer.parseInt(c.string("n_alphas")))
                .eps(c.number("eps")).folds(Folds.of(c.folds())).build().fit(c.design(), c.y());
        double[] expected = c.alphas();
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], r.bestScores().grid()[k], 1e-14 * expected[k]);
    }

    @Test
    void parallelFoldsGiveIdenticalResults() throws Exception {
        ConformanceCase c = CvConformanceTest.load("elasticnet_cv_random");
        ElasticNetCV.Result sequential = fitCase(c, null);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ElasticNetCV.Result parallel = fitCase(c, pool);
            for (int f = 0; f < sequential.bestScores().folds(); f++) {
                assertArrayEquals(sequential.bestScores().foldErrors()[f], parallel.bestScores().foldErrors()[f]);
            }
            assertArrayEquals(sequential.coef(), parallel.coef());
            assertEquals(sequential.alpha1se(), parallel.alpha1se());
        } finally {
            pool.shutdown();
        }
    }

    /** Reference: naive coordinate descent on the training rows themselves (explicit centring), one α at a time. */
    static double[] naiveFit(double[][] x, double[] y, int[] rows, double alpha, double l1Ratio, boolean intercept, double[] interceptOut) {
        int p = x[0].length;
        int m = rows.length;
        double[] xm = new double[p];
        double ym = 0;
        if (intercept) {
            for (int i : rows) {
                ym += y[i] / m;
                for (int j = 0; j < p; j++) xm[j] += x[i][j] / m;
            }
        }
        double[] w = new double[p];
        double[] r = new double[m];
        for (int t = 0; t < m; t++) r[t] = y[rows[t]] - ym;
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double change = 0;
            for (int j = 0; j < p; j++) {
                double norm = 0;
                double rho = 0;
                for (int t = 0; t < m; t++) {
                    double xc = x[rows[t]][j] - xm[j];
                    norm += xc * xc;
                    rho += xc * (r[t] + xc * w[j]);
                }
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - m * alpha * l1Ratio, 0) / (norm + m * alpha * (1 - l1Ratio));
                double d = updated - w[j];
                if (d != 0) {
                    for (int t = 0; t < m; t++) r[t] -= d * (x[rows[t]][j] - xm[j]);
                    w[j] = updated;
                    change = Math.max(change, Math.abs(d));
                }
            }
            if (change < 1e-14) break;
        }
        double b = ym;
        for (int j = 0; j < p; j++) b -= xm[j] * w[j];
        interceptOut[0] = b;
        return w;
    }

    @Test
    void foldErrorsEqualFitsOnTheTrainingRows() {
        qt().withExamples(25).forAll(integers().between(6, 40), integers().between(1, 8), integers().between(2, 5), longs().all())
                .checkAssert((n, p, k, seed) -> {
                    if (k > n) return;
                    SplittableRandom rnd = new SplittableRandom(seed);
                    boolean intercept = (seed & 1) == 0;
                    double l1Ratio = (seed & 2) == 0 ? 0.5 : 1.0;
                    double[][] x = new double[n][p];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() + 3; // off-centre columns
                        y[i] = x[i][0] - 0.5 * x[i][p - 1] + rnd.nextGaussian() + 2;
                    }
                    ElasticNetCV.Result r = ElasticNetCV.builder().l1Ratios(l1Ratio).nAlphas(6).eps(1e-2).folds(k).tol(1e-14)
                            .precompute((seed & 4) == 0) // both modes: statistics (total − fold) and training rows
                            .fitIntercept(intercept).build().fit(x, y);
                    assertTrue(r.converged());
                    Folds folds = Folds.contiguous(n, k);
                    double[] grid = r.bestScores().grid();
                    for (int f = 0; f < k; f++) {
                        for (int a = 0; a < grid.length; a++) {
                            double[] b = new double[1];
                            double[] w = naiveFit(x, y, folds.trainingRows(f), grid[a], l1Ratio, intercept, b);
                            double mse = 0;
                            for (int i : folds.validationRows(f)) {
                                double e = y[i] - b[0];
                                for (int j = 0; j < p; j++) e -= x[i][j] * w[j];
                                mse += e * e / folds.size(f);
                            }
                            assertEquals(mse, r.bestScores().foldErrors()[f][a], 1e-8 * mse, "fold " + f + ", alpha " + a);
                        }
                    }
                    double[] b = new double[1];
                    int[] all = java.util.stream.IntStream.range(0, n).toArray();
                    double[] w = naiveFit(x, y, all, r.alpha(), l1Ratio, intercept, b);
                    for (int j = 0; j < p; j++) assertEquals(w[j], r.coef()[j], 1e-9 * (1 + Math.abs(w[j])));
                    assertEquals(b[0], r.intercept(), 1e-9 * (1 + Math.abs(b[0])));
                });
    }

    @Test
    void bothLayoutsAndShuffledFoldsGiveTheSameStatistics() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 60;
        int p = 7;
        double[] rowMajor = new double[n * p];
        double[] colMajor = new double[n * p];
        double[] y = new double[n];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = rnd.nextGaussian() + 5 * j;
                rowMajor[i * p + j] = v;
                colMajor[j * n + i] = v;
            }
            y[i] = rowMajor[i * p] - rowMajor[i * p + 3] + rnd.nextGaussian();
            fold[i] = rnd.nextInt(4);
        }
        for (int f = 0; f < 4; f++) fold[f] = f; // every fold non-empty
        ElasticNetCV cv = ElasticNetCV.builder().l1Ratios(0.5).nAlphas(8).folds(Folds.of(fold)).tol(1e-14).build();
        ElasticNetCV.Result a = cv.fit(dev.shrink.solvers.Design.rowMajor(rowMajor, n, p), y);
        ElasticNetCV.Result b = cv.fit(dev.shrink.solvers.Design.columnMajor(colMajor, n, p), y);
        assertTrue(a.converged() && b.converged());
        for (int f = 0; f < 4; f++) {
            assertArrayEquals(a.bestScores().foldErrors()[f], b.bestScores().foldErrors()[f], 1e-12 * a.bestScores().foldErrors()[f][0]);
        }
        assertArrayEquals(a.coef(), b.coef(), 1e-12);
        assertEquals(a.intercept(), b.intercept(), 1e-10);
    }

    @Test
    void wideDesignRunsOnRowsAndAgreesWithCovarianceMode() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 30;
        int p = 80;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian();
            y[i] = 3 * x[i][0] - 2 * x[i][5] + rnd.nextGaussian();
        }
        ElasticNetCV.Builder b = ElasticNetCV.builder().l1Ratios(0.7).nAlphas(15).folds(3).tol(1e-14).maxSweeps(100_000);
        ElasticNetCV.Result rows = b.build().fit(x, y); // p > n: row mode by default
        ElasticNetCV.Result gram = b.precompute(true).build().fit(x, y);
        assertTrue(rows.converged() && gram.converged());
        for (int f = 0; f < 3; f++) {
            for (int a = 0; a < 15; a++) {
                double e = gram.bestScores().foldErrors()[f][a];
                assertEquals(e, rows.bestScores().foldErrors()[f][a], 1e-8 * e, "fold " + f + ", alpha " + a);
            }
        }
        assertArrayEquals(gram.bestScores().grid(), rows.bestScores().grid(), 1e-15 * gram.bestScores().grid()[0]);
        for (int j = 0; j < p; j++) assertEquals(gram.coef()[j], rows.coef()[j], 1e-8);
        assertEquals(gram.intercept(), rows.intercept(), 1e-8);
    }

    @Test
    void gridSearchPicksTheBestPairAndOneStandardErrorIsStronger() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 60;
        int p = 10;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian();
            y[i] = 2 * x[i][0] - x[i][1] + rnd.nextGaussian();
        }
        ElasticNetCV.Result r = ElasticNetCV.builder().l1Ratios(0.1, 0.5, 1.0).nAlphas(20).folds(4).build().fit(x, y);
        double best = r.bestScores().mean()[r.alphaIndex()];
        for (CvScores s : r.scores()) for (double m : s.mean()) assertTrue(best <= m);
        assertTrue(r.alpha1se() >= r.alpha());
        CvScores s = r.bestScores();
        assertTrue(s.mean()[s.index1se()] <= s.mean()[s.indexMin()] + s.standardError()[s.indexMin()]);
        for (int k = 0; k < s.index1se(); k++) assertTrue(s.mean()[k] > s.mean()[s.indexMin()] + s.standardError()[s.indexMin()]);
    }

    @Test
    void badInputNamesTheArgument() {
        double[][] x = {{1, 2}, {3, 4}, {5, 7}, {1, 1}};
        double[] y = {1, 2, 3, 4};
        assertEquals("alphas must be strictly decreasing (strongest penalty first), but alphas[1] = 2.0 ≥ alphas[0] = 1.0",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().alphas(1, 2).build()).getMessage());
        assertEquals("alphas must not be empty",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().alphas().build()).getMessage());
        assertEquals("eps must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().eps(1).build()).getMessage());
        assertEquals("k (number of folds) must be ≥ 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().folds(1).build()).getMessage());
        assertEquals("k (number of folds) must be ≤ n = 4, got 5",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().folds(5).build().fit(x, y)).getMessage());
        assertEquals("folds has 3 rows, X has 4", assertThrows(IllegalArgumentException.class,
                () -> ElasticNetCV.builder().folds(Folds.of(new int[] {0, 1, 0})).build().fit(x, y)).getMessage());
        assertEquals("fold 1 is empty: folds must use every id 0 .. 2",
                assertThrows(IllegalArgumentException.class, () -> Folds.of(new int[] {0, 2, 0, 2})).getMessage());
        assertEquals("folds must define at least 2 folds (K ≥ 2), got 1",
                assertThrows(IllegalArgumentException.class, () -> Folds.of(new int[] {0, 0, 0})).getMessage());
        assertEquals("folds must hold ids ≥ 0, got -1 at row 2",
                assertThrows(IllegalArgumentException.class, () -> Folds.of(new int[] {0, 1, -1})).getMessage());
        assertEquals("l1Ratios[0] must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().l1Ratios(1.5).build()).getMessage());
    }

    @Test
    void contiguousFoldsFollowScikitLearnKFold() {
        Folds f = Folds.contiguous(11, 3); // KFold(3) on 11 rows: sizes 4, 4, 3
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2}, f.assignment());
        assertArrayEquals(new int[] {0, 1, 2, 3, 8, 9, 10}, f.trainingRows(1));
        assertEquals("Folds[K=3, n=11, sizes=4,4,3]", f.toString());
        assertEquals(Arrays.toString(new int[] {4, 5, 6, 7}), Arrays.toString(f.validationRows(1)));
    }
}
