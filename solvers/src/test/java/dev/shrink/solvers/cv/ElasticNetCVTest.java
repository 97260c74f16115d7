package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Precompute;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class ElasticNetCVTest {

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

    /** The validation MSE of the reference fit on the training rows of fold f at α. */
    static double referenceFoldError(double[][] x, double[] y, Folds folds, int f, double alpha, double l1Ratio, boolean intercept) {
        double[] b = new double[1];
        double[] w = naiveFit(x, y, folds.trainingRows(f), alpha, l1Ratio, intercept, b);
        double mse = 0;
        for (int i : folds.validationRows(f)) {
            double e = y[i] - b[0];
            for (int j = 0; j < w.length; j++) e -= x[i][j] * w[j];
            mse += e * e / folds.size(f);
        }
        return mse;
    }

    private static double[] flat(double[][] x) {
        int p = x[0].length;
        double[] out = new double[x.length * p];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, out, i * p, p);
        return out;
    }

    /**
     * Each fold's validation errors equal fits on its training rows (statistics total − fold in Gram mode, the rows
     * themselves otherwise), the scores are their plain mean and standard error over the folds, and the model is the fit
     * on all rows at the chosen α.
     */
    @Test
    void foldErrorsEqualFitsOnTheTrainingRows() {
        qt().withFixedSeed(20261129L).withExamples(25).forAll(integers().between(6, 40), integers().between(1, 8), integers().between(2, 5), longs().all())
                .checkAssert((n, p, k, seed) -> {
                    if (k > n) return;
                    SplittableRandom rnd = new SplittableRandom(seed);
                    boolean intercept = (seed & 1) == 0;
                    double l1Ratio = (seed & 2) == 0 ? 0.5 : 1.0;
                    Precompute precompute = (seed & 4) == 0 ? Precompute.GRAM : Precompute.NONE; // statistics (total − fold) or training rows
                    double[][] x = new double[n][p];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() + 3; // off-centre columns
                        y[i] = x[i][0] - 0.5 * x[i][p - 1] + rnd.nextGaussian() + 2;
                    }
                    CvResult<LinearModel> r = ElasticNetCV.builder().l1Ratios(l1Ratio).nAlphas(6).eps(1e-2).folds(k).tol(1e-14)
                            .precompute(precompute).fitIntercept(intercept).build().fit(x, y);
                    assertTrue(r.converged());
                    Folds folds = Folds.contiguous(n, k);
                    double[] grid = r.grid();
                    double[][] expected = new double[k][grid.length];
                    for (int f = 0; f < k; f++) for (int a = 0; a < grid.length; a++) expected[f][a] = referenceFoldError(x, y, folds, f, grid[a], l1Ratio, intercept);
                    // the per-fold errors, from the fold data the cross-validation uses
                    FoldData data = precompute == Precompute.GRAM
                            ? new FoldStatistics(MatrixView.rowMajor(flat(x), n, p), y, folds, intercept, KernelProvider.get())
                            : new FoldRows(Design.of(x), y, folds, intercept, KernelProvider.get());
                    for (int f = 0; f < k; f++) {
                        PathResult path = data.trainingPath(f, ElasticNetPath.builder().l1Ratio(l1Ratio).alphas(grid).fitIntercept(intercept)
                                .tol(1e-14).maxIter(1000).precompute(precompute == Precompute.GRAM ? Precompute.AUTO : precompute).threads(1).build());
                        for (int a = 0; a < grid.length; a++) {
                            double e = data.validationMse(f, path.coef(a), path.intercept(a), new double[folds.size(f)]);
                            assertEquals(expected[f][a], e, 1e-8 * expected[f][a], "fold " + f + ", alpha " + a);
                        }
                    }
                    // the scores: plain mean and standard error over the folds
                    CvScores reference = CvScores.of(grid, expected, true);
                    double scale = Arrays.stream(reference.mean()).max().orElse(1);
                    assertArrayEquals(reference.mean(), r.scores().mean(), 1e-8 * scale, "mean over folds");
                    assertArrayEquals(reference.standardError(), r.scores().standardError(), 1e-8 * scale, "standard error over folds");
                    double[] b = new double[1];
                    double[] w = naiveFit(x, y, IntStream.range(0, n).toArray(), r.valueMin(), l1Ratio, intercept, b);
                    for (int j = 0; j < p; j++) assertEquals(w[j], r.model().coef(j), 1e-9 * (1 + Math.abs(w[j])));
                    assertEquals(b[0], r.model().intercept(), 1e-9 * (1 + Math.abs(b[0])));
                });
    }

    /** scikit-learn's grid: nAlphas values log-spaced from α_max = max|X̃ᵀỹ|/(n·l1Ratio) (all rows) to eps·α_max. */
    @Test
    void computedGridIsScikitLearns() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 150;
        int p = 20;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() + j % 3;
            y[i] = 2 * x[i][1] - x[i][7] + rnd.nextGaussian();
        }
        double ybar = Arrays.stream(y).average().orElseThrow();
        double max = 0;
        for (int j = 0; j < p; j++) {
            double c = 0;
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i][j] / n;
            for (int i = 0; i < n; i++) c += (x[i][j] - mean) * (y[i] - ybar);
            max = Math.max(max, Math.abs(c));
        }
        for (double l1Ratio : new double[] {0.5, 1.0}) {
            for (Precompute precompute : new Precompute[] {Precompute.GRAM, Precompute.NONE}) {
                CvResult<LinearModel> r = ElasticNetCV.builder().l1Ratios(l1Ratio).nAlphas(100).eps(1e-3).folds(5).precompute(precompute).build()
                        .fit(x, y);
                double alphaMax = max / (n * l1Ratio);
                double[] grid = r.grid();
                assertEquals(100, grid.length);
                for (int k = 0; k < grid.length; k++) {
                    double expected = Math.pow(10, Math.log10(alphaMax) - k * 3.0 / 99);
                    assertEquals(expected, grid[k], 1e-12 * expected, precompute + ", l1Ratio " + l1Ratio + ", alpha " + k);
                }
            }
        }
    }

    /** Folds run in parallel give the same bits as a sequential run. */
    @Test
    void parallelFoldsGiveIdenticalResults() {
        SplittableRandom rnd = new SplittableRandom(8);
        int n = 120;
        int p = 15;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian();
            y[i] = x[i][0] - x[i][3] + rnd.nextGaussian();
        }
        for (Precompute precompute : new Precompute[] {Precompute.GRAM, Precompute.NONE}) {
            ElasticNetCV.Builder b = ElasticNetCV.builder().l1Ratios(0.3, 0.9).nAlphas(20).folds(5).precompute(precompute);
            CvResult<LinearModel> sequential = b.threads(1).build().fit(x, y);
            CvResult<LinearModel> parallel = b.threads(3).build().fit(x, y);
            assertEquals(sequential.scoresByL1Ratio(), parallel.scoresByL1Ratio(), precompute.name());
            assertEquals(sequential.l1RatioIndex(), parallel.l1RatioIndex());
            assertArrayEquals(sequential.model().coef(), parallel.model().coef(), 0.0);
            assertEquals(sequential.model().intercept(), parallel.model().intercept(), 0.0);
            assertEquals(sequential.value1se(), parallel.value1se());
        }
    }

    /** Row-major and column-major data with explicit, shuffled folds: the same statistics, scores and model. */
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
        Folds folds = Folds.of(fold);
        // the per-fold statistics themselves
        FoldStatistics sa = new FoldStatistics(MatrixView.rowMajor(rowMajor, n, p), y, folds, true, KernelProvider.get());
        FoldStatistics sb = new FoldStatistics(MatrixView.columnMajor(colMajor, n, p), y, folds, true, KernelProvider.get());
        for (int f = -1; f < 4; f++) {
            assertArrayEquals(sa.training(f).gram(), sb.training(f).gram(), 1e-12 * Arrays.stream(sa.training(f).gram()).map(Math::abs).max().orElse(1));
            assertArrayEquals(sa.training(f).xty(), sb.training(f).xty(), 1e-12 * Arrays.stream(sa.training(f).xty()).map(Math::abs).max().orElse(1));
        }
        ElasticNetCV cv = ElasticNetCV.builder().l1Ratios(0.5).nAlphas(8).folds(folds).tol(1e-14).build();
        CvResult<LinearModel> a = cv.fit(Design.rowMajor(rowMajor, n, p), y);
        CvResult<LinearModel> b = cv.fit(Design.columnMajor(colMajor, n, p), y);
        assertTrue(a.converged() && b.converged());
        assertArrayEquals(a.scores().mean(), b.scores().mean(), 1e-12 * a.scores().mean()[0]);
        assertArrayEquals(a.scores().standardError(), b.scores().standardError(), 1e-12 * a.scores().mean()[0]);
        assertArrayEquals(a.model().coef(), b.model().coef(), 1e-12);
        assertEquals(a.model().intercept(), b.model().intercept(), 1e-10);
    }

    /** p &gt; n runs each fold on its rows by default; it agrees with the statistics (Gram) route fold by fold. */
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
        ElasticNetCV.Builder b = ElasticNetCV.builder().l1Ratios(0.7).nAlphas(15).folds(3).tol(1e-14).maxIter(100_000);
        CvResult<LinearModel> rows = b.build().fit(x, y); // p > n: row mode by default
        CvResult<LinearModel> gram = b.precompute(Precompute.GRAM).build().fit(x, y);
        assertTrue(rows.converged() && gram.converged());
        assertArrayEquals(gram.grid(), rows.grid(), 1e-15 * gram.grid()[0]);
        // fold by fold, through the fold data each route uses
        Folds folds = Folds.contiguous(n, 3);
        FoldData byRows = new FoldRows(Design.of(x), y, folds, true, KernelProvider.get());
        FoldData byStats = new FoldStatistics(MatrixView.rowMajor(flat(x), n, p), y, folds, true, KernelProvider.get());
        ElasticNetPath path = ElasticNetPath.builder().l1Ratio(0.7).alphas(gram.grid()).tol(1e-14).maxIter(100_000).threads(1).build();
        for (int f = 0; f < 3; f++) {
            PathResult pr = byRows.trainingPath(f, path);
            PathResult ps = byStats.trainingPath(f, path);
            for (int a = 0; a < 15; a++) {
                double e = byStats.validationMse(f, ps.coef(a), ps.intercept(a), new double[folds.size(f)]);
                assertEquals(e, byRows.validationMse(f, pr.coef(a), pr.intercept(a), new double[folds.size(f)]), 1e-8 * e, "fold " + f + ", alpha " + a);
            }
        }
        double scale = Arrays.stream(gram.scores().mean()).max().orElse(1);
        assertArrayEquals(gram.scores().mean(), rows.scores().mean(), 1e-8 * scale);
        assertArrayEquals(gram.scores().standardError(), rows.scores().standardError(), 1e-8 * scale);
        for (int j = 0; j < p; j++) assertEquals(gram.model().coef(j), rows.model().coef(j), 1e-8);
        assertEquals(gram.model().intercept(), rows.model().intercept(), 1e-8);
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
        CvResult<LinearModel> r = ElasticNetCV.builder().l1Ratios(0.1, 0.5, 1.0).nAlphas(20).folds(4).build().fit(x, y);
        double best = r.scores().mean()[r.indexMin()];
        for (CvScores s : r.scoresByL1Ratio()) for (double m : s.mean()) assertTrue(best <= m);
        assertEquals(new double[] {0.1, 0.5, 1.0}[r.l1RatioIndex()], r.l1Ratio());
        assertTrue(r.value1se() >= r.valueMin());
        CvScores s = r.scores();
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
        assertEquals("maxIter must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().maxIter(0).build()).getMessage());
        assertEquals("precompute must not be null",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().precompute(null).build()).getMessage());
        assertEquals("threads must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> ElasticNetCV.builder().threads(0).build()).getMessage());
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
