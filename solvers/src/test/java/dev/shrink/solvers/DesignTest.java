package dev.shrink.solvers;

import dev.shrink.kernels.FloatMatrixView;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.kernels.RowArrays;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Design: views with offsets and leading dimensions, copies and non-copies, float32 storage, row subsets, columns. */
class DesignTest {

    /** Views with offsets and leading dimensions, row subsets and columns read the right elements; fits agree. */
    @Test
    void stridedViews() {
        double[] data = new double[3 + 4 * 5];
        for (int i = 0; i < data.length; i++) data[i] = i;
        // a 4×3 row-major view at offset 3 with ld 5: element (i, j) = 3 + 5i + j
        Design d = Design.of(new MatrixView(data, 3, 4, 3, 5, Layout.ROW_MAJOR));
        assertEquals(3 + 5 * 2 + 1, d.get(2, 1));
        double[] col = new double[4];
        d.column(2, col);
        assertArrayEquals(new double[] {5, 10, 15, 20}, col);
        Design sub = d.rows(new int[] {3, 0});
        assertEquals(2, sub.n());
        assertEquals(3 + 5 * 3 + 2, sub.get(0, 2));
        assertEquals(3, sub.get(1, 0));
        // a fit on the strided view equals the fit on a dense copy
        double[] y = {1, 3, 2, 5};
        double[][] rows = new double[4][3];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) rows[i][j] = d.get(i, j) + (i == j ? 1 : 0);
        double[] dense = new double[12];
        for (int i = 0; i < 4; i++) System.arraycopy(rows[i], 0, dense, i * 3, 3);
        double[] strided = data.clone();
        for (int i = 0; i < 3; i++) strided[3 + 5 * i + i] += 1;
        Design ds = Design.of(new MatrixView(strided, 3, 4, 3, 5, Layout.ROW_MAJOR));
        assertArrayEquals(Ridge.builder().alpha(0.1).build().fit(rows, y).coef(), Ridge.builder().alpha(0.1).build().fit(ds, y).coef(), 1e-9);
        LinearModel a = ElasticNet.builder().alpha(0.01).tol(1e-13).maxIter(100_000).build().fit(ds, y);
        LinearModel b = ElasticNet.builder().alpha(0.01).tol(1e-13).maxIter(100_000).build().fit(Design.rowMajor(dense, 4, 3), y);
        assertArrayEquals(a.coef(), b.coef(), 1e-9);
    }

    /**
     * Flat arrays are viewed, not copied; a double[][] is read in place (its rows are kept); the float64 view that
     * the other engines need is one copy, made once.
     */
    @Test
    void flatArraysAreViewedRowsAreReadInPlace() {
        double[] flat = {1, 2, 3, 4, 5, 6};
        assertSame(flat, Design.rowMajor(flat, 3, 2).view().data());
        assertSame(flat, Design.columnMajor(flat, 3, 2).view().data());
        assertEquals(Layout.COLUMN_MAJOR, Design.columnMajor(flat, 3, 2).layout());
        assertEquals(4.0, Design.columnMajor(flat, 3, 2).get(0, 1));
        double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
        DenseDesign d = Design.of(rows);
        assertEquals(Layout.ROW_MAJOR, d.layout());
        assertSame(rows, ((RowArrays) d.dense()).arrays(), "the rows are kept, not copied");
        rows[1][0] = 99;
        assertEquals(99.0, d.get(1, 0));
        MatrixView copy = d.view();
        assertArrayEquals(new double[] {1, 2, 99, 4, 5, 6}, copy.data());
        assertSame(copy, d.view(), "the float64 view is made once");
        assertEquals("Design[3×2, row arrays]", d.toString());
        assertFalse(d.isFloat32());
    }

    /** float32 data is kept as float32 (no float64 copy) and read by the fits that read in place, exactly widened. */
    @Test
    void float32DataIsViewedAndFitsLikeItsWidenedCopy() {
        float[] flat = {1, 2, 3, 5, 5, 7, 2, 1};
        DenseDesign f = Design.rowMajor(flat, 4, 2);
        assertTrue(f.isFloat32());
        assertSame(flat, ((FloatMatrixView) f.dense()).data());
        assertEquals(5.0, f.get(1, 1));
        assertEquals("Design[4×2, ROW_MAJOR, float32]", f.toString());
        Design fc = Design.columnMajor(new float[] {1, 3, 5, 2, 2, 5, 7, 1}, 4, 2);
        Design rows = Design.of(new float[][] {{1, 2}, {3, 5}, {5, 7}, {2, 1}});
        double[] wide = {1, 2, 3, 5, 5, 7, 2, 1};
        double[] y = {1, 2, 4, 1};
        Design widened = Design.rowMajor(wide, 4, 2);
        LinearModel expected = Ridge.builder().alpha(0.3).build().fit(widened, y);
        LinearModel expectedEnet = ElasticNet.builder().alpha(0.01).build().fit(widened, y);
        for (Design d : new Design[] {f, fc, rows}) {
            assertArrayEquals(expected.coef(), Ridge.builder().alpha(0.3).build().fit(d, y).coef(), 1e-12, d.toString());
            // the engines that need float64 storage run on the widened copy: the same numbers
            assertArrayEquals(expectedEnet.coef(), ElasticNet.builder().alpha(0.01).build().fit(d, y).coef(), 1e-12, d.toString());
            assertArrayEquals(expected.predict(widened), expected.predict(d), 1e-12);
        }
        float[] bad = {1, 2, 3, Float.NaN, 5, Float.POSITIVE_INFINITY};
        assertEquals("X has NaN at row 1, column 1", assertThrows(IllegalArgumentException.class, () -> Design.rowMajor(bad, 3, 2)).getMessage());
        // column-major 2×3: rows (1, 3, 5) and (2, NaN, +Inf); the first bad element in row order is named
        assertEquals("X has NaN at row 1, column 1", assertThrows(IllegalArgumentException.class, () -> Design.columnMajor(bad, 2, 3)).getMessage());
        float[] inf = {1, 2, Float.NEGATIVE_INFINITY, 4};
        assertEquals("X has -Infinity at row 0, column 1", assertThrows(IllegalArgumentException.class, () -> Design.columnMajor(inf, 2, 2)).getMessage());
        assertEquals("X has NaN at row 1, column 1", assertThrows(IllegalArgumentException.class,
                () -> Design.of(new float[][] {{1, 2}, {3, Float.NaN}})).getMessage());
        assertEquals("X has 6 elements, n·p = 2·2 = 4", assertThrows(IllegalArgumentException.class, () -> Design.rowMajor(bad, 2, 2)).getMessage());
    }

    @Test
    void rowsOutsideTheDesignAreNamed() {
        Design d = Design.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals("rows[1] = 2 is outside 0 .. 1", assertThrows(IllegalArgumentException.class, () -> d.rows(new int[] {0, 2})).getMessage());
        assertEquals("rows must not be empty", assertThrows(IllegalArgumentException.class, () -> d.rows(new int[0])).getMessage());
        assertEquals("X row 1 is null", assertThrows(IllegalArgumentException.class, () -> Design.of(new double[][] {{1}, null})).getMessage());
        assertEquals("X must not be null", assertThrows(IllegalArgumentException.class, () -> Design.of((double[][]) null)).getMessage());
    }
}
