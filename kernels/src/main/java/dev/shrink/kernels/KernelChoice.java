package dev.shrink.kernels;

/**
 * The width one kernel family runs at in a {@link KernelProvider}, and why (see {@link KernelProvider#choices()}).
 *
 * @param family the kernel family
 * @param bits   its vector width in bits: 128, 256 or 512 for the Vector API kernels, 64 for the scalar reference
 * @param reason one line: the rule or property that chose this width
 */
public record KernelChoice(KernelFamily family, int bits, String reason) {
    public KernelChoice {
        if (family == null) throw new IllegalArgumentException("family must not be null");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason must not be blank");
    }

    /** {@code gram: 512 bits (reason)}. */
    @Override
    public String toString() {
        return family.key() + ": " + bits + " bits (" + reason + ")";
    }
}
