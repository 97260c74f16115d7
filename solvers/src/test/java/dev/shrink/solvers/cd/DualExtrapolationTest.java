package dev.shrink.solvers.cd;

import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Dual extrapolation (celer) gives valid certificates: the solver's extrapolated dual point from a few coordinate-descent
 * sweeps is dual feasible (|x̂ⱼᵀθ| ≤ l1·fⱼ for every feature, checked with plain loops on the centred, weighted
 * design), its dual objective is the one the solver computes, and it never exceeds the minimum of the primal (computed
 * to a gap of 1e-14·‖ỹ‖²), so the gap it gives bounds the distance to the minimum; and solves that stop on it report
 * gaps no smaller than their true
 * distance (with and without the support Newton step, which otherwise often solves these small problems exactly).
 * Random and equicorrelated designs (ρ = 0, 0.5, 0.9), lasso and elastic net, weights, p below and above n.
 */
class DualExtrapolationTest {
    private static long extrapolated;
    private static long wins;

    @Test
    void theExtrapolatedDualPointIsFeasibleAndBoundsTheMinimum() {
        qt().withFixedSeed(20261129L).withExamples(60)
                .forAll(longs().all(), integers().between(10, 60), integers().between(5, 150), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    RandomCase c = RandomCase.of(seed, n, p, kind, 5);
                    Random r = c.random();
                    double rho = c.rho();
                    double l1Ratio = c.l1Ratio();
                    double[] x = c.x();
                    double[] s = c.weights();
                    LeastSquaresProblem lsp = c.problem(LeastSquaresProblem.Mode.NONE);
                    CdProblem problem = lsp.problem;
                    double l1 = (0.05 + 0.5 * r.nextDouble()) * TestData.maxAbs(lsp.correlations());
                    double l2 = l1 * (1 - l1Ratio) / l1Ratio;
                    // a working set: a random half of the features, swept from 0 (plain coordinate descent)
                    int[] set = new int[p];
                    int size = 0;
                    for (int j = 0; j < p; j++) if (r.nextBoolean()) set[size++] = j;
                    if (size == 0) set[size++] = 0;
                    double[] w = new double[p];
                    problem.reset(w);
                    CoordinateDescent.Workspace ws = problem.workspace();
                    DualExtrapolation extra = ws.extrapolation(n);
                    extra.restart();
                    int sweeps = dev.shrink.solvers.internal.Thresholds.EXTRAPOLATION_DEPTH + 1 + r.nextInt(8);
                    for (int it = 0; it < sweeps; it++) {
                        for (int t = 0; t < size; t++) {
                            int j = set[t];
                            double z = problem.xtr(j) + problem.diag[j] * w[j];
                            double updated = Math.copySign(Math.max(Math.abs(z) - l1, 0.0), z) / (problem.diag[j] + l2);
                            if (updated != w[j]) {
                                problem.move(j, updated - w[j]);
                                w[j] = updated;
                            }
                        }
                        extra.record(problem, w, set, size);
                    }
                    boolean[] inSet = new boolean[p];
                    for (int t = 0; t < size; t++) inSet[set[t]] = true;
                    java.util.Arrays.fill(ws.screened, false);
                    // the solver's certificate: its dual objective and scale (every feature read)
                    double solverDual = CoordinateDescent.extrapolatedDual(problem, extra, ws, w, set, size, inSet, l1, l2, null, true);
                    if (solverDual == Double.NEGATIVE_INFINITY) return; // degenerate differences: nothing offered
                    extrapolated++;
                    double[] rAcc = ws.residualAcc.clone();
                    double[] wAcc = ws.coefAcc.clone();
                    // the design and response as the problem sees them (centred, √s-weighted), with plain loops
                    double[][] xt = centred(x, s, n, p);
                    double[] yt = centredResponse(c.y(), s, n);
                    double[] wFull = new double[p];
                    for (int t = 0; t < size; t++) wFull[set[t]] = wAcc[t];
                    double max = 0;
                    double[] corr = new double[p];
                    for (int j = 0; j < p; j++) {
                        double dot = 0;
                        for (int i = 0; i < n; i++) dot += xt[j][i] * rAcc[i];
                        corr[j] = dot - l2 * wFull[j];
                        max = Math.max(max, Math.abs(corr[j]));
                    }
                    double scale = ws.extrapolatedScale;
                    for (int j = 0; j < p; j++) {
                        int feature = j;
                        assertTrue(scale * Math.abs(corr[j]) <= l1 * (1 + 1e-12), () -> "feature " + feature + " infeasible: "
                                + scale * Math.abs(corr[feature]) + " > " + l1);
                    }
                    assertTrue(scale >= (max > l1 ? l1 / max : 1.0) * (1 - 1e-12), "scaled further than feasibility needs");
                    double rr = 0, ry = 0, ww = 0;
                    for (int i = 0; i < n; i++) {
                        rr += rAcc[i] * rAcc[i];
                        ry += rAcc[i] * yt[i];
                    }
                    for (double v : wFull) ww += v * v;
                    double dual = scale * ry - 0.5 * scale * scale * (rr + l2 * ww);
                    assertTrue(Math.abs(dual - solverDual) <= 1e-9 * (Math.abs(dual) + rr + ry), () -> "solver's dual " + solverDual + " vs " + dual);
                    double best = minimum(c, l1, l2, xt, yt);
                    double primal = primal(xt, yt, w, l1, l2);
                    assertTrue(dual <= best + 1e-10 * Math.abs(best) + 1e-12,
                            () -> "dual " + dual + " above the minimum " + best + " (ρ = " + rho + ", n = " + n + ", p = " + p + ")");
                    assertTrue(primal - dual >= primal - best - 1e-10 * Math.abs(best) - 1e-12, "the gap does not bound the distance");
                });
    }

    @Test
    void solvesThatStopOnAnExtrapolatedGapReportABoundOnTheirDistance() {
        qt().withFixedSeed(20261128L).withExamples(40)
                .forAll(longs().all(), integers().between(20, 60), integers().between(30, 200), integers().between(0, 5))
                .checkAssert((seed, n, p, kind) -> {
                    RandomCase c = RandomCase.of(seed, n, p, kind, 8);
                    LeastSquaresProblem lsp = c.problem(LeastSquaresProblem.Mode.NONE);
                    lsp.problem.workspace().supportNewton = kind % 2 == 0; // without it sweeps crawl and extrapolation decides
                    double[][] xt = centred(c.x(), c.weights(), n, p);
                    double[] yt = centredResponse(c.y(), c.weights(), n);
                    double l1Max = TestData.maxAbs(lsp.correlations());
                    double[] w = new double[p];
                    double tol = new double[] {1e-2, 1e-3, 1e-4}[c.random().nextInt(3)];
                    for (double share : new double[] {0.5, 0.2, 0.08, 0.03}) {
                        double l1 = share * l1Max;
                        double l2 = l1 * (1 - c.l1Ratio()) / c.l1Ratio();
                        long before = lsp.problem.workspace().extrapolatedWins;
                        LeastSquaresProblem.Solution sol = lsp.solve(w, l1, l2, null, l1, tol * lsp.yNorm2(), tol, 100_000);
                        wins += lsp.problem.workspace().extrapolatedWins - before;
                        double distance = primal(xt, yt, w, l1, l2) - minimum(c, l1, l2, xt, yt);
                        assertTrue(sol.converged());
                        assertTrue(distance <= sol.gap() + 1e-10 * lsp.yNorm2(),
                                () -> "distance " + distance + " above the reported gap " + sol.gap() + " (ρ = " + c.rho() + ", share " + share + ")");
                    }
                });
    }

    /** The properties above must have had something to check. */
    @AfterAll
    static void extrapolationHappened() {
        assertTrue(extrapolated > 30, "only " + extrapolated + " extrapolations in all examples");
        assertTrue(wins > 0, "no solve used an extrapolated dual point");
    }

    /** The minimum of the primal, from a solve in covariance mode (no extrapolation) to a gap of 1e-14·‖ỹ‖². */
    private static double minimum(RandomCase c, double l1, double l2, double[][] xt, double[] yt) {
        LeastSquaresProblem tight = c.problem(LeastSquaresProblem.Mode.GRAM);
        double[] best = new double[xt.length];
        LeastSquaresProblem.Solution sol = tight.solve(best, l1, l2, null, l1, 1e-14 * tight.yNorm2(), 1e-14, 1_000_000);
        assertTrue(sol.converged(), "tight solve: gap " + sol.gap());
        return primal(xt, yt, best, l1, l2);
    }

    /** Columns of √s∘(X − 1x̄ᵀ), x̄ the weighted means (weights normalised to sum to n). */
    static double[][] centred(double[] x, double[] s, int n, int p) {
        double[] u = normalised(s, n);
        double[][] c = new double[p][n];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += u[i] * x[i * p + j];
            mean /= n;
            for (int i = 0; i < n; i++) c[j][i] = Math.sqrt(u[i]) * (x[i * p + j] - mean);
        }
        return c;
    }

    static double[] centredResponse(double[] y, double[] s, int n) {
        double[] u = normalised(s, n);
        double mean = 0;
        for (int i = 0; i < n; i++) mean += u[i] * y[i];
        mean /= n;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = Math.sqrt(u[i]) * (y[i] - mean);
        return out;
    }

    private static double[] normalised(double[] s, int n) {
        double[] u = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) total += s == null ? 1.0 : s[i];
        for (int i = 0; i < n; i++) u[i] = (s == null ? 1.0 : s[i]) * n / total;
        return u;
    }

    /** ½‖ỹ − X̃w‖² + l1‖w‖₁ + ½·l2‖w‖². */
    static double primal(double[][] xt, double[] yt, double[] w, double l1, double l2) {
        int n = yt.length;
        double[] res = yt.clone();
        double a = 0, q = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] == 0) continue;
            for (int i = 0; i < n; i++) res[i] -= xt[j][i] * w[j];
            a += Math.abs(w[j]);
            q += w[j] * w[j];
        }
        double rr = 0;
        for (double v : res) rr += v * v;
        return 0.5 * rr + l1 * a + 0.5 * l2 * q;
    }
}
