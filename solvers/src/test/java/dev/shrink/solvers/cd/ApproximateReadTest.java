package dev.shrink.solvers.cd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The float32 reads of naive mode's bounded checks stay within their stated error: |x̃ⱼᵀR in float32 − x̃ⱼᵀR| ≤
 * approximationError(‖x̃ⱼ‖, ‖R‖) for every column, with columns scaled over many orders of magnitude, weights and
 * centring (baked into the dense copy), at random coefficients.
 */
class ApproximateReadTest {
    @Test
    void float32ReadsAreWithinTheirBound() {
        qt().withFixedSeed(20261127L).withExamples(80)
                .forAll(longs().all(), integers().between(1, 300), integers().between(1, 40), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    RandomCase c = RandomCase.of(seed, n, p, kind, Math.min(5, p));
                    double[] x = c.x().clone();
                    for (int j = 0; j < p; j++) {
                        double scale = Math.pow(10, c.random().nextInt(61) - 30);
                        for (int i = 0; i < n; i++) x[i * p + j] *= scale;
                    }
                    LeastSquaresProblem lsp = LeastSquaresProblem.of(dev.shrink.kernels.MatrixView.rowMajor(x, n, p), c.y(), c.weights(), true, false,
                            LeastSquaresProblem.Mode.NONE, 1);
                    CdProblem problem = lsp.problem;
                    assertTrue(problem.approximates());
                    double[] w = new double[p];
                    for (int j = 0; j < p; j++) if (c.random().nextBoolean()) w[j] = c.random().nextGaussian() / Math.sqrt(problem.diag[j] + 1e-300);
                    problem.reset(w);
                    problem.prepareApproximation();
                    double rNorm = Math.sqrt(problem.residualNorm2(w));
                    for (int j = 0; j < p; j++) {
                        double exact = problem.xtr(j);
                        double approx = problem.xtrApproximate(j);
                        double bound = problem.approximationError(Math.sqrt(problem.diag[j]), rNorm);
                        int feature = j;
                        assertTrue(Math.abs(approx - exact) <= bound, () -> "column " + feature + ": float32 " + approx + ", exact " + exact
                                + ", bound " + bound);
                    }
                });
    }
}
