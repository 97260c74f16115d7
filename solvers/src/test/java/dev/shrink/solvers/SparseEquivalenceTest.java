package dev.shrink.solvers;

import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.ElasticNetCV;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.cv.RidgeCV;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dense and sparse designs of the same matrix give the same coefficients, for every estimator, path and
 * cross-validation, in every form a sparse design takes (CSC, CSR, single-precision values against the dense matrix
 * of the rounded values), with an all-zero column (coefficient exactly 0) and an all-zero row, tall and wide.
 */
class SparseEquivalenceTest {
    private static final double TOL = 1e-13;

    /** A tall and a wide problem: shifted columns (centring matters), sample weights in [0.2, 3). */
    private record Problem(SparseData data, double[] y, double[] labels, double[] w) {
        static Problem of(long seed, int n, int p) {
            Random r = new Random(seed);
            SparseData d = SparseData.random(r, n, p, 0.3, 0.8, 1, 2);
            double[] y = new double[n];
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0.5;
                for (int j = 0; j < Math.min(p, 5); j++) s += d.dense()[i * p + j] * (j % 2 == 0 ? 1.5 : -1.0);
                y[i] = s + 0.3 * r.nextGaussian();
                labels[i] = r.nextDouble() < 1 / (1 + Math.exp(-s + 1)) ? 1 : 0;
            }
            labels[0] = 0;
            labels[n - 1] = 1;
            return new Problem(d, y, labels, TestData.weights(r, n));
        }
    }

    private static final List<Problem> PROBLEMS = List.of(Problem.of(1, 60, 12), Problem.of(2, 25, 40));

    /** Checks fit(dense) = fit(sparse) for each sparse form; float designs against the dense matrix of the rounded values. */
    private static void same(String what, Function<Design, double[]> fit, double atol) {
        for (Problem pr : PROBLEMS) {
            SparseData d = pr.data();
            double[] dense = fit.apply(d.denseDesign());
            double[] floatDense = fit.apply(d.floatDense());
            close(what + " CSC " + d.n() + "×" + d.p(), dense, fit.apply(d.csc()), atol);
            close(what + " CSR " + d.n() + "×" + d.p(), dense, fit.apply(d.csr()), atol);
            close(what + " float CSC " + d.n() + "×" + d.p(), floatDense, fit.apply(d.cscFloat()), atol);
        }
    }

    private static void close(String what, double[] expected, double[] actual, double atol) {
        assertEquals(expected.length, actual.length, what);
        double scale = 1;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < expected.length; k++) {
            assertTrue(Math.abs(expected[k] - actual[k]) <= atol * scale,
                    what + ": element " + k + " dense " + expected[k] + " sparse " + actual[k]);
        }
    }

    /** Coefficients, then the intercept. */
    private static double[] flat(double[] coef, double intercept) {
        double[] out = java.util.Arrays.copyOf(coef, coef.length + 1);
        out[coef.length] = intercept;
        return out;
    }

    private static double[] flat(LinearModel m) {
        return flat(m.coef(), m.intercept());
    }

    private static double[] flat(PathResult r) {
        double[] out = new double[0];
        for (int k = 0; k < r.size(); k++) {
            double[] one = flat(r.coef(k), r.intercept(k));
            double[] grown = java.util.Arrays.copyOf(out, out.length + one.length);
            System.arraycopy(one, 0, grown, out.length, one.length);
            out = grown;
        }
        return out;
    }

    private static Problem problemOf(Design x) {
        for (Problem p : PROBLEMS) if (p.data().n() == x.n() && p.data().p() == x.p()) return p;
        throw new AssertionError();
    }

    @Test
    void ridge() {
        same("Ridge", x -> flat(Ridge.builder().alpha(0.7).threads(1).build().fit(x, problemOf(x).y(), problemOf(x).w())), 1e-10);
        same("Ridge without intercept", x -> flat(Ridge.builder().alpha(0.7).fitIntercept(false).build().fit(x, problemOf(x).y())), 1e-10);
    }

    @Test
    void elasticNetInEveryMode() {
        for (Precompute mode : Precompute.values()) {
            same("ElasticNet " + mode, x -> flat(ElasticNet.builder().alpha(0.02).l1Ratio(0.7).tol(TOL).maxIter(100_000).precompute(mode)
                    .build().fit(x, problemOf(x).y(), problemOf(x).w())), 1e-8);
            same("Lasso " + mode + " without intercept", x -> flat(Lasso.builder().alpha(0.05).fitIntercept(false).tol(TOL).maxIter(100_000)
                    .precompute(mode).build().fit(x, problemOf(x).y())), 1e-8);
        }
    }

    @Test
    void theAllZeroColumnGetsZero() {
        for (Problem pr : PROBLEMS) {
            for (Precompute mode : Precompute.values()) {
                LinearModel m = Lasso.builder().alpha(0.01).tol(TOL).precompute(mode).build().fit(pr.data().csc(), pr.y());
                assertEquals(0.0, m.coef(1), mode.toString());
                for (double v : m.coef()) assertTrue(Double.isFinite(v));
            }
            assertEquals(0.0, Ridge.builder().alpha(1).build().fit(pr.data().csc(), pr.y()).coef(1));
            assertEquals(0.0, LogisticRegression.builder().build().fit(pr.data().csc(), pr.labels()).coef()[1]);
        }
    }

    @Test
    void paths() {
        same("ElasticNetPath scikit-learn", x -> flat(ElasticNetPath.builder().l1Ratio(0.8).nAlphas(15).tol(TOL).maxIter(100_000).build()
                .fit(x, problemOf(x).y(), problemOf(x).w())), 1e-8);
        same("ElasticNetPath glmnet standardized", x -> flat(ElasticNetPath.builder().dialect(ElasticNetPath.Dialect.GLMNET).standardize(true)
                .l1Ratio(0.5).nAlphas(15).tol(TOL).maxIter(100_000).build().fit(x, problemOf(x).y())), 1e-8);
        same("ElasticNetPath naive mode", x -> flat(ElasticNetPath.builder().l1Ratio(1).nAlphas(10).precompute(Precompute.NONE).tol(TOL)
                .maxIter(100_000).build().fit(x, problemOf(x).y())), 1e-8);
    }

    @Test
    void logistic() {
        same("LogisticRegression", x -> flat(LogisticRegression.builder().C(0.5).tol(1e-12).threads(1).build()
                .fit(x, problemOf(x).labels(), problemOf(x).w()).coef(), 0), 1e-8);
    }

    /** The GLM engine (issue 11) reads a sparse X through its stored entries: L1 logistic, its glmnet path, Poisson. */
    @Test
    void glmEngine() {
        same("LogisticRegression l1", x -> flat(LogisticRegression.builder().C(0.5).penalty(LogisticRegression.Penalty.L1).tol(1e-12).threads(1)
                .build().fit(x, problemOf(x).labels(), problemOf(x).w()).coef(), 0), 1e-8);
        same("LogisticPath lasso", x -> flat(LogisticPath.builder().l1Ratio(1).nLambdas(8).lambdaMinRatio(0.05).tol(1e-12).threads(1).build()
                .fit(x, problemOf(x).labels())), 1e-7);
        same("PoissonRegressor", x -> {
            double[] counts = new double[x.n()];
            for (int i = 0; i < counts.length; i++) counts[i] = Math.floor(Math.exp(Math.min(2, problemOf(x).y()[i] / 3)));
            PoissonModel m = PoissonRegressor.builder().alpha(0.05).tol(1e-12).solver("newton-cholesky").threads(1).build().fit(x, counts, problemOf(x).w());
            return flat(m.coef(), m.intercept());
        }, 1e-8);
    }

    @Test
    void logisticPath() {
        same("LogisticPath standardized", x -> flat(LogisticPath.builder().nLambdas(8).lambdaMinRatio(0.05).tol(1e-12).threads(1).build()
                .fit(x, problemOf(x).labels(), problemOf(x).w())), 1e-7);
        same("LogisticPath unstandardized", x -> flat(LogisticPath.builder().nLambdas(8).lambdaMinRatio(0.05).standardize(false).tol(1e-12)
                .threads(1).build().fit(x, problemOf(x).labels())), 1e-7);
    }

    @Test
    void crossValidation() {
        same("ElasticNetCV", x -> cv(ElasticNetCV.builder().l1Ratios(0.5, 0.9).nAlphas(8).folds(3).tol(TOL).maxIter(100_000).threads(1).build()
                .fit(x, problemOf(x).y())), 1e-7);
        same("RidgeCV", x -> cv(RidgeCV.builder().alphas(0.1, 1, 10).threads(1).build().fit(x, problemOf(x).y(), problemOf(x).w())), 1e-9);
        same("LogisticRegressionCV", x -> cvLogistic(LogisticRegressionCV.builder().Cs(0.1, 1, 10).folds(3).tol(1e-12).threads(1).build()
                .fit(x, problemOf(x).labels(), problemOf(x).w())), 1e-7);
    }

    /** The scores, the choice and the refitted model. */
    private static double[] cv(CvResult<LinearModel> r) {
        double[] m = flat(r.model());
        double[] scores = r.scores().mean();
        double[] out = java.util.Arrays.copyOf(m, m.length + scores.length + 1);
        System.arraycopy(scores, 0, out, m.length, scores.length);
        out[out.length - 1] = r.valueMin();
        return out;
    }

    private static double[] cvLogistic(CvResult<LogisticModel> r) {
        double[] m = flat(r.model().coef(), r.model().intercept());
        double[] scores = r.scores().mean();
        double[] out = java.util.Arrays.copyOf(m, m.length + scores.length + 1);
        System.arraycopy(scores, 0, out, m.length, scores.length);
        out[out.length - 1] = r.valueMin();
        return out;
    }

    @Test
    void predictions() {
        for (Problem pr : PROBLEMS) {
            LinearModel m = Ridge.builder().alpha(1).build().fit(pr.data().denseDesign(), pr.y());
            close("predict CSC", m.predict(pr.data().denseDesign()), m.predict(pr.data().csc()), 1e-13);
            close("predict CSR", m.predict(pr.data().denseDesign()), m.predict(pr.data().csr()), 1e-13);
        }
    }
}
