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
            }
        }
    }
}
