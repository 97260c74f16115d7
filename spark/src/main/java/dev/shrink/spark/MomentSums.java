package dev.shrink.spark;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.SufficientStats;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weighted moments of augmented rows aᵢ = (xᵢ, 1, tᵢ): the lower triangle of M = Σᵢ wᵢ·aᵢaᵢᵀ, (p+2)×(p+2), packed row
 * by row. M holds XᵀWX, the column sums XᵀW1, Σw, XᵀWt, Σwt and Σwt²: with t the label that is everything a
 * least-squares fit needs ({@link #toStats}); with w and t the weights and working residuals of a Newton step it is
 * the Hessian, the gradient and the Pearson statistic of logistic regression ({@link LogisticNewton}).
 *
 * <p>Raw sums, so partitions add ({@link #add(MomentSums)}) and folds subtract ({@link #minus}). Dense rows wait in a
 * block of {@link #blockRows} rows that goes through the Gram kernel of {@link KernelProvider#get()} (a blocked SYRK:
 * the reason a pass runs near the machine's peak instead of Spark's one packed rank-1 update per row); sparse rows with
 * fewer than p/{@value #SPARSE_DIVISOR} non-zeros are added directly to the triangle, nnz²/2 products each.
 *
 * <p>Memory: the triangle, 4·(p+2)² bytes; while adding, the block (at most {@value #BLOCK_DOUBLES} doubles) and the
 * kernel's square output, 8·(p+2)² bytes. The block and the square are dropped before the sums travel
 * ({@link #flush()} runs before serialisation).
 */
final class MomentSums implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A sparse row goes straight into the triangle when its non-zeros are fewer than p / this. */
    static final int SPARSE_DIVISOR = 4;
    /** Size of the pending block of dense rows, in doubles (32 MB): flushes then cost little beside the kernel. */
    static final int BLOCK_DOUBLES = 1 << 22;

    private final int p;
    private final int q;
    private long rows;
    private double sumSquaredWeights;
    /** Lower triangle of M, row i at offset i(i+1)/2; null until the first row arrives. */
    private double[] packed;
    /** The kernels ({@link KernelProvider#name()}) and processes that produced these sums. */
    private final Set<String> kernels = new TreeSet<>();
    private final Set<Long> processes = new TreeSet<>();

    private transient double[] block;
    private transient double[] blockWeights;
    private transient int pending;
    private transient double[] square;

    /** Empty sums for rows of p features. */
    MomentSums(int p) {
        if (p < 1) throw new IllegalArgumentException("p must be ≥ 1, got " + p);
        this.p = p;
        this.q = p + 2;
    }

    /** Rows per block of dense rows for p features: about {@value #BLOCK_DOUBLES} doubles, between 64 and 4096 rows. */
    static int blockRows(int p) {
        return Math.clamp(BLOCK_DOUBLES / (p + 2), 64, 4096);
    }

    int p() {
        return p;
    }

    /** Number of rows added. */
    long rows() {
        return rows;
    }

    /** Σwᵢ². */
    double sumSquaredWeights() {
        return sumSquaredWeights;
    }

    /** Kernel implementations that ran, e.g. [vector-256] (a set: one name per distinct choice among executors). */
    Set<String> kernels() {
        return new TreeSet<>(kernels);
    }

    /** Process ids of the JVMs that added rows. */
    Set<Long> processes() {
        return new TreeSet<>(processes);
    }

    /** Adds the dense row x[offset .. offset + p) with response t and weight w. */
    void addDense(double[] x, int offset, double t, double w) {
        System.arraycopy(x, offset, nextRow(), pending * q, p);
        commitRow(t, w);
    }

    /** Adds the sparse row whose non-zeros are values[k] at the increasing indices[k], from ≤ k &lt; to. */
    void addSparse(int[] indices, double[] values, int from, int to, double t, double w) {
        int nnz = to - from;
        if (nnz * SPARSE_DIVISOR >= p) {
            double[] b = nextRow();
            int base = pending * q;
            Arrays.fill(b, base, base + p, 0.0);
            for (int k = from; k < to; k++) b[base + indices[k]] = values[k];
            commitRow(t, w);
            return;
        }
        double[] m = triangle();
        rows++;
        sumSquaredWeights += w * w;
        if (w == 0) return;
        // the row's non-zeros, then the augmented 1 and t at columns p and p + 1
        for (int a = from; a < to; a++) {
            int i = indices[a];
            double wi = w * values[a];
            int row = i * (i + 1) / 2;
            for (int b = from; b <= a; b++) m[row + indices[b]] += wi * values[b];
        }
        int rowOne = p * (p + 1) / 2;
        int rowT = (p + 1) * (p + 2) / 2;
        double wt = w * t;
        for (int a = from; a < to; a++) {
            m[rowOne + indices[a]] += w * values[a];
            m[rowT + indices[a]] += wt * values[a];
        }
        m[rowOne + p] += w;
        m[rowT + p] += wt;
        m[rowT + p + 1] += wt * t;
    }

    /** Adds another partition's sums (in place; returns this). */
    MomentSums add(MomentSums o) {
        if (o.p != p) throw new IllegalArgumentException("sums of " + o.p + " features cannot be added to sums of " + p);
        flush();
        o.flush();
        kernels.addAll(o.kernels);
        processes.addAll(o.processes);
        if (o.packed == null) return this;
        rows += o.rows;
        sumSquaredWeights += o.sumSquaredWeights;
        if (packed == null) {
            packed = o.packed.clone();
            return this;
        }
        double[] a = packed;
        double[] b = o.packed;
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return this;
    }

    /** These sums without the rows of {@code part} (a subset of them): training fold = total − validation fold. */
    MomentSums minus(MomentSums part) {
        flush();
        part.flush();
        MomentSums d = new MomentSums(p);
        d.rows = rows - part.rows;
        d.sumSquaredWeights = sumSquaredWeights - part.sumSquaredWeights;
        d.kernels.addAll(kernels);
        d.processes.addAll(processes);
        if (packed != null) {
            d.packed = packed.clone();
            if (part.packed != null) for (int i = 0; i < d.packed.length; i++) d.packed[i] -= part.packed[i];
        }
        return d;
    }

    /** M[i][j] (either triangle); 0 before any row. */
    double at(int i, int j) {
        flush();
        if (packed == null) return 0.0;
        return i >= j ? packed[i * (i + 1) / 2 + j] : packed[j * (j + 1) / 2 + i];
    }

    /** Σw. */
    double sumWeights() {
        return at(p, p);
    }

    /** Σw·xⱼ. */
    double xSum(int j) {
        return at(p, j);
    }

    /** Σw·xⱼ². */
    double xSquares(int j) {
        return at(j, j);
    }

    /** Σw·t. */
    double tSum() {
        return at(p + 1, p);
    }

    /** Σw·t². */
    double tSquares() {
        return at(p + 1, p + 1);
    }

    /** Σw·t·xⱼ. */
    double xt(int j) {
        return at(p + 1, j);
    }

    /**
     * The least-squares statistics of the features {@code kept} (in that order), each multiplied by its {@code scale},
     * and of t multiplied by {@code tScale}: {@link SufficientStats#ofSums} of the scaled raw sums. The row count there is
     * only a normalisation (the solvers rescale weights to sum to it), so it is capped at {@link Integer#MAX_VALUE}.
     */
    SufficientStats toStats(int[] kept, double[] scale, double tScale) {
        flush();
        int k = kept.length;
        double[] gram = new double[k * k];
        double[] sx = new double[k];
        double[] xty = new double[k];
        for (int a = 0; a < k; a++) {
            int i = kept[a];
            for (int b = 0; b <= a; b++) {
                double v = at(i, kept[b]) * scale[a] * scale[b];
                gram[a * k + b] = v;
                gram[b * k + a] = v;
            }
            sx[a] = xSum(i) * scale[a];
            xty[a] = xt(i) * scale[a] * tScale;
        }
        int n = (int) Math.min(Math.max(rows, 1), Integer.MAX_VALUE);
        return SufficientStats.ofSums(n, sumWeights(), sx, tSum() * tScale, tSquares() * tScale * tScale, gram, xty);
    }

    /** Sends the pending block through the kernel and drops the work arrays (sums are then compact). */
    void flush() {
        if (pending > 0) flushBlock();
        block = null;
        blockWeights = null;
        square = null;
    }

    /**
     * The block, with room for one more row at {@code pending}. It starts at 64 rows and doubles up to
     * {@link #blockRows} as rows arrive, so that small partitions do not allocate a full block.
     */
    private double[] nextRow() {
        if (block == null) {
            block = new double[Math.min(64, blockRows(p)) * q];
            blockWeights = new double[block.length / q];
            pending = 0;
        } else if ((pending + 1) * q > block.length) {
            int rows = Math.min(2 * (block.length / q), blockRows(p));
            block = Arrays.copyOf(block, rows * q);
            blockWeights = Arrays.copyOf(blockWeights, rows);
        }
        return block;
    }

    /** Completes the row at {@code pending} (its features written) with 1, t and its weight; flushes a full block. */
    private void commitRow(double t, double w) {
        int base = pending * q;
        block[base + p] = 1.0;
        block[base + p + 1] = t;
        blockWeights[pending] = w;
        rows++;
        sumSquaredWeights += w * w;
        if (++pending == blockRows(p)) flushBlock();
    }

    private double[] triangle() {
        if (packed == null) {
            packed = new double[q * (q + 1) / 2];
            KernelProvider k = KernelProvider.get();
            kernels.add(k.name());
            processes.add(ProcessHandle.current().pid());
        }
        return packed;
    }

    private void flushBlock() {
        double[] m = triangle();
        if (square == null) square = new double[q * q];
        // the kernel reads the first `pending` weights only
        KernelProvider.get().gram().gram(MatrixView.rowMajor(block, pending, q), blockWeights, null, square, 0, q, null, 0);
        for (int i = 0; i < q; i++) {
            int row = i * (i + 1) / 2;
            int src = i * q;
            for (int j = 0; j <= i; j++) m[row + j] += square[src + j];
        }
        pending = 0;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        flush();
        out.defaultWriteObject();
    }
}
