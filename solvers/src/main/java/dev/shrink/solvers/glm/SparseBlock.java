package dev.shrink.solvers.glm;

import dev.shrink.kernels.CscFloatView;
import dev.shrink.kernels.CscView;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * A {@link ColumnBlock} of a sparse design that keeps the working set's columns where they are, in X's compressed
 * columns, with the centring implicit (z_t = x_j − x̄ⱼ·1, as glmnet's sparse binomial code and scikit-learn's
 * {@code X_offset} do): nothing of size n·m is ever formed. Products cost the block's stored entries plus O(n) for the
 * mean shift, and the weighted Gram is the sparse one (Gustavson's row-wise product: Σᵢcᵢ², cᵢ the block's entries in
 * row i) corrected for the means:
 * {@code ZᵀDZ = X_BᵀDX_B − c·x̄_Bᵀ − x̄_B·cᵀ + (Σd)·x̄_B·x̄_Bᵀ}, c = X_Bᵀd, and Zᵀd = c − (Σd)·x̄_B.
 * Memory: O(n + m² + p) besides X.
 */
final class SparseBlock extends BlockSlots {
    private final DesignMatrix x;
    private final double[] mean;
    /** Entries of the block in each row, and Σᵢ(entries in row i)²: the multiply–adds of one sparse Gram. */
    private final int[] rowCount;
    private long gramFlops;
    /** Stored entries of the block's columns. */
    private long stored;
    private final double[] scratchA;
    private final double[] scratchB;

    /** @param mean column means to subtract (null: none) */
    SparseBlock(DesignMatrix x, double[] mean) {
        super(x.rows(), x.cols());
        this.x = x;
        this.mean = mean;
        this.rowCount = new int[n];
        this.scratchA = new double[n];
        this.scratchB = new double[n];
    }

    @Override
    public void add(int[] add, int count) {
        int[] todo = fresh(add, count);
        int[] starts = starts();
        int[] rows = rowIndices();
        for (int j : todo) {
            // each row the column touches adds 2cᵢ + 1 to Σcᵢ²
            for (int k = starts[j]; k < starts[j + 1]; k++) {
                gramFlops += 2L * rowCount[rows[k]] + 1;
                rowCount[rows[k]]++;
            }
            stored += starts[j + 1] - starts[j];
        }
        assign(todo);
    }

    private int[] starts() {
        return x.view() instanceof CscView c ? c.columnStarts() : ((CscFloatView) x.view()).columnStarts();
    }

    private int[] rowIndices() {
        return x.view() instanceof CscView c ? c.rowIndices() : ((CscFloatView) x.view()).rowIndices();
    }

    /** The sparse product's Σᵢcᵢ² multiply–adds, plus the O(n + nnz of the block) of the mean correction. */
    @Override
    public double gramCost() {
        return gramFlops + n + stored;
    }

    /**
     * Per new slot: its stored entries, each meeting the block's entries in its row (about stored/n of them, ahead of
     * the rows' regrouping, which the rule of {@link #weightedProducts} keeps to a share of that).
     */
    @Override
    public double productsCost(int count) {
        return count * (1.0 + (double) stored / Math.max(m, 1)) * (1.0 + (double) stored / n);
    }

    /**
     * The Gram in double precision: the sparse product costs its stored entries' products, not n·m², so the float32
     * estimate of a dense block would save nothing (and double meets its bound).
     */
    @Override
    public void gramSingle(double[] d, int dOffset, double[] g, double[] zd) {
        gram(d, dOffset, g, zd);
    }

    private double mean(int j) {
        return mean == null ? 0.0 : mean[j];
    }

    /** v[off .. off + n) as an array indexed from 0 (a copy only when off ≠ 0). */
    private double[] at(double[] v, int off, double[] scratch) {
        if (off == 0) return v;
        System.arraycopy(v, off, scratch, 0, n);
        return scratch;
    }

    private double sum(double[] v) {
        double s = 0;
        for (int i = 0; i < n; i++) s += v[i];
        return s;
    }

