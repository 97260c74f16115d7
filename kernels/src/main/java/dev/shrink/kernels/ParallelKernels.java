package dev.shrink.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Gram matrix and Xᵀr for large inputs on several threads: the rows of X are cut into {@code tasks} contiguous
 * chunks of (almost) equal size, each chunk runs the sequential kernel of a {@link KernelProvider} on an executor
 * (the calling thread takes the last chunk), and the partial results are added in chunk order 0, 1, 2, … . The
 * chunking depends only on the number of rows and {@code tasks}, so for a given task count the result is the same
 * on every run, whatever the scheduling.
 *
 * <p>Below a size threshold ({@link #DEFAULT_MIN_FLOPS} by default, measured in flops: n·p² for the Gram matrix,
 * 2·n·p for Xᵀr) the call runs the sequential kernel on the calling thread: starting tasks costs more than it saves.
 *
 * <p>Error bounds against exact arithmetic, with T the number of chunks: the chunk kernels' bounds plus T−1 more
 * additions, {@code |ΔGᵢⱼ| ≤ (2n + T)·ε·Σₖ dₖ|xₖᵢxₖⱼ|} and {@code |Δ(Xᵀr)ⱼ| ≤ (2n + T)·ε·Σₖ |xₖⱼrₖ|}.
 */
public final class ParallelKernels {
    /** Default work threshold (flops) below which calls stay on the calling thread: about a millisecond of work. */
    public static final long DEFAULT_MIN_FLOPS = 1L << 24;

    private final KernelProvider kernels;
    private final Executor executor;
    private final int tasks;
    private final long minFlops;

    /**
     * Kernels of {@code kernels} on the common {@link ForkJoinPool}, with one chunk per pool thread plus one for the
     * calling thread, parallel above {@link #DEFAULT_MIN_FLOPS}.
     */
    public ParallelKernels(KernelProvider kernels) {
        this(kernels, ForkJoinPool.commonPool(), ForkJoinPool.getCommonPoolParallelism() + 1, DEFAULT_MIN_FLOPS);
    }

    /**
     * @param kernels  the sequential kernels each chunk runs
     * @param executor runs chunks 0 .. tasks−2; the calling thread runs the last one and waits for the others
     * @param tasks    number of row chunks, ≥ 1 (the result depends on it, deterministically)
     * @param minFlops work below which the call runs sequentially on the calling thread, ≥ 0
     */
    public ParallelKernels(KernelProvider kernels, Executor executor, int tasks, long minFlops) {
        if (kernels == null) throw new IllegalArgumentException("kernels must not be null");
        if (executor == null) throw new IllegalArgumentException("executor must not be null");
        if (tasks < 1) throw new IllegalArgumentException("tasks must be ≥ 1, got " + tasks);
        if (minFlops < 0) throw new IllegalArgumentException("minFlops must be ≥ 0, got " + minFlops);
        this.kernels = kernels;
        this.executor = executor;
        this.tasks = tasks;
        this.minFlops = minFlops;
    }

    /** Number of row chunks. */
    public int tasks() {
        return tasks;
    }

    /** The sequential kernels each chunk runs. */
    public KernelProvider kernels() {
        return kernels;
    }

    /** Same contract as {@link Gram#gram(DenseMatrix, double[], double[], double[], int, int, double[], int)}. */
    public void gram(DenseMatrix x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset) {
        int n = x.rows();
        int p = x.cols();
        int chunks = chunks(n, (long) n * p * p);
        if (chunks == 1) {
            kernels.gram().gram(x, weights, y, g, gOffset, ldg, xty, xtyOffset);
            return;
        }
        if (weights != null) Checks.range("weights", weights, 0, n);
        if (y != null) {
            Checks.range("y", y, 0, n);
            Checks.range("xty", xty, xtyOffset, p);
        }
        Checks.square("g", g, gOffset, ldg, p);
        double[][] parts = new double[chunks][Checks.elements("a partial Gram matrix", p, p)];
        double[][] partsXty = new double[chunks][y == null ? 0 : p];
        run(chunks, c -> {
            int r0 = start(n, chunks, c);
            int r1 = start(n, chunks, c + 1);
            double[] w = weights == null ? null : Arrays.copyOfRange(weights, r0, r1);
            double[] yc = y == null ? null : Arrays.copyOfRange(y, r0, r1);
            kernels.gram().gram(rows(x, r0, r1), w, yc, parts[c], 0, Math.max(1, p), yc == null ? null : partsXty[c], 0);
        });
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = parts[0][i * p + j];
                for (int c = 1; c < chunks; c++) s += parts[c][i * p + j];
                g[gOffset + i * ldg + j] = s;
            }
        }
        if (y != null) {
            for (int j = 0; j < p; j++) {
                double s = partsXty[0][j];
                for (int c = 1; c < chunks; c++) s += partsXty[c][j];
                xty[xtyOffset + j] = s;
            }
        }
    }

    /**
     * Same contract as {@link Gram#gramFloat32(DenseMatrix, double[], double[], float[], int, int)}; the chunks'
     * float32 partial Grams are added in double and rounded once (the bound gains T − 1 additions in float32 units).
     */
    public void gramFloat32(DenseMatrix x, double[] center, double[] rowScale, float[] g, int gOffset, int ldg) {
        int n = x.rows();
        int p = x.cols();
        int chunks = chunks(n, (long) n * p * p / 2); // float32 flops cost about half
        if (chunks == 1) {
            kernels.gram().gramFloat32(x, center, rowScale, g, gOffset, ldg);
            return;
        }
        if (center != null) Checks.range("center", center, 0, p);
        if (rowScale != null) Checks.range("rowScale", rowScale, 0, n);
        Checks.square("g", g, gOffset, ldg, p);
        float[][] parts = new float[chunks][p * p];
        run(chunks, c -> {
            int r0 = start(n, chunks, c);
            int r1 = start(n, chunks, c + 1);
            double[] s = rowScale == null ? null : Arrays.copyOfRange(rowScale, r0, r1);
            kernels.gram().gramFloat32(rows(x, r0, r1), center, s, parts[c], 0, Math.max(1, p));
        });
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = parts[0][i * p + j];
                for (int c = 1; c < chunks; c++) s += parts[c][i * p + j];
                g[gOffset + i * ldg + j] = (float) s;
            }
        }
    }

    /** Same contract as {@link MatrixVector#multiplyTransposed}: y ← Aᵀx. */
    public void multiplyTransposed(DenseMatrix a, double[] x, int xOffset, double[] y, int yOffset) {
        int n = a.rows();
        int p = a.cols();
        int chunks = chunks(n, 2L * n * p);
        if (chunks == 1) {
            kernels.matrixVector().multiplyTransposed(a, x, xOffset, y, yOffset);
            return;
        }
        Checks.range("x", x, xOffset, n);
        Checks.range("y", y, yOffset, p);
        double[][] parts = new double[chunks][p];
        run(chunks, c -> {
            int r0 = start(n, chunks, c);
            int r1 = start(n, chunks, c + 1);
            kernels.matrixVector().multiplyTransposed(rows(a, r0, r1), x, xOffset + r0, parts[c], 0);
        });
        for (int j = 0; j < p; j++) {
            double s = parts[0][j];
            for (int c = 1; c < chunks; c++) s += parts[c][j];
            y[yOffset + j] = s;
        }
    }

    /**
     * Same contract as {@link MatrixVector#residualGradient}: each chunk of rows computes its residuals and its partial
     * Aᵀr in one sweep; the partial gradients are added in chunk order (bound: T − 1 more additions).
     */
    public void residualGradient(DenseMatrix a, double[] x, double c, double[] y, double[] s, double[] r, double[] g) {
        int n = a.rows();
        int p = a.cols();
        int chunks = chunks(n, 4L * n * p);
        if (chunks == 1) {
            kernels.matrixVector().residualGradient(a, x, c, y, s, r, g);
            return;
        }
        Checks.residualGradient(a, x, y, s, r, g);
        double[][] parts = new double[chunks][p];
        run(chunks, k -> {
            int r0 = start(n, chunks, k);
            int r1 = start(n, chunks, k + 1);
            double[] rk = new double[r1 - r0];
            kernels.matrixVector().residualGradient(rows(a, r0, r1), x, c, Arrays.copyOfRange(y, r0, r1),
                    s == null ? null : Arrays.copyOfRange(s, r0, r1), rk, parts[k]);
            System.arraycopy(rk, 0, r, r0, rk.length);
        });
        for (int j = 0; j < p; j++) {
            double sum = parts[0][j];
            for (int k = 1; k < chunks; k++) sum += parts[k][j];
            g[j] = sum;
        }
    }

    private int chunks(int n, long flops) {
        if (flops < minFlops) return 1;
        return Math.max(1, Math.min(tasks, n));
    }

    /** First row of chunk c: the rows are shared as evenly as integers allow. */
    private static int start(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Rows [r0, r1) of x as a view on the same storage. */
    private static DenseMatrix rows(DenseMatrix x, int r0, int r1) {
        return switch (x) {
            case MatrixView v -> new MatrixView(v.data(), rowOffset(v.layout(), v.offset(), v.ld(), r0), r1 - r0, v.cols(), v.ld(), v.layout());
            case FloatMatrixView v -> new FloatMatrixView(v.data(), rowOffset(v.layout(), v.offset(), v.ld(), r0), r1 - r0, v.cols(), v.ld(),
                    v.layout());
            case RowArrays v -> v.rows(r0, r1);
        };
    }

    private static int rowOffset(Layout layout, int offset, int ld, int r0) {
        return layout == Layout.ROW_MAJOR ? offset + r0 * ld : offset + r0;
    }

    /** One chunk of a split pass. */
    public interface Chunk {
        void run(int c);
    }

    /**
     * Runs {@code chunk.run(c)} for c = 0 .. count−1 on this object's executor, the last one on the calling thread, then
     * waits for all; rethrows the first failure. For passes of other shapes (e.g. a solver's fused passes) that split
     * their rows as these kernels do.
     */
    public void run(int count, Chunk chunk) {
        List<CompletableFuture<Void>> futures = new ArrayList<>(count - 1);
        for (int c = 0; c < count - 1; c++) {
            int index = c;
            futures.add(CompletableFuture.runAsync(() -> chunk.run(index), executor));
        }
        RuntimeException failure = null;
        try {
            chunk.run(count - 1);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> f : futures) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failure != null) throw failure;
    }
}
