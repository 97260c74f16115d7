package dev.shrink.solvers.matrix;

import dev.shrink.kernels.CscView;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Double values that are all exact single-precision numbers are read from a single-precision copy: every operation of
 * {@link SparseMatrix} gives the same bits as on the doubles themselves (random patterns with empty columns and rows,
 * count-like values, weights or none), the copy is made once per values array, and a value that single precision
 * does not hold keeps the doubles.
 */
class SparseMatrixSingleTest {

    @Test
    void exactSingleValuesGiveTheBitsOfTheDoubles() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 300), integers().between(1, 40))
                .checkAssert((seed, n, p) -> compare(new Random(seed), n, p));
    }

    private static void compare(Random r, int n, int p) {
        CscView x = counts(r, n, p);
        SparseMatrix single = new SparseMatrix(x, null, true);
        SparseMatrix doubles = new SparseMatrix(x, null, false);
        assertNotNull(SparseMatrix.exactSingle(x.values()));
        assertSame(x, single.view());
        double[] v = new double[n];
        double[] s = r.nextBoolean() ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
            if (s != null) s[i] = r.nextDouble();
        }
        double[] w = new double[p];
        for (int j = 0; j < p; j++) w[j] = r.nextInt(3) == 0 ? 0 : r.nextGaussian();
        double[] a = new double[p];
        double[] b = new double[p];
        single.multiplyTransposed(v, a);
        doubles.multiplyTransposed(v, b);
        assertArrayEquals(b, a, 0.0, "Xᵀv");
        double[] xa = new double[n];
        double[] xb = new double[n];
        single.multiply(w, xa);
        doubles.multiply(w, xb);
        assertArrayEquals(xb, xa, 0.0, "Xw");
        for (int j = 0; j < p; j++) {
            assertEquals(doubles.columnDot(j, s, v), single.columnDot(j, s, v), 0.0, "column dot " + j);
            double[] ra = v.clone();
            double[] rb = v.clone();
            single.columnAxpy(j, 0.37, s, ra);
            doubles.columnAxpy(j, 0.37, s, rb);
            assertArrayEquals(rb, ra, 0.0, "column axpy " + j);
        }
        assertArrayEquals(doubles.columnSums(s), single.columnSums(s), 0.0, "column sums");
        assertArrayEquals(doubles.columnAbsSums(s), single.columnAbsSums(s), 0.0, "column |sums|");
        DesignMatrix.Moments ma = single.moments(s, v);
        DesignMatrix.Moments mb = doubles.moments(s, v);
        assertArrayEquals(mb.mean(), ma.mean(), 0.0, "means");
        assertArrayEquals(mb.squares(), ma.squares(), 0.0, "squares");
        int[] block = {p - 1, 0};
        int count = p > 1 ? 2 : 1;
        double[] ga = new double[count * count];
        double[] gb = new double[count * count];
        double[] ya = new double[count];
        double[] yb = new double[count];
        single.gram(block, count, s, v, ga, 0, count, ya);
        doubles.gram(block, count, s, v, gb, 0, count, yb);
        assertArrayEquals(gb, ga, 0.0, "Gram");
        assertArrayEquals(yb, ya, 0.0, "Xᵀy of the block");
    }

    @Test
    void theCopyIsMadeOncePerValuesArrayAndOnlyWhenExact() {
        CscView x = counts(new Random(7), 50, 6);
        float[] first = SparseMatrix.exactSingle(x.values());
        assertNotNull(first);
        assertSame(first, SparseMatrix.exactSingle(x.values()), "made once");
        double[] values = Arrays.copyOf(x.values(), x.values().length);
        values[values.length / 2] = 0.1; // not a float
        assertNull(SparseMatrix.exactSingle(values));
        values = Arrays.copyOf(x.values(), x.values().length);
        values[0] = 1 + 0x1p-30; // a double between two floats
        assertNull(SparseMatrix.exactSingle(values));
    }

    /** n×p with about a fifth of the entries stored, values 1 … 3 and −2.5 (exact in single precision), an empty column. */
    private static CscView counts(Random r, int n, int p) {
        int[] starts = new int[p + 1];
        int[] rows = new int[n * p];
        double[] values = new double[n * p];
        int k = 0;
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n && j != p / 2; i++) {
                if (r.nextInt(5) != 0) continue;
                rows[k] = i;
                values[k++] = r.nextInt(7) == 0 ? -2.5 : 1 + r.nextInt(3);
            }
            starts[j + 1] = k;
        }
        return new CscView(n, p, starts, Arrays.copyOf(rows, k), Arrays.copyOf(values, k));
    }
}
