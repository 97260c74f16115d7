package dev.shrink.solvers.matrix;

import dev.shrink.kernels.CscView;
import dev.shrink.solvers.SparseData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The centred weighted Gram of a column block of a sparse X, without centring X, against the explicit
 * Σᵢvᵢ(xᵢₐ − x̄ₐ)(xᵢᵦ − x̄ᵦ) (a scalar reference on the dense copy): random patterns with an empty column and an empty row,
 * weights or none, an intercept's weighted means or none, column means small and (so that centring after the product
 * would cancel, and the block is built column by column) ten thousand times the spread. Error bound for every entry:
 * 1e-14·n·(1 + max v)·max|xᵢⱼ − x̄ⱼ|·max(|xᵢⱼ| + |x̄ⱼ|) — relative to the centred scale, so that subtracting S·x̄ₐx̄ᵦ
 * after the product where that cancels (about ε·S·x̄² = 1e-7 here) would fail it.
 */
class CenteredGramTest {

    @Test
    void blockAllAndExtendEqualTheExplicitSums() {
        qt().withExamples(60).forAll(longs().all(), integers().between(2, 40), integers().between(1, 10), integers().between(0, 7))
                .checkAssert((seed, n, p, flags) -> compare(new Random(seed), n, p, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0));
    }

    private static void compare(Random r, int n, int p, boolean weighted, boolean intercept, boolean largeMean) {
        SparseData data = SparseData.random(r, n, p, 0.4, largeMean ? 0 : 1.5, r.nextInt(p), r.nextInt(n));
        double[] dense = data.dense().clone();
        if (largeMean) { // column 0: every row stored, mean 1e4 against a spread of 1
            for (int i = 0; i < n; i++) dense[i * p] = 1e4 + r.nextGaussian();
            data = SparseData.of(n, p, dense);
        }
        double[] v = null;
        if (weighted) {
            v = new double[n];
            for (int i = 0; i < n; i++) v[i] = 0.2 + 2 * r.nextDouble();
        }
        double sumV = 0;
        for (int i = 0; i < n; i++) sumV += v == null ? 1.0 : v[i];
        double[] mean = new double[p];
        if (intercept) {
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) mean[j] += (v == null ? 1.0 : v[i]) * dense[i * p + j] / sumV;
        }
        DesignMatrix x = DesignMatrix.of(new CscView(n, p, data.colStarts(), data.rowIndices(), data.colValues()), 1);
        double scale = 0;
        double centred = 0;
        double maxV = 0;
        for (int i = 0; i < n; i++) maxV = Math.max(maxV, v == null ? 1.0 : v[i]);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                scale = Math.max(scale, Math.abs(dense[i * p + j]) + Math.abs(mean[j]));
                centred = Math.max(centred, Math.abs(dense[i * p + j] - mean[j]));
            }
        }
        double tol = 1e-14 * n * (1 + maxV) * centred * scale;

        // a random block of distinct columns, in random order
        int m = 1 + r.nextInt(p);
        java.util.List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, p).boxed().toList());
        java.util.Collections.shuffle(order, r);
        int[] cols = order.stream().limit(m).mapToInt(Integer::intValue).toArray();
        double[] blockMean = new double[m];
        for (int a = 0; a < m; a++) blockMean[a] = mean[cols[a]];
        double[] g = new double[m * m];
        CenteredGram.block(x, cols, m, v, blockMean, sumV, g);
        double[] expected = explicit(dense, n, p, cols, v, mean);
        for (int e = 0; e < m * m; e++) assertEquals(expected[e], g[e], tol, "block entry " + e);

        // grown from its first m0 columns: the new means come out as the v-weighted ones
        int m0 = r.nextInt(m + 1);
        double[] g0 = new double[m0 * m0];
        CenteredGram.block(x, cols, m0, v, blockMean, sumV, g0);
        double[] grownMean = java.util.Arrays.copyOf(blockMean, m);
        java.util.Arrays.fill(grownMean, m0, m, Double.NaN);
        double[] grown = CenteredGram.extend(g0, m0, x, cols, m, v, grownMean, intercept);
        for (int a = m0; a < m; a++) assertEquals(blockMean[a], grownMean[a], 1e-12 * scale, "mean " + a);
        for (int e = 0; e < m * m; e++) assertEquals(expected[e], grown[e], tol, "grown entry " + e);

        // the whole Gram and X̃ᵀ(v∘d)
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = r.nextGaussian();
        double[] xtd = new double[p];
        double[] all = CenteredGram.all(x, v, mean, d, xtd);
        int[] every = new int[p];
        for (int j = 0; j < p; j++) every[j] = j;
        double[] expectedAll = explicit(dense, n, p, every, v, mean);
        for (int e = 0; e < p * p; e++) assertEquals(expectedAll[e], all[e], tol, "all entry " + e);
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += (v == null ? 1.0 : v[i]) * (dense[i * p + j] - mean[j]) * d[i];
            assertEquals(s, xtd[j], 1e-11 * n * scale * (1 + maxV) * 5, "X̃ᵀ(v∘d) entry " + j);
        }
    }

    /** Σᵢvᵢ(xᵢₐ − x̄ₐ)(xᵢᵦ − x̄ᵦ) for the block, m×m row-major (the scalar reference). */
    private static double[] explicit(double[] x, int n, int p, int[] cols, double[] v, double[] mean) {
        int m = cols.length;
        double[] g = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += (v == null ? 1.0 : v[i]) * (x[i * p + cols[a]] - mean[cols[a]]) * (x[i * p + cols[b]] - mean[cols[b]]);
                g[a * m + b] = s;
            }
        }
        return g;
    }
}
