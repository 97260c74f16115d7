package dev.shrink.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Size products are computed in long arithmetic: a product that no array can hold is an error, never a wrapped int. */
class ChecksTest {

    @Test
    void elementsFitOrSayWhy() {
        assertEquals(6, Checks.elements("m", 2, 3));
        assertEquals(0, Checks.elements("m", 0, Integer.MAX_VALUE));
        assertEquals(Checks.MAX_ARRAY_LENGTH, Checks.elements("m", 1, Checks.MAX_ARRAY_LENGTH));
        // 65537² = 4295098369 wraps to 131073 as an int: the size of a 65536-feature Hessian with intercept
        assertEquals(131073, 65537 * 65537);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.elements("the Hessian", 65537, 65537));
        assertEquals("the Hessian needs 65537×65537 = 4295098369 elements, more than one Java array holds (2147483639)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.elements("m", -1, 3));
    }

    /** The Gram matrix of a view with 65536 columns is refused with that message, not allocated with a wrapped size. */
    @Test
    void aGramTooLargeForAnArrayIsRefused() {
        MatrixView wide = MatrixView.rowMajor(new double[65536], 1, 65536);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelProvider.scalar().gram().gram(wide));
        assertEquals("the Gram matrix needs 65536×65536 = 4294967296 elements, more than one Java array holds (2147483639)", e.getMessage());
    }
}
