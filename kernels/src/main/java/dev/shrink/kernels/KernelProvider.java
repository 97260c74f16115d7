package dev.shrink.kernels;

import dev.shrink.kernels.spi.KernelFamilies;

import java.lang.System.Logger.Level;

/**
 * The kernels in use: a scalar reference or a Vector API implementation, chosen once per JVM.
 *
 * <p>{@link #get()} picks the Vector API implementation when the module {@code jdk.incubator.vector} is readable,
 * C2 is on and FMA is fast; otherwise the scalar reference, with one warning that names what is missing. System
 * properties override the choice (for tests and benchmarks):
 * <ul>
 *   <li>{@code -Dshrink.kernels=scalar} forces the scalar reference ({@code vector} or nothing: the automatic choice);</li>
 *   <li>{@code -Dshrink.vectorBits=128|256|512} forces a vector width (the module must still be readable; a width
 *       the CPU lacks gives the scalar reference and the warning).</li>
 * </ul>
 * Without a forced width the Vector API kernels run at {@link #DEFAULT_VECTOR_BITS}, or narrower where the CPU's
 * vectors are. One log line through {@link System.Logger} (logger {@code dev.shrink.kernels}) says what was chosen
 * and why: a WARNING when the scalar reference stands in for the Vector API or a property value was ignored, DEBUG
 * otherwise. The reason is also available from {@link #selectionReason()}.
 *
 * <p>A provider hands out one implementation of every family, the symmetric eigendecomposition included; providers
 * are made only here (the constructor is package-private), so every caller of {@link #get()} gets the same choice.
 */
public final class KernelProvider {

    /** Property that forces the scalar reference when set to {@code scalar}. */
    public static final String KERNELS_PROPERTY = "shrink.kernels";
    /** Property that forces a vector width in bits: 128, 256 or 512. */
    public static final String VECTOR_BITS_PROPERTY = "shrink.vectorBits";

    /** The class that holds the Vector API code; loaded by name so that it is never linked without the module. */
    static final String VECTOR_IMPLEMENTATION = "dev.shrink.kernels.simd.VectorKernels";

    private final String name;
    private final int vectorBits;
    private final KernelFamilies families;

    KernelProvider(String name, int vectorBits, KernelFamilies families) {
        this.name = name;
        this.vectorBits = vectorBits;
        this.families = families;
    }

    /** Short name, e.g. {@code scalar} or {@code vector-512}. */
    public String name() {
        return name;
    }

    /** Vector width in bits, or 64 for the scalar reference (one double at a time). */
    public int vectorBits() {
        return vectorBits;
    }

    public Level1 level1() {
        return families.level1();
    }

    public MatrixVector matrixVector() {
        return families.matrixVector();
    }

    public Gram gram() {
        return families.gram();
    }

    public Cholesky cholesky() {
        return families.cholesky();
    }

    public Proximal proximal() {
        return families.proximal();
    }

    /** The symmetric eigendecomposition at this provider's width (the scalar reference for the scalar provider). */
    public SymmetricEigen symmetricEigen() {
        return families.symmetricEigen();
    }

    @Override
    public String toString() {
        return name();
    }

    /** The provider chosen for this JVM (see the class comment). */
    public static KernelProvider get() {
        return Holder.CHOSEN;
    }

    /** Why {@link #get()} chose what it chose, in one line. */
    public static String selectionReason() {
        return Holder.REASON;
    }

    /** The scalar reference kernels. */
    public static KernelProvider scalar() {
        return ScalarKernelProvider.INSTANCE;
    }

    /**
     * The Vector API kernels at the given width (128, 256 or 512 bits; 0 for the platform's preferred width).
     *
     * @throws UnsupportedOperationException if {@code jdk.incubator.vector} is not readable or the width is not
     *                                       supported by this CPU
     */
    public static KernelProvider vector(int bits) {
        if (bits != 0 && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 0, 128, 256 or 512, got " + bits);
        }
        String missing = Capabilities.missingForVector();
        if (missing != null) throw new UnsupportedOperationException("Vector API kernels unavailable: " + missing);
        try {
            Class<?> impl = Class.forName(VECTOR_IMPLEMENTATION);
            KernelFamilies f = (KernelFamilies) impl.getMethod("families", int.class).invoke(null, bits);
            int width = (int) impl.getMethod("width", int.class).invoke(null, bits);
            return new KernelProvider("vector-" + width, width, f);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnsupportedOperationException u) throw u;
            if (cause instanceof IllegalArgumentException i) throw i;
            throw new UnsupportedOperationException("Vector API kernels unavailable: " + cause, cause);
        }
    }

    /**
     * The width {@link #get()} uses when no property forces one, if the CPU has it (else its widest): 256 bits won the
     * reductions the solvers lean on in JMH on AMD Zen 4 (measurements and the command: bench/README.md).
     */
    public static final int DEFAULT_VECTOR_BITS = 256;

    private static final class Holder {
        static final KernelProvider CHOSEN;
        static final String REASON;

        static {
            String kernels = System.getProperty(KERNELS_PROPERTY, "").trim();
            String bitsProperty = System.getProperty(VECTOR_BITS_PROPERTY, "").trim();
            // Everything that goes wrong is collected into the one warning this class may print.
            StringBuilder problems = new StringBuilder();
            KernelProvider chosen;
            String reason;
            if (kernels.equalsIgnoreCase("scalar")) {
                chosen = scalar();
                reason = "forced by -D" + KERNELS_PROPERTY + "=scalar";
            } else {
                if (!kernels.isEmpty() && !kernels.equalsIgnoreCase("vector")) {
                    problems.append("; ignored -D" + KERNELS_PROPERTY + "=" + kernels + " (expected scalar or vector)");
                }
                int bits = 0;
                if (!bitsProperty.isEmpty()) {
                    try {
                        bits = Integer.parseInt(bitsProperty);
                    } catch (NumberFormatException e) {
                        bits = -1;
                    }
                    if (bits != 128 && bits != 256 && bits != 512) {
                        problems.append("; ignored -D" + VECTOR_BITS_PROPERTY + "=" + bitsProperty + " (expected 128, 256 or 512)");
                        bits = 0;
                    }
                }
                String missing = Capabilities.missingForVector();
                if (missing == null) missing = Capabilities.missingForSpeed();
                if (missing != null) {
                    chosen = scalar();
                    reason = missing;
                } else {
                    try {
                        if (bits != 0) {
                            chosen = vector(bits);
                            reason = "width forced by -D" + VECTOR_BITS_PROPERTY + "=" + bits;
                        } else {
                            chosen = defaultVector();
                            reason = "Vector API readable, C2 on, FMA in hardware; default width";
                        }
                    } catch (UnsupportedOperationException e) {
                        chosen = scalar();
                        reason = e.getMessage();
                    }
                }
            }
            CHOSEN = chosen;
            REASON = reason + problems;
            System.Logger log = System.getLogger("dev.shrink.kernels");
            boolean fellBack = chosen == scalar() && !kernels.equalsIgnoreCase("scalar");
            if (fellBack || !problems.isEmpty()) {
                log.log(Level.WARNING, "shrink: using " + chosen.name() + " kernels: " + REASON);
            } else {
                log.log(Level.DEBUG, "shrink: using " + chosen.name() + " kernels (" + REASON + ")");
            }
        }

        /** {@link #DEFAULT_VECTOR_BITS}, or the CPU's widest vectors when they are narrower. */
        private static KernelProvider defaultVector() {
            try {
                return vector(DEFAULT_VECTOR_BITS);
            } catch (UnsupportedOperationException e) {
                return vector(0);
            }
        }
    }
}
