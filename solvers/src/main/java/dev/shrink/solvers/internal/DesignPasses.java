package dev.shrink.solvers.internal;

import dev.shrink.kernels.Checks;
import dev.shrink.kernels.DenseMatrix;
import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

import java.util.Arrays;

/**
 * Every way the smooth-loss engines (L-BFGS, Newton–Cholesky, Newton-CG, Newton through XXᵀ) read the design X: the
 * products Xv and Xᵀu, the fused pass (Xv, an elementwise map, Xᵀ of its result, in one pass over X), the weighted
 * Gram XᵀDX and the kernel XXᵀ. Keeping X behind these few operations is what lets another representation (a sparse
 * design) replace the dense one.
 *
 * <p>The fused pass walks X in blocks of rows small enough to stay in cache between the forward product and the
 * backward one, so one evaluation of a loss and its gradient costs one trip through memory instead of two. With
 * {@code threads} &gt; 1 the rows are cut into that many contiguous chunks (large problems only) whose partial results
 * are added in chunk order: for a given count the result is the same on every run.
 *
 * <p>{@link #float32()} gives the same passes over a float32 copy of X: the products Xv, Xᵀu and the fused pass read
 * half the bytes (X rounded once to float32, every product still accumulated in double), the Gram, kernel and row
 * gathers still read X itself.
 */
public final class DesignPasses {
    /** Elements of X per block of rows of the fused pass (128 KiB: the forward product leaves it in L2 for the backward one). */
    static final int BLOCK_ELEMENTS = 16384;

    /**
     * The elementwise step of a fused pass: turns the linear predictors {@code z[from .. to)} into the weights
     * {@code r[from .. to)} of the backward product Xᵀr, and returns this block's share of a sum (a loss value, say;
     * the shares are added in row order within a chunk and in chunk order across chunks). Called once per block, from
     * several threads at once for disjoint ranges.
     */
    @FunctionalInterface
    public interface RowMap {
        double apply(int from, int to, double[] z, double[] r);
    }

    private final MatrixView x;
    /** What the products and the fused pass read: X itself, or its float32 copy. */
    private final DenseMatrix passes;
    private final int n;
    private final int p;
    private final int threads;
    private final ParallelKernels parallel;
    private final MatrixVector mv = KernelProvider.get().matrixVector();
    private final Level1 level1 = KernelProvider.get().level1();
    private final int block;
    private final int chunks;
    /** Per chunk: its share of Xᵀr (chunk 0 writes the output itself) and one block's product. */
    private final double[][] partials;
    private final double[][] blockProducts;

    public DesignPasses(MatrixView x, int threads) {
        this(x, x, threads);
    }

    private DesignPasses(MatrixView x, DenseMatrix passes, int threads) {
        this.x = x;
        this.passes = passes;
        this.n = x.rows();
        this.p = x.cols();
        this.threads = Threads.check(threads);
        this.parallel = Threads.kernels(threads);
        this.block = Math.max(4, Math.min(256, BLOCK_ELEMENTS / Math.max(1, p)) & -4);
        this.chunks = 4L * n * p < ParallelKernels.DEFAULT_MIN_FLOPS ? 1 : Math.max(1, Math.min(threads, n / block));
        this.partials = new double[chunks][];
        this.blockProducts = new double[chunks][];
    }

    public int n() {
        return n;
    }

    public int p() {
        return p;
    }

    public int threads() {
        return threads;
    }

    /** Whether the products and the fused pass read a float32 copy of X ({@link #float32()}). */
    public boolean isFloat32() {
        return passes instanceof FloatMatrixView;
    }

    /**
     * These passes over a float32 copy of X (made now: n·p floats), or null when some |xᵢⱼ| exceeds the float32 range.
     * Each element is rounded once (relative error ≤ 2⁻²⁴), so a product differs from the double one by at most
     * 2⁻²⁴·Σ|xᵢⱼvⱼ| beyond the double product's own bound; the Gram, the kernel and the row gathers read X itself.
     */
    public DesignPasses float32() {
        double[] a = x.data();
        boolean rowMajor = x.layout() == Layout.ROW_MAJOR;
        int lines = rowMajor ? n : p;
        int length = rowMajor ? p : n;
        double largest = 0;
        for (int line = 0; line < lines; line++) largest = Math.max(largest, level1.maxAbs(length, a, x.offset() + line * x.ld()));
        if (!(largest <= Float.MAX_VALUE)) return null;
        float[] copy = new float[Checks.elements("the float32 copy of X", n, p)];
        if (rowMajor) {
            for (int i = 0; i < n; i++) {
                int from = x.offset() + i * x.ld();
                int to = i * p;
                for (int j = 0; j < p; j++) copy[to + j] = (float) a[from + j]; // a simple loop: C2 vectorizes it
            }
        } else {
            for (int j = 0; j < p; j++) {
                int from = x.offset() + j * x.ld();
                for (int i = 0; i < n; i++) copy[i * p + j] = (float) a[from + i];
            }
        }
        return new DesignPasses(x, FloatMatrixView.rowMajor(copy, n, p), threads);
    }

