package dev.shrink.solvers.cd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The bounds by projection hold: a value x̃ⱼᵀR₀ read at one check bounds x̃ⱼᵀR at each of the next
 * {@value Epochs#KEPT} checks (the coefficients moved at random in between, the residual shrunk along itself as on a
 * path or not), and an older one gives no bound.
 */
class EpochsTest {
    @Test
    void valuesFromTheKeptChecksBoundTheCurrentCorrelations() {
        qt().withFixedSeed(20261126L).withExamples(60)
                .forAll(longs().all(), integers().between(10, 60), integers().between(40, 200), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    RandomCase c = RandomCase.of(seed, n, p, kind, 5);
                    CdProblem problem = c.problem(LeastSquaresProblem.Mode.NONE).problem;
                    Epochs epochs = new Epochs(p);
                    double[] w = new double[p];
                    problem.reset(w);
                    epochs.begin(problem);
                    double[] g = new double[p];
                    for (int j = 0; j < p; j++) {
                        g[j] = problem.xtr(j);
                        epochs.read(j, 0.0);
                    }
                    for (int check = 1; check <= Epochs.KEPT + 1; check++) {
                        boolean shrink = c.random().nextBoolean();
                        for (int j = 0; j < p; j++) {
                            double target = shrink ? w[j] * 0.9 + (c.random().nextInt(10) == 0 ? 0.1 * c.random().nextGaussian() : 0.0)
                                    : w[j] + (c.random().nextInt(5) == 0 ? c.random().nextGaussian() : 0.0);
                            if (target != w[j]) {
                                problem.move(j, target - w[j]);
                                w[j] = target;
                            }
                        }
                        epochs.begin(problem);
                        for (int j = 0; j < p; j++) {
                            double bound = epochs.bound(j, Math.abs(g[j]), Math.sqrt(problem.diag[j]));
                            if (check >= Epochs.KEPT) {
                                assertEquals(Double.POSITIVE_INFINITY, bound, "a value older than the kept checks bounds nothing");
                                continue;
                            }
                            double exact = Math.abs(problem.xtr(j));
                            int feature = j;
                            int at = check;
                            assertTrue(exact <= bound * (1 + 1e-12) + 1e-12, () -> "feature " + feature + " at check " + at + ": " + exact + " > " + bound);
                        }
                    }
                });
    }
}
