package dev.shrink.solvers.glm;

import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.ParallelKernels;

import java.util.Arrays;

/**
 * A {@link ColumnBlock} that holds the working set's centred columns as a dense column-major n×m array in a growing
 * buffer (n·m doubles), filled by the design's own {@link Gather} (a dense design's columns; a sparse design keeps them
 * sparse instead, {@link SparseBlock}). Every product with the block then runs on the dense kernels.
 */
final class GatheredBlock extends BlockSlots {
    /** Writes the centred columns {@code features[0 .. count)} (sorted ascending) into z from offset, n values each. */
    interface Gather {
        void into(int[] features, int count, double[] z, int offset);
    }

    private final int p;
    private final ParallelKernels passes;
    private final Gather gather;
    private double[] z = new double[0];
    private double[] ones;
    private double[] scratch;
    private final KernelProvider kernels = KernelProvider.get();
    private final Level1 level1 = kernels.level1();

    GatheredBlock(int n, int p, ParallelKernels passes, Gather gather) {
        super(n, p);
        this.p = p;
        this.passes = passes;
        this.gather = gather;
    }

    @Override
    public void add(int[] add, int count) {
        int[] todo = fresh(add, count);
        int fresh = todo.length;
        if (fresh == 0) return;
        int m1 = m + fresh;
        if ((long) m1 * n > Integer.MAX_VALUE - 8) throw new IllegalStateException("working set too large: " + m1 + " columns of " + n);
        if ((long) m1 * n > z.length) {
            int cap = (int) Math.min((long) p, Math.max(m1, 2L * m));
            z = Arrays.copyOf(z, cap * n);
        }
        gather.into(todo, fresh, z, m * n);
        assign(todo);
    }

    private MatrixView view() {
        return new MatrixView(z, 0, n, m, Math.max(1, n), Layout.COLUMN_MAJOR);
    }

    @Override
    public void gram(double[] d, int dOffset, double[] g, double[] zd) {
        if (m == 0) return;
        double[] weights = dOffset == 0 ? d : Arrays.copyOfRange(d, dOffset, dOffset + n);
        if (ones == null) {
            ones = new double[n];
            Arrays.fill(ones, 1.0);
        }
        passes.gram(view(), weights, ones, g, 0, m, zd, 0);
    }

    /**
     * The block in float32, row-major (n×{@link #packedColumns}), packed once for every {@link #gramSingle} until columns
     * are added: each call (one per class pair of a multinomial) then only scales rows — contiguous, where packing the
     * column-major doubles for the Gram kernel would transpose the block element by element per call.
     */
    private float[] packed;
    private int packedColumns = -1;
    private float[] scaled;

    @Override
    public void gramSingle(double[] d, int dOffset, double[] g, double[] zd) {
        if (m == 0) return;
        if (packedColumns != m) pack();
        if (scaled == null || scaled.length < n * m) scaled = new float[n * m];
        double sign = 0;
        for (int i = 0; i < n; i++) {
            double v = d[dOffset + i];
            if (v != 0) sign = Math.signum(v);
            double scale = Math.sqrt(Math.abs(v)); // rows scaled by √|dᵢ|: the kernel's Gram of them is Zᵀ|D|Z
            for (int s = 0, at = i * m; s < m; s++) scaled[at + s] = (float) (scale * packed[at + s]);
        }
        float[] single = new float[m * m];
        passes.gramFloat32(FloatMatrixView.rowMajor(scaled, n, m), null, null, single, 0, m);
        for (int i = 0; i < m * m; i++) g[i] = sign * single[i];
        passes.multiplyTransposed(view(), d, dOffset, zd, 0);
    }

    /** Rows of the column-major block transposed per tile: a tile's columns stay in cache while its rows are written. */
    private static final int PACK_TILE = 64;

    /** {@link #packed} ← the block's columns as float32 rows. */
    private void pack() {
        if (packed == null || packed.length < n * m) packed = new float[n * m];
        for (int i0 = 0; i0 < n; i0 += PACK_TILE) {
            int i1 = Math.min(n, i0 + PACK_TILE);
            for (int s = 0; s < m; s++) {
                int col = s * n;
                for (int i = i0; i < i1; i++) packed[i * m + s] = (float) z[col + i];
            }
        }
        packedColumns = m;
    }

    /** New columns handled per trip through the block: their weighted copies stay in cache while each tile meets them. */
    private static final int PRODUCT_GROUP = 8;

