package dev.shrink.solvers;

import dev.shrink.solvers.cv.AdaptiveLassoCV;
import dev.shrink.solvers.cv.AdaptiveLassoCvResult;
import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.LogisticAdaptiveLassoCV;
import dev.shrink.solvers.cv.MultiTaskElasticNetCV;
import dev.shrink.solvers.path.AdaptiveLassoPath;
import dev.shrink.solvers.path.GroupLassoPath;
import dev.shrink.solvers.path.LogisticAdaptiveLassoPath;
import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group-lasso, multi-task, Bayesian and adaptive-lasso families on a sparse design give the coefficients of the
 * same matrix held densely, in every form a sparse design takes (CSC, CSR, float values against the dense matrix of the
 * rounded values), on random sparsity patterns with an all-zero column (its coefficient exactly 0, nothing NaN) and an
 * all-zero row, tall and wide, with and without intercept and sample weights; the inputs are left as they were.
 */
class SparseFamiliesTest {
    private static final double TOL = 1e-12;

    /** Shifted columns (the centring matters), sample weights in [0.2, 3), a response and 0/1 labels. */
    private record Problem(SparseData data, double[] y, double[] labels, double[] w) {
        static Problem of(long seed, int n, int p, double density) {
            Random r = new Random(seed);
            int zeroColumn = 1 + r.nextInt(p - 1);
            SparseData d = SparseData.random(r, n, p, density, 0.8, zeroColumn, r.nextInt(n));
            double[] y = new double[n];
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0.5;
                for (int j = 0; j < Math.min(p, 6); j++) s += d.dense()[i * p + j] * (j % 2 == 0 ? 1.5 : -1.0);
                y[i] = s + 0.3 * r.nextGaussian();
                labels[i] = r.nextDouble() < 1 / (1 + Math.exp(-s + 1)) ? 1 : 0;
            }
            labels[0] = 0;
            labels[n - 1] = 1;
            return new Problem(d, y, labels, TestData.weights(r, n));
        }

