package dev.shrink.kernels;

import dev.shrink.kernels.Inputs.Regime;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.SplittableRandom;

import static dev.shrink.kernels.Inputs.EPS;
import static dev.shrink.kernels.Inputs.agree;
import static dev.shrink.kernels.Inputs.draw;
import static dev.shrink.kernels.Inputs.guardsUntouched;
import static dev.shrink.kernels.Inputs.identical;
import static dev.shrink.kernels.Inputs.padded;
import static dev.shrink.kernels.Inputs.unchanged;
import static dev.shrink.kernels.Inputs.values;
import static dev.shrink.kernels.Level1Properties.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * The sparse kernels: the Vector API family against the scalar reference at every width, the scalar reference against
 * the dense reference on the same matrix (densified), the single-precision forms against the double ones, and the
 * structure checks of the views. Random sparsity patterns with empty rows and columns, every value regime (NaN and
 * ±Inf included).
 */
class SparseProperties {
    private static final Sparse SCALAR = KernelProvider.scalar().sparse();
    private static final int EXAMPLES = 400;

    /** A generated sparse matrix: shape, density (0 … 1), value regime, offset of the first entry, width. */
    record Case(int bits, int rows, int cols, double density, Regime regime, int first, long seed) {
        Sparse vector() {
            return KernelProvider.vector(bits).sparse();
        }

