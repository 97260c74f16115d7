package dev.shrink.solvers;

import dev.shrink.kernels.CscView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SparseDesign: the forms it is built from, what it holds, and every bad input named by column and position. */
class SparseDesignTest {

    private static final SparseData DATA = SparseData.random(new Random(7), 9, 6, 0.4, 1.0, 2, 4);

    @Test
    void everyFormHoldsTheSameMatrix() throws IOException {
        SparseDesign[] forms = {DATA.csc(), DATA.csr(),
                SparseDesign.fromTriplets(DATA.n(), DATA.p(), rowsOf(DATA), colsOf(DATA), DATA.colValues())};
        for (SparseDesign d : forms) {
            assertEquals(DATA.n(), d.n());
            assertEquals(DATA.p(), d.p());
            assertEquals(DATA.nonZeros(), d.nonZeros());
            for (int i = 0; i < DATA.n(); i++) for (int j = 0; j < DATA.p(); j++) assertEquals(DATA.dense()[i * DATA.p() + j], d.get(i, j));
            double[] col = new double[DATA.n()];
            d.column(3, col);
            for (int i = 0; i < DATA.n(); i++) assertEquals(DATA.dense()[i * DATA.p() + 3], col[i]);
            SparseDesign sub = d.rows(new int[] {5, 0, 5});
            for (int j = 0; j < DATA.p(); j++) {
                assertEquals(DATA.dense()[5 * DATA.p() + j], sub.get(0, j));
                assertEquals(DATA.dense()[j], sub.get(1, j));
                assertEquals(DATA.dense()[5 * DATA.p() + j], sub.get(2, j));
            }
        }
    }

    @Test
    void arraysAreViewedNotCopied() {
        SparseDesign d = DATA.csc();
        CscView v = (CscView) d.matrix();
        assertSame(DATA.colValues(), v.values());
        assertSame(DATA.rowIndices(), v.rowIndices());
        assertSame(DATA.colStarts(), v.columnStarts());
        // a CSR design converts once and keeps the columns
        SparseDesign r = DATA.csr();
        assertSame(r.matrix(), r.matrix());
        assertTrue(r.toString().contains("CSR"), r.toString());
        assertTrue(DATA.cscFloat().singlePrecision());
    }

    @Test
    void badArraysAreNamedByColumnAndPosition() {
        int[] starts = {0, 2, 3};
        assertMessage("row index 1 of column 0 at position 1 is not greater than the one before it (1): the indices of a column must be sorted and duplicate-free",
                () -> SparseDesign.csc(3, 2, starts, new int[] {1, 1, 0}, new double[] {1, 2, 3}));
        assertMessage("row index 0 of column 0 at position 1 is not greater than the one before it (2)",
                () -> SparseDesign.csc(3, 2, starts, new int[] {2, 0, 0}, new double[] {1, 2, 3}));
        assertMessage("row index 3 of column 1 at position 2 is outside 0 .. 2",
                () -> SparseDesign.csc(3, 2, starts, new int[] {0, 1, 3}, new double[] {1, 2, 3}));
        assertMessage("row index -1 of column 0 at position 0 is outside 0 .. 2",
                () -> SparseDesign.csc(3, 2, starts, new int[] {-1, 1, 0}, new double[] {1, 2, 3}));
        assertMessage("columnStarts has 2 entries, the number of columns + 1 = 3",
                () -> SparseDesign.csc(3, 2, new int[] {0, 2}, new int[] {0, 1}, new double[] {1, 2}));
        assertMessage("columnStarts[2] = 3 but values has 2 entries",
                () -> SparseDesign.csc(3, 2, starts, new int[] {0, 1, 2}, new double[] {1, 2}));
        assertMessage("columnStarts[2] = 3 but rowIndices has 2 entries",
                () -> SparseDesign.csc(3, 2, starts, new int[] {0, 1}, new double[] {1, 2, 3}));
        assertMessage("columnStarts must not decrease: column 0 starts at 2, column 1 at 1",
                () -> SparseDesign.csc(3, 2, new int[] {2, 1, 3}, new int[] {0, 1, 2}, new double[] {1, 2, 3}));
        assertMessage("X has NaN at row 0, column 1 (position 2)",
                () -> SparseDesign.csc(3, 2, starts, new int[] {0, 1, 0}, new double[] {1, 2, Double.NaN}));
        assertMessage("X has +Infinity at row 1, column 0 (position 1)",
                () -> SparseDesign.csc(3, 2, starts, new int[] {0, 1, 0}, new float[] {1, Float.POSITIVE_INFINITY, 3}));
        // CSR: the same checks in the words of rows
        assertMessage("column index 0 of row 0 at position 1 is not greater than the one before it (1): the indices of a row must be sorted and duplicate-free",
                () -> SparseDesign.csr(2, 3, starts, new int[] {1, 0, 0}, new double[] {1, 2, 3}));
        assertMessage("X has -Infinity at row 1, column 2 (position 2)",
                () -> SparseDesign.csr(2, 3, starts, new int[] {0, 1, 2}, new double[] {1, 2, Double.NEGATIVE_INFINITY}));
        assertMessage("X has no rows (n = 0)", () -> SparseDesign.csc(0, 2, starts, new int[] {0, 1, 0}, new double[] {1, 2, 3}));
        // triplets
        assertMessage("triplets 0 and 2 both set row 1, column 1",
                () -> SparseDesign.fromTriplets(3, 2, new int[] {1, 0, 1}, new int[] {1, 1, 1}, new double[] {1, 2, 3}));
        assertMessage("triplet 1: column 2 is outside 0 .. 1",
                () -> SparseDesign.fromTriplets(3, 2, new int[] {1, 0}, new int[] {1, 2}, new double[] {1, 2}));
        assertMessage("rows, columns and values must have one entry per triplet, got 2, 2 and 1",
                () -> SparseDesign.fromTriplets(3, 2, new int[] {1, 0}, new int[] {1, 1}, new double[] {1}));
        assertMessage("X has NaN at row 0, column 1 (triplet 1)",
                () -> SparseDesign.fromTriplets(3, 2, new int[] {1, 0}, new int[] {1, 1}, new double[] {1, Double.NaN}));
    }