    /**
     * {@link #float32()} when X has at least {@link Thresholds#FLOAT32_MIN_ELEMENTS} elements (n·p; the property
     * {@code -Dshrink.float32MinElements=N} sets it) and these passes read X itself, else null: the cheaper passes the
     * L-BFGS engines run their first phase on.
     */
    public DesignPasses float32IfLarge() {
        long elements = (long) n * p;
        return !isFloat32() && elements >= Long.getLong("shrink.float32MinElements", Thresholds.FLOAT32_MIN_ELEMENTS) ? float32() : null;
    }

    /** out ← Xv (n values). */
    public void multiply(double[] v, double[] out) {
        mv.multiply(passes, v, 0, out, 0);
    }

    /** out ← Xᵀu (p values), in row chunks when large. */
    public void multiplyTransposed(double[] u, double[] out) {
        parallel.multiplyTransposed(passes, u, 0, out, 0);
    }

    /**
     * out[t] ← x_{rows[t]}·v for t &lt; rows.length (a sample of the rows of Xv), read from X itself.
     */
    public void multiplyRows(int[] rows, double[] v, double[] out) {
        Checks.range("v", v, 0, p);
        Checks.range("out", out, 0, rows.length);
        double[] a = x.data();
        for (int t = 0; t < rows.length; t++) {
            int at = x.index(rows[t], 0);
            if (x.layout() == Layout.ROW_MAJOR) {
                out[t] = level1.dot(p, a, at, v, 0);
            } else {
                double sum = 0;
                for (int j = 0; j < p; j++) sum = Math.fma(a[at + j * x.ld()], v[j], sum);
                out[t] = sum;
            }
        }
    }

    /**
     * Σᵢ hᵢ·(xᵢ·d_w + d_b)² over all n rows (d_b = d[p] with an intercept, else 0), estimated from the evenly spaced
     * sample of {@link Thresholds#CURVATURE_SAMPLE_ROWS} rows (exact for n up to that) scaled by n/k: a smooth GLM's
     * curvature along d, for the length of L-BFGS's first step, at a fraction of the product Xd.
     */
    public double sampledCurvature(double[] d, boolean intercept, java.util.function.IntToDoubleFunction h) {
        int[] rows = evenlySpaced(n, Thresholds.CURVATURE_SAMPLE_ROWS);
        double[] xd = new double[rows.length];
        multiplyRows(rows, d, xd);
        double db = intercept ? d[p] : 0.0;
        double q = 0;
        for (int t = 0; t < rows.length; t++) {
            double u = xd[t] + db;
            q += h.applyAsDouble(rows[t]) * u * u;
        }
        return q * n / rows.length;
    }

    /** Rows ⌊t·n/k⌋, t &lt; k, k = min(n, most): an evenly spaced sample (all rows when n ≤ most). */
    public static int[] evenlySpaced(int n, int most) {
        int k = Math.min(n, most);
        int[] rows = new int[k];
        for (int t = 0; t < k; t++) rows[t] = (int) ((long) t * n / k);
        return rows;
    }

    /**
     * One pass over X: z ← Xv + shift, r ← map(z) block by block, out ← Xᵀr. Returns the sum of the map's shares.
     * z and r have n values, out p; none may alias another or X.
     */
    public double fused(double[] v, double shift, double[] z, double[] r, RowMap map, double[] out) {
        return fused(1, v, shift == 0 ? null : new double[] {shift}, z, r, map, out);
    }

    /**
     * The fused pass for k vectors at once (the classes of a multinomial model), still one trip through X: for class c,
     * {@code z[c·n + i] ← xᵢ·v[c·p ..] + shifts[c]} (shifts null: none), then r ← map(z) block by block (the map sees
     * rows [from, to) of every class, class-major), then {@code out[c·p ..] ← Xᵀ r[c·n ..]}. z and r have k·n values,
     * out k·p.
     */
    public double fused(int k, double[] v, double[] shifts, double[] z, double[] r, RowMap map, double[] out) {
        Checks.range("v", v, 0, k * p);
        Checks.range("z", z, 0, k * n);
        Checks.range("r", r, 0, k * n);
        Checks.range("out", out, 0, k * p);
        if (isZero(v, k * p)) return backwardOnly(k, shifts, z, r, map, out);
        if (chunks == 1) return fusedRows(0, 0, n, k, v, shifts, z, r, map, out);
        double[] sums = new double[chunks];
        for (int c = 1; c < chunks; c++) if (partials[c] == null || partials[c].length < k * p) partials[c] = new double[k * p];
        parallel.run(chunks, c -> sums[c] = fusedRows(c, start(c), start(c + 1), k, v, shifts, z, r, map, c == 0 ? out : partials[c]));
        double total = sums[0];
        for (int c = 1; c < chunks; c++) {
            double[] part = partials[c];
            for (int j = 0; j < k * p; j++) out[j] += part[j];
            total += sums[c];
        }
        return total;
    }

