package dev.shrink.kernels;

import java.lang.System.Logger.Level;

/**
 * The kernels in use: a scalar reference or a Vector API implementation, chosen once per JVM.
 *
 * <p>{@link #get()} picks the Vector API implementation when the module {@code jdk.incubator.vector} is readable,
 * C2 is on and FMA is fast; otherwise the scalar reference, with one warning that names what is missing. System
 * properties override the choice (for tests and benchmarks):
 * <ul>
 *   <li>{@code -Dshrink.kernels=scalar} forces the scalar reference;</li>
 *   <li>{@code -Dshrink.vectorBits=128|256|512} forces a vector width (the module must still be readable).</li>
 * </ul>
 * One log line through {@link System.Logger} (logger {@code dev.shrink.kernels}) says what was chosen and why.
 */
public abstract class KernelProvider {

    /** Property that forces the scalar reference when set to {@code scalar}. */
    public static final String KERNELS_PROPERTY = "shrink.kernels";
    /** Property that forces a vector width in bits: 128, 256 or 512. */
    public static final String VECTOR_BITS_PROPERTY = "shrink.vectorBits";

    /** The implementation that holds the Vector API code; loaded by name so that it is never linked without the module. */
    static final String VECTOR_IMPLEMENTATION = "dev.shrink.kernels.simd.VectorKernelProvider";

    protected KernelProvider() {}

    /** Short name, e.g. {@code scalar} or {@code vector-512}. */
    public abstract String name();

    /** Vector width in bits, or 64 for the scalar reference (one double at a time). */
    public abstract int vectorBits();

    public abstract Level1 level1();

    public abstract MatrixVector matrixVector();

    public abstract Gram gram();

    public abstract Cholesky cholesky();

    public abstract Proximal proximal();

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
            return (KernelProvider) impl.getDeclaredConstructor(int.class).newInstance(bits);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnsupportedOperationException u) throw u;
            if (cause instanceof IllegalArgumentException i) throw i;
            throw new UnsupportedOperationException("Vector API kernels unavailable: " + cause, cause);
        }
    }

    private static final class Holder {
        static final KernelProvider CHOSEN;
        static final String REASON;

        static {
            KernelProvider chosen;
            String reason;
            String forced = System.getProperty(KERNELS_PROPERTY, "");
            String bitsProperty = System.getProperty(VECTOR_BITS_PROPERTY, "");
            if (forced.equalsIgnoreCase("scalar")) {
                chosen = scalar();
                reason = "forced by -D" + KERNELS_PROPERTY + "=scalar";
            } else {
                String missing = Capabilities.missingForVector();
                if (missing == null) missing = Capabilities.missingForSpeed();
                if (missing != null) {
                    chosen = scalar();
                    reason = missing;
                } else {
                    int bits = bitsProperty.isEmpty() ? 0 : Integer.parseInt(bitsProperty.trim());
                    try {
                        chosen = vector(bits);
                        reason = bits == 0 ? "Vector API available, preferred width" : "width forced by -D"
                                + VECTOR_BITS_PROPERTY + "=" + bits;
                    } catch (UnsupportedOperationException e) {
                        chosen = scalar();
                        reason = e.getMessage();
                    }
                }
            }
            CHOSEN = chosen;
            REASON = reason;
            System.Logger log = System.getLogger("dev.shrink.kernels");
            if (chosen == ScalarKernelProvider.INSTANCE && !forced.equalsIgnoreCase("scalar")) {
                log.log(Level.WARNING, "shrink: using scalar kernels: " + reason);
            } else {
                log.log(Level.DEBUG, "shrink: using " + chosen.name() + " kernels (" + reason + ")");
            }
        }
    }
}