    /** Triplets at one position add up (scipy's coo_matrix), in any order, split any way; an infinite sum is named. */
    @Test
    void repeatedTripletsAddUp() {
        Random r = new Random(11);
        int[] rows = rowsOf(DATA);
        int[] cols = colsOf(DATA);
        double[] values = DATA.colValues();
        // each entry split into two parts, the parts shuffled
        int m = values.length;
        int[] rr = new int[2 * m];
        int[] cc = new int[2 * m];
        double[] vv = new double[2 * m];
        Integer[] order = new Integer[2 * m];
        for (int t = 0; t < 2 * m; t++) order[t] = t;
        java.util.Collections.shuffle(java.util.Arrays.asList(order), r);
        for (int t = 0; t < m; t++) {
            double part = r.nextDouble();
            int a = order[2 * t];
            int b = order[2 * t + 1];
            rr[a] = rows[t];
            cc[a] = cols[t];
            vv[a] = part;
            rr[b] = rows[t];
            cc[b] = cols[t];
            vv[b] = values[t] - part;
        }
        SparseDesign d = SparseDesign.fromTripletsSummingRepeats(DATA.n(), DATA.p(), rr, cc, vv);
        assertEquals(DATA.nonZeros(), d.nonZeros());
        for (int i = 0; i < DATA.n(); i++) {
            for (int j = 0; j < DATA.p(); j++) assertEquals(DATA.dense()[i * DATA.p() + j], d.get(i, j), 1e-15 * (1 + Math.abs(DATA.dense()[i * DATA.p() + j])));
        }
        // without repeats it is fromTriplets
        SparseDesign once = SparseDesign.fromTripletsSummingRepeats(DATA.n(), DATA.p(), rows, cols, values);
        for (int i = 0; i < DATA.n(); i++) for (int j = 0; j < DATA.p(); j++) assertEquals(DATA.dense()[i * DATA.p() + j], once.get(i, j));
        assertMessage("X has +Infinity at row 2, column 1 (the sum of the entries given there)",
                () -> SparseDesign.fromTripletsSummingRepeats(3, 2, new int[] {2, 0, 2}, new int[] {1, 0, 1}, new double[] {1e308, 1, 1e308}));
    }

    /**
     * As for a dense design (BadInputTest.valuesWhoseSquaresOverflowAreRefusedUpFront), stored values whose squares
     * overflow are refused when a solver first reads the design, named by row, column and position in the arrays the
     * design was built from (before: only dense designs were checked; a sparse one ran into infinite sums). Held, read
     * and written back, such a design keeps its values.
     */
    @Test
    void valuesWhoseSquaresOverflowAreRefusedAtTheFirstRead(@TempDir Path dir) throws IOException {
        double[] y = {1, 2, 3, 4};
        // 4×2: (0, 0) = 1, (2, 0) = big, (1, 1) = 2
        SparseDesign csc = SparseDesign.csc(4, 2, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new double[] {1, 1e300, 2});
        String limit = ": sums of squares overflow a double beyond |x| = 1.19e+153 (√(MAX_VALUE/(16·n·p)), n = 4, p = 2); rescale X";
        String message = "X has 1.0E300 at row 2, column 0 (position 1)" + limit;
        assertMessage(message, () -> Lasso.builder().alpha(0.1).build().fit(csc, y));
        assertMessage(message, () -> Ridge.builder().alpha(1).build().fit(csc, y));
        assertMessage(message, () -> LogisticRegression.builder().build().fit(csc, new double[] {0, 1, 0, 1}));
        assertMessage(message, () -> dev.shrink.solvers.path.ElasticNetPath.builder().build().fit(csc, y));
        // compressed rows: the position in the row arrays
        SparseDesign csr = SparseDesign.csr(4, 2, new int[] {0, 1, 2, 3, 3}, new int[] {0, 1, 0}, new double[] {1, 2, 1.2e153});
        assertMessage("X has 1.2E153 at row 2, column 0 (position 2)" + limit, () -> Lasso.builder().build().fit(csr, y));
        LinearModel small = Lasso.builder().alpha(0.1).build().fit(SparseDesign.csr(4, 2, new int[] {0, 1, 2, 3, 3}, new int[] {0, 1, 0}, new double[] {1, 2, 3}), y);
        assertMessage("X has 1.2E153 at row 2, column 0 (position 2)" + limit, () -> small.predict(csr));
        // just inside the limit: fitted
        Lasso.builder().alpha(0.1).build().fit(SparseDesign.csr(4, 2, new int[] {0, 1, 2, 3, 3}, new int[] {0, 1, 0}, new double[] {1, 2, 1.1e153}), y);
        // held, read and written back: no error
        assertEquals(1e300, csc.get(2, 0));
        double[] column = new double[4];
        csc.column(0, column);
        assertEquals(1e300, column[2]);
        assertEquals(1e300, csc.rows(new int[] {2}).get(0, 0));
        Path file = dir.resolve("big.mtx");
        csc.writeMatrixMarket(file);
        assertEquals(1e300, SparseDesign.readMatrixMarket(file).get(2, 0));
    }