    /**
     * Zᵀ(h∘z_t) for the new columns t, a group at a time: the group's weighted copies are the right-hand sides of one
     * tiled multi-class product ({@link #transposedProducts}), so the block is read from memory
     * once per group and the products run on the matrix-vector kernel (one dot product per pair was 13 % of a binomial
     * path's time).
     */
    @Override
    public void weightedProducts(int from, double[] h, int hOffset, double[] zd, double[] out) {
        double[] weighted = new double[Math.min(PRODUCT_GROUP, m - from) * n];
        for (int t0 = from; t0 < m; t0 += PRODUCT_GROUP) {
            int count = Math.min(PRODUCT_GROUP, m - t0);
            for (int c = 0; c < count; c++) {
                int at = (t0 + c) * n;
                for (int i = 0; i < n; i++) weighted[c * n + i] = h[hOffset + i] * z[at + i];
            }
            transposedProducts(weighted, count, out, (t0 - from) * m);
        }
    }

    @Override
    public void multiply(double[] v, int vOffset, double[] out, int outOffset) {
        if (m == 0) {
            Arrays.fill(out, outOffset, outOffset + n, 0.0);
            return;
        }
        kernels.matrixVector().multiply(view(), v, vOffset, out, outOffset);
    }

    @Override
    public void multiplyTransposed(double[] u, int uOffset, double[] out, int outOffset) {
        if (m == 0) return;
        passes.multiplyTransposed(view(), u, uOffset, out, outOffset);
    }

    /**
     * Rows per tile of the multi-class products: a tile of the block (ROW_TILE·m doubles, 400 KB at m = 200) stays in L2
     * while the K classes pass over it, so the block is read from memory once per product instead of K times.
     */
    private static final int ROW_TILE = 256;

    /** The rows [i0, i0 + rows) of the block as a column-major view (its columns strided by n). */
    private MatrixView tile(int i0, int rows) {
        return new MatrixView(z, i0, rows, m, Math.max(1, n), Layout.COLUMN_MAJOR);
    }

    @Override
    public void multiply(double[] v, int k, double[] out) {
        if (k == 1 || m == 0 || n <= ROW_TILE) {
            for (int c = 0; c < k; c++) multiply(v, c * m, out, c * n);
            return;
        }
        for (int i0 = 0; i0 < n; i0 += ROW_TILE) {
            MatrixView t = tile(i0, Math.min(ROW_TILE, n - i0));
            for (int c = 0; c < k; c++) kernels.matrixVector().multiply(t, v, c * m, out, c * n + i0);
        }
    }

    @Override
    public void multiplyTransposed(double[] u, int k, double[] out) {
        transposedProducts(u, k, out, 0);
    }

    /** The k products Zᵀu_c (u class-major, n each) into out from outOffset, m each. */
    private void transposedProducts(double[] u, int k, double[] out, int outOffset) {
        if (k == 1 || m == 0 || n <= ROW_TILE) {
            for (int c = 0; c < k; c++) multiplyTransposed(u, c * n, out, outOffset + c * m);
            return;
        }
        if (tilePart == null || tilePart.length < m) tilePart = new double[m];
        Arrays.fill(out, outOffset, outOffset + k * m, 0.0);
        for (int i0 = 0; i0 < n; i0 += ROW_TILE) {
            MatrixView t = tile(i0, Math.min(ROW_TILE, n - i0));
            for (int c = 0; c < k; c++) {
                kernels.matrixVector().multiplyTransposed(t, u, c * n + i0, tilePart, 0);
                for (int s = 0, at = outOffset + c * m; s < m; s++) out[at + s] += tilePart[s];
            }
        }
    }

    private double[] tilePart;

    @Override
    public void column(int slot, double[] out, int outOffset) {
        System.arraycopy(z, slot * n, out, outOffset, n);
    }

    @Override
    public double weightedSquares(int slot, double[] h, int hOffset) {
        if (scratch == null) scratch = new double[n];
        int at = slot * n;
        for (int i = 0; i < n; i++) scratch[i] = h[hOffset + i] * z[at + i];
        return level1.dot(n, scratch, 0, z, at);
    }

    @Override
    public void axpyWeighted(int slot, double d, double[] h, int hOffset, double[] out, int outOffset) {
        int at = slot * n;
        for (int i = 0; i < n; i++) out[outOffset + i] += d * h[hOffset + i] * z[at + i];
    }

    @Override
    public double dot(int slot, double[] a, int aOffset, double[] b, int bOffset) {
        if (b == null) return level1.dot(n, z, slot * n, a, aOffset);
        double s = 0;
        int at = slot * n;
        for (int i = 0; i < n; i++) s += z[at + i] * a[aOffset + i] * b[bOffset + i];
        return s;
    }
}
