package dev.shrink.solvers.glm;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.internal.Threads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Gap-safe screening through the GLM engine is safe: along a binomial L1 / elastic-net path (random and equicorrelated
 * designs, with and without an intercept, sample weights, penalty factors with zeros), every feature the rule screened
 * in a solve — sequentially at its start or dynamically at a full check — is exactly zero in the tight solution of the
 * same strengths, computed without screening to a gap of 1e-13; and the screened fit's objective is within its
 * tolerance of the tight one.
 */
class GlmGapSafeScreeningTest {
    private static long screenedTotal;
    private static long screenedSequentially;

    /** A binomial problem: design, labels, row weights, penalty weights, intercept, centring. */
    private record Case(double[] x, double[] y, double[] rows, double[] a, double[] b, boolean intercept, boolean weightedCentring, int n, int p) {
        static Case random(long seed, int n, int p, int kind) {
            Random r = new Random(seed);
            double rho = new double[] {0.0, 0.5, 0.9}[kind % 3];
            double[] x = TestData.design(r, n, p, rho, 0.5);
            // labels from a noisy logistic model (not separable by the unpenalised feature: the minimiser exists)
            double[] eta = TestData.response(r, x, n, p, Math.max(1, p / 4), 0.0);
            double mean = 0;
            for (double v : eta) mean += v / n;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = r.nextDouble() < 1 / (1 + Math.exp(-0.3 * (eta[i] - mean))) ? 1 : 0;
            y[0] = 0;
            y[1] = 1;
            double[] rows = new double[n];
            boolean weighted = r.nextBoolean();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                rows[i] = weighted ? 0.2 + 2.8 * r.nextDouble() : 1.0;
                sum += rows[i];
            }
            double scale = r.nextBoolean() ? 1.0 / sum : 0.5 + 5 * r.nextDouble(); // glmnet's sᵢ/Σs, or scikit-learn's C·sᵢ
            for (int i = 0; i < n; i++) rows[i] *= scale;
            double[] a = new double[p];
            double[] b = new double[p];
            boolean factors = r.nextBoolean();
            for (int j = 0; j < p; j++) {
                double pf = !factors ? 1.0 : j == 0 ? 0.0 : 0.3 + 1.7 * r.nextDouble();
                a[j] = pf;
                b[j] = pf;
            }
            return new Case(x, y, rows, a, b, kind < 3, r.nextBoolean(), n, p);
        }

