package dev.shrink.solvers.cd;

import dev.shrink.solvers.Precompute;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The estimators hand the public {@link Precompute} to the engine by name ({@code Mode.of(precompute.name())}): the two
 * enums must have the same constants, or a choice fails at fit time.
 */
class PrecomputeModeTest {

    @Test
    void sameConstantNamesInTheSameOrder() {
        String[] precompute = Arrays.stream(Precompute.values()).map(Enum::name).toArray(String[]::new);
        String[] modes = Arrays.stream(LeastSquaresProblem.Mode.values()).map(Enum::name).toArray(String[]::new);
        assertArrayEquals(precompute, modes);
        for (Precompute p : Precompute.values()) assertSame(LeastSquaresProblem.Mode.valueOf(p.name()), LeastSquaresProblem.Mode.of(p.name()));
    }

    @Test
    void anUnknownNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LeastSquaresProblem.Mode.of("COVARIANCE"));
    }
}
