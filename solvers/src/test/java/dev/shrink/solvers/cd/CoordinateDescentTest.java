package dev.shrink.solvers.cd;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * {@link CoordinateDescent#gapOnSet}, the duality gap of the problem restricted to a working set S (coefficients
 * outside S fixed at 0), which decides when a working-set round may stop: it must be the gap of that restricted problem
 * (the gap of the same data with only the columns of S), read nothing outside S, equal the full {@link CoordinateDescent#gap}
 * when no feature outside S violates its optimality condition, and bound the restricted problem's suboptimality.
 * Every mode (whole Gram, residuals, working-set Gram), with and without penalty factors and weights.
 */
class CoordinateDescentTest {

    /** A random problem: data, penalties, a mode. */
    private record Case(int n, int p, double[] x, double[] y, double[] s, double l1, double l2, double[] factors, LeastSquaresProblem.Mode mode) {
        /** @param factorZeros whether penalty factors (when drawn) may be 0 (unpenalised features) */
        static Case random(Random r, int n, int p, int kind, boolean withFactors, boolean factorZeros) {
            double[] x = TestData.design(r, n, p, 0.4, 1);
            double[] y = TestData.response(r, x, n, p, 3, 0.5);
            double[] s = r.nextBoolean() ? TestData.weights(r, n) : null;
            double l1Ratio = kind == 0 ? 1.0 : kind == 1 ? 0.5 : 0.0;
            double alpha = 0.05 + 0.5 * r.nextDouble();
            double[] factors = null;
            if (withFactors && r.nextBoolean()) {
                factors = new double[p];
                for (int j = 0; j < p; j++) factors[j] = factorZeros && r.nextInt(4) == 0 ? 0.0 : 0.5 + 1.5 * r.nextDouble();
                factors[r.nextInt(p)] = 1.0; // at least one penalised feature
            }
            LeastSquaresProblem.Mode mode = LeastSquaresProblem.Mode.of(TestData.explicitPrecompute(r).name());
            return new Case(n, p, x, y, s, n * alpha * l1Ratio, n * alpha * (1 - l1Ratio), factors, mode);
        }

        LeastSquaresProblem full() {
            return LeastSquaresProblem.of(MatrixView.rowMajor(x, n, p), y, s, true, false, mode, 1);
        }

        /** The problem on the columns of the set only: the restricted problem. */
        LeastSquaresProblem restricted(int[] set, int size) {
            double[] xs = new double[n * size];
            for (int i = 0; i < n; i++) for (int k = 0; k < size; k++) xs[i * size + k] = x[i * p + set[k]];
            return LeastSquaresProblem.of(MatrixView.rowMajor(xs, n, size), y, s, true, false, mode, 1);
        }

        double[] restrictedFactors(int[] set, int size) {
            if (factors == null) return null;
            double[] f = new double[size];
            for (int k = 0; k < size; k++) f[k] = factors[set[k]];
            return f;
        }

        double slack(LeastSquaresProblem problem) {
            return 1e-9 * (problem.yNorm2() + 1);
        }
    }

    /** A random non-empty subset of 0 .. p−1, in random order. */
    private static int[] randomSet(Random r, int p) {
        int[] all = new int[p];
        int size = 0;
        for (int j = 0; j < p; j++) if (r.nextBoolean()) all[size++] = j;
        if (size == 0) all[size++] = r.nextInt(p);
        int[] set = Arrays.copyOf(all, size);
        for (int k = size - 1; k > 0; k--) {
            int t = r.nextInt(k + 1);
            int v = set[k];
            set[k] = set[t];
            set[t] = v;
        }
        return set;
    }

    private static double[] gradient(LeastSquaresProblem problem, double[] w) {
        problem.problem.reset(w);
        double[] g = new double[w.length];
        problem.problem.xtrAll(g);
        return g;
    }

    private static double[] gather(double[] w, int[] set) {
        double[] out = new double[set.length];
        for (int k = 0; k < set.length; k++) out[k] = w[set[k]];
        return out;
    }

    /**
     * At any w supported on S, gapOnSet on the full problem equals the gap of the problem built from the columns of S
     * alone, and does not read the gradient outside S (NaN there changes no bit).
     */
    @Test
    void isTheGapOfTheRestrictedProblem() {
        qt().withFixedSeed(20261129L).withExamples(40).forAll(longs().all(), integers().between(5, 40), integers().between(1, 30), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    Case c = Case.random(r, n, p, kind, true, true);
                    int[] set = randomSet(r, p);
                    int size = set.length;
                    double[] w = new double[p];
                    for (int j : set) w[j] = r.nextInt(3) == 0 ? 0.0 : r.nextGaussian();
                    LeastSquaresProblem full = c.full();
                    double[] g = gradient(full, w);
                    double onSet = CoordinateDescent.gapOnSet(full.problem, w, g, set, size, c.l1(), c.l2(), c.factors());
                    double[] poisoned = g.clone();
                    boolean[] in = new boolean[p];
                    for (int j : set) in[j] = true;
                    for (int j = 0; j < p; j++) if (!in[j]) poisoned[j] = Double.NaN;
                    assertEquals(onSet, CoordinateDescent.gapOnSet(full.problem, w, poisoned, set, size, c.l1(), c.l2(), c.factors()), 0.0,
                            "gapOnSet read the gradient outside the set");
                    LeastSquaresProblem sub = c.restricted(set, size);
                    double[] ws = gather(w, set);
                    double expected = CoordinateDescent.gap(sub.problem, ws, gradient(sub, ws), c.l1(), c.l2(), c.restrictedFactors(set, size));
                    assertEquals(expected, onSet, 1e-9 * (full.yNorm2() + Math.abs(expected) + 1), "set " + Arrays.toString(set));
                });
    }

    /**
     * Near the full minimiser, on a working set that holds the support (and some zeros): when no feature outside the set
     * violates its optimality condition (|x̃ⱼᵀR| ≤ l1·fⱼ), the dual scaling and every sum are the full ones, so
     * gapOnSet equals the full gap.
     */
    @Test
    void equalsTheFullGapWhenNoFeatureOutsideViolates() {
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(10, 50), integers().between(2, 30), integers().between(0, 1))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    Case c = Case.random(r, n, p, kind, false, false);
                    LeastSquaresProblem full = c.full();
                    double[] best = new double[p];
                    full.solve(best, c.l1(), c.l2(), null, c.l1(), 1e-15 * full.yNorm2(), 1e-15, 1_000_000);
                    int[] all = new int[p];
                    int size = 0;
                    for (int j = 0; j < p; j++) if (best[j] != 0 || r.nextInt(3) == 0) all[size++] = j;
                    if (size == 0) all[size++] = 0;
                    int[] set = Arrays.copyOf(all, size);
                    boolean[] in = new boolean[p];
                    for (int j : set) in[j] = true;
                    // perturb the coefficients on the set, less and less until no feature outside the set violates
                    double[] w = null;
                    double[] g = null;
                    for (double eps = 0.1; eps >= 1e-8 && w == null; eps /= 10) {
                        double[] trial = best.clone();
                        for (int j : set) trial[j] += eps * r.nextGaussian();
                        double[] gt = gradient(full, trial);
                        boolean violated = false;
                        for (int j = 0; j < p; j++) violated |= !in[j] && Math.abs(gt[j]) > c.l1();
                        if (!violated) {
                            w = trial;
                            g = gt;
                        }
                    }
                    assertTrue(w != null, "no perturbation without violators outside the set: the minimiser itself violates");
                    double onSet = CoordinateDescent.gapOnSet(full.problem, w, g, set, size, c.l1(), c.l2(), null);
                    double gap = CoordinateDescent.gap(full.problem, w, g, c.l1(), c.l2(), null);
                    assertEquals(gap, onSet, 1e-12 * (full.yNorm2() + 1), "set " + Arrays.toString(set));
                });
    }

    /**
     * gapOnSet bounds the suboptimality of the restricted problem, P_S(w) − min P_S, from above at any w supported on
     * S, is never negative, and vanishes at the restricted minimiser. Penalty factors here are positive: with a zero
     * factor the dual point θ ∝ R is feasible only where x̃ⱼᵀR = 0 for the unpenalised j, which neither gap nor
     * gapOnSet enforces (a known limitation of the main code, reported with this restructuring), so at an arbitrary w
     * the value is then no bound.
     */
    @Test
    void boundsTheRestrictedSuboptimalityAndVanishesAtItsMinimiser() {
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(5, 40), integers().between(1, 30), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    Case c = Case.random(r, n, p, kind, true, false);
                    int[] set = randomSet(r, p);
                    int size = set.length;
                    double[] fs = c.restrictedFactors(set, size);
                    LeastSquaresProblem sub = c.restricted(set, size);
                    double[] bestS = new double[size];
                    sub.solve(bestS, c.l1(), c.l2(), fs, c.l1(), 1e-15 * sub.yNorm2(), 1e-15, 1_000_000);
                    double pBest = CoordinateDescent.primal(sub.problem, bestS, c.l1(), c.l2(), fs);
                    LeastSquaresProblem full = c.full();
                    double slack = c.slack(full);
                    for (int trial = 0; trial < 5; trial++) {
                        double[] w = new double[p];
                        for (int k = 0; k < size; k++) w[set[k]] = bestS[k] + (r.nextBoolean() ? 0 : r.nextGaussian() * Math.pow(10, -trial));
                        double[] g = gradient(full, w);
                        double onSet = CoordinateDescent.gapOnSet(full.problem, w, g, set, size, c.l1(), c.l2(), c.factors());
                        double sub0 = CoordinateDescent.primal(full.problem, w, c.l1(), c.l2(), c.factors()) - pBest;
                        assertTrue(onSet >= sub0 - slack, "gapOnSet " + onSet + " < restricted suboptimality " + sub0);
                        assertTrue(onSet >= -slack, "negative gapOnSet " + onSet);
                    }
                    double[] w = new double[p];
                    for (int k = 0; k < size; k++) w[set[k]] = bestS[k];
                    double atBest = CoordinateDescent.gapOnSet(full.problem, w, gradient(full, w), set, size, c.l1(), c.l2(), c.factors());
                    assertTrue(Math.abs(atBest) <= 1e-8 * (full.yNorm2() + 1), "gapOnSet at the restricted minimiser " + atBest);
                });
    }

    /**
     * A working set that lacks the strongest feature: at its restricted minimiser gapOnSet is 0 (the set is solved),
     * while the full gap is not (the missing feature violates): the set's gap says "polish no further", the full check
     * says "add a violator" — the two must not be confused.
     */
    @Test
    void anIncompleteSetIsSolvedButTheFullProblemIsNot() {
        Random r = new Random(31);
        int n = 60;
        int p = 12;
        double[] x = TestData.design(r, n, p, 0.2, 0);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 3 * x[i * p + 4] + x[i * p + 7] - x[i * p + 9] + 0.3 * r.nextGaussian();
        Case c = new Case(n, p, x, y, null, n * 0.05, 0.0, null, LeastSquaresProblem.Mode.GRAM);
        int[] set = {7, 9, 0, 1, 2};
        LeastSquaresProblem sub = c.restricted(set, set.length);
        double[] bestS = new double[set.length];
        assertTrue(sub.solve(bestS, c.l1(), 0, null, c.l1(), 1e-15 * sub.yNorm2(), 1e-15, 1_000_000).converged());
        double[] w = new double[p];
        for (int k = 0; k < set.length; k++) w[set[k]] = bestS[k];
        for (LeastSquaresProblem.Mode mode : LeastSquaresProblem.Mode.values()) {
            LeastSquaresProblem full = new Case(n, p, x, y, null, c.l1(), 0.0, null, mode).full();
            double[] g = gradient(full, w);
            assertTrue(Math.abs(g[4]) > 2 * c.l1(), "feature 4 must violate strongly: " + g[4]);
            double onSet = CoordinateDescent.gapOnSet(full.problem, w, g, set, set.length, c.l1(), 0, null);
            double gap = CoordinateDescent.gap(full.problem, w, g, c.l1(), 0, null);
            assertTrue(Math.abs(onSet) <= 1e-9 * full.yNorm2(), mode + ": gapOnSet " + onSet);
            assertTrue(gap > 0.01 * full.yNorm2(), mode + ": the full gap " + gap + " should see the violator");
        }
    }

    /** The gap a converged solve reports is the gap at the coefficients it returns. */
    @Test
    void aSolveReportsTheGapOfItsAnswer() {
        qt().withFixedSeed(20261129L).withExamples(20).forAll(longs().all(), integers().between(5, 40), integers().between(1, 30), integers().between(0, 2))
                .checkAssert((seed, n, p, kind) -> {
                    Random r = new Random(seed);
                    Case c = Case.random(r, n, p, kind, true, true);
                    LeastSquaresProblem full = c.full();
                    double[] w = new double[p];
                    double gapTol = 1e-10 * full.yNorm2();
                    LeastSquaresProblem.Solution s = full.solve(w, c.l1(), c.l2(), c.factors(), c.l1(), gapTol, 1e-10, 1_000_000);
                    assertTrue(s.converged(), "gap " + s.gap());
                    assertTrue(s.gap() <= gapTol);
                    double gap = CoordinateDescent.gap(full.problem, w, gradient(full, w), c.l1(), c.l2(), c.factors());
                    assertEquals(gap, s.gap(), 1e-10 * (full.yNorm2() + 1));
                });
    }
}
