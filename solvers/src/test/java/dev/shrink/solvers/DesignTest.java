package dev.shrink.solvers;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Design: views with offsets and leading dimensions, copies and non-copies, row subsets, columns. */
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

    /** Flat arrays are viewed, not copied; a double[][] is copied (changing it afterwards changes nothing). */
    @Test
    void flatArraysAreViewedRowsAreCopied() {
        double[] flat = {1, 2, 3, 4, 5, 6};
        assertSame(flat, Design.rowMajor(flat, 3, 2).view().data());
        assertSame(flat, Design.columnMajor(flat, 3, 2).view().data());
        assertEquals(Layout.COLUMN_MAJOR, Design.columnMajor(flat, 3, 2).layout());
        assertEquals(4.0, Design.columnMajor(flat, 3, 2).get(0, 1));
        double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
        Design d = Design.of(rows);
        assertEquals(Layout.ROW_MAJOR, d.layout());
        assertNotSame(rows[0], d.view().data());
        rows[1][0] = 99;
        assertEquals(3.0, d.get(1, 0));
        assertEquals("Design[3×2, ROW_MAJOR]", d.toString());
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