    @Override
    public void gram(double[] d, int dOffset, double[] g, double[] zd) {
        if (m == 0) return;
        double[] weights = at(d, dOffset, scratchA);
        x.gram(features, m, weights, null, g, 0, m, null);
        double total = sum(weights);
        double[] c = new double[m];
        for (int a = 0; a < m; a++) c[a] = x.columnDot(features[a], null, weights);
        for (int a = 0; a < m; a++) {
            double ma = mean(features[a]);
            zd[a] = c[a] - ma * total;
            if (mean == null) continue;
            for (int b = 0; b < m; b++) {
                double mb = mean(features[b]);
                g[a * m + b] += -c[a] * mb - ma * c[b] + total * ma * mb;
            }
        }
    }

    /**
     * The weighted Gram columns of slots [from, m) against every slot, out[(t − from)·m + s] ← Σᵢhᵢz_{i,t}z_{i,s}, from
     * the block's rows (Gustavson's row-wise product, as {@link #gram}): each stored entry (i, x_it) of a new column meets
     * the block's entries in row i, Σᵢ∈t cᵢ multiply–adds per new slot instead of a pass over all the block's entries.
     * The mean correction takes Zᵀh of the old slots from the caller: Σhz_tz_s = Σhx_tx_s − x̄ₜ·(Zᵀh)_s − x̄ₛ·(X_Bᵀh)_t.
     */
    @Override
    public void weightedProducts(int from, double[] h, int hOffset, double[] zd, double[] out) {
        if (from >= m) return;
        double[] w = at(h, hOffset, scratchA);
        double total = mean == null ? 0.0 : sum(w);
        cover(from);
        double[] c = new double[m]; // X_Bᵀh of the new slots
        double[] products = new double[m];
        for (int t = from; t < m; t++) c[t] = x.columnDot(features[t], null, w);
        for (int t = from; t < m; t++) {
            rowProducts(t, w, products);
            double mt = mean(features[t]);
            for (int s = 0; s < m; s++) {
                double ms = mean(features[s]);
                double zds = s < from ? zd[s] : c[s] - total * ms;
                out[(t - from) * m + s] = products[s] - mt * zds - ms * c[t];
            }
        }
    }

    /** The block's first {@code grouped} slots regrouped by rows: row i's entries at [rowStart[i], rowStart[i + 1]). */
    private int[] rowStart;
    private int[] rowSlot;
    private double[] rowValue;
    private int grouped;
    private long groupedStored;
    /** Zero between uses of {@link #rowProducts}, which scatters a column into it and clears those entries again. */
    private double[] scattered;

    /**
     * Regroups the block by rows when the slots left out ([grouped, m)) would cost more to meet column by column
     * (their stored entries, once per new slot from {@code from}) than a regrouping of all (its stored entries and n).
     */
    private void cover(int from) {
        if (grouped == m) return;
        double apart = (double) (stored - groupedStored) * (m - from);
        if (rowStart != null && apart <= stored + n) return;
        int[] starts = starts();
        int[] rows = rowIndices();
        double[] dv = x.view() instanceof CscView cv ? cv.values() : null;
        float[] fv = dv == null ? ((CscFloatView) x.view()).values() : null;
        rowStart = new int[n + 1];
        for (int s = 0; s < m; s++) {
            int j = features[s];
            for (int q = starts[j]; q < starts[j + 1]; q++) rowStart[rows[q] + 1]++;
        }
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        int[] next = Arrays.copyOf(rowStart, n);
        rowSlot = new int[rowStart[n]];
        rowValue = new double[rowStart[n]];
        for (int s = 0; s < m; s++) {
            int j = features[s];
            for (int q = starts[j]; q < starts[j + 1]; q++) {
                int at = next[rows[q]]++;
                rowSlot[at] = s;
                rowValue[at] = dv != null ? dv[q] : fv[q];
            }
        }
        grouped = m;
        groupedStored = stored;
    }

