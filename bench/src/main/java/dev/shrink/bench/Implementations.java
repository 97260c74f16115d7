package dev.shrink.bench;

import dev.shrink.kernels.KernelProvider;

/**
 * The names benchmarks use for kernel implementations, as JMH {@code @Param} values: {@code scalar},
 * {@code vector-256}, {@code vector-512}, {@code vector-128} and {@code vector} (the provider's default choice).
 * The same names appear in the report's {@code implementation} column.
 */
public final class Implementations {
    private Implementations() {}

    public static KernelProvider provider(String name) {
        return switch (name) {
            case "scalar" -> KernelProvider.scalar();
            case "vector" -> KernelProvider.get();
            case "vector-128" -> KernelProvider.vector(128);
            case "vector-256" -> KernelProvider.vector(256);
            case "vector-512" -> KernelProvider.vector(512);
            default -> throw new IllegalArgumentException("unknown implementation '" + name
                    + "': expected scalar, vector, vector-128, vector-256 or vector-512");
        };
    }
}
