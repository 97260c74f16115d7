package dev.shrink.solvers.glm;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * A kept Gram rescaled to the curvature the current weights show along the last step changes only the path the engine
 * takes to each minimiser: along a path, with the rescaling on and off, every solve is certified alike, every reported
 * gap bounds the true suboptimality (against a solve to 1e-15), the objectives agree within twice the tolerance, and
 * the rescaling is exercised.
 */
class MetricScaleTest {

    @Test
    void aRescaledKeptMetricCertifiesWhatThePlainOneDoes() {
        long[] rescaled = new long[1];
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(40, 120), integers().between(2, 12), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    double[] scales = {4, 2, 1, 0.5, 0.25, 0.125};
                    GlmDualityGapTest.Setup with = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    GlmDualityGapTest.Setup without = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    GlmDualityGapTest.Setup exact = GlmDualityGapTest.setup(new Random(seed), n, p, kind);
                    without.engine().rescaleMetric(false);
                    GlmDualityGapTest.certifyAlike(with, without, exact, scales, 1e-8);
                    assertEquals(0, without.engine().rescaledMetrics, "the rescaling switched off rescales nothing");
                    rescaled[0] += with.engine().rescaledMetrics;
                });
        assertTrue(rescaled[0] > 0, "no kept metric was rescaled");
    }
}
