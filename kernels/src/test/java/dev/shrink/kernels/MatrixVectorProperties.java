package dev.shrink.kernels;

import dev.shrink.kernels.Inputs.Regime;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.SplittableRandom;

import static dev.shrink.kernels.Inputs.EPS;
import static dev.shrink.kernels.Inputs.EXAMPLES;
import static dev.shrink.kernels.Inputs.agree;
import static dev.shrink.kernels.Inputs.draw;
import static dev.shrink.kernels.Inputs.guardsUntouched;
import static dev.shrink.kernels.Inputs.padded;
import static dev.shrink.kernels.Inputs.unchanged;
import static dev.shrink.kernels.Inputs.values;
import static dev.shrink.kernels.Level1Properties.assertMessage;
import static org.quicktheories.QuickTheory.qt;

/**
 * The Vector API matrix–vector products against the scalar reference, both layouts, every storage (flat double, row
 * arrays, float32 widened), at every width.
 */
class MatrixVectorProperties {
    private static final MatrixVector SCALAR = KernelProvider.scalar().matrixVector();

    /** A generated matrix: shape, layout, padding of the leading dimension, offsets, value regime. */
    record Case(int bits, int rows, int cols, Layout layout, int ldPadding, int aOffset, int xOffset, int yOffset,
                Regime regime, long seed, Inputs.Storage storage) {
        MatrixVector vector() {
            return KernelProvider.vector(bits).matrixVector();
        }

        /**
         * The matrix in a larger array: random cells around it and in the padding between lines. Its entries have
         * binary exponents ≤ 499 and so do the vectors', so no product or sum overflows (an overflow's order
         * dependence is what the implementations may differ in).
         */
        DenseMatrix matrix(SplittableRandom random) {
            return Inputs.matrix(random, storage, rows, cols, layout, ldPadding, aOffset, regime, -1022, 499);
        }

        /** The matrix in flat float64 storage whatever the case's storage (for the kernels that take only a MatrixView). */
        MatrixView flatMatrix(SplittableRandom random) {
            return (MatrixView) Inputs.matrix(random, Inputs.Storage.FLAT, rows, cols, layout, ldPadding, aOffset, regime, -1022, 499);
        }

        double[] vector(SplittableRandom random, int offset, int n) {
            return padded(random, values(random, n, regime, -1022, 499), offset, 3);
        }
    }

    static Gen<Case> cases() {
        return cases(Inputs::width, 300);
    }

