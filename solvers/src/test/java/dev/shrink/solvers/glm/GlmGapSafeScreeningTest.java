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
 * in a solve — sequentially at its start or dynamically at a full check whose gap fails (single Newton steps first) — is
 * exactly zero in the tight solution of the
 * same strengths, computed without screening to a gap of 1e-13; and the screened fit's objective is within its
 * tolerance of the tight one.
 */
class GlmGapSafeScreeningTest {
    private static long screenedTotal;
    private static long screenedSequentially;
    private static long screenedDynamically;

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

        /** The same problem where extrapolation applies: every feature penalised, centred under the row weights. */
        Case extrapolable() {
            double[] a2 = a.clone();
            double[] b2 = b.clone();
            for (int j = 0; j < p; j++) {
                if (a2[j] == 0) a2[j] = 1.0;
                if (b2[j] == 0) b2[j] = 1.0;
            }
            return new Case(x, y, rows, a2, b2, intercept, true, n, p);
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
                e.sequentialScreening = true; // (off by default: it costs passes the engine cannot save yet)
            }
            return e;
        }

        /** The smallest l1 at which every penalised coefficient is 0; leaves e at the unpenalised fit. */
        double l1Max(ProximalNewton e) {
            e.fitUnpenalisedOnly();
            double[] g = e.gradient();
            double max = 0;
            for (int j = 0; j < p; j++) if (a[j] > 0) max = Math.max(max, Math.abs(g[j]) / a[j]);
            return max;
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
                    double l1Max = c.l1Max(path);
                    double tol = 1e-6 * c.lossScale();
                    double previous = l1Max;
                    for (double share : new double[] {0.9, 0.7, 0.5, 0.35, 0.25, 0.15, 0.1, 0.06}) {
                        double l1 = share * l1Max;
                        double l2 = l1 * (1 - l1Ratio) / l1Ratio;
                        double strong = Math.max(0.0, 2 * l1 - previous);
                        previous = l1;
                        // first single Newton steps (each ends in a full gap that fails: the dynamic rule applies), then the rest
                        boolean[] screened = new boolean[p];
                        for (int step = 0; step < 2; step++) {
                            path.solve(l1, l2, strong, tol, 1);
                            for (int j = 0; j < p; j++) screened[j] |= rule.screened[j];
                        }
                        ProximalNewton.Result on = path.solve(l1, l2, strong, tol, 500);
                        for (int j = 0; j < p; j++) screened[j] |= rule.screened[j];
                        // (a few ρ = 0.9 cases end at the engine's rounding floor with screening or without: safety is checked all the same)
                        assertTrue(on.converged() || on.reason().equals("rounding floor"), "screened solve: " + on);
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
                    screenedDynamically += rule.screenedTotal - rule.screenedSequentially;
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
                    ProximalNewton e = c.engine(false);
                    double[] strengths = solvedTightly(c, r, e, 0.1, 0.8);
                    double l1 = strengths[0];
                    double l2 = strengths[1];
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

    /**
     * Strengths l1 = (lo + span·U)·l1max and l2 for a random l1Ratio (1 or ½), with e solved tightly there (no
     * screening): {l1, l2, l1Ratio}.
     */
    private static double[] solvedTightly(Case c, Random r, ProximalNewton e, double lo, double span) {
        double l1Ratio = r.nextBoolean() ? 1.0 : 0.5;
        double l1 = (lo + span * r.nextDouble()) * c.l1Max(e);
        double l2 = l1 * (1 - l1Ratio) / l1Ratio;
        ProximalNewton.Result best = e.solve(l1, l2, l1, 1e-14 * c.lossScale(), 1000);
        assertTrue(best.converged() || best.reason().equals("rounding floor"), "tight solve: " + best);
        return new double[] {l1, l2, l1Ratio};
    }

    private static double largestRatio;
    private static long extrapolatedWins;
    private static long extrapolatedGaps;

    /**
     * Dual extrapolation ({@link GlmDualExtrapolation}): along the first Newton steps of a solve, the extrapolated dual
     * point is feasible (|x̃ⱼᵀu| ≤ l1·aⱼ for the L1-only features, Σu = 0 with an intercept, every q = y + u/s in [0, 1]),
     * its gap is at least the true suboptimality (against a tight solve), and the gap a full check takes is never larger
     * than the plain one.
     */
    @Test
    void extrapolatedDualPointIsFeasibleAndItsGapValid() {
        qt().withFixedSeed(20261131L).withExamples(30)
                .forAll(longs().all(), integers().between(30, 80), integers().between(3, 60), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    Case c = Case.random(seed, n, p, kind).extrapolable();
                    Random r = new Random(seed + 3);
                    ProximalNewton tight = c.engine(false);
                    double[] strengths = solvedTightly(c, r, tight, 0.03, 0.3);
                    double l1 = strengths[0];
                    double l2 = strengths[1];
                    boolean lasso = strengths[2] == 1.0;
                    double pStar = tight.objective(l1, l2);
                    ProximalNewton e = c.engine(false);
                    e.extrapolation(new GlmDualExtrapolation(n));
                    double[] mean = c.mean();
                    for (int step = 0; step < 10; step++) {
                        e.solve(l1, l2, l1, 1e-14 * c.lossScale(), 1); // one Newton step at a time, the history kept
                        double[] gaps = new double[2];
                        double taken = e.fullCheckGap(l1, l2, gaps);
                        assertTrue(taken <= gaps[0], "the check took " + taken + " > the plain gap " + gaps[0]);
                        if (!(gaps[1] < Double.POSITIVE_INFINITY)) continue;
                        extrapolatedGaps++;
                        if (gaps[1] < gaps[0]) extrapolatedWins++;
                        double sub = e.objective(l1, l2) - pStar;
                        assertTrue(gaps[1] >= sub - 1e-11 * c.lossScale(), "extrapolated gap " + gaps[1] + " < suboptimality " + sub);
                        double[] u = e.lastExtrapolated;
                        double sum = 0;
                        double abs = 0;
                        for (int i = 0; i < n; i++) {
                            sum += u[i];
                            abs += Math.abs(u[i]);
                            double q = c.y[i] + u[i] / c.rows[i];
                            assertTrue(q >= -1e-12 && q <= 1 + 1e-12, "row " + i + " leaves the domain: q = " + q);
                        }
                        if (c.intercept) assertEquals(0.0, sum, 1e-12 * abs, "Σu");
                        if (!lasso) continue;
                        for (int j = 0; j < p; j++) {
                            double v = 0;
                            for (int i = 0; i < n; i++) v += (c.x[i * p + j] - (mean == null ? 0.0 : mean[j])) * u[i];
                            assertTrue(Math.abs(v) <= l1 * c.a[j] * (1 + 1e-9), "feature " + j + ": |x̃ᵀu| = " + Math.abs(v) + " > " + l1 * c.a[j]);
                        }
                    }
                });
        assertTrue(extrapolatedGaps > 50, "only " + extrapolatedGaps + " extrapolated gaps formed");
        assertTrue(extrapolatedWins > 0, "the extrapolated point never gave the smaller gap");
    }

    /** The property above had something to check: screening removed features, sequentially and dynamically. */
    @AfterAll
    static void screeningHappened() {
        assertTrue(screenedTotal > 500, "only " + screenedTotal + " features were screened in all examples");
        assertTrue(screenedSequentially > 100, "only " + screenedSequentially + " features were screened at the start of a solve");
        assertTrue(screenedDynamically > 100, "only " + screenedDynamically + " features were screened dynamically");
    }

    /** The radius √(gap/2) of the ball in the S⁻¹ norm (binomial: F* is 4-strongly convex per unit weight), slack added. */
    @Test
    void theRadius() {
        assertEquals(1.0, GlmGapSafeScreening.radius(2.0, 0.0), 1e-15);
        assertEquals(Math.sqrt(0.5e-12), GlmGapSafeScreening.radius(-1.0, 1e-12), 1e-22);
    }
}
