package dev.shrink.solvers;

import dev.shrink.solvers.cv.AdaptiveLassoCvResult;
import dev.shrink.solvers.cv.LogisticAdaptiveLassoCV;
import dev.shrink.solvers.path.LogisticAdaptiveLassoPath;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LogisticAdaptiveLasso: stage 1 is the logistic fit it names, the factors are 1/|ŵⱼ|^γ, and stage 2 satisfies the
 * optimality conditions of its factor-weighted problem and equals glmnet's binomial path and the column-rescaled L1 fit
 * given the same factors.
 */
class LogisticAdaptiveLassoTest {
    private static final int N = 120;
    private static final int P = 9;

    private record Data(double[] x, double[] y, double[] s, Design design) {}

    private static Data data(long seed, boolean weighted) {
        Random r = new Random(seed);
        double[] x = TestData.design(r, N, P, 0.3, 0.0);
        double[] y = TestData.labels(r, x, N, P);
        for (int i = 0; i < N; i++) y[i] = y[i] == 1 ? 3.0 : -1.0; // any two labels; 3 is the positive one
        return new Data(x, y, weighted ? TestData.weights(r, N) : null, Design.rowMajor(x, N, P));
    }

    /**
     * The KKT conditions of min C·Σsᵢℓᵢ + Σfⱼ(ρ|wⱼ| + ½(1 − ρ)wⱼ²): with gⱼ = C·Σsᵢ(σ(zᵢ) − tᵢ)xᵢⱼ, t ∈ {0, 1},
     * gⱼ + fⱼ(ρ·sign wⱼ + (1 − ρ)wⱼ) = 0 where wⱼ ≠ 0, |gⱼ| ≤ fⱼρ where wⱼ = 0, and C·Σsᵢ(σ(zᵢ) − tᵢ) = 0 for b.
     * Returns the largest violation relative to C·Σsᵢ.
     */
    private static double kktViolation(Data d, double c, double rho, double[] f, double[] w, double b) {
        double[] g = new double[P];
        double gb = 0;
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double z = b;
            for (int j = 0; j < P; j++) z += d.x[i * P + j] * w[j];
            double si = d.s == null ? 1 : d.s[i];
            double res = c * si * (1 / (1 + Math.exp(-z)) - (d.y[i] == 3.0 ? 1 : 0));
            for (int j = 0; j < P; j++) g[j] += res * d.x[i * P + j];
            gb += res;
            sum += c * si;
        }
        double worst = Math.abs(gb);
        for (int j = 0; j < P; j++) {
            if (f[j] == Double.POSITIVE_INFINITY) {
                assertEquals(0.0, w[j], "feature " + j + " has an infinite factor");
                continue;
            }
            double v = w[j] != 0 ? Math.abs(g[j] + f[j] * (rho * Math.signum(w[j]) + (1 - rho) * w[j])) : Math.max(0, Math.abs(g[j]) - f[j] * rho);
            worst = Math.max(worst, v);
        }
        return worst / sum;
    }

    @Test
    void stageOneIsTheL2LogisticFitAndFactorsFollowIt() {
        Data d = data(51, true);
        LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().C(0.5).gamma(1.5).firstStageC(2).tol(1e-10).build().fit(d.design, d.y, d.s);
        LogisticModel ridge = LogisticRegression.builder().C(2).tol(1e-10).build().fit(d.design, d.y, d.s);
        assertArrayEquals(ridge.coef(), m.firstStage().coef(), 0.0);
        for (int j = 0; j < P; j++) assertEquals(1 / Math.pow(Math.abs(ridge.coef()[j]), 1.5), m.penaltyFactors()[j], 1e-12 * m.penaltyFactors()[j]);
        assertEquals(AdaptiveLasso.FirstStage.RIDGE, m.firstStageKind());
        assertEquals(3.0, m.model().positiveLabel());
        assertTrue(m.toString().contains("stage 1: RIDGE"), m.toString());
    }

    @Test
    void secondStageSatisfiesItsKktConditions() {
        for (double rho : new double[] {1.0, 0.6}) {
            for (boolean weighted : new boolean[] {false, true}) {
                Data d = data(52, weighted);
                LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().C(1).l1Ratio(rho).tol(1e-13).build().fit(d.design, d.y, d.s);
                assertTrue(m.convergence().converged(), m.convergence().toString());
                double v = kktViolation(d, 1, rho, m.penaltyFactors(), m.coef(), m.intercept());
                assertTrue(v < 1e-7, "l1Ratio " + rho + ", weighted " + weighted + ": KKT violation " + v);
                int zeros = 0;
                for (double w : m.coef()) if (w == 0) zeros++;
                if (rho == 1) assertTrue(zeros > 0 && zeros < P, "a selection, not all or nothing: " + zeros + " zeros");
            }
        }
    }

    /** glmnet's binomial path with pf = f (rescaled to sum p) at λ = Σf/(p·C·S) is the same problem divided by C·S. */
    @Test
    void equalsGlmnetsBinomialPathWithTheSameFactors() {
        Data d = data(53, true);
        double c = 1;
        for (double rho : new double[] {1.0, 0.5}) {
            LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().C(c).l1Ratio(rho).gamma(2).tol(1e-14).build().fit(d.design, d.y, d.s);
            double[] f = m.penaltyFactors();
            double sumF = 0;
            double sumS = 0;
            for (double v : f) sumF += v;
            for (double v : d.s) sumS += v;
            double lambda = sumF / (P * c * sumS);
            PathResult path = LogisticPath.builder().l1Ratio(rho).standardize(false).penaltyFactors(f).lambdas(new double[] {lambda}).tol(1e-14)
                    .maxIter(100_000).build().fit(d.design, d.y, d.s);
            double scale = 1 + java.util.Arrays.stream(m.coef()).map(Math::abs).max().orElse(0);
            assertTrue(scale > 1, "some feature selected");
            assertArrayEquals(path.coef(0), m.coef(), 1e-7 * scale, "l1Ratio " + rho);
            assertEquals(path.intercept(0), m.intercept(), 1e-7 * scale);
        }
    }

    /** For l1Ratio = 1, the factors are the column rescaling x̃ⱼ = xⱼ/fⱼ of a plain L1 fit: wⱼ = w̃ⱼ/fⱼ. */
    @Test
    void equalsTheColumnRescaledL1Fit() {
        Data d = data(54, false);
        LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().C(1).tol(1e-14).build().fit(d.design, d.y);
        double[] f = m.penaltyFactors();
        double[] scaled = d.x.clone();
        for (int i = 0; i < N; i++) for (int j = 0; j < P; j++) scaled[i * P + j] /= f[j];
        LogisticModel l1 = LogisticRegression.builder().penalty(LogisticRegression.Penalty.L1).C(1).tol(1e-14).maxIter(1000).build()
                .fit(Design.rowMajor(scaled, N, P), d.y);
        assertTrue(java.util.Arrays.stream(m.coef()).anyMatch(v -> v != 0), "some feature selected");
        for (int j = 0; j < P; j++) assertEquals(l1.coef()[j] / f[j], m.coef()[j], 1e-7 * (1 + Math.abs(m.coef()[j])), "feature " + j);
        assertEquals(l1.intercept(), m.intercept(), 1e-7);
    }

    /** Over a γ grid the first stage is one fit, the factors its powers, and every second stage optimal for its own. */
    @Test
    void gammaGrid() {
        Data d = data(55, false);
        LogisticModel first = null;
        for (double gamma : new double[] {0.5, 1, 2, 4}) {
            LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().C(0.2).gamma(gamma).tol(1e-13).build().fit(d.design, d.y);
            if (first != null) assertEquals(first, m.firstStage());
            first = m.firstStage();
            for (int j = 0; j < P; j++) {
                assertEquals(Math.pow(Math.abs(first.coef()[j]), -gamma), m.penaltyFactors()[j], 1e-12 * m.penaltyFactors()[j]);
            }
            assertEquals(gamma, m.gamma());
            assertTrue(kktViolation(d, 0.2, 1, m.penaltyFactors(), m.coef(), m.intercept()) < 1e-7, "gamma " + gamma);
            assertTrue(java.util.Arrays.stream(m.coef()).anyMatch(v -> v != 0), "gamma " + gamma + ": some feature selected");
        }
    }

    /** An unpenalised first stage, and a lasso first stage whose dropped features stay out (down to no feature left). */
    @Test
    void otherFirstStages() {
        Data d = data(56, false);
        LogisticAdaptiveLassoModel ml = LogisticAdaptiveLasso.builder().firstStage(AdaptiveLasso.FirstStage.OLS).C(0.5).tol(1e-12).build().fit(d.design, d.y);
        LogisticModel mle = LogisticRegression.builder().penalty(LogisticRegression.Penalty.NONE).tol(1e-12).build().fit(d.design, d.y);
        assertArrayEquals(mle.coef(), ml.firstStage().coef(), 0.0);
        assertTrue(kktViolation(d, 0.5, 1, ml.penaltyFactors(), ml.coef(), ml.intercept()) < 1e-7);

        LogisticAdaptiveLassoModel m = LogisticAdaptiveLasso.builder().firstStage(AdaptiveLasso.FirstStage.LASSO).firstStageC(0.3).C(10).tol(1e-12).build()
                .fit(d.design, d.y);
        int dropped = 0;
        for (int j = 0; j < P; j++) {
            if (m.firstStage().coef()[j] == 0) {
                dropped++;
                assertEquals(Double.POSITIVE_INFINITY, m.penaltyFactors()[j]);
                assertEquals(0.0, m.coef()[j]);
            }
        }
        assertTrue(dropped > 0 && dropped < P, "the L1 first stage at C 0.3 should drop some features: " + dropped);
        assertTrue(kktViolation(d, 10, 1, m.penaltyFactors(), m.coef(), m.intercept()) < 1e-7);

        LogisticAdaptiveLassoModel none = LogisticAdaptiveLasso.builder().firstStage(AdaptiveLasso.FirstStage.LASSO).firstStageC(1e-6).build().fit(d.design, d.y);
        assertArrayEquals(new double[P], none.coef(), 0.0);
        double pos = 0;
        for (double v : d.y) if (v == 3.0) pos++;
        assertEquals(Math.log(pos / (N - pos)), none.intercept(), 1e-12);
        assertEquals("no feature left after stage 1", none.convergence().message());
    }

    @Test
    void badInputIsNamed() {
        for (double g : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().gamma(g).build());
            assertTrue(e.getMessage().startsWith("gamma"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().C(0).build()).getMessage().startsWith("C"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().firstStageC(-1).build()).getMessage()
                .startsWith("firstStageC"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().l1Ratio(1.5).build()).getMessage()
                .startsWith("l1Ratio"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().firstStage(null).build()).getMessage()
                .startsWith("firstStage"));
        Data d = data(57, false);
        double[] three = d.y.clone();
        three[5] = 7;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().build().fit(d.design, three)).getMessage()
                .contains("exactly two values"));
        double[] nan = d.y.clone();
        nan[17] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().build().fit(d.design, nan)).getMessage()
                .contains("17"));
        double[] f = new double[P];
        f[4] = -1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLasso.builder().build().secondStage(d.design, d.y, null, f))
                .getMessage().startsWith("factors[4]"));
        f[4] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLassoPath.builder().build().secondStage(d.design, d.y, null, f))
                .getMessage().startsWith("factors[4]"));
    }

    /** The path's points are the estimator's fits at those Cs; its computed grid starts where every coefficient is 0. */
    @Test
    void pathPointsAreTheEstimatorsFits() {
        Data d = data(58, true);
        LogisticAdaptiveLasso est = LogisticAdaptiveLasso.builder().gamma(1).tol(1e-12).build();
        PathResult path = LogisticAdaptiveLassoPath.builder().estimator(est).nCs(12).eps(1e-2).build().fit(d.design, d.y, d.s);
        double[] cs = path.penalties();
        assertEquals(12, cs.length);
        assertEquals(100, cs[11] / cs[0], 1e-9);
        assertArrayEquals(new double[P], path.coef(0), 0.0);
        assertTrue(java.util.Arrays.stream(path.coef(1)).anyMatch(v -> v != 0), "just above C_min a feature enters");
        for (int k : new int[] {1, 5, 11}) {
            LogisticAdaptiveLassoModel m = est.toBuilder().C(cs[k]).build().fit(d.design, d.y, d.s);
            double scale = 1 + java.util.Arrays.stream(m.coef()).map(Math::abs).max().orElse(0);
            assertArrayEquals(m.coef(), path.coef(k), 1e-6 * scale, "C = " + cs[k]);
            assertEquals(m.intercept(), path.intercept(k), 1e-6 * scale);
            assertTrue(path.convergence(k).converged());
            assertTrue(kktViolation(d, cs[k], 1, m.penaltyFactors(), path.coef(k), path.intercept(k)) < 1e-7);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLassoPath.builder().Cs(1, 0.5).build());
        assertTrue(e.getMessage().startsWith("Cs must be strictly increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLassoPath.builder().Cs(-1).build());
        assertTrue(e.getMessage().startsWith("Cs[0]"), e.getMessage());
    }

    /** CV picks the (γ, C) of smallest mean log-loss, refits there, and does not depend on the fold threads. */
    @Test
    void crossValidationChoosesTheSmallestLogLoss() {
        Data d = data(59, false);
        LogisticAdaptiveLassoCV.Builder b = LogisticAdaptiveLassoCV.builder().estimator(LogisticAdaptiveLasso.builder().tol(1e-10).build())
                .gammas(0.5, 2).nCs(8).folds(4);
        AdaptiveLassoCvResult<LogisticAdaptiveLassoModel> r = b.threads(1).build().fit(d.design, d.y);
        assertEquals(r, b.threads(3).build().fit(d.design, d.y));
        double best = Double.POSITIVE_INFINITY;
        for (var s : r.scoresByGamma()) best = Math.min(best, s.minMean());
        assertEquals(best, r.scores().minMean());
        assertTrue(best < Math.log(2), "better than a coin: " + best);
        LogisticAdaptiveLassoModel refit = LogisticAdaptiveLasso.builder().tol(1e-10).threads(1).gamma(r.gamma()).C(r.valueMin()).build().fit(d.design, d.y);
        assertEquals(refit, r.model());
        assertTrue(r.converged());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogisticAdaptiveLassoCV.builder().gammas(1, 0).build());
        assertTrue(e.getMessage().startsWith("gammas[1]"), e.getMessage());
    }
}