        /** The matrix: each element stored with probability density (so rows and columns come out empty too). */
        CscView matrix(SplittableRandom random) {
            int[] starts = new int[cols + 1];
            int[] idx = new int[first + rows * cols];
            starts[0] = first;
            int k = first;
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) if (random.nextDouble() < density) idx[k++] = i;
                starts[j + 1] = k;
            }
            double[] v = padded(random, values(random, k - first, regime, -1022, 499), first, 2);
            return new CscView(rows, cols, starts, java.util.Arrays.copyOf(idx, k + 2), v);
        }

        double[] vector(SplittableRandom random, int offset, int n) {
            return padded(random, values(random, n, regime, -1022, 499), offset, 3);
        }
    }

    static Gen<Case> cases() {
        return in -> {
            boolean big = draw(in, 0, 9) == 0;
            int rows = big ? draw(in, 0, 300) : draw(in, 0, Inputs.SHORT);
            int cols = big ? draw(in, 0, 60) : draw(in, 0, 12);
            double density = new double[] {0.0, 0.05, 0.3, 0.8, 1.0}[draw(in, 0, 4)];
            return new Case(Inputs.width(in), rows, cols, density, Inputs.regime(in), draw(in, 0, 3), Inputs.seed(in));
        };
    }

    /** The matrix as a dense row-major view (zeros filled in). */
    private static MatrixView dense(CscView a) {
        double[] d = new double[Math.max(1, a.rows() * a.cols())];
        for (int j = 0; j < a.cols(); j++) {
            for (int k = a.columnStarts()[j]; k < a.columnStarts()[j + 1]; k++) d[a.rowIndices()[k] * a.cols() + j] = a.values()[k];
        }
        return new MatrixView(d, 0, a.rows(), a.cols(), Math.max(1, a.cols()), Layout.ROW_MAJOR);
    }

    /** |Δ| ≤ 2·k·ε·Σ|terms| (the interfaces' bound) for each of two orders, plus a subnormal spacing per term. */
    private static double bound(int k, double absSum) {
        return 2 * (2 * k * EPS * absSum + k * Double.MIN_VALUE);
    }

    @Test
    void transposedProductAgreesWithTheReferenceAndTheDenseProduct() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            CscView a = c.matrix(random);
            double[] x = c.vector(random, 1, c.rows());
            double[] y = c.vector(random, 2, c.cols());
            double[] v0 = a.values().clone(), x0 = x.clone(), before = y.clone(), expected = y.clone(), viaDense = y.clone();
            SCALAR.multiplyTransposed(a, x, 1, expected, 2);
            c.vector().multiplyTransposed(a, x, 1, y, 2);
            KernelProvider.scalar().matrixVector().multiplyTransposed(dense(a), x, 1, viaDense, 2);
            for (int j = 0; j < c.cols(); j++) {
                double abs = 0;
                for (int k = a.columnStarts()[j]; k < a.columnStarts()[j + 1]; k++) abs += Math.abs(a.values()[k] * x[1 + a.rowIndices()[k]]);
                int nnz = a.columnStarts()[j + 1] - a.columnStarts()[j];
                agree("Aᵀx " + c + " column " + j, expected[2 + j], y[2 + j], bound(nnz, abs));
                // the dense product adds the zeros' products too (NaN·0 aside): compare finite results only
                if (Double.isFinite(viaDense[2 + j]) && Double.isFinite(expected[2 + j])) {
                    agree("Aᵀx vs dense " + c, viaDense[2 + j], expected[2 + j], bound(c.rows(), abs));
                }
            }
            guardsUntouched("Aᵀx " + c, before, y, 2, c.cols());
            unchanged("values", v0, a.values());
            unchanged("x", x0, x);
        });
    }

    @Test
    void productAgreesWithTheReference() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            CscView a = c.matrix(random);
            double[] x = c.vector(random, 0, c.cols());
            if (c.cols() > 0 && random.nextBoolean()) x[random.nextInt(c.cols())] = 0; // skipped columns
            double[] y = c.vector(random, 1, c.rows());
            double[] before = y.clone(), expected = y.clone();
            SCALAR.multiply(a, x, 0, expected, 1);
            c.vector().multiply(a, x, 0, y, 1);
            double[] abs = new double[c.rows()]; // Σⱼ|aᵢⱼxⱼ| over the stored entries of the columns with xⱼ ≠ 0
            for (int j = 0; j < c.cols(); j++) {
                if (x[j] == 0) continue;
                for (int k = a.columnStarts()[j]; k < a.columnStarts()[j + 1]; k++) abs[a.rowIndices()[k]] += Math.abs(a.values()[k] * x[j]);
            }
            for (int i = 0; i < c.rows(); i++) agree("Ax " + c + " row " + i, expected[1 + i], y[1 + i], bound(c.cols(), abs[i]));
            guardsUntouched("Ax " + c, before, y, 1, c.rows());
        });
    }

    @Test
    void dotAndAxpyWithWeightsAgreeWithTheReference() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            CscView a = c.matrix(random);
            if (c.cols() == 0) return;
            int j = random.nextInt(c.cols());
            int from = a.columnStarts()[j];
            int nnz = a.columnStarts()[j + 1] - from;
            double[] w = random.nextBoolean() ? null : values(random, c.rows(), Regime.UNIT, 0, 0);
            double[] r = c.vector(random, 3, c.rows());
            double abs = 0;
            for (int k = from; k < from + nnz; k++) abs += Math.abs(a.values()[k] * (w == null ? 1 : w[a.rowIndices()[k]]) * r[3 + a.rowIndices()[k]]);
            agree("dot " + c, SCALAR.dot(nnz, a.values(), a.rowIndices(), from, w, r, 3),
                    c.vector().dot(nnz, a.values(), a.rowIndices(), from, w, r, 3), bound(nnz, abs));
            double alpha = random.nextDouble(-2, 2);
            double[] expected = r.clone();
            SCALAR.axpy(nnz, alpha, a.values(), a.rowIndices(), from, w, expected, 3);
            c.vector().axpy(nnz, alpha, a.values(), a.rowIndices(), from, w, r, 3);
            identical("axpy " + c, expected, r);
        });
    }

    @Test
    void gramAndColumnStatisticsAgreeWithDenseSums() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            CscView a = c.matrix(random);
            if (c.regime() == Regime.SPECIAL) return; // sums of products of NaN/Inf: covered by the products above
            MatrixView d = dense(a);
            double[] w = random.nextBoolean() ? null : values(random, c.rows(), Regime.UNIT, 0, 0);
            if (w != null) for (int i = 0; i < w.length; i++) w[i] = Math.abs(w[i]);
            // a block: a random subset of the columns in random order
            int[] block = new int[c.cols()];
            int count = 0;
            for (int j = 0; j < c.cols(); j++) if (random.nextBoolean()) block[count++] = j;
            for (int t = count - 1; t > 0; t--) {
                int u = random.nextInt(t + 1);
                int tmp = block[t];
                block[t] = block[u];
                block[u] = tmp;
            }
            int ld = count + 1;
            double[] g = new double[Math.max(1, count * ld)];
            c.vector().gram(a, block, count, w, g, 0, ld);
            for (int s = 0; s < count; s++) {
                for (int t = 0; t < count; t++) {
                    double exact = 0;
                    double abs = 0;
                    for (int i = 0; i < c.rows(); i++) {
                        double term = (w == null ? 1 : w[i]) * d.get(i, block[s]) * d.get(i, block[t]);
                        exact += term;
                        abs += Math.abs(term);
                    }
                    agree("G " + c + " (" + s + ", " + t + ")", exact, g[s * ld + t], bound(c.rows(), abs));
                    assertEquals(g[s * ld + t], g[t * ld + s], 0.0, "G symmetric");
                }
            }
            double[] sums = new double[c.cols()];
            double[] mean = values(random, c.cols(), Regime.UNIT, 0, 0);
            double[] squares = new double[c.cols()];
            c.vector().columnSums(a, w, sums, 0);
            c.vector().centeredSquares(a, w, mean, squares, 0);
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0;
                double abs = 0;
                double sq = 0;
                for (int i = 0; i < c.rows(); i++) {
                    double wi = w == null ? 1 : w[i];
                    sum += wi * d.get(i, j);
                    abs += Math.abs(wi * d.get(i, j));
                    double e = d.get(i, j) - mean[j];
                    sq += wi * e * e;
                }
                agree("column sum " + c, sum, sums[j], bound(c.rows(), abs));
                agree("centred squares " + c, sq, squares[j], bound(c.rows() + 2, sq));
            }
            // the fused statistics: the same means, squares and Xᵀ(w∘v) as the separate kernels
            double[] v = values(random, c.rows(), Regime.UNIT, 0, 0);
            double[] means = new double[c.cols()];
            double[] fusedSquares = new double[c.cols()];
            double[] products = new double[c.cols()];
            c.vector().columnMoments(a, w, v, means, fusedSquares, products);
            double total = 0;
            for (int i = 0; i < c.rows(); i++) total += w == null ? 1 : w[i];
            double[] centred = new double[c.cols()];
            c.vector().centeredSquares(a, w, means, centred, 0);
            for (int j = 0; j < c.cols(); j++) {
                agree("fused mean " + c, sums[j] / total, means[j], bound(c.rows(), Math.abs(sums[j]) + 1e-300) / Math.max(total, 1e-300) + 4 * EPS * Math.abs(means[j]));
                assertEquals(centred[j], fusedSquares[j], 0.0, "fused squares " + c);
                double product = 0;
                double abs = 0;
                for (int i = 0; i < c.rows(); i++) {
                    double term = (w == null ? 1 : w[i]) * d.get(i, j) * v[i];
                    product += term;
                    abs += Math.abs(term);
                }
                agree("fused products " + c, product, products[j], bound(c.rows(), abs));
            }
        });
    }

    /** Single-precision values give, bit for bit and in each family, the results of the doubles they widen to. */
    @Test
    void singlePrecisionValuesGiveTheDoubleResultsOfTheRoundedValues() {
        qt().withExamples(EXAMPLES / 2).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            CscView a = c.matrix(random);
            float[] f = new float[a.values().length];
            double[] rounded = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                f[k] = (float) a.values()[k];
                rounded[k] = f[k];
            }
            CscFloatView af = new CscFloatView(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), f);
            CscView ad = new CscView(a.rows(), a.cols(), a.columnStarts(), a.rowIndices(), rounded);
            double[] x = c.vector(random, 0, c.rows());
            double[] expected = new double[c.cols()];
            double[] actual = new double[c.cols()];
            // each family runs the same operations on single-precision values as on the doubles they widen to
            for (Sparse family : new Sparse[] {SCALAR, c.vector()}) {
                family.multiplyTransposed(ad, x, 0, expected, 0);
                family.multiplyTransposed(af, x, 0, actual, 0);
                identical("Aᵀx float " + family + " " + c, expected, actual);
                for (int j = 0; j < c.cols(); j++) {
                    int from = a.columnStarts()[j];
                    int nnz = a.columnStarts()[j + 1] - from;
                    double dd = family.dot(nnz, rounded, a.rowIndices(), from, null, x, 0);
                    double df = family.dot(nnz, f, a.rowIndices(), from, null, x, 0);
                    if (Double.doubleToLongBits(dd) != Double.doubleToLongBits(df)) throw new AssertionError("dot float " + family + " " + c + " column " + j + ": " + dd + " against " + df);
                }
            }
            double[] w = c.vector(random, 0, c.cols());
            double[] e2 = new double[c.rows()];
            double[] a2 = new double[c.rows()];
            SCALAR.multiply(ad, w, 0, e2, 0);
            c.vector().multiply(af, w, 0, a2, 0);
            identical("Ax float " + c, e2, a2);
            assertEquals(ad.transpose().nonZeros(), af.transpose().nonZeros());
        });
    }

    @Test
    void transposeIsTheCsrForm() {
        qt().withExamples(EXAMPLES / 2).forAll(cases()).checkAssert(c -> {
            CscView a = c.matrix(new SplittableRandom(c.seed()));
            CscView t = a.transpose();
            assertEquals(a.nonZeros(), t.nonZeros());
            for (int i = 0; i < c.rows(); i++) {
                for (int j = 0; j < c.cols(); j++) assertEquals(Double.doubleToRawLongBits(a.get(i, j)), Double.doubleToRawLongBits(t.get(j, i)));
            }
        });
    }

    @Test
    void badStructureIsNamedByColumnAndPosition() {
        double[] v = {1, 2, 3, 4};
        assertMessage("row index 1 of column 1 at position 2 is not greater than the one before it (1)",
                () -> new CscView(3, 2, new int[] {0, 1, 4}, new int[] {0, 1, 1, 2}, v));
        assertMessage("row index 0 of column 1 at position 2 is not greater than the one before it (2)",
                () -> new CscView(3, 2, new int[] {0, 1, 4}, new int[] {0, 2, 0, 1}, v));
        assertMessage("row index 3 of column 0 at position 0 is outside 0 .. 2",
                () -> new CscView(3, 2, new int[] {0, 1, 4}, new int[] {3, 0, 1, 2}, v));
        assertMessage("columnStarts has 2 entries", () -> new CscView(3, 2, new int[] {0, 4}, new int[] {0, 1, 2, 0}, v));
        assertMessage("columnStarts[2] = 5 but rowIndices has 4 entries", () -> new CscView(3, 2, new int[] {0, 1, 5}, new int[] {0, 0, 1, 2}, new double[5]));
        assertMessage("columnStarts[2] = 4 but values has 3 entries", () -> new CscView(3, 2, new int[] {0, 1, 4}, new int[] {0, 0, 1, 2}, new double[3]));
        assertMessage("columnStarts must not decrease: column 0 starts at 2, column 1 at 1", () -> new CscView(3, 2, new int[] {2, 1, 4}, new int[] {0, 0, 1, 2}, v));
        assertMessage("columnStarts[0] must be ≥ 0, got -1", () -> new CscView(3, 2, new int[] {-1, 1, 4}, new int[] {0, 0, 1, 2}, v));
        // random corruptions of a valid view are caught, naming the column of the corrupted position
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            CscView a = new Case(256, 20, 8, 0.4, Regime.UNIT, 0, random.nextLong()).matrix(random);
            if (a.nonZeros() < 2) continue;
            int[] idx = a.rowIndices().clone();
            int k = random.nextInt(a.nonZeros() - 1) + 1;
            idx[k] = random.nextBoolean() ? idx[k - 1] : random.nextBoolean() ? -1 : 20;
            int column = 0;
            while (a.columnStarts()[column + 1] <= k) column++;
            boolean sameColumn = a.columnStarts()[column] < k; // a duplicate of the previous entry is one only within a column
            if (idx[k] == idx[k - 1] && !sameColumn) continue;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CscView(a.rows(), a.cols(), a.columnStarts(), idx, a.values()));
            assertTrue(e.getMessage().contains("of column " + column + " at position " + k), e.getMessage());
        }
    }

    @Test
    void badArgumentsAreNamed() {
        CscView a = new CscView(3, 2, new int[] {0, 1, 3}, new int[] {0, 1, 2}, new double[] {1, 2, 3});
        for (Sparse s : new Sparse[] {SCALAR, KernelProvider.vector(Inputs.WIDTHS.get(0)).sparse()}) {
            assertMessage("x[0 .. 3)", () -> s.multiplyTransposed(a, new double[2], 0, new double[2], 0));
            assertMessage("y[0 .. 2)", () -> s.multiplyTransposed(a, new double[3], 0, new double[1], 0));
            assertMessage("x[0 .. 2)", () -> s.multiply(a, new double[1], 0, new double[3], 0));
            assertMessage("entries [2 .. 5)", () -> s.dot(3, a.values(), a.rowIndices(), 2, null, new double[3], 0));
            assertMessage("columns[1] = 0 occurs twice", () -> s.gram(a, new int[] {0, 0}, 2, null, new double[4], 0, 2));
            assertMessage("columns[0] = 2 is outside 0 .. 1", () -> s.gram(a, new int[] {2}, 1, null, new double[4], 0, 2));
            assertMessage("weights has 2 entries, the matrix has 3 rows", () -> s.columnSums(a, new double[2], new double[2], 0));
        }
    }

    @Test
    void smallKnownAnswers() {
        // X = [[1, 0], [0, 2], [3, 4]]
        CscView a = new CscView(3, 2, new int[] {0, 2, 4}, new int[] {0, 2, 1, 2}, new double[] {1, 3, 2, 4});
        double[] g = new double[4];
        SCALAR.gram(a, new int[] {1, 0}, 2, new double[] {1, 1, 2}, g, 0, 2);
        assertEquals(java.util.List.of(4.0 + 32, 24.0, 24.0, 1.0 + 18), java.util.List.of(g[0], g[1], g[2], g[3]));
        double[] xtr = new double[2];
        SCALAR.multiplyTransposed(a, new double[] {1, 1, 1}, 0, xtr, 0);
        assertEquals(4.0, xtr[0]);
        assertEquals(6.0, xtr[1]);
        double[] sq = new double[2];
        SCALAR.centeredSquares(a, null, new double[] {4.0 / 3, 2.0}, sq, 0);
        assertEquals((1 - 4.0 / 3) * (1 - 4.0 / 3) + (4.0 / 3) * (4.0 / 3) + (3 - 4.0 / 3) * (3 - 4.0 / 3), sq[0], 1e-15);
        assertEquals(4 + 0 + 4, sq[1], 1e-15);
    }
}
