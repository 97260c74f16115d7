package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.SymmetricEigen;
import dev.shrink.solvers.conformance.ConformanceCase;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

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

    @Test
    void leaveOneOutScoresEqualBruteForceRefits() {
        qt().withExamples(60).forAll(integers().between(2, 14), integers().between(1, 18), booleans().all(), longs().all())
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
                    RidgeCV.Result r = RidgeCV.builder().alphas(alphas).fitIntercept(intercept).build()
                            .fit(x, y, weighted ? s : null);
                    double sumS = 0;
                    for (double v : s) sumS += v;
                    for (int a = 0; a < alphas.length; a++) {
                        double[] e = bruteForceLoo(x, y, s, intercept, alphas[a]);
                        double mse = 0;
                        for (int i = 0; i < n; i++) mse += s[i] * e[i] * e[i];
                        mse /= sumS;
                        // Both sides are backward-stable solves of systems with condition ≲ (‖X‖² + α)/α; 1e-7
                        // relative leaves room for the α = 0.01 case on nearly singular designs.
                        assertEquals(mse, r.cvMse()[a], 1e-7 * mse + 1e-12, "alpha " + alphas[a] + " n=" + n + " p=" + p);
                    }
                    double[][] full = fitAugmented(x, y, s, intercept, r.alpha(), -1);
                    for (int j = 0; j < p; j++) assertEquals(full[0][j], r.coef()[j], 1e-8 * (1 + Math.abs(full[0][j])));
                    assertEquals(full[1][0], r.intercept(), 1e-8 * (1 + Math.abs(full[1][0])));
                    assertEquals(CvScores.argMin(r.cvMse()), r.bestIndex());
                });
    }

    @Test
    void conformanceRidgeCvRandomWithEveryKernelChoice() throws Exception {
        ConformanceCase c = CvConformanceTest.load("ridge_cv_random");
        double rtol = c.number("cv_rtol");
        double atol = c.coefAtol();
        for (SymmetricEigen eig : new SymmetricEigen[] {SymmetricEigen.scalar(), SymmetricEigen.preferred()}) {
            for (KernelProvider k : new KernelProvider[] {KernelProvider.scalar(), KernelProvider.get()}) {
                RidgeCV.Result r = RidgeCV.builder().alphas(c.alphas()).fitIntercept(c.fitIntercept())
                        .kernels(k).eigen(eig).build().fit(c.design(), c.y(), null);
                double[] expected = c.cvMse();
                for (int a = 0; a < expected.length; a++) assertEquals(expected[a], r.cvMse()[a], rtol * expected[a], "cv_mse[" + a + "]");
                assertEquals(Integer.parseInt(c.string("alpha_chosen_index")), r.bestIndex());
                assertEquals(c.number("alpha_chosen"), r.alpha());
                for (int j = 0; j < c.p(); j++) assertEquals(c.coef()[0][j], r.coef()[j], atol, "coef[" + j + "]");
                assertEquals(c.intercept()[0], r.intercept(), atol);
            }
        }
    }

    @Test
    void wideDesignUsesTheDualAndAgreesWithThePrimal() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 12;
        int p = 30;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) x[i][j] = rnd.nextGaussian();
            y[i] = rnd.nextGaussian();
        }
        RidgeCV.Result r = RidgeCV.builder().alphas(0.5, 2, 8).build().fit(x, y);
        for (int a = 0; a < 3; a++) {
            double[] e = bruteForceLoo(x, y, java.util.stream.DoubleStream.generate(() -> 1).limit(n).toArray(), true, r.alphas()[a]);
            double mse = 0;
            for (double v : e) mse += v * v;
            assertEquals(mse / n, r.cvMse()[a], 1e-9 * mse);
        }
    }

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
        RidgeCV.Result a = cv.fit(dev.shrink.solvers.Design.rowMajor(rowMajor, n, p), y, null);
        RidgeCV.Result b = cv.fit(dev.shrink.solvers.Design.columnMajor(columnMajor, n, p), y, null);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.cvMse(), b.cvMse());
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.coef(), b.coef());
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
        double[][] xCopy = {{1, 2}, {3, 4}, {5, 7}};
        cv.fit(x, y);
        assertEquals(java.util.Arrays.deepToString(xCopy), java.util.Arrays.deepToString(x), "X modified");
    }
}
