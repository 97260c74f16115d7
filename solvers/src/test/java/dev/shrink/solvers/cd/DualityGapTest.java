package dev.shrink.solvers.cd;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The stopping rule is only as good as the gap: at any coefficients (not just near the minimiser) the gap must bound
 * the suboptimality P(w) − P(w*) from above, for the lasso, the elastic net and pure L2 (l1 = 0), in every mode.
 */
class DualityGapTest {

    @Test
    void gapBoundsSuboptimalityEverywhere() {
        qt().withFixedSeed(20261129L).withExamples(40).forAll(longs().all(), integers().between(5, 40), integers().between(1, 30), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.4, 1);
                    double[] y = TestData.response(r, x, n, p, 3, 0.5);
                    double l1Ratio = kind == 0 ? 1.0 : kind == 1 ? 0.5 : 0.0;
                    double alpha = 0.05 + r.nextDouble();
                    LeastSquaresProblem.Mode mode = LeastSquaresProblem.Mode.of(TestData.explicitPrecompute(r).name());
                    LeastSquaresProblem prob = LeastSquaresProblem.of(MatrixView.rowMajor(x, n, p), y, null, true, false, mode, 1);
                    double l1 = n * alpha * l1Ratio;
                    double l2 = n * alpha * (1 - l1Ratio);
                    double[] best = new double[p];
                    prob.solve(best, l1, l2, null, l1, 1e-15 * prob.yNorm2(), 1e-15, 1_000_000);
                    double pBest = CoordinateDescent.primal(prob.problem, best, l1, l2, null);
                    for (int trial = 0; trial < 5; trial++) {
                        double[] w = new double[p];
                        for (int j = 0; j < p; j++) w[j] = best[j] + (r.nextBoolean() ? 0 : r.nextGaussian() * Math.pow(10, -trial));
                        prob.problem.reset(w);
                        double[] g = new double[p];
                        prob.problem.xtrAll(g);
                        double gap = CoordinateDescent.gap(prob.problem, w, g, l1, l2, null);
                        double sub = CoordinateDescent.primal(prob.problem, w, l1, l2, null) - pBest;
                        double slack = 1e-9 * (prob.yNorm2() + 1);
                        assertTrue(gap >= sub - slack, "gap " + gap + " < suboptimality " + sub);
                        assertTrue(gap >= -slack, "negative gap " + gap);
                    }
                    prob.problem.reset(best);
                    double[] g = new double[p];
                    prob.problem.xtrAll(g);
                    double gapAtBest = CoordinateDescent.gap(prob.problem, best, g, l1, l2, null);
                    assertTrue(gapAtBest <= 1e-8 * (prob.yNorm2() + 1), "gap at the minimiser " + gapAtBest);
                });
    }

    /**
     * Features with penalty factor 0 are unpenalised: the dual must satisfy x̃ⱼᵀθ = 0 for them, so the gap has to profile
     * them out before it can bound anything (before the fix the gap dropped that constraint and could even be negative).
     * The points tried are near the minimiser and far from it, in every mode, with and without L2.
     */
    @Test
    void gapBoundsSuboptimalityWithUnpenalisedFeatures() {
        qt().withFixedSeed(20261201L).withExamples(40).forAll(longs().all(), integers().between(8, 40), integers().between(3, 25), integers().between(0, 1))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.5, 1);
                    double[] y = TestData.response(r, x, n, p, 3, 0.5);
                    double l1Ratio = kind == 0 ? 1.0 : 0.5;
                    double[] f = new double[p];
                    for (int j = 0; j < p; j++) f[j] = j < Math.max(1, p / 4) ? 0.0 : 0.5 + r.nextDouble();
                    LeastSquaresProblem.Mode mode = LeastSquaresProblem.Mode.of(TestData.explicitPrecompute(r).name());
                    LeastSquaresProblem prob = LeastSquaresProblem.of(MatrixView.rowMajor(x, n, p), y, null, true, false, mode, 1);
                    double alpha = 0.05 + r.nextDouble();
                    double l1 = n * alpha * l1Ratio;
                    double l2 = n * alpha * (1 - l1Ratio);
                    double[] best = new double[p];
                    prob.solve(best, l1, l2, f, l1, 1e-15 * prob.yNorm2(), 1e-15, 1_000_000);
                    double pBest = CoordinateDescent.primal(prob.problem, best, l1, l2, f);
                    double slack = 1e-9 * (prob.yNorm2() + 1);
                    for (int trial = 0; trial < 6; trial++) {
                        double[] w = best.clone();
                        for (int j = 0; j < p; j++) if (r.nextBoolean()) w[j] += r.nextGaussian() * Math.pow(10, -trial);
                        prob.problem.reset(w);
                        double[] g = new double[p];
                        prob.problem.xtrAll(g);
                        double gap = CoordinateDescent.gap(prob.problem, w, g, l1, l2, f);
                        double sub = CoordinateDescent.primal(prob.problem, w, l1, l2, f) - pBest;
                        assertTrue(gap >= sub - slack, "gap " + gap + " < suboptimality " + sub);
                        assertTrue(gap >= -slack, "negative gap " + gap);
                    }
                    prob.problem.reset(best);
                    double[] g = new double[p];
                    prob.problem.xtrAll(g);
                    assertTrue(CoordinateDescent.gap(prob.problem, best, g, l1, l2, f) <= 1e-8 * (prob.yNorm2() + 1), "gap at the minimiser");
                });
    }

    /**
     * With box constraints (scikit-learn's positive, glmnet's limits, some unpenalised features among them) the gap still
     * bounds the suboptimality at feasible points, and coordinate descent's answer satisfies the bounds and certifies
     * itself.
     */
    @Test
    void gapBoundsSuboptimalityInABox() {
        qt().withFixedSeed(20261202L).withExamples(40).forAll(longs().all(), integers().between(8, 40), integers().between(2, 20), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.5, 1);
                    double[] y = TestData.response(r, x, n, p, 4, 0.5);
                    double l1Ratio = kind == 0 ? 1.0 : kind == 1 ? 0.5 : 0.0;
                    double[] lo = new double[p];
                    double[] hi = new double[p];
                    double[] f = new double[p];
                    for (int j = 0; j < p; j++) {
                        lo[j] = r.nextBoolean() ? 0.0 : r.nextBoolean() ? Double.NEGATIVE_INFINITY : -0.3 * r.nextDouble();
                        hi[j] = r.nextBoolean() ? Double.POSITIVE_INFINITY : 0.3 * r.nextDouble();
                        f[j] = r.nextInt(5) == 0 ? 0.0 : 1.0;
                    }
                    f[p - 1] = 1.0;
                    Box box = new Box(lo, hi);
                    LeastSquaresProblem.Mode mode = LeastSquaresProblem.Mode.of(TestData.explicitPrecompute(r).name());
                    LeastSquaresProblem prob = LeastSquaresProblem.of(MatrixView.rowMajor(x, n, p), y, null, true, false, mode, 1);
                    double alpha = 0.02 + 0.5 * r.nextDouble();
                    double l1 = n * alpha * l1Ratio;
                    double l2 = n * alpha * (1 - l1Ratio);
                    double[] best = new double[p];
                    LeastSquaresProblem.Solution s = prob.solve(best, l1, l2, f, box, l1, 1e-15 * prob.yNorm2(), 1e-15, 1_000_000);
                    for (int j = 0; j < p; j++) assertTrue(best[j] >= lo[j] && best[j] <= hi[j], "w[" + j + "] = " + best[j] + " outside the box");
                    double pBest = CoordinateDescent.primal(prob.problem, best, l1, l2, f);
                    double slack = 1e-9 * (prob.yNorm2() + 1);
                    for (int trial = 0; trial < 6; trial++) {
                        double[] w = best.clone();
                        for (int j = 0; j < p; j++) if (r.nextBoolean()) w[j] = box.clip(j, w[j] + r.nextGaussian() * Math.pow(10, -trial));
                        prob.problem.reset(w);
                        double[] g = new double[p];
                        prob.problem.xtrAll(g);
                        double gap = CoordinateDescent.gap(prob.problem, w, g, l1, l2, f, box);
                        double sub = CoordinateDescent.primal(prob.problem, w, l1, l2, f) - pBest;
                        assertTrue(gap >= sub - slack, "gap " + gap + " < suboptimality " + sub);
                    }
                    if (l1 > 0 || l2 > 0) assertTrue(s.converged() && s.gap() <= 1e-12 * (prob.yNorm2() + 1), "solve: " + s);
                });
    }
}