    /**
     * out[s] ← Σᵢhᵢx_itx_is (uncentred) for every slot s: the grouped slots through the rows of slot t's entries, the
     * others by a dot against h∘x_t scattered into a scratch vector (cleared again at those entries only).
     */
    private void rowProducts(int t, double[] h, double[] out) {
        Arrays.fill(out, 0.0);
        int[] starts = starts();
        int[] rows = rowIndices();
        int j = features[t];
        double[] dv = x.view() instanceof CscView cv ? cv.values() : null;
        float[] fv = dv == null ? ((CscFloatView) x.view()).values() : null;
        for (int q = starts[j]; q < starts[j + 1]; q++) {
            int i = rows[q];
            double hx = h[i] * (dv != null ? dv[q] : fv[q]);
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) out[rowSlot[e]] += hx * rowValue[e];
        }
        if (grouped == m) return;
        if (scattered == null) scattered = new double[n];
        double[] u = scattered;
        x.columnAxpy(j, 1.0, h, u); // h∘x_t, zero elsewhere
        for (int s = grouped; s < m; s++) out[s] = x.columnDot(features[s], null, u);
        for (int q = starts[j]; q < starts[j + 1]; q++) u[rows[q]] = 0.0;
    }

    @Override
    public void multiply(double[] v, int vOffset, double[] out, int outOffset) {
        double[] y = outOffset == 0 ? out : scratchB;
        Arrays.fill(y, 0, n, 0.0);
        double shift = 0;
        for (int s = 0; s < m; s++) {
            double c = v[vOffset + s];
            if (c == 0) continue;
            x.columnAxpy(features[s], c, null, y);
            shift += c * mean(features[s]);
        }
        for (int i = 0; i < n; i++) out[outOffset + i] = y[i] - shift;
    }

    @Override
    public void multiplyTransposed(double[] u, int uOffset, double[] out, int outOffset) {
        if (m == 0) return;
        double[] a = at(u, uOffset, scratchA);
        double total = mean == null ? 0.0 : sum(a);
        for (int s = 0; s < m; s++) out[outOffset + s] = x.columnDot(features[s], null, a) - mean(features[s]) * total;
    }

    @Override
    public void column(int slot, double[] out, int outOffset) {
        double mj = mean(features[slot]);
        Arrays.fill(out, outOffset, outOffset + n, -mj);
        if (outOffset == 0) {
            x.columnAxpy(features[slot], 1.0, null, out);
            return;
        }
        Arrays.fill(scratchB, 0.0);
        x.columnAxpy(features[slot], 1.0, null, scratchB);
        for (int i = 0; i < n; i++) out[outOffset + i] += scratchB[i];
    }

    /** Σᵢhᵢ(xᵢⱼ − x̄ⱼ)² = Σ_stored hᵢxᵢⱼ(xᵢⱼ − 2x̄ⱼ) + x̄ⱼ²·Σᵢhᵢ. */
    @Override
    public double weightedSquares(int slot, double[] h, int hOffset) {
        int j = features[slot];
        double[] w = at(h, hOffset, scratchA);
        double mj = mean(j);
        // Σ_stored hᵢxᵢⱼ², and Σ_stored hᵢxᵢⱼ through a column dot against the weights themselves
        Arrays.fill(scratchB, 0.0);
        x.columnAxpy(j, 1.0, null, scratchB); // xⱼ dense, to square it against h
        double stored = x.columnDot(j, w, scratchB);
        if (mj == 0) return stored;
        return stored - 2 * mj * x.columnDot(j, null, w) + mj * mj * sum(w);
    }

    /** out += d·h∘(xⱼ − x̄ⱼ): the stored entries, then the mean's shift over every row. */
    @Override
    public void axpyWeighted(int slot, double d, double[] h, int hOffset, double[] out, int outOffset) {
        int j = features[slot];
        double[] w = at(h, hOffset, scratchA);
        double[] y = outOffset == 0 ? out : scratchB;
        if (outOffset != 0) Arrays.fill(scratchB, 0.0);
        x.columnAxpy(j, d, w, y);
        double shift = d * mean(j);
        if (outOffset != 0) {
            for (int i = 0; i < n; i++) out[outOffset + i] += scratchB[i] - shift * w[i];
        } else if (shift != 0) {
            for (int i = 0; i < n; i++) out[i] -= shift * w[i];
        }
    }

    /** Σᵢ(xᵢⱼ − x̄ⱼ)·aᵢ·bᵢ = Σ_stored xᵢⱼaᵢbᵢ − x̄ⱼ·Σᵢaᵢbᵢ. */
    @Override
    public double dot(int slot, double[] a, int aOffset, double[] b, int bOffset) {
        int j = features[slot];
        double[] u = at(a, aOffset, scratchA);
        double mj = mean(j);
        if (b == null) return x.columnDot(j, null, u) - (mj == 0 ? 0.0 : mj * sum(u));
        double[] v = at(b, bOffset, scratchB);
        double stored = x.columnDot(j, u, v);
        if (mj == 0) return stored;
        double ab = 0;
        for (int i = 0; i < n; i++) ab += u[i] * v[i];
        return stored - mj * ab;
    }
}
