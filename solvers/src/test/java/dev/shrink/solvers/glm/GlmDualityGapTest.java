package dev.shrink.solvers.glm;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.internal.Threads;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The engine's stopping rule is only as good as its duality gap: at any coefficients the gap (after the intercepts and
 * unpenalised features are profiled) must bound P(W) − P(W*) from above — for the three families, L1, elastic net and
 * pure L2, grouped penalties, zero penalty factors and box constraints — and vanish at the minimiser.
 */
class GlmDualityGapTest {

    /** A random problem of one of the families, with its own penalty setup (also used by {@link NewtonFormsTest}). */
    record Setup(ProximalNewton engine, double l1, double l2, double[] lower, double[] upper, int p) {}

    static Setup setup(Random r, int n, int p, int family) {
        double[] x = TestData.design(r, n, p, 0.3, 0.5);
        double[] eta = TestData.response(r, x, n, p, Math.max(1, p / 2), 0.0);
        double mean = 0;
        for (double v : eta) mean += v / n;
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) rows[i] = 1.0 / n;
        Family f;
        switch (family) {
            case 0 -> {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = r.nextDouble() < 1 / (1 + Math.exp(-0.5 * (eta[i] - mean))) ? 1 : 0;
                y[0] = 0;
                y[1] = 1;
                f = new Binomial(y, rows);
            }
            case 1 -> {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = Math.floor(3 * r.nextDouble() * Math.exp(0.2 * (eta[i] - mean)));
                y[0] = 2;
                f = new Poisson(y, rows);
            }
            default -> {
                int k = 3;
                int[] y = new int[n];
                for (int i = 0; i < n; i++) y[i] = (int) Math.floorMod((long) Math.floor(eta[i] - mean + 1.5 * r.nextGaussian()), (long) k);
                for (int c = 0; c < k; c++) y[c] = c;
                f = new Multinomial(y, k, rows);
            }
        }
        // penalty: weights with some zeros (unpenalised), sometimes bounds, sometimes grouped
        double[] a = new double[p];
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            double pf = j == 0 && p > 2 && r.nextBoolean() ? 0.0 : 0.5 + r.nextDouble();
            a[j] = pf;
            b[j] = pf;
        }
        boolean grouped = family == 2 && r.nextBoolean();
        double[] lo = null;
        double[] hi = null;
        boolean unpenalised = a[0] == 0;
        if (!grouped && !(family == 2 && unpenalised) && r.nextBoolean()) { // (the multinomial family refuses that combination)
            lo = new double[p];
            hi = new double[p];
            for (int j = 0; j < p; j++) {
                lo[j] = r.nextBoolean() ? Double.NEGATIVE_INFINITY : -0.2 * r.nextDouble();
                hi[j] = r.nextBoolean() ? Double.POSITIVE_INFINITY : 0.2 * r.nextDouble();
            }
        }
        MatrixView view = MatrixView.rowMajor(x, n, p);
        double[] colMean = new double[p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) colMean[j] += x[i * p + j] / n;
        ProximalNewton engine = new ProximalNewton(new DenseDesignOps(view, colMean, Threads.kernels(1)), f, new Penalties(a, b, lo, hi, grouped), true, null);
        engine.shiftIntercepts(true); // centred under the loss's own (uniform) row weights, as GlmProblem allows it
        double strength = 0.01 + 0.1 * r.nextDouble();
        int kind = r.nextInt(3);
        double l1 = kind == 2 ? 0.0 : strength * (kind == 0 ? 1.0 : 0.5);
        double l2 = kind == 0 ? 0.0 : strength * (kind == 1 ? 0.5 : 1.0);
        return new Setup(engine, l1, l2, lo, hi, p);
    }

    @Test
    void gapBoundsSuboptimalityAndVanishesAtTheMinimiser() {
        qt().withFixedSeed(20261204L).withExamples(40).forAll(longs().all(), integers().between(30, 90), integers().between(2, 9), integers().between(0, 2))
                .checkAssert((seed, n, p, family) -> {
                    Random r = new Random(seed);
                    Setup s = setup(r, n, p, family);
                    ProximalNewton e = s.engine();
                    ProximalNewton.Result best = e.solve(s.l1(), s.l2(), s.l1(), 1e-15, 500);
                    assertTrue(best.converged() || best.reason().equals("rounding floor"), "solve: " + best);
                    double pBest = e.objective(s.l1(), s.l2());
                    assertTrue(e.dualityGap(s.l1(), s.l2()) <= 1e-12, "gap at the minimiser " + e.dualityGap(s.l1(), s.l2()));
                    double[] w0 = e.w.clone();
                    double[] b0 = e.b.clone();
                    for (int trial = 0; trial < 5; trial++) {
                        double[] w = w0.clone();
                        for (int i = 0; i < w.length; i++) if (r.nextBoolean()) w[i] += r.nextGaussian() * Math.pow(10, -trial);
                        if (s.lower() != null) {
                            for (int i = 0; i < w.length; i++) w[i] = Math.min(Math.max(w[i], s.lower()[i % s.p()]), s.upper()[i % s.p()]);
                        }
                        e.reset(w, b0);
                        double gap = e.dualityGap(s.l1(), s.l2()); // profiles first: the gap is that of the profiled point
                        double sub = e.objective(s.l1(), s.l2()) - pBest;
                        assertTrue(gap >= sub - 1e-12, "gap " + gap + " < suboptimality " + sub + " (trial " + trial + ")");
                    }
                });
    }


    /**
     * Solves the same path (strengths setup's × scales, the strong rule's screen) on two engines that differ only in a
     * rule that should change the work and not the answers: both certified alike, every gap of {@code with} at least
     * its true suboptimality (against {@code exact} solved to 1e-15), the objectives within 2·tol.
     */
    static void certifyAlike(Setup with, Setup without, Setup exact, double[] scales, double tol) {
        double previous = Double.POSITIVE_INFINITY;
        for (int t = 0; t < scales.length; t++) {
            double l1 = with.l1() * scales[t];
            double l2 = with.l2() * scales[t];
            double screen = Math.max(0.0, 2 * l1 - previous);
            previous = l1;
            ProximalNewton.Result a = with.engine().solve(l1, l2, screen, tol, 500);
            ProximalNewton.Result b = without.engine().solve(l1, l2, screen, tol, 500);
            assertEquals(b.converged(), a.converged(), "step " + t + ": " + a + " against " + b);
            ProximalNewton.Result best = exact.engine().solve(l1, l2, l1, 1e-15, 500);
            assertTrue(best.converged() || best.reason().equals("rounding floor"), "reference: " + best);
            double sub = with.engine().objective(l1, l2) - exact.engine().objective(l1, l2);
            assertTrue(a.gap() >= sub - 1e-12, "gap " + a.gap() + " < suboptimality " + sub + " at step " + t);
            if (a.converged()) assertTrue(a.gap() <= tol, "gap " + a.gap());
            assertTrue(Math.abs(with.engine().objective(l1, l2) - without.engine().objective(l1, l2)) <= 2 * tol, "objectives at step " + t);
        }
    }
}