    @Test
    void matrixMarketRoundTripsAndNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("X.mtx");
        DATA.csc().writeMatrixMarket(file);
        SparseDesign back = SparseDesign.readMatrixMarket(file);
        for (int i = 0; i < DATA.n(); i++) for (int j = 0; j < DATA.p(); j++) assertEquals(DATA.dense()[i * DATA.p() + j], back.get(i, j));
        // entries in any order, comments, symmetric and pattern headers
        Files.writeString(file, "%%MatrixMarket matrix coordinate real symmetric\n% comment\n3 3 2\n3 1 2.5\n2 2 -1\n");
        SparseDesign s = SparseDesign.readMatrixMarket(file);
        assertEquals(2.5, s.get(2, 0));
        assertEquals(2.5, s.get(0, 2));
        assertEquals(-1.0, s.get(1, 1));
        assertEquals(3, s.nonZeros());
        Files.writeString(file, "%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 2\n");
        assertEquals(1.0, SparseDesign.readMatrixMarket(file).get(0, 1));
        String f = file.toString();
        assertMessage(f + ":1: expected '%%MatrixMarket matrix coordinate real|integer|pattern general|symmetric', got '%%MatrixMarket matrix array real general'",
                () -> read(file, "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n"));
        assertMessage(f + ":4: value 'x' is not a number", () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n2 2 x\n"));
        assertMessage(f + ":3: row 3 is outside 1 .. 2", () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1\n"));
        assertMessage(f + ":3: expected 'row column value', got '1 1'", () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1\n"));
        assertMessage(f + ":4: the file ends after 1 of 2 entries", () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n"));
        assertMessage(f + ": lines 3 and 5 both set row 0, column 0",
                () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 1 1\n1 1 2\n"));
        assertMessage(f + ":4: value NaN at row 1, column 0 is not finite",
                () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n2 1 NaN\n"));
        assertMessage(f + ":2: size 'a' is not an integer", () -> read(file, "%%MatrixMarket matrix coordinate real general\na 2 2\n"));
        assertMessage(f + ":5: more entries than the 2 the size line declares",
                () -> read(file, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n2 1 1\n2 2 1\n"));
    }

    private static SparseDesign read(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return SparseDesign.readMatrixMarket(file);
    }

    private static int[] rowsOf(SparseData d) {
        int[] r = new int[d.nonZeros()];
        for (int j = 0; j < d.p(); j++) for (int k = d.colStarts()[j]; k < d.colStarts()[j + 1]; k++) r[k] = d.rowIndices()[k];
        // shuffle the order of the triplets: the reader sorts them
        return r;
    }

    private static int[] colsOf(SparseData d) {
        int[] c = new int[d.nonZeros()];
        for (int j = 0; j < d.p(); j++) for (int k = d.colStarts()[j]; k < d.colStarts()[j + 1]; k++) c[k] = j;
        return c;
    }

    interface Call {
        Object run() throws Exception;
    }

    static void assertMessage(String expected, Call call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(expected), "expected a message starting with\n  " + expected + "\ngot\n  " + e.getMessage());
    }

    @Test
    void floatValuesHoldTheRoundedNumbers() {
        SparseDesign f = DATA.cscFloat();
        double[] col = new double[DATA.n()];
        f.column(1, col);
        for (int i = 0; i < DATA.n(); i++) assertEquals(DATA.floats()[i * DATA.p() + 1], col[i]);
        assertArrayEquals(DATA.floatDense().view().data(), DATA.floats());
    }
}
