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
import static dev.shrink.kernels.Inputs.identical;
import static dev.shrink.kernels.Inputs.padded;
import static dev.shrink.kernels.Inputs.unchanged;
import static dev.shrink.kernels.Inputs.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** The Vector API level-1 kernels against the scalar reference, at every width, on generated inputs. */
class Level1Properties {
    private static final Level1 SCALAR = KernelProvider.scalar().level1();

    /** A generated case: width, length, where x and y start, strides (for the strided forms), values. */
    record Case(int bits, int n, int xOffset, int yOffset, int incX, int incY, Regime regime, long seed) {
        Level1 vector() {
            return KernelProvider.vector(bits).level1();
        }

        SplittableRandom random() {
            return new SplittableRandom(seed);
        }

        /** x (or y) with random guard cells: offset cells before, three after. */
        double[] array(SplittableRandom random, int offset, double[] values) {
            return padded(random, values, offset, 3);
        }
    }

    static Gen<Case> cases() {
        return cases(Inputs::width, 5000);
    }

    static Gen<Case> cases(Gen<Integer> width, int large) {
        return in -> new Case(width.generate(in), Inputs.length(in, large), draw(in, 0, 3), draw(in, 0, 3),
                draw(in, 1, 3), draw(in, 1, 3), Inputs.regime(in), Inputs.seed(in));
    }

    /**
     * x and y whose products cannot overflow (binary exponents sum to at most 1000, so |xᵢyᵢ| &lt; 2¹⁰⁰² and any
     * sum of 5000 of them stays finite): whether a sum overflows would otherwise depend on the order of additions,
     * which is exactly what the two implementations are allowed to differ in. Products may underflow.
     */
    static double[][] dotOperands(Case c, SplittableRandom random, int count) {
        double[] x = values(random, count, c.regime());
        double[] y = values(random, count, c.regime());
        for (int i = 0; i < count; i++) {
            int excess = Math.getExponent(x[i]) + Math.getExponent(y[i]) - 1000;
            if (excess > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) y[i] = Math.scalb(y[i], -excess);
        }
        return new double[][] {x, y};
    }

    /**
     * Bound for two summation orders of Σ xᵢyᵢ: each is within 2·n·ε·Σ|xᵢyᵢ| of the exact sum (Higham, "Accuracy and
     * Stability of Numerical Algorithms", §3.1), plus one subnormal spacing per rounded product that underflows.
     */
    static double dotBound(int n, double[] x, int xOffset, int incX, double[] y, int yOffset, int incY) {
        double absSum = 0;
        for (int i = 0; i < n; i++) absSum += Math.abs(x[xOffset + i * incX] * y[yOffset + i * incY]);
        return 2 * (2 * n * EPS * absSum + n * Double.MIN_VALUE);
    }

