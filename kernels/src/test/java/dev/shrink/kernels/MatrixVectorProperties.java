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
}
