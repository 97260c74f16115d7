package dev.shrink.solvers.cd;

import dev.shrink.kernels.CscView;
import dev.shrink.solvers.SparseData;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.matrix.DesignMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The bounds by projection hold: a value x̃ⱼᵀR₀ read at one check bounds x̃ⱼᵀR at each of the next
 * {@value Epochs#KEPT} checks (the coefficients moved at random in between, the residual shrunk along itself as on a
 * path or not), and an older one gives no bound; on sparse X also through Hölder's bound (centring, weights and
 * standardisation implicit).
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
                    double[] g = firstCheck(problem, epochs, w);
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

    @Test
    void holdersBoundOnSparseColumnsHolds() {
        int[] binding = new int[1];
        qt().withFixedSeed(20261129L).withExamples(60)
                .forAll(longs().all(), integers().between(60, 200), integers().between(80, 160), integers().between(0, 7))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    // columns from half full to a single entry (text-like; where Hölder's bound is nearly tight), values
                    // away from 0 so that the centring matters; enough stored entries that the residuals are kept
                    double[] dense = new double[n * p];
                    for (int j = 0; j < p; j++) {
                        if (4 * j >= 3 * p) {
                            dense[r.nextInt(n) * p + j] = 1 + r.nextInt(3);
                            continue;
                        }
                        double density = Math.min(0.5, 2.0 / (j + 2) + 0.3);
                        for (int i = 0; i < n; i++) if (r.nextDouble() < density) dense[i * p + j] = 1 + r.nextInt(3) + 0.1 * r.nextGaussian();
                    }
                    SparseData d = SparseData.of(n, p, dense);
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) y[i] = dense[i * p] - dense[i * p + 1] + r.nextGaussian();
                    double[] weights = (kind & 1) != 0 ? TestData.weights(r, n) : null;
                    DesignMatrix x = DesignMatrix.of(new CscView(n, p, d.colStarts(), d.rowIndices(), d.colValues()), 1);
                    CdProblem problem = LeastSquaresProblem.of(x, y, weights, (kind & 2) != 0, (kind & 4) != 0, LeastSquaresProblem.Mode.NONE).problem;
                    Epochs epochs = new Epochs(p);
                    double[] w = new double[p];
                    double[] g = firstCheck(problem, epochs, w);
                    for (int check = 1; check <= Epochs.HOLDER_FROM + 6; check++) {
                        // a few coefficients move (a path's step): the residual changes on some rows only
                        for (int t = 0; t < 3; t++) {
                            int j = r.nextInt(p);
                            double delta = 0.3 * r.nextGaussian();
                            problem.move(j, delta);
                            w[j] += delta;
                        }
                        epochs.begin(problem);
                        for (int j = 0; j < p; j++) {
                            double norm = Math.sqrt(problem.diag[j]);
                            double bound = epochs.bound(j, Math.abs(g[j]), norm);
                            double exact = Math.abs(problem.xtr(j));
                            int feature = j;
                            int at = check;
                            assertTrue(exact <= bound * (1 + 1e-12) + 1e-12, () -> "feature " + feature + " at check " + at + ": " + exact + " > " + bound);
                            if (bound < epochs.euclideanBound(j, Math.abs(g[j]), norm)) binding[0]++;
                            // read afresh at this check, as the solver's checks read the columns they cannot bound
                            if (r.nextInt(3) > 0) {
                                g[j] = problem.xtr(j);
                                epochs.read(j, 0.0);
                            }
                        }
                    }
                });
        assertTrue(binding[0] > 1000, "Hölder's bound was the tighter one only " + binding[0] + " times");
    }

    /** The problem at w = 0 and a first check that reads every feature: their values. */
    private static double[] firstCheck(CdProblem problem, Epochs epochs, double[] w) {
        problem.reset(w);
        epochs.begin(problem);
        double[] g = new double[problem.p];
        for (int j = 0; j < problem.p; j++) {
            g[j] = problem.xtr(j);
            epochs.read(j, 0.0);
        }
        return g;
    }
}
