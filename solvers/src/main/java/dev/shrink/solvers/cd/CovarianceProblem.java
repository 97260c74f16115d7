package dev.shrink.solvers.cd;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.solvers.internal.Thresholds;

/**
 * Covariance-mode coordinate descent (Friedman, Hastie &amp; Tibshirani 2010, "Regularization paths for GLMs via
 * coordinate descent", §2.2): keeps H = X̃ᵀX̃w and c = X̃ᵀỹ, so a coordinate update costs O(1) and a nonzero move
 * O(p) through one Gram column; Gram columns come from a {@link GramColumns} source (dense, or computed lazily only
 * for coefficients that ever move).
 *
 * <p>While a working set is given, a move updates H only on the set (O(|set|) instead of O(p)) and records the step;
 * {@link #xtrAll} then applies the recorded steps to the other entries, one Gram column per moved coefficient.
 */
final class CovarianceProblem extends CdProblem {
    private final GramColumns gram;
    private final double[] c;
    private final double yy;
    private final double[] h;
    private final Level1 level1 = KernelProvider.get().level1();
    private int[] set;
    private int size;
    private boolean[] inSet;
    private final double[] pending;
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;

    CovarianceProblem(GramColumns gram, double[] diag, double[] c, double yy) {
        super(c.length, diag);
        this.gram = gram;
        this.c = c;
        this.yy = yy;
        this.h = new double[c.length];
        this.pending = new double[c.length];
        this.touched = new int[c.length];
        this.isTouched = new boolean[c.length];
    }

    @Override
    void workingSet(int[] set, int size, boolean[] inSet) {
        sync();
        this.set = set;
        this.size = size;
        this.inSet = inSet;
    }

    /** Applies the steps recorded while restricted to the entries of H outside the working set. */
    private void sync() {
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            double delta = pending[j];
            pending[j] = 0;
            isTouched[j] = false;
            if (delta == 0) continue;
            int at = gram.offset(j);
            double[] g = gram.data();
            for (int k = 0; k < p; k++) if (!inSet[k]) h[k] += delta * g[at + k];
        }
        touchedCount = 0;
    }

    @Override
    double xtr(int j) {
        return c[j] - h[j];
    }

    @Override
    void move(int j, double delta) {
        int at = gram.offset(j); // first: computing the column may replace the array
        double[] g = gram.data();
        if (set == null || size * Thresholds.SMALL_SET_DIVISOR > p) {
            level1.axpy(p, delta, g, at, h, 0); // every entry of H is current: nothing to record
            return;
        }
        // gather-scatter over the working set (no kernel for indexed axpy; |set| ≪ p here)
        for (int i = 0; i < size; i++) {
            int k = set[i];
            h[k] += delta * g[at + k];
        }
        record(j, delta);
    }

    private void record(int j, double delta) {
        if (!isTouched[j]) {
            isTouched[j] = true;
            touched[touchedCount++] = j;
        }
        pending[j] += delta;
    }

    @Override
    void xtrAll(double[] out) {
        sync();
        for (int j = 0; j < p; j++) out[j] = c[j] - h[j];
    }

    @Override
    double residualNorm2(double[] w) {
        // ‖ỹ − X̃w‖² = ỹᵀỹ + wᵀHw... with H = X̃ᵀX̃w: yy + w·H − 2 c·w. No sync needed: wⱼ ≠ 0 only inside the working
        // set, where H is always current.
        return Math.max(0.0, yy + level1.dot(p, w, 0, h, 0) - 2 * level1.dot(p, c, 0, w, 0));
    }

    @Override
    double residualDotY(double[] w) {
        return yy - level1.dot(p, c, 0, w, 0);
    }

    @Override
    boolean hasGram() {
        return true;
    }

    /** A moved coefficient updates H over the set, or over all p (see {@link #move}). */
    @Override
    double sweepCost(int size) {
        return (double) size * (set == null || size * Thresholds.SMALL_SET_DIVISOR > p ? p : size);
    }

    @Override
    double gram(int i, int j) {
        return gram.data()[gram.offset(i) + j];
    }

    @Override
    boolean fullGradientIsExpensive() {
        return set != null && size * Thresholds.SMALL_SET_DIVISOR <= p; // moves update H on the set only (see move): xtrAll must sync
    }

    @Override
    boolean coordinateGradientIsCheap() {
        return true;
    }

    /** Bringing H up to date outside the set (one pass of p per moved coefficient, see sync) and the full gap (p). */
    @Override
    double fullCheckCost() {
        return (double) p * (touchedCount + 1);
    }

    @Override
    double[] affineState() {
        workingSet(null, 0, null); // bring H up to date everywhere
        return h.clone();
    }

    @Override
    void extrapolateState(double[] s0, double r) {
        workingSet(null, 0, null);
        for (int j = 0; j < p; j++) h[j] += r * (h[j] - s0[j]);
    }

    @Override
    void gramColumn(int j, double[] out) {
        int at = gram.offset(j);
        System.arraycopy(gram.data(), at, out, 0, p);
    }

    @Override
    double xty(int j) {
        return c[j];
    }

    @Override
    double yNorm2() {
        return yy;
    }

    @Override
    void reset(double[] w) {
        workingSet(null, 0, null);
        java.util.Arrays.fill(h, 0.0);
        for (int j = 0; j < p; j++) if (w[j] != 0) move(j, w[j]);
    }

}
