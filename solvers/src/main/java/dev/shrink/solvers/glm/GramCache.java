package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.Thresholds;

import java.util.Arrays;

/**
 * The working set's weighted Gram blocks Zᵀdiag(h_cc')Z, Zᵀh_cc' and Σᵢh_cc',i (the covariance form of
 * {@link GramModel}) under reference weights h — the per-row second derivatives of the state where they were built —
 * kept across the outer iterations of {@link ProximalNewton} and along a path, where building them (n·m² multiply–adds
 * per class pair) would otherwise dominate every step.
 *
 * <p>A model on these blocks has the exact gradient of the current state and a stale curvature: a variable-metric
 * proximal step. Any positive semidefinite metric (plus the L2 part) gives a descent direction, so the line search keeps
 * the iteration convergent (Lee, Sun &amp; Saunders 2014, "Proximal Newton-type methods for minimizing composite
 * functions", §3.1), and it converges linearly at a rate set by how far the weights have moved since the build; the
 * engine rebuilds the blocks when that rate is poor. Slots that join the working set get their rows under the same
 * reference weights (one weighted column pass each), so the blocks remain one consistent Gram matrix. Large blocks
 * (n·m² ≥ {@value Thresholds#GLM_SINGLE_GRAM_FLOPS}) are accumulated in float32: a metric needs no more precision than
 * that (the gradient, which sets the fixed point, stays exact), and the build takes about half the time.
 */
final class GramCache {
    private final int n;
    private final int pairs;
    /** The classes K when the pairs are a family's (diagonal blocks derived, {@link #derived}); 0 for independent weights. */
    private final int k;
    /** The reference weights h (pairs × n, packed class pairs as {@link Family#derivatives}). */
    private double[] weights;
    private int m;
    double[][] gram;
    double[][] zd;
    double[] hb;
    /** Outer iterations served since the last build (0: the blocks are those of the current state). */
    int uses;

    /** Blocks for {@code pairs} independent weight vectors, each built by its own pass. */
    GramCache(int n, int pairs) {
        this(n, pairs, 0);
    }

    private GramCache(int n, int pairs, int k) {
        this.n = n;
        this.pairs = pairs;
        this.k = k;
    }

    /** The blocks of a family with k predictors per row, the K(K+1)/2 pairs of {@link Family#derivatives} (see {@link #derived}). */
    static GramCache ofClasses(int n, int k) {
        return new GramCache(n, Family.pairs(k), k);
    }

    /**
     * Whether the blocks of pair pr are formed from the others rather than by a pass: with K &gt; 1 classes (the multinomial,
     * whose row Hessians sᵢ·(diag(pᵢ) − pᵢpᵢᵀ) have rows that sum to 0, Σ_c' h_cc',i = 0) a diagonal block is the negated
     * sum of its row's off-diagonal ones, G_cc = −Σ_{c'≠c} G_cc' (likewise Zᵀh and Σh): K of the K(K+1)/2 Gram builds
     * saved, and the kept metric has the Hessian's null direction (a common shift over the classes) exactly — it is a sum
     * of the positive semidefinite Zᵀdiag(−h_cc')Z ⊗ (e_c − e_c')(e_c − e_c')ᵀ.
     */
    private boolean derived(int pr) {
        if (k <= 1) return false;
        for (int c = 0; c < k; c++) if (Family.pair(c, c, k) == pr) return true;
        return false;
    }

    /** The diagonal blocks as the negated sums of the off-diagonal ones (see {@link #derived}). */
    private void deriveDiagonal() {
        if (k <= 1) return;
        for (int c = 0; c < k; c++) {
            int d = Family.pair(c, c, k);
            java.util.Arrays.fill(gram[d], 0.0);
            java.util.Arrays.fill(zd[d], 0.0);
            hb[d] = 0;
            for (int c2 = 0; c2 < k; c2++) {
                if (c2 == c) continue;
                int pr = Family.pair(c, c2, k);
                for (int i = 0; i < m * m; i++) gram[d][i] -= gram[pr][i];
                for (int s = 0; s < m; s++) zd[d][s] -= zd[pr][s];
                hb[d] -= hb[pr];
            }
        }
    }

    /**
     * The curvature along a change dη of the predictors (class-major K×n) under the weights h (pairs × n; null: the
     * reference weights of the blocks): Σᵢ Σ_cc' h_cc',i·dη_ci·dη_c'i, one pass over the rows. Its ratio for the
     * current weights to the reference ones is how much a kept metric over- or understates the curvature along a step.
     */
    double curvature(double[] h, double[] dEta, int k) {
        double[] wt = h == null ? weights : h;
        double sum = 0;
        for (int c = 0; c < k; c++) {
            for (int c2 = c; c2 < k; c2++) {
                int off = Family.pair(c, c2, k) * n;
                double part = 0;
                for (int i = 0; i < n; i++) part += wt[off + i] * dEta[c * n + i] * dEta[c2 * n + i];
                sum += c == c2 ? part : 2 * part;
            }
        }
        return sum;
    }

    /** Slots covered (0: nothing built). */
    int size() {
        return m;
    }

    /** Builds the blocks of the block's first m slots at weights h (pairs × n): one Gram-kernel call per class pair. */
    void build(ColumnBlock block, double[] h, int m) {
        this.m = m;
        weights = weights == null || weights.length != pairs * n ? new double[pairs * n] : weights;
        System.arraycopy(h, 0, weights, 0, pairs * n);
        gram = new double[pairs][m * m];
        zd = new double[pairs][m];
        hb = new double[pairs];
        boolean large = (double) n * m * m >= Thresholds.GLM_SINGLE_GRAM_FLOPS;
        for (int pr = 0; pr < pairs; pr++) {
            if (derived(pr)) continue;
            if (large && oneSign(pr)) block.gramSingle(weights, pr * n, gram[pr], zd[pr]);
            else block.gram(weights, pr * n, gram[pr], zd[pr]);
            double sum = 0;
            for (int i = 0; i < n; i++) sum += weights[pr * n + i];
            hb[pr] = sum;
        }
        deriveDiagonal();
        uses = 0;
    }

    /** Whether the reference weights of pair pr have one sign (a multinomial's off-diagonal pairs are all ≤ 0). */
    private boolean oneSign(int pr) {
        boolean positive = false;
        boolean negative = false;
        for (int i = 0; i < n; i++) {
            double v = weights[pr * n + i];
            positive |= v > 0;
            negative |= v < 0;
        }
        return !(positive && negative);
    }

    /** Extends the blocks to the block's first m1 slots under the reference weights: a weighted column pass per new slot and pair. */
    void extend(ColumnBlock block, int m1) {
        if (m1 <= m) return;
        int fresh = m1 - m;
        double[] columns = new double[fresh * m1];
        for (int pr = 0; pr < pairs; pr++) {
            if (derived(pr)) {
                gram[pr] = new double[m1 * m1];
                zd[pr] = new double[m1];
                continue;
            }
            double[] g = new double[m1 * m1];
            for (int s = 0; s < m; s++) System.arraycopy(gram[pr], s * m, g, s * m1, m);
            block.weightedProducts(m, weights, pr * n, zd[pr], columns);
            double[] z = Arrays.copyOf(zd[pr], m1);
            for (int t = m; t < m1; t++) {
                for (int s = 0; s < m1; s++) {
                    double v = columns[(t - m) * m1 + s];
                    g[s * m1 + t] = v;
                    g[t * m1 + s] = v;
                }
                z[t] = block.dot(t, weights, pr * n, null, 0);
            }
            gram[pr] = g;
            zd[pr] = z;
        }
        m = m1;
        deriveDiagonal();
    }
}
