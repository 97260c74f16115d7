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
 * The engine's three representations of the Newton model — the default (a Gram kept across steps and strengths while
 * its stale curvature still converges fast, {@link GramCache}), the Gram of the current state at every step (plain
 * proximal Newton) and the residual form — reach the same minimisers along a short path, each with its certificate;
 * the cache's extension equals a fresh build at the same weights; the engine's log1p is Math.log1p to a few ulps.
 */
class NewtonFormsTest {

    @Test
    void everyRepresentationReachesTheSameCertifiedMinimiserAlongAPath() {
        qt().withFixedSeed(20261129L).withExamples(30).forAll(longs().all(), integers().between(40, 120), integers().between(2, 12), integers().between(0, 2))
                .checkAssert((seed, n, p, family) -> {
                    ProximalNewton.Form[] forms = ProximalNewton.Form.values();
                    double[][] objectives = new double[forms.length][];
                    for (int f = 0; f < forms.length; f++) {
                        GlmDualityGapTest.Setup s = GlmDualityGapTest.setup(new Random(seed), n, p, family);
                        ProximalNewton e = s.engine();
                        e.form(forms[f]);
                        double[] scales = {4, 2, 1, 0.5, 0.25};
                        objectives[f] = new double[scales.length];
                        double previous = Double.POSITIVE_INFINITY;
                        for (int t = 0; t < scales.length; t++) {
                            double l1 = s.l1() * scales[t];
                            double l2 = s.l2() * scales[t];
                            double tol = 1e-11;
                            ProximalNewton.Result r = e.solve(l1, l2, Math.max(0.0, 2 * l1 - previous), tol, 500);
                            previous = l1;
                            assertTrue(r.converged() || r.reason().equals("rounding floor"), forms[f] + " at step " + t + ": " + r);
                            if (r.converged()) assertTrue(r.gap() <= tol, forms[f] + " gap " + r.gap());
                            objectives[f][t] = e.objective(l1, l2);
                        }
                    }
                    for (int f = 1; f < forms.length; f++) {
                        for (int t = 0; t < objectives[0].length; t++) {
                            double scale = 1 + Math.abs(objectives[0][t]);
                            assertEquals(objectives[0][t], objectives[f][t], 1e-9 * scale, forms[f] + " against " + forms[0] + " at step " + t);
                        }
                    }
                });
    }

