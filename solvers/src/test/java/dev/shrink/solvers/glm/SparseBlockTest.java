package dev.shrink.solvers.glm;

import dev.shrink.kernels.CscView;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.SparseData;
import dev.shrink.solvers.internal.Threads;
import dev.shrink.solvers.matrix.DesignMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The sparse working-set block (columns kept compressed, centring implicit) against the dense gathered block of the same
 * matrix: every operation the engine uses agrees to rounding, on random patterns with an empty column and an empty row,
 * nonzero column means, weights read at an offset (multinomial class pairs), and columns added in several batches.
 */
class SparseBlockTest {

    @Test
    void agreesWithTheGatheredBlock() {
        qt().withExamples(40).forAll(longs().all(), integers().between(2, 40), integers().between(1, 12))
                .checkAssert((seed, n, p) -> compare(new Random(seed), n, p));
    }

    private static void compare(Random r, int n, int p) {
        SparseData data = SparseData.random(r, n, p, 0.3, 1.5, r.nextInt(p), r.nextInt(n));
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) mean[j] += data.dense()[i * p + j] / n;
        DesignMatrix sparse = DesignMatrix.of(new CscView(n, p, data.colStarts(), data.rowIndices(), data.colValues()), 1);
        ColumnBlock s = new SparseDesignOps(sparse, mean).newBlock();
        ColumnBlock d = new DenseDesignOps(MatrixView.rowMajor(data.dense(), n, p), mean, Threads.kernels(1)).newBlock();
        // the same features in the same batches (each batch is slotted in ascending order by both)
        int[] order = new int[p];
        for (int j = 0; j < p; j++) order[j] = j;
        for (int j = p - 1; j > 0; j--) {
            int t = r.nextInt(j + 1);
            int a = order[j];
            order[j] = order[t];
            order[t] = a;
        }
        int off = n; // weights and vectors read at an offset, as the engine's second class pair
        double[] h = new double[2 * n];
        double[] a = new double[2 * n];
        double[] b = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            h[i] = r.nextDouble();
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        double scale = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) scale = Math.max(scale, Math.abs(data.dense()[i * p + j]) + Math.abs(mean[j]));
        double tol = 1e-12 * n * scale * scale;

        int added = 0;
        while (added < p) {
            int count = 1 + r.nextInt(p - added);
            int[] batch = java.util.Arrays.copyOfRange(order, added, added + count);
            int from = d.size();
            s.add(batch, count);
            d.add(batch, count);
            added += count;
            // each batch's Gram columns, as a kept Gram is extended: the sparse block meets the old slots through its rows
            // (regrouped or not, by its cost rule) and takes their Zᵀh from the caller
            int m1 = d.size();
            double[] zdOld = new double[m1];
            d.multiplyTransposed(h, off, zdOld, 0);
            double[] ps = new double[(m1 - from) * m1];
            double[] pd = new double[(m1 - from) * m1];
            s.weightedProducts(from, h, off, java.util.Arrays.copyOf(zdOld, from), ps);
            d.weightedProducts(from, h, off, null, pd);
            for (int e = 0; e < pd.length; e++) assertEquals(pd[e], ps[e], tol, "weighted product " + e + " of the batch at slot " + from);
        }
        int m = d.size();
        assertEquals(m, s.size());
        for (int t = 0; t < m; t++) assertEquals(d.feature(t), s.feature(t));

        double[] gs = new double[m * m];
        double[] gd = new double[m * m];
        double[] zs = new double[m];
        double[] zd = new double[m];
        s.gram(h, off, gs, zs);
        d.gram(h, off, gd, zd);
        for (int e = 0; e < m * m; e++) assertEquals(gd[e], gs[e], tol, "Gram entry " + e);
        for (int t = 0; t < m; t++) assertEquals(zd[t], zs[t], tol, "Zᵀd entry " + t);

        double[] v = new double[m + 3];
        for (int t = 0; t < v.length; t++) v[t] = r.nextBoolean() ? 0.0 : r.nextGaussian();
        double[] os = new double[n + 5];
        double[] od = new double[n + 5];
        s.multiply(v, 3, os, 5);
        d.multiply(v, 3, od, 5);
        for (int i = 0; i < n; i++) assertEquals(od[5 + i], os[5 + i], tol, "Zv row " + i);

        double[] ts = new double[m];
        double[] td = new double[m];
        s.multiplyTransposed(a, off, ts, 0);
        d.multiplyTransposed(a, off, td, 0);
        for (int t = 0; t < m; t++) assertEquals(td[t], ts[t], tol, "Zᵀu entry " + t);

        for (int t = 0; t < m; t++) {
            double[] cs = new double[n + 2];
            double[] cd = new double[n + 2];
            s.column(t, cs, 2);
            d.column(t, cd, 2);
            for (int i = 0; i < n + 2; i++) assertEquals(cd[i], cs[i], tol, "column " + t + " row " + i);
            assertEquals(d.weightedSquares(t, h, off), s.weightedSquares(t, h, off), tol, "weighted squares " + t);
            assertEquals(d.dot(t, a, off, null, 0), s.dot(t, a, off, null, 0), tol, "dot " + t);
            assertEquals(d.dot(t, a, 0, b, off), s.dot(t, a, 0, b, off), tol, "weighted dot " + t);
            double[] rs = a.clone();
            double[] rd = a.clone();
            s.axpyWeighted(t, 0.7, h, off, rs, off);
            d.axpyWeighted(t, 0.7, h, off, rd, off);
            for (int i = 0; i < 2 * n; i++) assertEquals(rd[i], rs[i], tol, "axpy " + t + " at " + i);
        }

        int from = r.nextInt(m);
        double[] ps = new double[(m - from) * m];
        s.weightedProducts(from, h, off, zd, ps);
        for (int t = from; t < m; t++) {
            for (int u = 0; u < m; u++) assertEquals(gd[t * m + u], ps[(t - from) * m + u], tol, "weighted product " + t + ", " + u);
        }
    }
}
