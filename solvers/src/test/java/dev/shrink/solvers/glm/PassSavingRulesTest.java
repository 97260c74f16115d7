package dev.shrink.solvers.glm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The rules by which the proximal-Newton engine spares passes over the rows, each checked where it could be wrong:
 * a line search's trial brings its derivatives ({@link Family#lossAndDerivatives}: the same bits as the separate
 * passes); the transcendental-free floor of the Fenchel–Young sum is below the sum (Pinsker's inequality, and its
 * Poisson analogue) and refuses points outside the conjugate's domain; a gap whose dual point is shifted to Σu = 0
 * instead of profiling the intercepts still bounds the suboptimality at any coefficients and intercepts; and a path
 * with the rules on certifies the same objectives as one with them off, never skipping a gap that would have passed.
 */
class PassSavingRulesTest {

    private static Family family(Random r, int n, int kind) {
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) rows[i] = r.nextDouble() < 0.1 ? 0.0 : 0.5 + r.nextDouble();
        return switch (kind) {
            case 0 -> {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = r.nextBoolean() ? 1 : 0;
                yield new Binomial(y, rows);
            }
            case 1 -> {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = Math.floor(4 * r.nextDouble() * r.nextDouble());
                yield new Poisson(y, rows);
            }
            default -> {
                int[] y = new int[n];
                for (int i = 0; i < n; i++) y[i] = r.nextInt(3);
                yield new Multinomial(y, 3, rows);
            }
        };
    }

    private static double[] predictors(Random r, int size, double scale) {
        double[] eta = new double[size];
        for (int i = 0; i < size; i++) eta[i] = scale * r.nextGaussian();
        return eta;
    }

    @Test
    void aTrialsLossComesWithTheDerivativesOfTheSeparatePasses() {
        qt().withFixedSeed(20261130L).withExamples(60).forAll(longs().all(), integers().between(1, 200), integers().between(0, 2))
                .checkAssert((seed, n, kind) -> {
                    Random r = new Random(seed);
                    Family f = family(r, n, kind);
                    int k = f.outputs();
                    int pairs = Family.pairs(k);
                    double[] eta = predictors(r, k * n, kind == 1 ? 2 : 30); // logistic rows far into both tails
                    double[] g = new double[k * n];
                    double[] h = new double[pairs * n];
                    double[] g2 = new double[k * n];
                    double[] h2 = new double[pairs * n];
                    f.derivatives(eta, g, h);
                    double loss = f.loss(eta);
                    double fused = f.lossAndDerivatives(eta, g2, h2);
                    assertEquals(loss, fused, 0.0);
                    for (int i = 0; i < g.length; i++) assertEquals(g[i], g2[i], 0.0, "g at " + i);
                    for (int i = 0; i < h.length; i++) assertEquals(h[i], h2[i], 0.0, "h at " + i);
                });
    }

    @Test
    void theFenchelYoungFloorIsBelowTheSumAndRefusesPointsOutsideTheDomain() {
        qt().withFixedSeed(20261131L).withExamples(80).forAll(longs().all(), integers().between(1, 150), integers().between(0, 2))
                .checkAssert((seed, n, kind) -> {
                    Random r = new Random(seed);
                    Family f = family(r, n, kind);
                    int k = f.outputs();
                    double[] eta = predictors(r, k * n, 3);
                    double[] g = new double[k * n];
                    double[] h = new double[Family.pairs(k) * n];
                    f.derivatives(eta, g, h);
                    // u0: the gradient at other predictors, a point of the conjugate's domain; u = g + t(u0 − g) is one too
                    double[] u0 = new double[k * n];
                    f.derivatives(predictors(r, k * n, 3), u0, new double[Family.pairs(k) * n]);
                    double t = r.nextDouble();
                    double[] delta = new double[k * n];
                    for (int i = 0; i < delta.length; i++) delta[i] = t * (u0[i] - g[i]);
                    double floor = f.fenchelYoungFloor(g, delta);
                    double sum = f.fenchelYoung(eta, delta);
                    assertTrue(floor >= 0 && floor <= sum * (1 + 1e-9) + 1e-300, "floor " + floor + " above the sum " + sum);
                    // a row pushed beyond its domain (a probability below 0) is refused
                    int row = r.nextInt(n);
                    if (f.s[row] == 0) return;
                    double[] out = delta.clone();
                    out[row] = -g[row] - 10 * f.s[row]; // u = −10·s there: q = y − 10 < 0
                    assertTrue(Double.isNaN(f.fenchelYoungFloor(g, out)), "a point outside the domain passed");
                });
    }

    @Test
    void aGapShiftedToMeetTheInterceptsConstraintBoundsTheSuboptimalityWithoutProfiling() {
        int[] shifted = new int[2];
        qt().withFixedSeed(20261132L).withExamples(40).forAll(longs().all(), integers().between(30, 90), integers().between(2, 9), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    GlmDualityGapTest.Setup s = GlmDualityGapTest.setup(r, n, p, kind);
                    ProximalNewton e = s.engine();
                    ProximalNewton.Result best = e.solve(s.l1(), s.l2(), s.l1(), 1e-15, 500);
                    assertTrue(best.converged() || best.reason().equals("rounding floor"), "solve: " + best);
                    double pBest = e.objective(s.l1(), s.l2());
                    double[] w0 = e.w.clone();
                    double[] b0 = e.b.clone();
                    for (int trial = 0; trial < 5; trial++) {
                        double[] w = w0.clone();
                        double[] b = b0.clone();
                        double size = Math.pow(10, -trial);
                        for (int i = 0; i < w.length; i++) if (r.nextBoolean()) w[i] += r.nextGaussian() * size;
                        for (int c = 0; c < b.length; c++) b[c] += r.nextGaussian() * size; // intercepts off their optimum too
                        if (s.lower() != null) {
                            for (int i = 0; i < w.length; i++) w[i] = Math.min(Math.max(w[i], s.lower()[i % s.p()]), s.upper()[i % s.p()]);
                        }
                        e.reset(w, b);
                        double gap = e.gapAsIs(s.l1(), s.l2());
                        double sub = e.objective(s.l1(), s.l2()) - pBest; // the state did not move when the gap was shifted
                        assertTrue(gap >= sub - 1e-12, "gap " + gap + " < suboptimality " + sub + " (trial " + trial + ")");
                        shifted[e.lastShifted() ? 0 : 1]++;
                    }
                });
        assertTrue(shifted[0] > shifted[1], "the shift was used in " + shifted[0] + " gaps, refused or not allowed in " + shifted[1]);
    }

    @Test
    void aPathWithTheRulesCertifiesWhatOneWithoutThemDoesAndNeverSkipsAPassingGap() {
        long[] counts = new long[3];
        qt().withFixedSeed(20261133L).withExamples(30).forAll(longs().all(), integers().between(40, 120), integers().between(2, 12), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    double[] scales = {4, 2, 1, 0.5, 0.25};
                    GlmDualityGapTest.Setup with = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    GlmDualityGapTest.Setup without = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    GlmDualityGapTest.Setup exact = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    without.engine().savePasses(false);
                    with.engine().verifyBounds = true;
                    GlmDualityGapTest.certifyAlike(with, without, exact, scales, 1e-8);
                    assertEquals(0, with.engine().wrongBounds, "a gap stopped at a lower bound that it would have passed, or a reused sum differs");
                    assertEquals(0, without.engine().boundedGaps, "the rules switched off stop no gap at a bound");
                    counts[0] += with.engine().boundedGaps;
                    counts[1] += with.engine().lastShifted() ? 1 : 0;
                    counts[2] += with.engine().reusedSums;
                });
        assertTrue(counts[0] > 0, "no gap stopped at its lower bound");
        assertTrue(counts[1] > 0, "no solve ended on a shifted dual point");
        assertTrue(counts[2] > 0, "no Fenchel–Young sum was reused");
    }
}