    /**
     * The fused pass at v = 0 (where L-BFGS and the Newton methods start): z is the shifts, so only the backward
     * product reads X (the forward one would multiply X by zeros); the map sees all rows at once.
     */
    private double backwardOnly(int k, double[] shifts, double[] z, double[] r, RowMap map, double[] out) {
        for (int cl = 0; cl < k; cl++) Arrays.fill(z, cl * n, cl * n + n, shifts == null ? 0.0 : shifts[cl]);
        double sum = map.apply(0, n, z, r);
        for (int cl = 0; cl < k; cl++) parallel.multiplyTransposed(passes, r, cl * n, out, cl * p);
        return sum;
    }

    private static boolean isZero(double[] v, int length) {
        for (int j = 0; j < length; j++) if (v[j] != 0) return false;
        return true;
    }

    /** The fused pass over rows [r0, r1) (chunk c) for k classes: out is overwritten with their share of Xᵀr. */
    private double fusedRows(int c, int r0, int r1, int k, double[] v, double[] shifts, double[] z, double[] r, RowMap map, double[] out) {
        Arrays.fill(out, 0, k * p, 0.0);
        if (blockProducts[c] == null) blockProducts[c] = new double[p];
        double[] tmp = blockProducts[c];
        double sum = 0;
        for (int b0 = r0; b0 < r1; b0 += block) {
            int b1 = Math.min(r1, b0 + block);
            DenseMatrix rows = rows(b0, b1);
            for (int cl = 0; cl < k; cl++) {
                mv.multiply(rows, v, cl * p, z, cl * n + b0);
                double shift = shifts == null ? 0.0 : shifts[cl];
                if (shift != 0) for (int i = cl * n + b0; i < cl * n + b1; i++) z[i] += shift;
            }
            sum += map.apply(b0, b1, z, r);
            for (int cl = 0; cl < k; cl++) {
                mv.multiplyTransposed(rows, r, cl * n + b0, tmp, 0);
                int at = cl * p;
                for (int j = 0; j < p; j++) out[at + j] += tmp[j];
            }
        }
        return sum;
    }

    /**
     * G ← XᵀDX (p×p row-major at {@code g[offset + i·ld + j]}, both triangles) and, when y is given, xty ← XᵀDy in
     * the same pass; in row chunks when large.
     */
    public void weightedGram(double[] d, double[] g, int offset, int ld, double[] y, double[] xty) {
        parallel.gram(x, d, y, g, offset, ld, xty, 0);
    }

    /** Copies rows {@code rows[0 .. k)} of X into {@code out}, k×p row-major (a sample for a preconditioner). */
    public void gatherRows(int[] rows, double[] out) {
        double[] a = x.data();
        for (int t = 0; t < rows.length; t++) {
            int at = x.index(rows[t], 0);
            if (x.layout() == Layout.ROW_MAJOR) {
                System.arraycopy(a, at, out, t * p, p);
            } else {
                for (int j = 0; j < p; j++) out[t * p + j] = a[at + j * x.ld()];
            }
        }
    }

    /** The kernel matrix K = XXᵀ, n×n row-major (both triangles), in chunks of columns when large. */
    public double[] kernel() {
        double[] k = new double[Checks.elements("the kernel matrix XXᵀ", n, n)];
        MatrixView transposed = new MatrixView(x.data(), x.offset(), p, n, x.ld(),
                x.layout() == Layout.ROW_MAJOR ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR);
        parallel.gram(transposed, null, null, k, 0, Math.max(1, n), null, 0);
        return k;
    }

    /** Rows [r0, r1) of what the passes read, as a view on the same array. */
    private DenseMatrix rows(int r0, int r1) {
        return switch (passes) {
            case MatrixView m -> new MatrixView(m.data(), rowOffset(m.layout(), m.offset(), m.ld(), r0), r1 - r0, p, m.ld(), m.layout());
            case FloatMatrixView m -> new FloatMatrixView(m.data(), rowOffset(m.layout(), m.offset(), m.ld(), r0), r1 - r0, p, m.ld(), m.layout());
            default -> throw new IllegalStateException("passes read a MatrixView or a FloatMatrixView");
        };
    }

    private static int rowOffset(Layout layout, int offset, int ld, int r0) {
        return layout == Layout.ROW_MAJOR ? offset + r0 * ld : offset + r0;
    }

    /** First row of chunk c: whole blocks, shared as evenly as they allow. */
    private int start(int c) {
        int blocks = (n + block - 1) / block;
        return (int) Math.min(n, (long) blocks * c / chunks * block);
    }
}
