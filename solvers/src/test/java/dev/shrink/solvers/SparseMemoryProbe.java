package dev.shrink.solvers;

import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;

/**
 * Run by {@link SparseMemoryTest} in a JVM with a small heap: a sparse design whose dense form would need tens of
 * gigabytes, built from CSR arrays (so that the fit converts them to columns: the "2× the arrays" case), then a lasso
 * path and a single lasso fit. Prints {@code key=value} lines: the arrays' bytes, the heap in use before the fits, the
 * peak of the heap pools during them, and how the fits ended.
 */
public final class SparseMemoryProbe {
    private SparseMemoryProbe() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int p = Integer.parseInt(args[1]);
        int perColumn = Integer.parseInt(args[2]);
        int nAlphas = Integer.parseInt(args[3]);
        // CSR arrays, built directly: row i holds the columns j with j ≡ i (mod n/perColumn)-spaced pattern below
        int step = n / perColumn;
        int[] rowCounts = new int[n + 1];
        for (int j = 0; j < p; j++) for (int t = 0; t < perColumn; t++) rowCounts[(j % step) + t * step + 1]++;
        for (int i = 0; i < n; i++) rowCounts[i + 1] += rowCounts[i];
        int nnz = rowCounts[n];
        int[] columns = new int[nnz];
        double[] values = new double[nnz];
        int[] next = java.util.Arrays.copyOf(rowCounts, n);
        SplittableRandom random = new SplittableRandom(42);
        for (int j = 0; j < p; j++) {
            for (int t = 0; t < perColumn; t++) {
                int i = (j % step) + t * step;
                int k = next[i]++;
                columns[k] = j; // ascending within the row: j runs upwards
                values[k] = 1 + random.nextInt(3);
            }
        }
        SparseDesign x = SparseDesign.csr(n, p, rowCounts, columns, values);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = rowCounts[i]; k < rowCounts[i + 1]; k++) if (columns[k] % 997 == 0) s += values[k] * (columns[k] % 2 == 0 ? 1 : -1);
            y[i] = s + random.nextGaussian();
        }
        long arrays = 4L * (n + 1) + 12L * nnz;
        System.gc();
        long before = used();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        PathResult path = ElasticNetPath.builder().l1Ratio(1.0).nAlphas(nAlphas).eps(0.2).threads(1).build().fit(x, y);
        LinearModel fit = Lasso.builder().alpha(path.penalties()[nAlphas / 2]).threads(1).build().fit(x, y);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        int support = 0;
        for (double v : path.coef(nAlphas - 1)) if (v != 0) support++;
        System.out.println("dense_bytes=" + 8L * n * p);
        System.out.println("arrays_bytes=" + arrays);
        System.out.println("heap_before=" + before);
        System.out.println("heap_peak=" + peak);
        System.out.println("max_heap=" + Runtime.getRuntime().maxMemory());
        System.out.println("path_converged=" + path.allConverged());
        System.out.println("fit_converged=" + fit.convergence().converged());
        System.out.println("support=" + support);
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
