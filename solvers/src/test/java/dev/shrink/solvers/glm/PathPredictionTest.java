package dev.shrink.solvers.glm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Starting a solve's first model at the path's secant prediction of the minimiser changes only the path the inner
 * coordinate descent takes: along a geometric path (binomial, Poisson, multinomial; boxes, zero factors and grouped
 * penalties as the setup draws them), with the prediction on and off, every solve is certified alike, every reported gap
 * bounds the true suboptimality (against a solve to 1e-15), the objectives agree within twice the tolerance, and the
 * prediction is used.
 */
class PathPredictionTest {

    @Test
    void aPredictedStartCertifiesWhatTheWarmStartDoes() {
        long[] predicted = new long[1];
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(40, 120), integers().between(2, 12), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    double[] scales = {4, 2, 1, 0.5, 0.25, 0.125, 0.0625};
                    GlmDualityGapTest.Setup with = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    GlmDualityGapTest.Setup without = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    GlmDualityGapTest.Setup exact = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    without.engine().predictPath(false);
                    GlmDualityGapTest.certifyAlike(with, without, exact, scales, 1e-8);
                    assertEquals(0, without.engine().predictedStarts, "the prediction switched off starts nothing");
                    predicted[0] += with.engine().predictedStarts;
                });
        assertTrue(predicted[0] > 0, "no model started at a prediction");
    }
}