        /** The column means of the centring (under the row weights or plain), null without an intercept. */
        double[] mean() {
            if (!intercept) return null;
            double[] mean = new double[p];
            double total = 0;
            for (int i = 0; i < n; i++) total += weightedCentring ? rows[i] : 1.0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) mean[j] += (weightedCentring ? rows[i] : 1.0) * x[i * p + j] / total;
            }
            return mean;
        }

        /** ∇F(η) = s∘(σ(η) − y) at η = X̃w + b. */
        double[] lossGradient(double[] w, double b) {
            double[] mean = mean();
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double eta = b;
                for (int j = 0; j < p; j++) eta += (x[i * p + j] - (mean == null ? 0.0 : mean[j])) * w[j];
                g[i] = rows[i] * (TestData.sigmoid(eta) - y[i]);
            }
            return g;
        }

        ProximalNewton engine(boolean screened) {
            double[] mean = mean();
            ProximalNewton e = new ProximalNewton(new DenseDesignOps(MatrixView.rowMajor(x, n, p), mean, Threads.kernels(1)), new Binomial(y, rows),
                    new Penalties(a, b, null, null, false), intercept, null);
            e.shiftIntercepts(weightedCentring); // as GlmProblem allows it: centred under the loss's own weights
            if (screened) {
                double[] m = mean;
                e.screening(new GlmGapSafeScreening(() -> {
                    double[] sq = new double[p];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) {
                            double d = x[i * p + j] - (m == null ? 0.0 : m[j]);
                            sq[j] += rows[i] * d * d;
                        }
                    }
                    return sq;
                }, m, rows, p));
                e.screenOutside = 0; // the dynamic rule at every full check, however few features lie outside
            }
            return e;
        }

        double lossScale() {
            double sum = 0;
            for (double v : rows) sum += v;
            return sum * Math.log(2);
        }
    }

    @Test
    void noScreenedFeatureIsNonzeroInTheTightSolution() {
        qt().withFixedSeed(20261129L).withExamples(40)
                .forAll(longs().all(), integers().between(30, 80), integers().between(5, 120), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    Case c = Case.random(seed, n, p, kind);
                    double l1Ratio = new Random(seed + 1).nextBoolean() ? 1.0 : 0.5;
                    ProximalNewton path = c.engine(true);
                    GlmGapSafeScreening rule = path.screening();
                    path.fitUnpenalisedOnly();
                    double[] g = path.gradient();
                    double l1Max = 0;
                    for (int j = 0; j < p; j++) if (c.a[j] > 0) l1Max = Math.max(l1Max, Math.abs(g[j]) / c.a[j]);
                    double tol = 1e-6 * c.lossScale();
                    double previous = l1Max;
                    for (double share : new double[] {0.9, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1, 0.06}) {
                        double l1 = share * l1Max;
                        double l2 = l1 * (1 - l1Ratio) / l1Ratio;
                        ProximalNewton.Result on = path.solve(l1, l2, Math.max(0.0, 2 * l1 - previous), tol, 500);
                        previous = l1;
                        // (a few ρ = 0.9 cases end at the engine's rounding floor with screening or without: safety is checked all the same)
                        assertTrue(on.converged() || on.reason().equals("rounding floor"), "screened solve: " + on);
                        boolean[] screened = rule.screened.clone();
                        ProximalNewton tight = c.engine(false);
                        ProximalNewton.Result best = tight.solve(l1, l2, l1, 1e-13 * c.lossScale(), 1000);
                        assertTrue(best.converged() || best.reason().equals("rounding floor"), "tight solve: " + best);
                        for (int j = 0; j < p; j++) {
                            if (!screened[j]) continue;
                            screenedTotal++;
                            int feature = j;
                            assertEquals(0.0, tight.w[j], () -> "feature " + feature + " screened at l1 = " + share + "·l1max (ρ kind " + kind
                                    + ", l1Ratio " + l1Ratio + ") is " + tight.w[feature] + " at the optimum");
                        }
                        double gap = path.objective(l1, l2) - tight.objective(l1, l2);
                        assertTrue(gap <= Math.max(tol, on.gap()) + 1e-12 * c.lossScale(), "screened fit's objective exceeds the tight one by " + gap + " > tol " + tol);
                    }
                    screenedSequentially += rule.screenedSequentially;
                });
    }

    /**
     * The ball itself: for dual points the engine certifies a gap with (at coefficients around the minimiser), the dual
     * optimum u* = ∇F(η*) lies within ρ = √(gap/2) in the S⁻¹ norm — and not far inside it on every example: the largest
     * ‖u − u*‖_{S⁻¹}/ρ seen is above ½, so a radius half as large (a wrong factor 4 under the root) fails this test.
     */
    @Test
    void theDualOptimumLiesInTheBall() {
        qt().withFixedSeed(20261130L).withExamples(40)
                .forAll(longs().all(), integers().between(30, 80), integers().between(3, 40), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    Case c = Case.random(seed, n, p, kind);
                    Random r = new Random(seed + 2);
                    double l1Ratio = r.nextBoolean() ? 1.0 : 0.5;
                    ProximalNewton e = c.engine(false);
                    e.fitUnpenalisedOnly();
                    double[] g0 = e.gradient();
                    double l1Max = 0;
                    for (int j = 0; j < p; j++) if (c.a[j] > 0) l1Max = Math.max(l1Max, Math.abs(g0[j]) / c.a[j]);
                    double l1 = (0.1 + 0.8 * r.nextDouble()) * l1Max;
                    double l2 = l1 * (1 - l1Ratio) / l1Ratio;
                    ProximalNewton.Result best = e.solve(l1, l2, l1, 1e-14 * c.lossScale(), 1000);
                    assertTrue(best.converged() || best.reason().equals("rounding floor"), "tight solve: " + best);
                    double[] uStar = c.lossGradient(e.w, e.b[0]);
                    double[] w0 = e.w.clone();
                    double[] b0 = e.b.clone();
                    for (int trial = 0; trial < 6; trial++) {
                        double[] w = w0.clone();
                        for (int j = 0; j < p; j++) if (r.nextBoolean()) w[j] += r.nextGaussian() * Math.pow(10, -trial / 2.0) * (1 + Math.abs(w0[j]));
                        e.reset(w, b0);
                        double gap = e.dualityGap(l1, l2);
                        double[] u = e.lastDualPoint();
                        if (!(gap < Double.POSITIVE_INFINITY) || u == null || gap < 1e-9 * c.lossScale()) continue;
                        double d2 = 0;
                        for (int i = 0; i < n; i++) d2 += (u[i] - uStar[i]) * (u[i] - uStar[i]) / c.rows[i];
                        double ratio = Math.sqrt(d2) / GlmGapSafeScreening.radius(gap, 0.0);
                        largestRatio = Math.max(largestRatio, ratio);
                        assertTrue(ratio <= 1 + 1e-6, "‖u − u*‖ = " + Math.sqrt(d2) + " outside the ball of radius " + GlmGapSafeScreening.radius(gap, 0.0));
                    }
                });
        assertTrue(largestRatio > 0.5, "the ball is loose on every example: largest ‖u − u*‖/ρ = " + largestRatio);
    }

    private static double largestRatio;

    /** The property above had something to check: screening removed features, sequentially and dynamically. */
    @AfterAll
    static void screeningHappened() {
        assertTrue(screenedTotal > 500, "only " + screenedTotal + " features were screened in all examples");
        assertTrue(screenedSequentially > 100, "only " + screenedSequentially + " features were screened at the start of a solve");
        assertTrue(screenedTotal - screenedSequentially > 100, "only " + (screenedTotal - screenedSequentially) + " features were screened dynamically");
    }

    /** The radius √(gap/2) of the ball in the S⁻¹ norm (binomial: F* is 4-strongly convex per unit weight), slack added. */
    @Test
    void theRadius() {
        assertEquals(1.0, GlmGapSafeScreening.radius(2.0, 0.0), 1e-15);
        assertEquals(Math.sqrt(0.5e-12), GlmGapSafeScreening.radius(-1.0, 1e-12), 1e-22);
    }
}
