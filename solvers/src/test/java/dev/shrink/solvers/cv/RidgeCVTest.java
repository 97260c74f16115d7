package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Ridge;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class RidgeCVTest {

    /** Brute force: refit the weighted ridge (unpenalised intercept) without row i and predict row i. */
    static double[] bruteForceLoo(double[][] x, double[] y, double[] s, boolean intercept, double alpha) {
        int n = x.length;
        double[] errors = new double[n];
        for (int out = 0; out < n; out++) {
            double[][] fit = fitAugmented(x, y, s, intercept, alpha, out);
            double pred = fit[1][0];
            for (int j = 0; j < x[0].length; j++) pred += fit[0][j] * x[out][j];
            errors[out] = y[out] - pred;
        }
        return errors;
    }

    /** {coef, {intercept}} minimising Σ_{i≠skip} sᵢ(yᵢ − xᵢw − b)² + α‖w‖², by Gaussian elimination. */
    static double[][] fitAugmented(double[][] x, double[] y, double[] s, boolean intercept, double alpha, int skip) {
        int n = x.length;
        int p = x[0].length;
        int q = p + 1;
        double[][] a = new double[q][q + 1];
        for (int i = 0; i < n; i++) {
            if (i == skip) continue;
            double[] z = new double[q];
            z[0] = intercept ? 1 : 0;
            System.arraycopy(x[i], 0, z, 1, p);
            for (int r = 0; r < q; r++) {
                for (int c = 0; c < q; c++) a[r][c] += s[i] * z[r] * z[c];
                a[r][q] += s[i] * z[r] * y[i];
            }
        }
        for (int j = 1; j < q; j++) a[j][j] += alpha;
        if (!intercept) a[0][0] = 1;
        for (int col = 0; col < q; col++) {
            int piv = col;
            for (int r = col + 1; r < q; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] tmp = a[col]; a[col] = a[piv]; a[piv] = tmp;
            for (int r = col + 1; r < q; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= q; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[] sol = new double[q];
        for (int r = q - 1; r >= 0; r--) {
            double v = a[r][q];
            for (int c = r + 1; c < q; c++) v -= a[r][c] * sol[c];
            sol[r] = v / a[r][r];
        }
        double[] coef = new double[p];
        System.arraycopy(sol, 1, coef, 0, p);
        return new double[][] {coef, {intercept ? sol[0] : 0}};
    }

    /** Mean Σsᵢeᵢ²/Σsᵢ and standard error √(Σsᵢ(eᵢ² − mean)²/Σsᵢ/(n − 1)) of brute-force leave-one-out errors. */
    static double[] bruteForceScore(double[][] x, double[] y, double[] s, boolean intercept, double alpha) {
        double[] e = bruteForceLoo(x, y, s, intercept, alpha);
        int n = x.length;
        double sumS = 0;
        double mse = 0;
        for (int i = 0; i < n; i++) {
            sumS += s[i];
            mse += s[i] * e[i] * e[i];
        }
        mse /= sumS;
        double ss = 0;
        for (int i = 0; i < n; i++) ss += s[i] * (e[i] * e[i] - mse) * (e[i] * e[i] - mse);
        return new double[] {mse, Math.sqrt(ss / sumS / (n - 1))};
    }

    /**
     * Every α's leave-one-out mean squared error and its standard error equal brute-force refits without each row (n
     * refits); the model is the fit on all rows at the chosen α, which has the smallest score.
     */
    @Test
    void leaveOneOutScoresEqualBruteForceRefits() {
        qt().withFixedSeed(20261129L).withExamples(60).forAll(integers().between(2, 14), integers().between(1, 18), booleans().all(), longs().all())
                .checkAssert((n, p, weighted, seed) -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    boolean intercept = (seed & 1) == 0;
                    double[][] x = new double[n][p];
                    double[] y = new double[n];
                    double[] s = new double[n];
                    double shift = rnd.nextDouble(-5, 5); // non-centred columns exercise the centring
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian() + shift;
                        y[i] = rnd.nextGaussian() * 2 + 3;
                        s[i] = weighted ? rnd.nextDouble(0.2, 3) : 1;
                    }
                    double[] alphas = {1e-2 * (1 + rnd.nextDouble()), 0.7, 5 + rnd.nextDouble(), 300};
                    CvResult<LinearModel> r = RidgeCV.builder().alphas(alphas).fitIntercept(intercept).build().fit(x, y, weighted ? s : null);
                    double[] mean = r.scores().mean();
                    double[] se = r.scores().standardError();
                    for (int a = 0; a < alphas.length; a++) {
                        double[] expected = bruteForceScore(x, y, s, intercept, alphas[a]);
                        // Both sides are backward-stable solves of systems with condition ≲ (‖X‖² + α)/α; 1e-7
                        // relative leaves room for the α = 0.01 case on nearly singular designs.
                        assertEquals(expected[0], mean[a], 1e-7 * expected[0] + 1e-12, "alpha " + alphas[a] + " n=" + n + " p=" + p);
                        if (n > 1) assertEquals(expected[1], se[a], 1e-7 * expected[0] + 1e-12, "standard error, alpha " + alphas[a]);
                    }
                    double[][] full = fitAugmented(x, y, s, intercept, r.valueMin(), -1);
                    for (int j = 0; j < p; j++) assertEquals(full[0][j], r.model().coef(j), 1e-8 * (1 + Math.abs(full[0][j])));
                    assertEquals(full[1][0], r.model().intercept(), 1e-8 * (1 + Math.abs(full[1][0])));
                    assertEquals(CvScores.argMin(mean), r.indexMin());
                    assertEquals(alphas[r.indexMin()], r.valueMin());
                    assertArrayEquals(alphas, r.grid(), 0.0, "the grid in the order given");
                    assertTrue(r.converged());
                    assertEquals(Convergence.Criterion.DIRECT, r.model().convergence().criterion());
                });
    }

    /**
     * The spectrum on the scalar reference kernels and on the chosen (Vector API) kernels: the eigendecompositions differ
     * in rounding (and eigenvector signs), the scores and coefficients must not, beyond their sensitivity. A
     * backward-stable eigensolver's eigenvalues carry an absolute error of a modest multiple of r·ε·‖G‖ (G = ZᵀZ or ZZᵀ,
     * ‖G‖ ≤ trace G; 100·r·ε·trace G here), and an eigenvalue enters the hat matrix through λ/(λ + α) or 1/(λ + α),
     * whose change is at most δλ/α: with the zero eigenvalue that the centring leaves in the dual, small α amplify it.
     * So the scores agree to max(1e-10, 100·r·ε·trace G/α) relative, the coefficients to 1e-10.
     */
    @Test
    void scalarAndVectorKernelsAgree() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int[] shape : new int[][] {{60, 9}, {9, 25}}) {
            int n = shape[0];
            int p = shape[1];
            double[] x = new double[n * p];
            double[] y = new double[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) x[i * p + j] = rnd.nextGaussian() + 1;
                y[i] = x[i * p] - 2 * x[i * p + p - 1] + rnd.nextGaussian();
                s[i] = rnd.nextDouble(0.5, 2);
            }
            double[] alphas = {0.01, 0.3, 3, 30};
            KernelProvider scalar = KernelProvider.scalar();
            KernelProvider chosen = KernelProvider.get();
            RidgeSpectrum a = new RidgeSpectrum(MatrixView.rowMajor(x, n, p), y, s, true, scalar, parallel(scalar));
            RidgeSpectrum b = new RidgeSpectrum(MatrixView.rowMajor(x, n, p), y, s, true, chosen, parallel(chosen));
            assertEquals(n >= p, a.isPrimal());
            assertEquals(Math.min(n, p), a.rank());
            CvScores sa = a.leaveOneOut(alphas);
            CvScores sb = b.leaveOneOut(alphas);
            double sumS = Arrays.stream(s).sum();
            double trace = 0;
            for (int j = 0; j < p; j++) {
                double mean = 0;
                for (int i = 0; i < n; i++) mean += s[i] * x[i * p + j] / sumS;
                for (int i = 0; i < n; i++) trace += s[i] * (x[i * p + j] - mean) * (x[i * p + j] - mean);
            }
            for (int k = 0; k < alphas.length; k++) {
                double tol = Math.max(1e-10, 100 * Math.min(n, p) * Math.ulp(1.0) * trace / alphas[k]) * sa.mean()[k];
                assertEquals(sa.mean()[k], sb.mean()[k], tol, chosen + " vs scalar, mean, alpha " + alphas[k]);
                assertEquals(sa.standardError()[k], sb.standardError()[k], tol, chosen + " vs scalar, SE, alpha " + alphas[k]);
                double[] ca = a.coefficients(alphas[k]);
                double[] cb = b.coefficients(alphas[k]);
                double scale = 1;
                for (double v : ca) scale = Math.max(scale, Math.abs(v));
                assertArrayEquals(ca, cb, 1e-10 * scale, chosen + " vs scalar, coefficients, alpha " + alphas[k]);
                assertEquals(a.intercept(ca), b.intercept(cb), 1e-10 * scale);
            }
            assertEquals(sa.indexMin(), sb.indexMin());
            // and the spectrum's model is Ridge's
            LinearModel ridge = Ridge.builder().alpha(alphas[1]).build().fit(Design.rowMajor(x, n, p), y, s);
            double[] c = b.coefficients(alphas[1]);
            assertArrayEquals(ridge.coef(), c, 1e-9 * (1 + Arrays.stream(c).map(Math::abs).max().orElse(0)));
            assertEquals(ridge.intercept(), b.intercept(c), 1e-9 * (1 + Math.abs(ridge.intercept())));
        }
    }

    private static ParallelKernels parallel(KernelProvider k) {
        return new ParallelKernels(k, ForkJoinPool.commonPool(), 1, ParallelKernels.DEFAULT_MIN_FLOPS);
    }

    @Test
    void wideDesignUsesTheDualAndAgreesWithBruteForce() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 12;
        int p = 30;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian();
            y[i] = rnd.nextGaussian();
        }
        CvResult<LinearModel> r = RidgeCV.builder().alphas(0.5, 2, 8).build().fit(x, y);
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        for (int a = 0; a < 3; a++) {
            double[] e = bruteForceLoo(x, y, ones, true, r.grid()[a]);
            double mse = 0;
            for (double v : e) mse += v * v;
            assertEquals(mse / n, r.scores().mean()[a], 1e-9 * mse);
        }
        assertTrue(r.model().convergence().message().contains("rank " + n), r.model().convergence().message());
    }

    /** RidgeSpectrum reads X element by element into its own row-major copy: both layouts give the same bits. */
    @Test
    void columnMajorDesignGivesTheSameResult() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 25;
        int p = 6;
        double[] rowMajor = new double[n * p];
        double[] columnMajor = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rowMajor[i * p + j] = rnd.nextGaussian();
                columnMajor[j * n + i] = rowMajor[i * p + j];
            }
            y[i] = rnd.nextGaussian();
        }
        RidgeCV cv = RidgeCV.builder().alphas(0.1, 1, 10).build();
        CvResult<LinearModel> a = cv.fit(Design.rowMajor(rowMajor, n, p), y, null);
        CvResult<LinearModel> b = cv.fit(Design.columnMajor(columnMajor, n, p), y, null);
        assertEquals(a.scores(), b.scores());
        assertArrayEquals(a.model().coef(), b.model().coef());
        assertEquals(a.model().intercept(), b.model().intercept());
    }

    @Test
    void badInputNamesTheArgument() {
        double[][] x = {{1, 2}, {3, 4}, {5, 7}};
        double[] y = {1, 2, 3};
        assertEquals("alphas must not be empty",
                assertThrows(IllegalArgumentException.class, () -> RidgeCV.builder().alphas().build()).getMessage());
        assertEquals("alphas[1] must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> RidgeCV.builder().alphas(1, -1).build()).getMessage());
        RidgeCV cv = RidgeCV.builder().build();
        double[][] bad = {{1, 2}, {3, Double.NaN}, {5, 7}};
        assertEquals("X has NaN at row 1, column 1", assertThrows(IllegalArgumentException.class, () -> cv.fit(bad, y)).getMessage());
        assertEquals("y has 2 rows, X has 3", assertThrows(IllegalArgumentException.class, () -> cv.fit(x, new double[] {1, 2})).getMessage());
        assertEquals("sampleWeight has a negative value -1.0 at row 1",
                assertThrows(IllegalArgumentException.class, () -> cv.fit(x, y, new double[] {1, -1, 1})).getMessage());
        assertEquals("leave-one-out needs at least 2 rows, X has 1",
                assertThrows(IllegalArgumentException.class, () -> cv.fit(new double[][] {{1, 2}}, new double[] {1})).getMessage());
        double[][] xCopy = {{1, 2}, {3, 4}, {5, 7}};
        cv.fit(x, y);
        assertEquals(Arrays.deepToString(xCopy), Arrays.deepToString(x), "X modified");
    }
}