    /** n reaches past the dense block's row tile (256), where an extension's products run tiled, a group of new columns at a time. */
    @Test
    void anExtendedGramEqualsOneBuiltAtOnce() {
        qt().withFixedSeed(77L).withExamples(40).forAll(longs().all(), integers().between(5, 700), integers().between(2, 20), integers().between(1, 3))
                .checkAssert((seed, n, p, pairs) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.3, 0.5);
                    double[] h = new double[pairs * n];
                    for (int i = 0; i < h.length; i++) h[i] = r.nextDouble();
                    ColumnBlock block = blockOf(x, n, p);
                    GramCache grown = new GramCache(n, pairs);
                    buildInTwoParts(grown, block, h, 1 + r.nextInt(p), p);
                    GramCache once = new GramCache(n, pairs);
                    once.build(block, h, p);
                    for (int pr = 0; pr < pairs; pr++) {
                        double bound = 0;
                        for (int i = 0; i < n; i++) {
                            double row = 0;
                            for (int j = 0; j < p; j++) row += x[i * p + j] * x[i * p + j];
                            bound += h[pr * n + i] * row;
                        }
                        for (int i = 0; i < p * p; i++) {
                            assertEquals(once.gram[pr][i], grown.gram[pr][i], 1e-13 * bound, "Gram element " + i + " of pair " + pr);
                        }
                        for (int s = 0; s < p; s++) assertEquals(once.zd[pr][s], grown.zd[pr][s], 1e-13 * bound, "zd " + s);
                        assertEquals(once.hb[pr], grown.hb[pr], 0.0);
                    }
                });
    }

    /** An empty block on the columns of the row-major n×p design x. */
    private static ColumnBlock blockOf(double[] x, int n, int p) {
        return new DenseDesignOps(MatrixView.rowMajor(x, n, p), null, Threads.kernels(1)).newBlock();
    }

    /** Fills the block with features 0 .. first − 1, builds the cache on them at weights h, then extends both to all p. */
    private static void buildInTwoParts(GramCache cache, ColumnBlock block, double[] h, int first, int p) {
        int[] all = new int[p];
        for (int j = 0; j < p; j++) all[j] = j;
        block.add(all, first);
        cache.build(block, h, first);
        block.add(all, p);
        cache.extend(block, p);
    }

    /**
     * A multinomial's cache forms each diagonal block as the negated sum of its row's off-diagonal blocks (its row Hessians'
     * rows sum to 0): built in part and extended, it equals blocks built one pass per pair, to the sums' rounding.
     */
    @Test
    void aMultinomialCacheDerivesItsDiagonalBlocksFromTheOthers() {
        qt().withFixedSeed(78L).withExamples(30).forAll(longs().all(), integers().between(5, 60), integers().between(2, 20), integers().between(2, 5))
                .checkAssert((seed, n, p, k) -> {
                    Random r = new Random(seed);
                    double[] x = TestData.design(r, n, p, 0.3, 0.5);
                    double[] prob = new double[k * n];
                    double[] s = new double[n];
                    for (int i = 0; i < n; i++) {
                        s[i] = r.nextDouble();
                        double sum = 0;
                        for (int c = 0; c < k; c++) sum += prob[c * n + i] = Math.exp(2 * r.nextGaussian());
                        for (int c = 0; c < k; c++) prob[c * n + i] /= sum;
                    }
                    int pairs = Family.pairs(k);
                    double[] h = new double[pairs * n]; // sᵢ·(diag(pᵢ) − pᵢpᵢᵀ), packed as Family.derivatives
                    for (int c = 0; c < k; c++) {
                        for (int c2 = c; c2 < k; c2++) {
                            for (int i = 0; i < n; i++) {
                                double pc = prob[c * n + i];
                                h[Family.pair(c, c2, k) * n + i] = s[i] * ((c == c2 ? pc : 0.0) - pc * prob[c2 * n + i]);
                            }
                        }
                    }
                    ColumnBlock block = blockOf(x, n, p);
                    GramCache derived = GramCache.ofClasses(n, k);
                    buildInTwoParts(derived, block, h, 1 + r.nextInt(p), p);
                    GramCache direct = new GramCache(n, pairs);
                    direct.build(block, h, p);
                    double bound = 0; // Σᵢ sᵢ·‖xᵢ‖²: every pair's weights are at most sᵢ in size
                    for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) bound += s[i] * x[i * p + j] * x[i * p + j];
                    for (int pr = 0; pr < pairs; pr++) {
                        for (int i = 0; i < p * p; i++) {
                            assertEquals(direct.gram[pr][i], derived.gram[pr][i], 1e-12 * bound, "Gram element " + i + " of pair " + pr);
                        }
                        for (int j = 0; j < p; j++) assertEquals(direct.zd[pr][j], derived.zd[pr][j], 1e-12 * bound, "zd " + j + " of pair " + pr);
                        assertEquals(direct.hb[pr], derived.hb[pr], 1e-12 * n);
                    }
                });
    }

    /**
     * The engine leaves its multinomial predictors off X̃W + 1bᵀ by a term common to the classes (it does not follow the
     * free shift of a feature's coefficients over the classes): the loss at them is the loss at the coefficients.
     */
    @Test
    void multinomialPredictorsDifferFromTheCoefficientsOnlyByWhatTheSoftmaxIgnores() {
        qt().withFixedSeed(79L).withExamples(20).forAll(longs().all(), integers().between(40, 120), integers().between(2, 12))
                .checkAssert((seed, n, p) -> {
                    GlmDualityGapTest.Setup s = GlmDualityGapTest.setup(new Random(seed), n, p, 2);
                    ProximalNewton e = s.engine();
                    double previous = Double.POSITIVE_INFINITY;
                    for (double scale : new double[] {4, 1, 0.25}) {
                        double l1 = s.l1() * scale;
                        e.solve(l1, s.l2() * scale, Math.max(0.0, 2 * l1 - previous), 1e-10, 500);
                        previous = l1;
                        double kept = e.objective(l1, s.l2() * scale);
                        e.reset(e.w.clone(), e.b.clone()); // the predictors formed afresh from the coefficients
                        double fresh = e.objective(l1, s.l2() * scale);
                        assertEquals(fresh, kept, 1e-12 * (1 + Math.abs(fresh)), "at scale " + scale);
                    }
                });
    }

    @Test
    void aLargeBlockIsAccumulatedInSinglePrecisionWithinItsBoundAndStillCertifies() {
        Random r = new Random(11);
        int n = 1700;
        int p = 250; // n·p² ≥ Thresholds.GLM_SINGLE_GRAM_FLOPS: the float32 build
        double[] x = TestData.design(r, n, p, 0.5, 0.2);
        double[] h = new double[2 * n];
        for (int i = 0; i < n; i++) {
            h[i] = r.nextDouble();
            h[n + i] = -r.nextDouble(); // a multinomial off-diagonal pair's weights are ≤ 0
        }
        DenseDesignOps ops = new DenseDesignOps(MatrixView.rowMajor(x, n, p), null, Threads.kernels(1));
        ColumnBlock block = ops.newBlock();
        int[] all = new int[p];
        for (int j = 0; j < p; j++) all[j] = j;
        block.add(all, p);
        GramCache cache = new GramCache(n, 2);
        cache.build(block, h, p);
        for (int pr = 0; pr < 2; pr++) {
            double[] exact = new double[p * p];
            double[] zd = new double[p];
            block.gram(pr == 0 ? h : java.util.Arrays.copyOfRange(h, n, 2 * n), 0, exact, zd);
            for (int s = 0; s < p; s++) {
                for (int t = 0; t < p; t++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) sum += Math.abs(h[pr * n + i] * x[i * p + s] * x[i * p + t]);
                    double bound = 2.0 * (n + 1) * Math.pow(2, -24) * sum;
                    assertEquals(exact[s * p + t], cache.gram[pr][s * p + t], bound, "pair " + pr + " element " + s + ", " + t);
                }
                assertEquals(zd[s], cache.zd[pr][s], 1e-12 * (1 + Math.abs(zd[s])), "zd " + s);
            }
        }
        // the engine on such a block: the same certified minimiser as the residual form
        double[] eta = TestData.response(r, x, n, p, 20, 0.0);
        double[] y = new double[n];
        double[] rows = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta[i])) ? 1 : 0;
            rows[i] = 1.0 / n;
        }
        double[] mean = new double[p]; // centred columns, as GlmProblem gives the engine with an intercept
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) mean[j] += x[i * p + j] / n;
        double[] objective = new double[2];
        ProximalNewton.Form[] forms = {ProximalNewton.Form.AUTO, ProximalNewton.Form.RESIDUAL};
        for (int f = 0; f < 2; f++) {
            ProximalNewton e = new ProximalNewton(new DenseDesignOps(MatrixView.rowMajor(x, n, p), mean, Threads.kernels(1)), new Binomial(y, rows),
                    new Penalties(null, null, null, null, false), true, null);
            e.form(forms[f]);
            ProximalNewton.Result res = e.solve(1e-2, 0.0, 1e-2, 1e-10, 200);
            assertTrue(res.converged() && res.gap() <= 1e-10, forms[f] + ": " + res);
            objective[f] = e.objective(1e-2, 0.0);
        }
        assertEquals(objective[1], objective[0], 2e-10);
    }
}