    @Test
    void dotAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::dot);
    }

    static void dot(Case c) {
        SplittableRandom random = c.random();
        double[][] xy = dotOperands(c, random, c.n());
        double[] x = c.array(random, c.xOffset(), xy[0]);
        double[] y = c.array(random, c.yOffset(), xy[1]);
        double[] x0 = x.clone(), y0 = y.clone();
        double expected = SCALAR.dot(c.n(), x, c.xOffset(), y, c.yOffset());
        double actual = c.vector().dot(c.n(), x, c.xOffset(), y, c.yOffset());
        agree("dot " + c, expected, actual, dotBound(c.n(), x, c.xOffset(), 1, y, c.yOffset(), 1));
        unchanged("x", x0, x);
        unchanged("y", y0, y);
    }

    @Test
    void stridedDotAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::stridedDot);
    }

    static void stridedDot(Case c) {
        SplittableRandom random = c.random();
        int n = Math.min(c.n(), 1000);
        int span = n == 0 ? 0 : (n - 1) * Math.max(c.incX(), c.incY()) + 1;
        // Strides pair other elements than dotOperands does: |xᵢ|, |yᵢ| < 2⁵⁰⁰ keeps every product finite.
        double[] x = c.array(random, c.xOffset(), values(random, span, c.regime(), -1022, 499));
        double[] y = c.array(random, c.yOffset(), values(random, span, c.regime(), -1022, 499));
        double expected = SCALAR.dot(n, x, c.xOffset(), c.incX(), y, c.yOffset(), c.incY());
        double actual = c.vector().dot(n, x, c.xOffset(), c.incX(), y, c.yOffset(), c.incY());
        agree("strided dot " + c, expected, actual, dotBound(n, x, c.xOffset(), c.incX(), y, c.yOffset(), c.incY()));
    }

    /** axpy promises no bound, so both round α·x then +y the same way: bit for bit, guards untouched. */
    @Test
    void axpyIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::axpy);
    }

    static void axpy(Case c) {
        SplittableRandom random = c.random();
        double alpha = values(random, 1, c.regime())[0];
        double[] x = c.array(random, c.xOffset(), values(random, c.n(), c.regime()));
        double[] y = c.array(random, c.yOffset(), values(random, c.n(), c.regime()));
        double[] expected = y.clone(), x0 = x.clone(), before = y.clone();
        SCALAR.axpy(c.n(), alpha, x, c.xOffset(), expected, c.yOffset());
        c.vector().axpy(c.n(), alpha, x, c.xOffset(), y, c.yOffset());
        identical("axpy " + c, expected, y);
        guardsUntouched("axpy " + c, before, y, c.yOffset(), c.n());
        unchanged("x", x0, x);
    }

    @Test
    void axpyInPlaceIsIdentical() {
        qt().withExamples(EXAMPLES / 2).forAll(cases()).checkAssert(Level1Properties::axpyInPlace);
    }

    static void axpyInPlace(Case c) {
        SplittableRandom random = c.random();
        double[] y = c.array(random, c.yOffset(), values(random, c.n(), c.regime()));
        double[] expected = y.clone();
        SCALAR.axpy(c.n(), -0.5, expected, c.yOffset(), expected, c.yOffset());
        c.vector().axpy(c.n(), -0.5, y, c.yOffset(), y, c.yOffset());
        identical("axpy in place " + c, expected, y);
    }

    @Test
    void stridedAxpyIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::stridedAxpy);
    }

    static void stridedAxpy(Case c) {
        SplittableRandom random = c.random();
        int n = Math.min(c.n(), 1000);
        int span = n == 0 ? 0 : (n - 1) * Math.max(c.incX(), c.incY()) + 1;
        double[] x = c.array(random, c.xOffset(), values(random, span, c.regime()));
        double[] y = c.array(random, c.yOffset(), values(random, span, c.regime()));
        double[] expected = y.clone();
        SCALAR.axpy(n, 3.0, x, c.xOffset(), c.incX(), expected, c.yOffset(), c.incY());
        c.vector().axpy(n, 3.0, x, c.xOffset(), c.incX(), y, c.yOffset(), c.incY());
        identical("strided axpy " + c, expected, y); // cells between strided elements are guards as well
    }

    /** scal is one rounding per element in both: bit for bit, overflow to ±Inf included. */
    @Test
    void scalIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::scal);
    }

    static void scal(Case c) {
        SplittableRandom random = c.random();
        double alpha = values(random, 1, c.regime())[0];
        double[] x = c.array(random, c.xOffset(), values(random, c.n(), c.regime()));
        double[] expected = x.clone(), before = x.clone();
        SCALAR.scal(c.n(), alpha, expected, c.xOffset());
        c.vector().scal(c.n(), alpha, x, c.xOffset());
        identical("scal " + c, expected, x);
        guardsUntouched("scal " + c, before, x, c.xOffset(), c.n());
    }

    /** Two summation orders, each within 2·n·ε·Σ|xᵢ| of the exact sum; |xᵢ| &lt; 2⁹⁹⁸ so no sum overflows. */
    @Test
    void sumAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::sum);
    }

    static void sum(Case c) {
        SplittableRandom random = c.random();
        double[] x = c.array(random, c.xOffset(), values(random, c.n(), c.regime()));
        double absSum = 0;
        for (int i = 0; i < c.n(); i++) absSum += Math.abs(x[c.xOffset() + i]);
        agree("sum " + c, SCALAR.sum(c.n(), x, c.xOffset()), c.vector().sum(c.n(), x, c.xOffset()),
                2 * 2 * c.n() * EPS * absSum);
    }

    /** Bound 2·(2·n·ε·Σxᵢ² + n·2⁻¹⁰⁷⁴); |xᵢ| &lt; 2⁵⁰⁰ so the squares and their sums stay finite. */
    @Test
    void sumOfSquaresAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::sumOfSquares);
    }

    static void sumOfSquares(Case c) {
        SplittableRandom random = c.random();
        double[] x = c.array(random, c.xOffset(), values(random, c.n(), c.regime(), -1022, 490));
        double squares = 0;
        for (int i = 0; i < c.n(); i++) squares += x[c.xOffset() + i] * x[c.xOffset() + i];
        agree("sumOfSquares " + c, SCALAR.sumOfSquares(c.n(), x, c.xOffset()), c.vector().sumOfSquares(c.n(), x, c.xOffset()),
                2 * (2 * c.n() * EPS * squares + c.n() * Double.MIN_VALUE));
    }

    /**
     * Values over the whole range 1e-300 … 1e300 (and subnormals): each implementation is within 2·n·ε·‖x‖₂ (the
     * scaled sum of squares cannot overflow), plus one subnormal spacing when ‖x‖₂ itself is subnormal.
     */
    @Test
    void norm2AgreesWithinBoundOverTheWholeRange() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::norm2);
    }

    static void norm2(Case c) {
        SplittableRandom random = c.random();
        double[] x = c.array(random, c.xOffset(), values(random, c.n(), c.regime(), -1022, 1023));
        double expected = SCALAR.norm2(c.n(), x, c.xOffset());
        double actual = c.vector().norm2(c.n(), x, c.xOffset());
        agree("norm2 " + c, expected, actual, 2 * (2 * c.n() * EPS * Math.abs(expected) + Double.MIN_VALUE));
    }

    @Test
    void maxAbsIsExact() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(Level1Properties::maxAbs);
    }

    static void maxAbs(Case c) {
        SplittableRandom random = c.random();
        double[] x = c.array(random, c.xOffset(), values(random, c.n(), c.regime(), -1022, 1023));
        assertEquals(SCALAR.maxAbs(c.n(), x, c.xOffset()), c.vector().maxAbs(c.n(), x, c.xOffset()), 0.0, "maxAbs " + c);
    }

    @Test
    void norm2NeitherOverflowsNorUnderflowsNear1ePlusMinus300() {
        for (int bits : Inputs.WIDTHS) {
            Level1 v = KernelProvider.vector(bits).level1();
            double[] big = new double[37];
            double[] small = new double[37];
            java.util.Arrays.fill(big, 3e300);
            java.util.Arrays.fill(small, 3e-300);
            assertEquals(3e300 * Math.sqrt(37), v.norm2(37, big, 0), 37 * 4 * EPS * 3e300 * Math.sqrt(37));
            assertEquals(3e-300 * Math.sqrt(37), v.norm2(37, small, 0), 37 * 4 * EPS * 3e-300 * Math.sqrt(37));
            assertEquals(5 * Double.MIN_VALUE, v.norm2(2, new double[] {3 * Double.MIN_VALUE, 4 * Double.MIN_VALUE}, 0));
            assertEquals(Double.POSITIVE_INFINITY, v.norm2(3, new double[] {1, Double.NEGATIVE_INFINITY, 2}, 0));
            assertTrue(Double.isNaN(v.norm2(3, new double[] {Double.POSITIVE_INFINITY, Double.NaN, 2}, 0)));
        }
    }

    @Test
    void maxAbsPropagatesNaNFromAnyLane() {
        for (int bits : Inputs.WIDTHS) {
            Level1 v = KernelProvider.vector(bits).level1();
            for (int n = 1; n <= Inputs.SHORT; n++) {
                for (int at = 0; at < n; at++) {
                    double[] x = new double[n];
                    x[at] = Double.NaN;
                    if (at + 1 < n) x[at + 1] = Double.POSITIVE_INFINITY;
                    assertTrue(Double.isNaN(v.maxAbs(n, x, 0)), "NaN at " + at + " of " + n + ", " + bits + " bits");
                }
            }
            assertEquals(0.0, v.maxAbs(0, new double[0], 0));
        }
    }

    @Test
    void badInputIsRejectedByName() {
        for (int bits : Inputs.WIDTHS) {
            Level1 v = KernelProvider.vector(bits).level1();
            double[] a = new double[4];
            assertMessage("x[0 .. 5)", () -> v.dot(5, a, 0, new double[5], 0));
            assertMessage("y[2 .. 6)", () -> v.dot(4, a, 0, a, 2));
            assertMessage("must be ≥ 0, got -1", () -> v.dot(-1, a, 0, 1, a, 0, 1));
            assertMessage("stride of x must be ≥ 1, got 0", () -> v.dot(2, a, 0, 0, a, 0, 1));
            assertMessage("y with offset 0, stride 2 and length 3 reaches index 4", () -> v.axpy(3, 1, a, 0, 1, a, 0, 2));
            assertMessage("x[-1 .. 1)", () -> v.scal(2, 1, a, -1));
            assertMessage("x must not be null", () -> v.sum(0, null, 0));
            assertMessage("x[3 .. 5)", () -> v.sumOfSquares(2, a, 3));
            assertMessage("x[0 .. 9)", () -> v.norm2(9, a, 0));
            assertMessage("x[5 .. 5)", () -> v.maxAbs(0, a, 5));
        }
    }

    static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedPart), "expected '" + expectedPart + "' in: " + e.getMessage());
    }
}
