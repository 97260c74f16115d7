package dev.shrink.cli;

import dev.shrink.cli.model.UsageException;

import java.util.function.Supplier;

/** Turns the solvers' refusals of a problem into user errors (one line, exit 2) instead of stack traces. */
final class Failures {
    private Failures() {}

    /** Runs a fit; an IllegalArgumentException from the solvers (they name the argument and the position) is the user's. */
    static <T> T solving(Supplier<T> fit) {
        try {
            return fit.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
