package dev.shrink.solvers.cd;

import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Gap safe screening is safe: a feature it removes (sequentially at the start of a solve along a path, or dynamically
 * at a full check) is zero in the tight solution, computed without screening to a gap of 1e-14·‖ỹ‖². Random and
 * equicorrelated designs (ρ = 0, 0.5, 0.9), lasso and elastic net, weights, both representations that screen.
 */
class GapSafeScreeningTest {
    private static long screenedTotal;

    @Test
    void noScreenedFeatureIsNonzeroInTheTightSolution() {
        qt().withFixedSeed(20261130L).withExamples(60)
                .forAll(longs().all(), integers().between(10, 60), integers().between(5, 150), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    RandomCase c = RandomCase.of(seed, n, p, kind, 5);
                    double rho = c.rho();
                    double l1Ratio = c.l1Ratio();
                    LeastSquaresProblem.Mode mode = c.random().nextBoolean() ? LeastSquaresProblem.Mode.NONE : LeastSquaresProblem.Mode.GRAM;
                    LeastSquaresProblem path = c.problem(mode);
                    double l1Max = TestData.maxAbs(path.correlations());
                    double[] w = new double[p];
                    for (double share : new double[] {0.9, 0.6, 0.4, 0.25, 0.15, 0.08, 0.04}) {
                        double l1 = share * l1Max;
                        double l2 = l1 * (1 - l1Ratio) / l1Ratio;
                        path.solve(w, l1, l2, null, l1, 1e-3 * path.yNorm2(), 1e-3, 100_000);
                        boolean[] screened = path.problem.workspace().screened.clone();
                        LeastSquaresProblem tight = c.problem(mode);
                        tight.problem.workspace().gapSafe = false;
                        double[] best = new double[p];
                        LeastSquaresProblem.Solution sol = tight.solve(best, l1, l2, null, l1, 1e-14 * tight.yNorm2(), 1e-14, 1_000_000);
                        assertTrue(sol.converged(), "tight solve: gap " + sol.gap());
                        for (int j = 0; j < p; j++) {
                            if (!screened[j]) continue;
                            screenedTotal++;
                            int feature = j;
                            assertTrue(best[j] == 0, () -> "feature " + feature + " screened at l1 = " + share + "·l1max (" + mode + ", ρ = " + rho
                                    + ") is " + best[feature] + " at the optimum");
                        }
                    }
                });
    }

    /** The property above must have had something to check: screening removed features in the examples. */
    @AfterAll
    static void screeningHappened() {
        assertTrue(screenedTotal > 1000, "only " + screenedTotal + " features were screened in all examples");
    }

    /** The rule's arithmetic: |xⱼᵀθ| + ‖xⱼ‖·√(2·gap/μ) &lt; λⱼ, with the rounding allowance added to the gap. */
    @Test
    void theRule() {
        assertEquals(2.0, GapSafeScreening.radius(2.0, 1.0, 0.0), 1e-15);
        assertEquals(1.0, GapSafeScreening.radius(2.0, 4.0, 0.0), 1e-15);
        assertEquals(Math.sqrt(2e-12), GapSafeScreening.radius(-1.0, 1.0, 1e-12), 1e-20);
        assertTrue(GapSafeScreening.isZero(0.5, 1.0, 0.4, 1.0));
        assertTrue(!GapSafeScreening.isZero(0.5, 1.0, 0.5, 1.0));
    }
}
