package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The convergence record: its three messages, the direct solve, and strict mode's exception. */
class ConvergenceTest {

    @Test
    void messagesSayWhatHappenedWithBothNumbers() {
        Convergence ok = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", 3, 1e-5, 1e-4, true, 10);
        assertEquals("converged after 3 sweeps: duality gap 1.0E-5 ≤ 1.0E-4", ok.message());
        Convergence capped = Convergence.iterative(Convergence.Criterion.SCALED_GRADIENT, "Newton steps", 10, 0.5, 1e-4, false, 10);
        assertEquals("not converged after maxIter = 10 Newton steps: max|gradient|/(C·Σs) 0.5 > tolerance 1.0E-4", capped.message());
        Convergence floor = Convergence.iterative(Convergence.Criterion.GRADIENT_MAPPING, "steps", 4, 2e-3, 1e-4, false, 10);
        assertEquals("stopped after 4 steps at the rounding floor: gradient mapping 0.002 > tolerance 1.0E-4", floor.message());
        assertEquals(Convergence.Criterion.GRADIENT_MAPPING, floor.criterion());
        assertEquals(4, floor.iterations());
        assertEquals(2e-3, floor.value());
        assertEquals(1e-4, floor.tolerance());
    }

    @Test
    void directSolvesHaveNothingToConverge() {
        Convergence d = Convergence.direct("direct solve: test");
        assertEquals(Convergence.Criterion.DIRECT, d.criterion());
        assertEquals(0, d.iterations());
        assertEquals(0.0, d.value());
        assertTrue(d.converged());
        assertEquals("direct solve: test", d.message());
    }

    @Test
    void requireConvergedThrowsTheRecord() {
        Convergence ok = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", 3, 1e-5, 1e-4, true, 10);
        assertSame(ok, ok.requireConverged());
        Convergence capped = Convergence.iterative(Convergence.Criterion.DUALITY_GAP, "sweeps", 10, 1.0, 1e-4, false, 10);
        ConvergenceException e = assertThrows(ConvergenceException.class, capped::requireConverged);
        assertSame(capped, e.convergence());
        assertEquals(capped.message(), e.getMessage());
    }
}