    static Gen<Case> cases(Gen<Integer> width, int large) {
        return in -> {
            boolean big = draw(in, 0, 9) == 0;
            int rows = big ? draw(in, 0, large) : draw(in, 0, Inputs.SHORT);
            int cols = big ? draw(in, 0, large) : draw(in, 0, Inputs.SHORT);
            return new Case(width.generate(in), rows, cols, draw(in, 0, 1) == 0 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR,
                    draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3), Inputs.regime(in), Inputs.seed(in),
                    Inputs.storage(in));
        };
    }

    /**
     * Per output element, each order of summation is within 2·k·ε·Σ|aᵢⱼxⱼ| of the exact value (the bound the
     * interface states), plus a subnormal spacing per product that underflows; two orders differ by twice that.
     */
    private static void assertAgree(String what, int count, int k, double[] expected, double[] actual, int yOffset,
                                    java.util.function.IntToDoubleFunction absRowSum) {
        for (int i = 0; i < count; i++) {
            double bound = 2 * (2 * k * EPS * absRowSum.applyAsDouble(i) + k * Double.MIN_VALUE);
            agree(what + " element " + i, expected[yOffset + i], actual[yOffset + i], bound);
        }
    }

    @Test
    void multiplyAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(MatrixVectorProperties::multiply);
    }

    static void multiply(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        DenseMatrix a = c.matrix(random);
        double[] x = c.vector(random, c.xOffset(), c.cols());
        double[] y = c.vector(random, c.yOffset(), c.rows());
        double[] a0 = Inputs.storageOf(a), x0 = x.clone(), before = y.clone(), expected = y.clone();
        SCALAR.multiply(a, x, c.xOffset(), expected, c.yOffset());
        c.vector().multiply(a, x, c.xOffset(), y, c.yOffset());
        assertAgree("Ax " + c, c.rows(), c.cols(), expected, y, c.yOffset(), i -> {
            double s = 0;
            for (int j = 0; j < c.cols(); j++) s += Math.abs(a.get(i, j) * x[c.xOffset() + j]);
            return s;
        });
        guardsUntouched("Ax " + c, before, y, c.yOffset(), c.rows());
        unchanged("A", a0, Inputs.storageOf(a));
        unchanged("x", x0, x);
    }

    @Test
    void multiplyTransposedAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(MatrixVectorProperties::multiplyTransposed);
    }

    static void multiplyTransposed(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        DenseMatrix a = c.matrix(random);
        double[] x = c.vector(random, c.xOffset(), c.rows());
        double[] y = c.vector(random, c.yOffset(), c.cols());
        double[] a0 = Inputs.storageOf(a), x0 = x.clone(), before = y.clone(), expected = y.clone();
        SCALAR.multiplyTransposed(a, x, c.xOffset(), expected, c.yOffset());
        c.vector().multiplyTransposed(a, x, c.xOffset(), y, c.yOffset());
        assertAgree("Aᵀx " + c, c.cols(), c.rows(), expected, y, c.yOffset(), j -> {
            double s = 0;
            for (int i = 0; i < c.rows(); i++) s += Math.abs(a.get(i, j) * x[c.xOffset() + i]);
            return s;
        });
        guardsUntouched("Aᵀx " + c, before, y, c.yOffset(), c.cols());
        unchanged("A", a0, Inputs.storageOf(a));
        unchanged("x", x0, x);
    }

    @Test
    void residualGradientAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> residualGradient(c, c.vector()::residualGradient, 0));
    }

    /** A residual-and-gradient implementation under test: the sequential kernel, or the parallel one. */
    interface ResidualGradient {
        void apply(DenseMatrix a, double[] x, double c, double[] y, double[] s, double[] r, double[] g);
    }

    /**
     * rᵢ = sᵢ(yᵢ − c − (Ax)ᵢ) within 2·sᵢ·((2k + 4)·ε·(|yᵢ| + |c| + Σⱼ|aᵢⱼxⱼ|) + k·u) of the reference (each side within
     * half of that: the dot product's bound plus the two subtractions and the product by sᵢ); g against the
     * reference's Aᵀr of the r returned, within Aᵀx's bound plus T − 1 additions for T chunks. Inputs unchanged.
     */
    static void residualGradient(Case c, ResidualGradient call, int extraChunks) {
        SplittableRandom random = new SplittableRandom(c.seed());
        // |a|, |x| < 2³⁰¹ and |y| < 2⁶⁰¹: |r| < 2⁶¹², so no product aᵢⱼrᵢ and no sum of them overflows
        DenseMatrix a = Inputs.matrix(random, c.storage(), c.rows(), c.cols(), c.layout(), c.ldPadding(), c.aOffset(), c.regime(), -1022, 300);
        int n = c.rows();
        int p = c.cols();
        double[] x = values(random, p, c.regime(), -1022, 300);
        double[] y = values(random, n, c.regime(), -1022, 600);
        double shift = random.nextBoolean() ? 0.0 : random.nextDouble(-2, 2);
        double[] s = null;
        if (random.nextBoolean()) {
            s = new double[n];
            for (int i = 0; i < n; i++) s[i] = random.nextInt(5) == 0 ? 0.0 : random.nextDouble(0, 3);
        }
        double[] a0 = Inputs.storageOf(a), x0 = x.clone(), y0 = y.clone();
        double[] expectedR = new double[n];
        double[] expectedG = new double[p];
        SCALAR.residualGradient(a, x, shift, y, s, expectedR, expectedG);
        double[] r = new double[n];
        double[] g = new double[p];
        call.apply(a, x, shift, y, s, r, g);
        for (int i = 0; i < n; i++) {
            double abs = Math.abs(y[i]) + Math.abs(shift);
            for (int j = 0; j < p; j++) abs += Math.abs(a.get(i, j) * x[j]);
            double si = s == null ? 1.0 : s[i];
            agree("r(" + i + ") of " + c, expectedR[i], r[i], 2 * si * ((2.0 * p + 4) * EPS * abs + p * Double.MIN_VALUE) * 1.0000001);
        }
        double[] fromR = new double[p];
        SCALAR.multiplyTransposed(a, r, 0, fromR, 0);
        assertAgree("Aᵀr of " + c, p, n + extraChunks, fromR, g, 0, j -> {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += Math.abs(a.get(i, j) * r[i]);
            return sum;
        });
        unchanged("A", a0, Inputs.storageOf(a));
        unchanged("x", x0, x);
        unchanged("y", y0, y);
    }

    @Test
    void badInputIsRejectedByName() {
        for (int bits : Inputs.WIDTHS) {
            MatrixVector v = KernelProvider.vector(bits).matrixVector();
            for (Layout layout : Layout.values()) {
                MatrixView a = new MatrixView(new double[12], 0, 3, 4, layout == Layout.ROW_MAJOR ? 4 : 3, layout);
                assertMessage("x[0 .. 4)", () -> v.multiply(a, new double[3], 0, new double[3], 0));
                assertMessage("y[1 .. 4)", () -> v.multiply(a, new double[4], 0, new double[3], 1));
                assertMessage("x[0 .. 3)", () -> v.multiplyTransposed(a, new double[2], 0, new double[4], 0));
                assertMessage("y[0 .. 4)", () -> v.multiplyTransposed(a, new double[3], 0, new double[3], 0));
                assertMessage("x must not be null", () -> v.multiply(a, null, 0, new double[3], 0));
                assertMessage("s[0 .. 3)", () -> v.residualGradient(a, new double[4], 0, new double[3], new double[2], new double[3], new double[4]));
                assertMessage("g[0 .. 4)", () -> v.residualGradient(a, new double[4], 0, new double[3], null, new double[3], new double[3]));
            }
        }
    }

    /**
     * Aᵀ·Y for k right-hand sides (Y rows×k row-major, padded): each element within 2·rows·ε·Σᵢ|aᵢⱼyᵢₜ| of exact, so the two
     * implementations within twice that; the padding of out untouched. k runs over 0 .. 11 (every chunk and tail).
     */
    @Test
    void multiplyTransposedManyAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(MatrixVectorProperties::multiplyTransposedMany);
    }

    static void multiplyTransposedMany(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        MatrixView a = c.flatMatrix(random);
        int k = (int) (c.seed() & 0x7fffffff) % 12;
        int ldy = k + c.ldPadding();
        int ldOut = c.cols() + c.ldPadding();
        double[] y = c.vector(random, c.xOffset(), c.rows() * Math.max(ldy, 1));
        double[] out = c.vector(random, c.yOffset(), k * Math.max(ldOut, 1));
        double[] a0 = a.data().clone(), y0 = y.clone(), before = out.clone(), expected = out.clone();
        SCALAR.multiplyTransposed(a, y, c.xOffset(), Math.max(ldy, 1), k, expected, c.yOffset(), Math.max(ldOut, 1));
        c.vector().multiplyTransposed(a, y, c.xOffset(), Math.max(ldy, 1), k, out, c.yOffset(), Math.max(ldOut, 1));
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < Math.max(ldOut, 1); j++) {
                int at = c.yOffset() + t * Math.max(ldOut, 1) + j;
                if (j >= c.cols()) {
                    agree("padding " + c, before[at], out[at], 0.0);
                    continue;
                }
                double s = 0;
                for (int i = 0; i < c.rows(); i++) s += Math.abs(a.get(i, j) * y[c.xOffset() + i * Math.max(ldy, 1) + t]);
                agree("AᵀY (" + t + ", " + j + ") " + c, expected[at], out[at], 2 * (2 * c.rows() * EPS * s + c.rows() * Double.MIN_VALUE));
            }
        }
        guardsUntouched("AᵀY " + c, before, out, c.yOffset(), k * Math.max(ldOut, 1));
        unchanged("A", a0, a.data());
        unchanged("y", y0, y);
    }

    /** y + Aᵀx: each element within 2·(k + 1)·ε·(|yⱼ| + Σᵢ|aᵢⱼxᵢ|) of exact, so the two implementations within twice that. */
    @Test
    void addMultiplyTransposedAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(MatrixVectorProperties::addMultiplyTransposed);
    }

    static void addMultiplyTransposed(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        MatrixView a = c.flatMatrix(random);
        double[] x = c.vector(random, c.xOffset(), c.rows());
        double[] y = c.vector(random, c.yOffset(), c.cols());
        double[] a0 = a.data().clone(), x0 = x.clone(), before = y.clone(), expected = y.clone();
        SCALAR.addMultiplyTransposed(a, x, c.xOffset(), expected, c.yOffset());
        c.vector().addMultiplyTransposed(a, x, c.xOffset(), y, c.yOffset());
        for (int j = 0; j < c.cols(); j++) {
            double s = Math.abs(before[c.yOffset() + j]);
            for (int i = 0; i < c.rows(); i++) s += Math.abs(a.get(i, j) * x[c.xOffset() + i]);
            double bound = 2 * (2 * (c.rows() + 1) * EPS * s + (c.rows() + 1) * Double.MIN_VALUE);
            agree("y + Aᵀx element " + j + " " + c, expected[c.yOffset() + j], y[c.yOffset() + j], bound);
        }
        guardsUntouched("y + Aᵀx " + c, before, y, c.yOffset(), c.cols());
        unchanged("A", a0, a.data());
        unchanged("x", x0, x);
    }

    /**
     * A ← A + x·yᵀ on an m×k row-major block with padded rows: each element within 2ε·(|aᵢⱼ| + |xᵢyⱼ|) of exact in
     * either implementation (a fused multiply-add or a product and a sum), so the two within twice that; the cells
     * between rows and around the block are untouched. Exponents ≤ 499, so nothing overflows.
     */
    @Test
    void rankOneUpdateAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(MatrixVectorProperties::rankOneUpdate);
    }

    static void rankOneUpdate(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        int m = c.rows(), k = c.cols(), lda = Math.max(1, k + c.ldPadding());
        double[] a = c.vector(random, c.aOffset(), m * lda);
        double[] x = c.vector(random, c.xOffset(), m);
        double[] y = c.vector(random, c.yOffset(), k);
        double[] before = a.clone(), x0 = x.clone(), y0 = y.clone(), expected = a.clone();
        SCALAR.rankOneUpdate(m, k, x, c.xOffset(), y, c.yOffset(), expected, c.aOffset(), lda);
        c.vector().rankOneUpdate(m, k, x, c.xOffset(), y, c.yOffset(), a, c.aOffset(), lda);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < lda; j++) {
                int at = c.aOffset() + i * lda + j;
                if (j >= k) {
                    agree("padding (" + i + ", " + j + ") " + c, before[at], a[at], 0.0);
                    continue;
                }
                double bound = 2 * (2 * EPS * (Math.abs(before[at]) + Math.abs(x[c.xOffset() + i] * y[c.yOffset() + j])) + Double.MIN_VALUE);
                agree("xyᵀ (" + i + ", " + j + ") " + c, expected[at], a[at], bound);
            }
        }
        guardsUntouched("xyᵀ " + c, before, a, c.aOffset(), m * lda);
        unchanged("x", x0, x);
        unchanged("y", y0, y);
    }

    @Test
    void rankOneUpdateKnownValuesAndBadInput() {
        for (int bits : Inputs.WIDTHS) {
            MatrixVector v = KernelProvider.vector(bits).matrixVector();
            double[] a = {1, 2, 3, -1, 4, 5, 6, -1};  // 2×3 with lda 4: the -1 cells are padding
            v.rankOneUpdate(2, 3, new double[] {1, 2}, 0, new double[] {10, 20, 30}, 0, a, 0, 4);
            Inputs.identical("xyᵀ, " + bits + " bits", new double[] {11, 22, 33, -1, 24, 45, 66, -1}, a);
            assertMessage("leading dimension of a must be ≥ max(1, 3), got 2", () -> v.rankOneUpdate(2, 3, new double[2], 0, new double[3], 0, a, 0, 2));
            assertMessage("y[0 .. 3)", () -> v.rankOneUpdate(2, 3, new double[2], 0, new double[2], 0, a, 0, 4));
            assertMessage("m must be ≥ 0, got -1", () -> v.rankOneUpdate(-1, 3, new double[2], 0, new double[3], 0, a, 0, 4));
        }
    }
}