        int zeroColumn() {
            int p = data.p();
            for (int j = 0; j < p; j++) if (data.colStarts()[j + 1] == data.colStarts()[j]) return j;
            throw new AssertionError("no all-zero column");
        }
    }

    /** Random patterns, tall and wide, three densities. */
    private static final List<Problem> PROBLEMS = List.of(Problem.of(11, 60, 12, 0.3), Problem.of(12, 25, 40, 0.3), Problem.of(13, 80, 9, 0.1));

    private static Problem problemOf(Design x) {
        for (Problem p : PROBLEMS) if (p.data().n() == x.n() && p.data().p() == x.p()) return p;
        throw new AssertionError();
    }

    /**
     * fit(dense) = fit(sparse) to atol·max(1, |dense|) for each sparse form (float designs against the dense matrix of
     * the rounded values); every value finite; the sparse arrays unchanged.
     */
    private static void same(String what, Function<Design, double[]> fit, double atol) {
        for (Problem pr : PROBLEMS) {
            SparseData d = pr.data();
            int[] starts = d.colStarts().clone();
            int[] indices = d.rowIndices().clone();
            double[] values = d.colValues().clone();
            double[] rowValues = d.rowValues().clone();
            double[] y = pr.y().clone();
            double[] w = pr.w().clone();
            double[] dense = fit.apply(d.denseDesign());
            double[] floatDense = fit.apply(d.floatDense());
            String shape = " " + d.n() + "×" + d.p();
            close(what + " CSC" + shape, dense, fit.apply(d.csc()), atol);
            close(what + " CSR" + shape, dense, fit.apply(d.csr()), atol);
            close(what + " float CSC" + shape, floatDense, fit.apply(d.cscFloat()), atol);
            assertArrayEquals(starts, d.colStarts());
            assertArrayEquals(indices, d.rowIndices());
            assertArrayEquals(values, d.colValues());
            assertArrayEquals(rowValues, d.rowValues());
            assertArrayEquals(y, pr.y());
            assertArrayEquals(w, pr.w());
        }
    }

    private static void close(String what, double[] expected, double[] actual, double atol) {
        assertEquals(expected.length, actual.length, what);
        double scale = 1;
        for (double v : expected) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] == Double.POSITIVE_INFINITY) { // an adaptive-lasso factor of a dropped feature
                assertEquals(expected[k], actual[k], what + ": element " + k);
                continue;
            }
            assertTrue(Double.isFinite(actual[k]), what + ": element " + k + " is " + actual[k]);
            assertTrue(Math.abs(expected[k] - actual[k]) <= atol * scale, what + ": element " + k + " dense " + expected[k] + " sparse " + actual[k]);
        }
    }

    /** Concatenation of arrays. */
    private static double[] flat(double[]... parts) {
        return TestData.concat(parts);
    }

    private static double[] flat(double[] coef, double intercept) {
        return flat(coef, new double[] {intercept});
    }

    private static double[] flat(PathResult r) {
        List<double[]> parts = new ArrayList<>();
        parts.add(r.penalties());
        for (int k = 0; k < r.size(); k++) {
            parts.add(r.coef(k));
            parts.add(new double[] {r.intercept(k)});
        }
        return flat(parts.toArray(double[][]::new));
    }

    private static double[] w(Design x, boolean weighted) {
        return weighted ? problemOf(x).w() : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // adaptive lasso

    @Test
    void adaptiveLasso() {
        for (AdaptiveLasso.FirstStage first : new AdaptiveLasso.FirstStage[] {AdaptiveLasso.FirstStage.RIDGE, AdaptiveLasso.FirstStage.LASSO}) {
            for (boolean intercept : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {true, false}) {
                    AdaptiveLasso est = AdaptiveLasso.builder().alpha(0.02).l1Ratio(0.8).firstStage(first).firstStageAlpha(first == AdaptiveLasso.FirstStage.LASSO ? 0.05 : 1)
                            .fitIntercept(intercept).tol(TOL).maxIter(100_000).threads(1).build();
                    same("AdaptiveLasso " + first + " intercept " + intercept + " weighted " + weighted, x -> {
                        AdaptiveLassoModel m = est.fit(x, problemOf(x).y(), w(x, weighted));
                        return flat(flat(m.coef(), m.intercept()), m.penaltyFactors());
                    }, 1e-8);
                }
            }
        }
        for (Problem pr : PROBLEMS) {
            AdaptiveLassoModel m = AdaptiveLasso.builder().alpha(0.02).tol(TOL).threads(1).build().fit(pr.data().csr(), pr.y(), pr.w());
            assertEquals(0.0, m.coef()[pr.zeroColumn()]);
            assertEquals(Double.POSITIVE_INFINITY, m.penaltyFactors()[pr.zeroColumn()]); // stage 1 put 0 there: left out
        }
    }

    @Test
    void adaptiveLassoPathAndCv() {
        AdaptiveLasso est = AdaptiveLasso.builder().l1Ratio(0.9).firstStage(AdaptiveLasso.FirstStage.LASSO).firstStageAlpha(0.05).tol(TOL).maxIter(100_000)
                .threads(1).build();
        same("AdaptiveLassoPath", x -> flat(AdaptiveLassoPath.builder().estimator(est).nAlphas(8).build().fit(x, problemOf(x).y(), problemOf(x).w())), 1e-8);
        same("AdaptiveLassoPath without intercept", x -> flat(AdaptiveLassoPath.builder().estimator(est.toBuilder().fitIntercept(false).build()).nAlphas(8)
                .build().fit(x, problemOf(x).y())), 1e-8);
        same("AdaptiveLassoCV", x -> {
            AdaptiveLassoCvResult<AdaptiveLassoModel> r = AdaptiveLassoCV.builder().estimator(est).gammas(0.5, 1).nAlphas(6).folds(3).build()
                    .fit(x, problemOf(x).y());
            return flat(flat(r.model().coef(), r.model().intercept()), r.scores().mean(), new double[] {r.gamma(), r.valueMin()});
        }, 1e-7);
    }

    @Test
    void logisticAdaptiveLasso() {
        for (boolean intercept : new boolean[] {true, false}) {
            for (boolean weighted : new boolean[] {true, false}) {
                LogisticAdaptiveLasso est = LogisticAdaptiveLasso.builder().C(2).l1Ratio(0.8).fitIntercept(intercept).tol(1e-12).threads(1).build();
                same("LogisticAdaptiveLasso intercept " + intercept + " weighted " + weighted, x -> {
                    LogisticAdaptiveLassoModel m = est.fit(x, problemOf(x).labels(), w(x, weighted));
                    return flat(flat(m.coef(), m.intercept()), m.firstStage().coef());
                }, 1e-7);
            }
        }
        LogisticAdaptiveLasso est = LogisticAdaptiveLasso.builder().firstStage(AdaptiveLasso.FirstStage.LASSO).firstStageC(0.5).tol(1e-12).threads(1).build();
        same("LogisticAdaptiveLassoPath", x -> flat(LogisticAdaptiveLassoPath.builder().estimator(est).nCs(5).build()
                .fit(x, problemOf(x).labels(), problemOf(x).w())), 1e-7);
        same("LogisticAdaptiveLassoCV", x -> {
            AdaptiveLassoCvResult<LogisticAdaptiveLassoModel> r = LogisticAdaptiveLassoCV.builder().estimator(est).gammas(1).nCs(4).folds(3).build()
                    .fit(x, problemOf(x).labels());
            return flat(flat(r.model().coef(), r.model().intercept()), r.scores().mean(), new double[] {r.valueMin()});
        }, 1e-6);
        for (Problem pr : PROBLEMS) {
            LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().tol(1e-10).threads(1).build().fit(pr.data().csc(), pr.labels());
            assertEquals(0.0, m.coef()[pr.zeroColumn()]);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bayesian ridge and ARD

    /** Tall (the centred Gram of the stored entries) and wide (X̃X̃ᵀ row by row): coefficients, α, λ, predictive sd. */
    @Test
    void bayesianRidge() {
        for (boolean intercept : new boolean[] {true, false}) {
            for (boolean weighted : new boolean[] {true, false}) {
                BayesianRidge est = BayesianRidge.builder().fitIntercept(intercept).tol(1e-12).maxIter(1000).computeScore(true).threads(1).build();
                same("BayesianRidge intercept " + intercept + " weighted " + weighted, x -> {
                    BayesianRidgeModel m = est.fit(x, problemOf(x).y(), w(x, weighted));
                    return flat(flat(m.coef(), m.intercept()), new double[] {m.alpha(), m.lambda()}, m.scores(), m.predictStd(x));
                }, 1e-8);
            }
        }
        for (Problem pr : PROBLEMS) assertEquals(0.0, BayesianRidge.builder().build().fit(pr.data().csc(), pr.y(), pr.w()).coef()[pr.zeroColumn()]);
    }

    @Test
    void ardRegression() {
        for (boolean intercept : new boolean[] {true, false}) {
            ARDRegression est = ARDRegression.builder().fitIntercept(intercept).tol(1e-10).maxIter(500).threads(1).build();
            same("ARDRegression intercept " + intercept, x -> {
                ARDRegressionModel m = est.fit(x, problemOf(x).y());
                double[] kept = Arrays.stream(m.keptFeatures()).asDoubleStream().toArray();
                return flat(flat(m.coef(), m.intercept()), new double[] {m.alpha()}, kept, m.predictStd(x));
            }, 1e-7);
        }
        for (Problem pr : PROBLEMS) assertEquals(0.0, ARDRegression.builder().build().fit(pr.data().csr(), pr.y()).coef()[pr.zeroColumn()]);
    }

    /** A column whose mean dwarfs its spread: the sparse centred Gram falls back to centring column by column. */
    @Test
    void bayesianRidgeOnAColumnWithALargeMean() {
        Random r = new Random(21);
        int n = 50;
        int p = 6;
        double[] dense = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) if (j == 0 || r.nextDouble() < 0.4) dense[i * p + j] = j == 0 ? 1e4 + r.nextGaussian() : r.nextGaussian();
            y[i] = dense[i * p] - 1e4 + dense[i * p + 2] + 0.1 * r.nextGaussian();
        }
        SparseData d = SparseData.of(n, p, dense);
        BayesianRidge est = BayesianRidge.builder().tol(1e-12).maxIter(1000).threads(1).build();
        BayesianRidgeModel a = est.fit(d.denseDesign(), y);
        BayesianRidgeModel b = est.fit(d.csc(), y);
        close("BayesianRidge large mean", flat(a.coef(), a.intercept()), flat(b.coef(), b.intercept()), 1e-8);
        ARDRegressionModel c = ARDRegression.builder().tol(1e-10).threads(1).build().fit(d.denseDesign(), y);
        ARDRegressionModel e = ARDRegression.builder().tol(1e-10).threads(1).build().fit(d.csc(), y);
        close("ARDRegression large mean", flat(c.coef(), c.intercept()), flat(e.coef(), e.intercept()), 1e-8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // group lasso

    /** Groups of one to three consecutive columns (seeded); {@code singletons} puts every column alone. */
    private static int[] groups(int p, boolean singletons) {
        int[] id = new int[p];
        Random r = new Random(p);
        int g = 0;
        for (int j = 0; j < p; ) {
            int size = singletons ? 1 : 1 + r.nextInt(3);
            for (int t = 0; t < size && j < p; t++) id[j++] = g;
            g++;
        }
        return id;
    }

    @Test
    void groupLasso() {
        for (boolean singletons : new boolean[] {false, true}) {
            for (boolean intercept : new boolean[] {true, false}) {
                for (boolean weighted : new boolean[] {true, false}) {
                    String what = "GroupLasso singletons " + singletons + " intercept " + intercept + " weighted " + weighted;
                    same(what, x -> {
                        LinearModel m = GroupLasso.builder().groups(groups(x.p(), singletons)).alpha(0.03).l1Ratio(singletons ? 0 : 0.3)
                                .fitIntercept(intercept).tol(TOL).maxIter(100_000).threads(1).build().fit(x, problemOf(x).y(), w(x, weighted));
                        return flat(m.coef(), m.intercept());
                    }, 1e-8);
                }
            }
        }
        for (Problem pr : PROBLEMS) {
            LinearModel m = GroupLasso.builder().groups(groups(pr.data().p(), true)).alpha(0.001).tol(TOL).build().fit(pr.data().csc(), pr.y());
            assertEquals(0.0, m.coef()[pr.zeroColumn()]);
        }
    }

    @Test
    void logisticGroupLasso() {
        for (boolean intercept : new boolean[] {true, false}) {
            for (boolean weighted : new boolean[] {true, false}) {
                same("LogisticGroupLasso intercept " + intercept + " weighted " + weighted, x -> {
                    LogisticModel m = LogisticGroupLasso.builder().groups(groups(x.p(), false)).alpha(0.01).l1Ratio(0.2).fitIntercept(intercept)
                            .tol(1e-12).threads(1).build().fit(x, problemOf(x).labels(), w(x, weighted));
                    return flat(m.coef(), m.intercept());
                }, 1e-7);
            }
        }
        for (Problem pr : PROBLEMS) {
            LogisticModel m = LogisticGroupLasso.builder().groups(groups(pr.data().p(), true)).alpha(0.002).tol(1e-10).build()
                    .fit(pr.data().csr(), pr.labels());
            assertEquals(0.0, m.coef()[pr.zeroColumn()]);
        }
    }

    @Test
    void groupLassoPaths() {
        same("GroupLassoPath", x -> flat(GroupLassoPath.builder().groups(groups(x.p(), false)).l1Ratio(0.1).nAlphas(8).tol(TOL).maxIter(100_000)
                .threads(1).build().fit(x, problemOf(x).y(), problemOf(x).w())), 1e-8);
        same("GroupLassoPath logistic", x -> flat(GroupLassoPath.builder().groups(groups(x.p(), false)).logistic(true).nAlphas(6).eps(0.05)
                .fitIntercept(false).tol(1e-12).threads(1).build().fit(x, problemOf(x).labels())), 1e-7);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // multi-task

    /** Three tasks: y, the labels and a mix of both with the first column, as n rows of T. */
    private static double[][] tasks(Design x) {
        Problem pr = problemOf(x);
        double[][] yy = new double[x.n()][3];
        for (int i = 0; i < x.n(); i++) {
            yy[i][0] = pr.y()[i];
            yy[i][1] = pr.labels()[i];
            yy[i][2] = 0.5 * pr.y()[i] - pr.labels()[i] + pr.data().dense()[i * x.p()];
        }
        return yy;
    }

    private static double[] flat(MultiTaskModel m) {
        List<double[]> parts = new ArrayList<>(Arrays.asList(m.coef()));
        parts.add(m.intercepts());
        return flat(parts.toArray(double[][]::new));
    }

    @Test
    void multiTask() {
        for (boolean intercept : new boolean[] {true, false}) {
            same("MultiTaskElasticNet intercept " + intercept, x -> flat(MultiTaskElasticNet.builder().alpha(0.02).l1Ratio(0.7).fitIntercept(intercept)
                    .tol(TOL).maxIter(100_000).threads(1).build().fit(x, tasks(x))), 1e-8);
            same("MultiTaskLasso intercept " + intercept, x -> flat(MultiTaskLasso.builder().alpha(0.05).fitIntercept(intercept).tol(TOL).maxIter(100_000)
                    .threads(1).build().fit(x, tasks(x))), 1e-8);
            same("MultiTaskElasticNetPath intercept " + intercept, x -> {
                MultiTaskPathResult r = MultiTaskElasticNetPath.builder().l1Ratio(0.8).nAlphas(8).fitIntercept(intercept).tol(TOL).maxIter(100_000)
                        .threads(1).build().fit(x, tasks(x));
                List<double[]> parts = new ArrayList<>();
                parts.add(r.penalties());
                for (int k = 0; k < r.size(); k++) parts.add(flat(r.model(k)));
                return flat(parts.toArray(double[][]::new));
            }, 1e-8);
        }
        same("MultiTaskElasticNetCV", x -> {
            CvResult<MultiTaskModel> r = MultiTaskElasticNetCV.builder().l1Ratios(0.5, 0.9).nAlphas(6).folds(3).tol(TOL).maxIter(100_000).build()
                    .fit(x, tasks(x));
            return flat(flat(r.model()), r.scores().mean(), new double[] {r.valueMin(), r.l1Ratio()});
        }, 1e-7);
        for (Problem pr : PROBLEMS) {
            MultiTaskModel m = MultiTaskLasso.builder().alpha(0.001).tol(TOL).build().fit(pr.data().csc(), tasks(pr.data().csc()));
            for (int t = 0; t < 3; t++) assertEquals(0.0, m.coef(t)[pr.zeroColumn()]);
        }
    }
}
