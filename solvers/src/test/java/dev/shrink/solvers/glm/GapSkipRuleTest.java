package dev.shrink.solvers.glm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The duality gap skips the Fenchel–Young pass of a dual candidate whose other terms already reach the gap of one
 * evaluated before (it cannot win): along a path the fits with and without the rule are the same to the bit, every
 * reported gap bounds the true suboptimality, and the rule does fire.
 */
class GapSkipRuleTest {

    @Test
    void skippingCandidatesThatCannotWinChangesNoFitAndEveryGapStaysABound() {
        long[] skipped = new long[1];
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(40, 120), integers().between(2, 12), integers().between(0, 2))
                .checkAssert((seed, n, p, family) -> {
                    double[] scales = {4, 2, 1, 0.5, 0.25};
                    ProximalNewton[] engines = new ProximalNewton[2];
                    GlmDualityGapTest.Setup[] setups = new GlmDualityGapTest.Setup[2];
                    for (int rule = 0; rule < 2; rule++) {
                        setups[rule] = GlmDualityGapTest.setup(new Random(seed), n, p, family);
                        engines[rule] = setups[rule].engine();
                        engines[rule].skipLosers(rule == 1);
                    }
                    GlmDualityGapTest.Setup s = setups[0];
                    GlmDualityGapTest.Setup exact = GlmDualityGapTest.setup(new Random(seed), n, p, family);
                    double previous = Double.POSITIVE_INFINITY;
                    for (int t = 0; t < scales.length; t++) {
                        double l1 = s.l1() * scales[t];
                        double l2 = s.l2() * scales[t];
                        double screen = Math.max(0.0, 2 * l1 - previous);
                        previous = l1;
                        double tol = 1e-8;
                        ProximalNewton.Result without = engines[0].solve(l1, l2, screen, tol, 500);
                        ProximalNewton.Result with = engines[1].solve(l1, l2, screen, tol, 500);
                        assertEquals(without, with, "step " + t);
                        assertArrayEquals(engines[0].w, engines[1].w, 0.0, "coefficients at step " + t);
                        assertArrayEquals(engines[0].b, engines[1].b, 0.0, "intercepts at step " + t);
                        ProximalNewton.Result best = exact.engine().solve(l1, l2, l1, 1e-15, 500);
                        assertTrue(best.converged() || best.reason().equals("rounding floor"), "reference: " + best);
                        double sub = engines[1].objective(l1, l2) - exact.engine().objective(l1, l2);
                        assertTrue(with.gap() >= sub - 1e-12, "gap " + with.gap() + " < suboptimality " + sub + " at step " + t);
                        if (with.converged()) assertTrue(with.gap() <= tol, "gap " + with.gap());
                    }
                    assertEquals(0, engines[0].skippedCandidates, "the rule switched off skips nothing");
                    skipped[0] += engines[1].skippedCandidates;
                });
        assertTrue(skipped[0] > 0, "the rule never fired");
    }
}
