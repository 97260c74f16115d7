package dev.shrink.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tiny known answers for the scalar reference, computed by hand. */
class ScalarReferenceTest {
    private final KernelProvider k = KernelProvider.scalar();

    @Test
    void dotOfSmallVectors() {
        assertEquals(1 * 4 + 2 * 5 + 3 * 6, k.level1().dot(3, new double[] {1, 2, 3}, 0, new double[] {4, 5, 6}, 0));
    }

    @Test
    void norm2DoesNotOverflowNear1e300() {
        assertEquals(5e300, k.level1().norm2(2, new double[] {3e300, 4e300}, 0), 1e286);
        assertEquals(5e-300, k.level1().norm2(2, new double[] {3e-300, 4e-300}, 0), 1e-314);
    }

    @Test
    void gramOfTwoByTwo() {
        // X = [[1, 2], [3, 4]] row-major: XᵀX = [[10, 14], [14, 20]], Xᵀy with y = (1, 1) is (4, 6).
        double[] g = new double[4];
        double[] xty = new double[2];
        k.gram().gram(MatrixView.rowMajor(new double[] {1, 2, 3, 4}, 2, 2), null, new double[] {1, 1}, g, 0, 2, xty, 0);
        assertArrayEquals(new double[] {10, 14, 14, 20}, g);
        assertArrayEquals(new double[] {4, 6}, xty);
    }

    @Test
    void choleskyOfKnownMatrix() {
        // A = [[4, 2], [2, 10]] = LLᵀ with L = [[2, 0], [1, 3]]; the upper triangle (marker 99) is untouched.
        double[] a = {4, 99, 2, 10};
        k.cholesky().factor(2, a, 0, 2, 0.0);
        assertArrayEquals(new double[] {2, 99, 1, 3}, a);
        double[] b = {8, 13}; // A·(1.5, 1) = (8, 13)
        k.cholesky().solve(2, a, 0, 2, b, 0);
        assertArrayEquals(new double[] {1.5, 1}, b, 1e-15);
    }

    @Test
    void choleskyReportsTheFailingPivot() {
        double[] a = {1, 0, 2, 1}; // [[1, 2], [2, 1]] has eigenvalues 3 and -1
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> k.cholesky().factor(2, a, 0, 2, 0));
        assertEquals(1, e.pivot());
        assertEquals(-3.0, e.value());
    }

    @Test
    void rangeOutsideTheArrayNamesTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.level1().dot(4, new double[3], 0, new double[4], 0));
        assertEquals(true, e.getMessage().startsWith("x[0 .. 4)"), e.getMessage());
    }
}
