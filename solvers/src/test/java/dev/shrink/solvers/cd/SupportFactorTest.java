package dev.shrink.solvers.cd;

import dev.shrink.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The updated factor solves what a fresh Cholesky factor of the same support solves, after any sequence of features
 * joining and leaving (error within 1e-9 relative on well-conditioned Gram matrices of random columns).
 */
class SupportFactorTest {

    @Test
    void updatesAgreeWithAFreshFactor() {
        qt().withFixedSeed(20261130L).withExamples(50).forAll(longs().all(), integers().between(3, 40), integers().between(1, 12)).checkAssert((seed, p, rounds) -> {
            Random r = new Random(seed);
            int n = 3 * p;
            double[] x = new double[n * p];
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() + (i % p) * 0.1;
            double[] g = new double[p * p];
            for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) for (int i = 0; i < n; i++) g[a * p + b] += x[i * p + a] * x[i * p + b];
            double[] factors = r.nextBoolean() ? null : new double[p];
            if (factors != null) for (int j = 0; j < p; j++) factors[j] = 0.5 + r.nextDouble();
            double l2 = r.nextBoolean() ? 0.0 : 0.3;
            SupportFactor f = new SupportFactor(p);
            List<Integer> support = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // keep a random part, add random new features
                List<Integer> next = new ArrayList<>();
                for (int j : support) if (r.nextInt(4) != 0) next.add(j);
                for (int j = 0; j < p; j++) if (!next.contains(j) && r.nextInt(3) == 0) next.add(j);
                if (next.isEmpty()) next.add(r.nextInt(p));
                support = next;
                int k = support.size();
                int[] a = support.stream().mapToInt(Integer::intValue).toArray();
                assertTrue(f.sync(a, k, l2, factors, (i, j) -> g[i * p + j]));
                assertEquals(k, f.size());
                int[] order = f.features();
                double[] b = new double[k];
                for (int t = 0; t < k; t++) b[t] = r.nextGaussian();
                double[] expected = b.clone();
                double[] m = new double[k * k];
                for (int s = 0; s < k; s++) {
                    for (int t = 0; t < k; t++) m[s * k + t] = g[order[s] * p + order[t]];
                    m[s * k + s] += l2 * (factors == null ? 1.0 : factors[order[s]]);
                }
                KernelProvider.scalar().cholesky().factor(k, m, 0, k, 0.0);
                KernelProvider.scalar().cholesky().solve(k, m, 0, k, expected, 0);
                f.solve(b);
                double scale = 0;
                for (double v : expected) scale = Math.max(scale, Math.abs(v));
                for (int t = 0; t < k; t++) assertEquals(expected[t], b[t], 1e-9 * scale, "round " + round + ", position " + t);
            }
        });
    }

    /** Two equal columns without L2 make the support's Gram matrix singular: refused, and the factor starts afresh. */
    @Test
    void collinearSupportIsRefused() {
        double[] g = {1, 1, 0, 1, 1, 0, 0, 0, 2};
        SupportFactor f = new SupportFactor(3);
        assertFalse(f.sync(new int[] {0, 1, 2}, 3, 0.0, null, (i, j) -> g[i * 3 + j]));
        assertEquals(0, f.size());
        assertTrue(f.sync(new int[] {0, 2}, 2, 0.0, null, (i, j) -> g[i * 3 + j]));
    }
}
