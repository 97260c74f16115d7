package dev.shrink.solvers;

import dev.shrink.solvers.cv.CvResult;
import dev.shrink.solvers.cv.ElasticNetCV;
import dev.shrink.solvers.cv.Folds;
import dev.shrink.solvers.cv.LogisticRegressionCV;
import dev.shrink.solvers.cv.RidgeCV;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every estimator of the public API keeps, checked on each of them (Ridge, Lasso, ElasticNet,
 * LogisticRegression, ElasticNetPath, LogisticPath, RidgeCV, ElasticNetCV, LogisticRegressionCV):
 * <ol type="a">
 *   <li>the user's arrays are never modified: X as {@code double[][]}, as a row-major and as a column-major flat array,
 *       y, the sample weights, the initial coefficients (ElasticNet, Lasso, LogisticRegression);</li>
 *   <li>row-major, column-major and {@code double[][]} inputs give the same result, tall (n &gt; p) and wide (p &gt; n);</li>
 *   <li>integer sample weights equal duplicated rows (not for ElasticNetCV, which takes no weights; for RidgeCV only the
 *       refitted model, see {@link #integerWeightsEqualDuplicatedRows});</li>
 *   <li>non-convergence is never silent: strict mode throws {@link ConvergenceException} (ElasticNet, Lasso,
 *       LogisticRegression); the iterative estimators without a strict option (both paths, ElasticNetCV,
 *       LogisticRegressionCV) report it in their result; the direct solves (Ridge, RidgeCV) report a
 *       {@link Convergence.Criterion#DIRECT} solve;</li>
 *   <li>bad input is an {@link IllegalArgumentException} naming the argument and the position: NaN in X at a row and
 *       column, y of the wrong length, a negative weight at a row.</li>
 * </ol>
 */
class EstimatorContractTest {

    /** The shapes of (a) and (b): tall and wide, so that both branches of every estimator run (Ridge's dual, ...). */
    private static final int[][] SHAPES = {{50, 8}, {12, 30}};

    static Stream<Subject> subjects() {
        return Stream.of(new RidgeSubject(), new LassoSubject(), new ElasticNetSubject(), new LogisticRegressionSubject(),
                new ElasticNetPathSubject(), new LogisticPathSubject(), new RidgeCvSubject(), new ElasticNetCvSubject(),
                new LogisticRegressionCvSubject());
    }

    /** One problem in every layout the API takes. */
    private record Problem(int n, int p, double[] x, double[] xc, double[][] rows, double[] y, double[] labels, double[] w, double[] init) {
        static Problem of(long seed, int n, int p) {
            Random r = new Random(seed);
            double[] x = TestData.design(r, n, p, 0.3, 2);
            double[] y = TestData.response(r, x, n, p, 3, 0.2);
            double[] labels = TestData.labels(r, x, n, p);
            double[] w = TestData.weights(r, n);
            double[] init = new double[p];
            Arrays.fill(init, 0.5);
            return new Problem(n, p, x, TestData.columnMajor(x, n, p), TestData.rows(x, n, p), y, labels, w, init);
        }

        double[] response(Subject s) {
            return s.classifier() ? labels : y;
        }

        int[] groups() {
            int[] g = new int[n];
            for (int i = 0; i < n; i++) g[i] = i;
            return g;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void inputsAreNotModified(Subject s) {
        for (int[] shape : SHAPES) {
            Problem d = Problem.of(3, shape[0], shape[1]);
            int n = d.n();
            int p = d.p();
            double[] x0 = d.x().clone();
            double[] xc0 = d.xc().clone();
            double[][] rows0 = TestData.rows(d.x(), n, p);
            double[] y0 = d.response(s).clone();
            double[] w0 = d.w().clone();
            double[] init0 = d.init().clone();
            double[] w = s.weights() ? d.w() : null;
            double[] init = s.initialCoef() ? d.init() : null;
            s.fit(Design.rowMajor(d.x(), n, p), d.response(s), w, init, d.groups());
            s.fit(Design.columnMajor(d.xc(), n, p), d.response(s), w, init, d.groups());
            s.fit(d.rows(), d.response(s), w, d.groups());
            s.fit(d.rows(), d.response(s), null, d.groups());
            String where = s + " " + n + "×" + p + ": ";
            assertArrayEquals(x0, d.x(), where + "row-major X modified");
            assertArrayEquals(xc0, d.xc(), where + "column-major X modified");
            for (int i = 0; i < n; i++) assertArrayEquals(rows0[i], d.rows()[i], where + "X[" + i + "] modified");
            assertArrayEquals(y0, d.response(s), where + "y modified");
            assertArrayEquals(w0, d.w(), where + "sampleWeight modified");
            assertArrayEquals(init0, d.init(), where + "initialCoef modified");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void layoutsGiveTheSameResult(Subject s) {
        for (int[] shape : SHAPES) {
            Problem d = Problem.of(3, shape[0], shape[1]);
            int n = d.n();
            int p = d.p();
            double[] w = s.weights() ? d.w() : null;
            Outcome rowMajor = s.fit(Design.rowMajor(d.x(), n, p), d.response(s), w, null, d.groups());
            Outcome columnMajor = s.fit(Design.columnMajor(d.xc(), n, p), d.response(s), w, null, d.groups());
            Outcome rows = s.fit(d.rows(), d.response(s), w, d.groups());
            String where = s + " " + n + "×" + p;
            assertTrue(rowMajor.converged(), where + " did not converge");
            rowMajor.assertSame(columnMajor, s.layoutTolerance(), where + ", column-major");
            rowMajor.assertSame(rows, s.layoutTolerance(), where + ", double[][]");
        }
    }

    /**
     * Integer weights act as repeated rows: every objective here is a weighted sum over rows (the least-squares ones
     * normalise the weights to sum to the row count, which is the duplicated row count). Cross-validation keeps the
     * copies of a row in its fold (explicit folds by original row). RidgeCV compares the refitted model at one α only:
     * its leave-one-out leaves a weighted row out as a whole, which on duplicated rows is leave-one-group-out, not
     * leave-one-out, so the scores differ by design (RidgeCVTest checks the weighted scores against brute force).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void integerWeightsEqualDuplicatedRows(Subject s) {
        assumeTrue(s.weights(), s + " takes no sample weights (its fit has no weight parameter): clause (c) does not apply");
        Random r = new Random(11);
        int n = 40;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] y = TestData.response(r, x, n, p, 3, 1);
        double[] labels = TestData.labels(r, x, n, p);
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) total += (int) (w[i] = 1 + r.nextInt(3));
        double[] big = new double[total * p];
        double[] yBig = new double[total];
        double[] lBig = new double[total];
        int[] groups = new int[n];
        int[] groupsBig = new int[total];
        for (int i = 0, k = 0; i < n; i++) {
            groups[i] = i;
            for (int c = 0; c < w[i]; c++, k++) {
                System.arraycopy(x, i * p, big, k * p, p);
                yBig[k] = y[i];
                lBig[k] = labels[i];
                groupsBig[k] = i;
            }
        }
        Outcome weighted = s.fitForDuplication(Design.rowMajor(x, n, p), s.classifier() ? labels : y, w, groups);
        Outcome repeated = s.fitForDuplication(Design.rowMajor(big, total, p), s.classifier() ? lBig : yBig, null, groupsBig);
        weighted.assertSame(repeated, s.duplicationTolerance(), s + ": weights vs repeated rows");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void nonConvergenceIsNeverSilent(Subject s) {
        Random r = new Random(13);
        int n = 100;
        int p = 20;
        double[] x = TestData.design(r, n, p, 0.8, 0);
        double[] y = TestData.response(r, x, n, p, 5, 0.5);
        double[] labels = TestData.labels(r, x, n, p);
        Design d = Design.rowMajor(x, n, p);
        double[] response = s.classifier() ? labels : y;
        switch (s.stopping()) {
            case STRICT -> {
                ConvergenceException e = assertThrows(ConvergenceException.class, () -> s.fitCapped(d, response, true), s + " strict");
                assertFalse(e.convergence().converged());
                assertEquals(1, e.convergence().iterations());
                assertTrue(e.getMessage().startsWith("not converged after maxIter = 1 "), e.getMessage());
                Outcome lenient = s.fitCapped(d, response, false);
                assertFalse(lenient.converged(), s + " without strict must still report the non-convergence");
                assertTrue(s.fit(d, response, null, null, groups(n)).converged(), s + " converges with its defaults");
            }
            case REPORTED -> {
                // no strict option: the result says that a fit stopped at maxIter = 1
                Outcome capped = s.fitCapped(d, response, false);
                assertFalse(capped.converged(), s + " hides a fit that stopped at maxIter = 1");
                assertTrue(s.fit(d, response, null, null, groups(n)).converged(), s + " converges with the test's settings");
            }
            case DIRECT -> {
                // a closed-form solve: nothing to converge, and the result says so
                Outcome o = s.fit(d, response, null, null, groups(n));
                assertTrue(o.converged());
                assertEquals(Convergence.Criterion.DIRECT, o.criterion());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void nanInXIsNamedByRowAndColumn(Subject s) {
        Problem d = Problem.of(5, 12, 4);
        double[][] x = TestData.rows(d.x(), d.n(), d.p());
        x[7][2] = Double.NaN;
        x[9][0] = Double.NaN; // later in row order: not the one reported
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fit(x, d.response(s), null, d.groups()));
        assertEquals("X has NaN at row 7, column 2", e.getMessage(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void yOfTheWrongLengthIsNamed(Subject s) {
        Problem d = Problem.of(5, 12, 4);
        double[] y = Arrays.copyOf(d.response(s), 11);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.fit(Design.rowMajor(d.x(), d.n(), d.p()), y, null, null, d.groups()));
        assertEquals("y has 11 rows, X has 12", e.getMessage(), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void negativeWeightIsNamedByRow(Subject s) {
        assumeTrue(s.weights(), s + " takes no sample weights: no weight to check");
        Problem d = Problem.of(5, 12, 4);
        double[] w = d.w().clone();
        w[3] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.fit(Design.rowMajor(d.x(), d.n(), d.p()), d.response(s), w, null, d.groups()));
        assertEquals("sampleWeight has a negative value -1.0 at row 3", e.getMessage(), s.toString());
    }

    private static int[] groups(int n) {
        int[] g = new int[n];
        for (int i = 0; i < n; i++) g[i] = i;
        return g;
    }

    // ------------------------------------------------------------------------------------------------------------------

    /** How an estimator deals with a fit that does not reach its tolerance. */
    enum Stopping { STRICT, REPORTED, DIRECT }

    /**
     * A fit reduced to numbers: coefficients and intercepts (compared absolutely), scores, grids and penalties (compared
     * relative to their largest magnitude), the index chosen by a cross-validation (-1: none), and convergence.
     */
    record Outcome(double[] coefs, double[] scores, int choice, boolean converged, Convergence.Criterion criterion) {
        void assertSame(Outcome o, double tol, String what) {
            assertEquals(coefs.length, o.coefs.length, what + ": number of coefficients");
            assertArrayEquals(coefs, o.coefs, tol, what + ": coefficients and intercepts");
            assertArrayEquals(scores, o.scores, tol * (1 + TestData.maxAbs(scores)), what + ": scores, grids, penalties");
            assertEquals(choice, o.choice, what + ": chosen index");
        }
    }

    static Outcome linear(LinearModel m) {
        return new Outcome(TestData.concat(m.coef(), new double[] {m.intercept()}), new double[0], -1, m.convergence().converged(),
                m.convergence().criterion());
    }

    static Outcome logistic(LogisticModel m) {
        return new Outcome(TestData.concat(m.coef(), new double[] {m.intercept()}), new double[0], -1, m.convergence().converged(),
                m.convergence().criterion());
    }

    static Outcome path(PathResult r) {
        List<double[]> parts = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) parts.add(r.coef(k));
        parts.add(r.intercepts());
        return new Outcome(TestData.concat(parts.toArray(double[][]::new)), r.penalties(), -1, r.allConverged(), r.convergence(0).criterion());
    }

    static Outcome cv(CvResult<?> r, double[] coef, double intercept, Convergence c) {
        double[] scores = TestData.concat(r.grid(), r.scores().mean(), r.scores().standardError());
        return new Outcome(TestData.concat(coef, new double[] {intercept}), scores, r.l1RatioIndex() * 1000 + r.indexMin(), r.converged(),
                c.criterion());
    }

    /** Explicit folds by original row (copies of a row stay in its fold): fold = group mod 3. */
    static Folds folds(int[] groups) {
        int[] ids = new int[groups.length];
        for (int i = 0; i < ids.length; i++) ids[i] = groups[i] % 3;
        return Folds.of(ids);
    }

    /** One estimator, configured for the contract: tight tolerances, one thread, small grids. */
    abstract static class Subject {
        private final String name;

        Subject(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }

        boolean classifier() { return false; }

        boolean weights() { return true; }

        boolean initialCoef() { return false; }

        abstract Stopping stopping();

        /** Agreement of the layouts (b). */
        abstract double layoutTolerance();

        /** Agreement of weights and duplicated rows (c). */
        abstract double duplicationTolerance();

        /** Fits a design; {@code groups[i]}: the original row of row i (for folds); init only where accepted. */
        abstract Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups);

        /** Fits through the {@code double[][]} entry point (the weighted overload where there is one, else Design.of). */
        abstract Outcome fit(double[][] x, double[] y, double[] w, int[] groups);

        /** The configuration of (c); the same as {@link #fit(Design, double[], double[], double[], int[])} unless said. */
        Outcome fitForDuplication(Design x, double[] y, double[] w, int[] groups) {
            return fit(x, y, w, null, groups);
        }

        /** A fit capped at one iteration (maxIter = 1) with a tolerance it cannot meet there, strict or not. */
        Outcome fitCapped(Design x, double[] y, boolean strict) {
            throw new UnsupportedOperationException(name + " has nothing to cap");
        }
    }

    static final class RidgeSubject extends Subject {
        RidgeSubject() { super("Ridge"); }
        private final Ridge ridge = Ridge.builder().alpha(0.5).threads(1).build();
        @Override Stopping stopping() { return Stopping.DIRECT; }
        @Override double layoutTolerance() { return 1e-10; }
        @Override double duplicationTolerance() { return 1e-10; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return linear(ridge.fit(x, y, w)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) { return linear(w == null ? ridge.fit(x, y) : ridge.fit(x, y, w)); }
    }

    static final class LassoSubject extends Subject {
        LassoSubject() { super("Lasso"); }
        private final Lasso lasso = Lasso.builder().alpha(0.05).tol(1e-14).maxIter(100_000).threads(1).build();
        @Override boolean initialCoef() { return true; }
        @Override Stopping stopping() { return Stopping.STRICT; }
        @Override double layoutTolerance() { return 1e-7; }
        @Override double duplicationTolerance() { return 1e-8; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return linear(lasso.fit(x, y, w, init)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) { return linear(w == null ? lasso.fit(x, y) : lasso.fit(x, y, w)); }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) {
            return linear(Lasso.builder().alpha(0.01).tol(1e-14).maxIter(1).strict(strict).threads(1).build().fit(x, y));
        }
    }

    static final class ElasticNetSubject extends Subject {
        ElasticNetSubject() { super("ElasticNet"); }
        private final ElasticNet net = ElasticNet.builder().alpha(0.05).l1Ratio(0.5).tol(1e-14).maxIter(100_000).threads(1).build();
        @Override boolean initialCoef() { return true; }
        @Override Stopping stopping() { return Stopping.STRICT; }
        @Override double layoutTolerance() { return 1e-7; }
        @Override double duplicationTolerance() { return 1e-8; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return linear(net.fit(x, y, w, init)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) { return linear(w == null ? net.fit(x, y) : net.fit(x, y, w)); }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) {
            return linear(net.toBuilder().alpha(0.01).maxIter(1).strict(strict).build().fit(x, y));
        }
    }

    static final class LogisticRegressionSubject extends Subject {
        LogisticRegressionSubject() { super("LogisticRegression"); }
        private final LogisticRegression lr = LogisticRegression.builder().C(0.5).tol(1e-12).threads(1).build();
        @Override boolean classifier() { return true; }
        @Override boolean initialCoef() { return true; }
        @Override Stopping stopping() { return Stopping.STRICT; }
        @Override double layoutTolerance() { return 1e-9; }
        @Override double duplicationTolerance() { return 1e-9; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return logistic(lr.fit(x, y, w, init, 0.25)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) { return logistic(w == null ? lr.fit(x, y) : lr.fit(x, y, w)); }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) {
            return logistic(lr.toBuilder().maxIter(1).strict(strict).build().fit(x, y));
        }
    }

    static final class ElasticNetPathSubject extends Subject {
        ElasticNetPathSubject() { super("ElasticNetPath"); }
        private final ElasticNetPath.Builder builder = ElasticNetPath.builder().l1Ratio(0.5).nAlphas(10).eps(1e-2).tol(1e-14).maxIter(100_000).threads(1);
        @Override Stopping stopping() { return Stopping.REPORTED; }
        @Override double layoutTolerance() { return 1e-7; }
        @Override double duplicationTolerance() { return 1e-8; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return path(builder.build().fit(x, y, w)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) {
            return path(w == null ? builder.build().fit(x, y) : builder.build().fit(Design.of(x), y, w));
        }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) { return path(ElasticNetPath.builder().nAlphas(5).tol(1e-14).maxIter(1).build().fit(x, y)); }
    }

    static final class LogisticPathSubject extends Subject {
        LogisticPathSubject() { super("LogisticPath"); }
        private final LogisticPath.Builder builder = LogisticPath.builder().nLambdas(5).tol(1e-12).threads(1);
        @Override boolean classifier() { return true; }
        @Override Stopping stopping() { return Stopping.REPORTED; }
        @Override double layoutTolerance() { return 1e-9; }
        @Override double duplicationTolerance() { return 1e-9; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return path(builder.build().fit(x, y, w)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) {
            return path(w == null ? builder.build().fit(x, y) : builder.build().fit(Design.of(x), y, w));
        }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) { return path(LogisticPath.builder().nLambdas(5).tol(1e-14).maxIter(1).build().fit(x, y)); }
    }

    static final class RidgeCvSubject extends Subject {
        RidgeCvSubject() { super("RidgeCV"); }
        private final RidgeCV cv = RidgeCV.builder().alphas(0.1, 1, 10).threads(1).build();
        @Override Stopping stopping() { return Stopping.DIRECT; }
        @Override double layoutTolerance() { return 1e-10; }
        @Override double duplicationTolerance() { return 1e-10; }
        private static Outcome of(CvResult<LinearModel> r) { return cv(r, r.model().coef(), r.model().intercept(), r.model().convergence()); }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return of(cv.fit(x, y, w)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) { return of(w == null ? cv.fit(x, y) : cv.fit(x, y, w)); }
        /** One α, and the refitted model only (see {@link #integerWeightsEqualDuplicatedRows}). */
        @Override Outcome fitForDuplication(Design x, double[] y, double[] w, int[] groups) {
            CvResult<LinearModel> r = RidgeCV.builder().alphas(2.0).threads(1).build().fit(x, y, w);
            return linear(r.model());
        }
    }

    static final class ElasticNetCvSubject extends Subject {
        ElasticNetCvSubject() { super("ElasticNetCV"); }
        private static ElasticNetCV.Builder builder(int[] groups) {
            return ElasticNetCV.builder().l1Ratios(0.5).nAlphas(8).eps(1e-2).tol(1e-12).maxIter(100_000).folds(folds(groups)).threads(1);
        }
        private static Outcome of(CvResult<LinearModel> r) { return cv(r, r.model().coef(), r.model().intercept(), r.model().convergence()); }
        @Override boolean weights() { return false; }
        @Override Stopping stopping() { return Stopping.REPORTED; }
        @Override double layoutTolerance() { return 1e-7; }
        @Override double duplicationTolerance() { throw new UnsupportedOperationException("no weights"); }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) {
            if (w != null) throw new IllegalStateException("ElasticNetCV takes no weights");
            return of(builder(groups).build().fit(x, y));
        }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) {
            if (w != null) throw new IllegalStateException("ElasticNetCV takes no weights");
            return of(builder(groups).build().fit(x, y));
        }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) {
            return of(ElasticNetCV.builder().nAlphas(5).folds(3).tol(1e-14).maxIter(1).threads(1).build().fit(x, y));
        }
    }

    static final class LogisticRegressionCvSubject extends Subject {
        LogisticRegressionCvSubject() { super("LogisticRegressionCV"); }
        private static LogisticRegressionCV.Builder builder(int[] groups) {
            return LogisticRegressionCV.builder().Cs(0.05, 1, 20).tol(1e-12).folds(folds(groups)).threads(1);
        }
        private static Outcome of(CvResult<LogisticModel> r) { return cv(r, r.model().coef(), r.model().intercept(), r.model().convergence()); }
        @Override boolean classifier() { return true; }
        @Override Stopping stopping() { return Stopping.REPORTED; }
        @Override double layoutTolerance() { return 1e-9; }
        @Override double duplicationTolerance() { return 1e-9; }
        @Override Outcome fit(Design x, double[] y, double[] w, double[] init, int[] groups) { return of(builder(groups).build().fit(x, y, w)); }
        @Override Outcome fit(double[][] x, double[] y, double[] w, int[] groups) {
            return of(w == null ? builder(groups).build().fit(x, y) : builder(groups).build().fit(Design.of(x), y, w));
        }
        @Override Outcome fitCapped(Design x, double[] y, boolean strict) {
            return of(LogisticRegressionCV.builder().Cs(0.1, 1, 10).folds(3).tol(1e-14).maxIter(1).threads(1).build().fit(x, y));
        }
    }
}
