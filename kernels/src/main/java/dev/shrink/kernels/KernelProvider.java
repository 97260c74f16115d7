package dev.shrink.kernels;

import dev.shrink.kernels.spi.KernelFamilies;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kernels in use: a scalar reference or Vector API implementations, chosen once per JVM, <b>each family at its own
 * vector width</b>.
 *
 * <p>{@link #get()} picks the Vector API implementations when the module {@code jdk.incubator.vector} is readable,
 * C2 is on and FMA is fast; otherwise the scalar reference, with one warning that names what is missing. Each family
 * ({@link KernelFamily}) then runs at the width a fixed rule gives for this CPU (no timing at start-up, so a machine
 * gives the same bits on every run):
 * <ul>
 *   <li>the Gram and Cholesky micro-kernels (FMA-bound) and the GLM row terms (vector exp and log) at 512 bits where the FMA datapath is 512 bits wide — AMD
 *       Zen 5 or later (family ≥ 26), Intel with AVX-512 — and at 256 bits elsewhere (AMD Zen 4 splits 512-bit FMAs);</li>
 *   <li>the memory-bound families (level 1, matrix–vector, proximal, eigendecomposition) at 256 bits;</li>
 *   <li>every family at the widest width offered when that is less than 512 bits (AVX2).</li>
 * </ul>
 * {@link #choices()} lists each family's width and the reason; {@code ./shrink info} prints it. The measurements
 * behind the rule: bench/README.md. System properties override it (for tests, benchmarks and other CPUs):
 * <ul>
 *   <li>{@code -Dshrink.kernels=scalar} forces the scalar reference ({@code vector} or nothing: the automatic choice);</li>
 *   <li>{@code -Dshrink.vectorBits=128|256|512} forces one width for every family (the module must still be readable;
 *       a width the CPU lacks gives the scalar reference and the warning);</li>
 *   <li>{@code -Dshrink.vectorBits.<family>=128|256|512} forces one family's width, e.g. {@code -Dshrink.vectorBits.gram=256}
 *       (keys: {@link KernelFamily#key()}); it wins over {@code shrink.vectorBits}; a width the CPU lacks is ignored
 *       with the warning.</li>
 * </ul>
 * One log line through {@link System.Logger} (logger {@code dev.shrink.kernels}) says what was chosen and why: a
 * WARNING when the scalar reference stands in for the Vector API or a property value was ignored, DEBUG otherwise.
 * The reason is also available from {@link #selectionReason()}.
 *
 * <p>A provider hands out one implementation of every family, the symmetric eigendecomposition included; providers
 * are made only here (the constructor is package-private), so every caller of {@link #get()} gets the same choice.
 */
public final class KernelProvider {

    /** Property that forces the scalar reference when set to {@code scalar}. */
    public static final String KERNELS_PROPERTY = "shrink.kernels";
    /** Property that forces a vector width in bits for every family: 128, 256 or 512. */
    public static final String VECTOR_BITS_PROPERTY = "shrink.vectorBits";

    /** The class that holds the Vector API code; loaded by name so that it is never linked without the module. */
    static final String VECTOR_IMPLEMENTATION = "dev.shrink.kernels.simd.VectorKernels";

    private final String name;
    private final KernelFamilies families;
    private final List<KernelChoice> choices;

    KernelProvider(String name, KernelFamilies families, List<KernelChoice> choices) {
        if (choices.size() != KernelFamily.values().length) throw new IllegalArgumentException("one choice per family");
        this.name = name;
        this.families = families;
        this.choices = List.copyOf(choices);
    }

    /**
     * Short name: {@code scalar}, {@code vector-256} or {@code vector-512} when every family runs at that width, or
     * {@code vector} when the families' widths differ (see {@link #choices()}).
     */
    public String name() {
        return name;
    }

    /** The widest vector width any family runs at, in bits, or 64 for the scalar reference; see {@link #choices()}. */
    public int vectorBits() {
        int bits = 0;
        for (KernelChoice c : choices) bits = Math.max(bits, c.bits());
        return bits;
    }

    /** The width of every family, in {@link KernelFamily} order, each with the reason it was chosen. */
    public List<KernelChoice> choices() {
        return choices;
    }

    /** The width {@code family} runs at, in bits (64 for the scalar reference). */
    public int bits(KernelFamily family) {
        return choices.get(family.ordinal()).bits();
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

    /** The symmetric eigendecomposition (the scalar reference for the scalar provider). */
    public SymmetricEigen symmetricEigen() {
        return families.symmetricEigen();
    }

    /** Sparse kernels: compressed-column products, sparse dot and axpy, block Gram, column statistics. */
    public Sparse sparse() {
        return families.sparse();
    }

    /** The GLM losses' per-row terms: values, residuals, curvatures and duality-gap divergences (exp and log per row). */
    public GlmRows glmRows() {
        return families.glmRows();
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
     * The Vector API kernels with every family at the given width (128, 256 or 512 bits; 0 for the platform's widest).
     *
     * @throws UnsupportedOperationException if {@code jdk.incubator.vector} is not readable or the width is not
     *                                       supported by this CPU
     */
    public static KernelProvider vector(int bits) {
        if (bits != 0 && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 0, 128, 256 or 512, got " + bits);
        }
        KernelFamilies f = vectorFamilies(bits);
        int width = bits == 0 ? widestVectorBits() : bits;
        List<KernelChoice> choices = new ArrayList<>();
        for (KernelFamily family : KernelFamily.values()) {
            choices.add(new KernelChoice(family, width, "every family at " + width + " bits (KernelProvider.vector)"));
        }
        return new KernelProvider("vector-" + width, f, choices);
    }

    /**
     * The Vector API kernels with each family at the width of its choice ({@link KernelFamily} order, one per family).
     *
     * @throws UnsupportedOperationException as {@link #vector(int)}
     */
    static KernelProvider vector(List<KernelChoice> choices) {
        Map<Integer, KernelFamilies> byWidth = new HashMap<>();
        Function<KernelFamily, KernelFamilies> at =
                f -> byWidth.computeIfAbsent(choices.get(f.ordinal()).bits(), KernelProvider::vectorFamilies);
        KernelFamilies f = new KernelFamilies(at.apply(KernelFamily.LEVEL1).level1(),
                at.apply(KernelFamily.MATRIX_VECTOR).matrixVector(), at.apply(KernelFamily.GRAM).gram(),
                at.apply(KernelFamily.CHOLESKY).cholesky(), at.apply(KernelFamily.PROXIMAL).proximal(),
                at.apply(KernelFamily.SYMMETRIC_EIGEN).symmetricEigen(), at.apply(KernelFamily.SPARSE).sparse(),
                at.apply(KernelFamily.GLM_ROWS).glmRows());
        String name = byWidth.size() == 1 ? "vector-" + byWidth.keySet().iterator().next() : "vector";
        return new KernelProvider(name, f, choices);
    }

    /** Every Vector API family at one width (0: the widest), loaded by name (see {@link #VECTOR_IMPLEMENTATION}). */
    private static KernelFamilies vectorFamilies(int bits) {
        return (KernelFamilies) callVectorKernels("families", bits);
    }

    /** The widest width in bits the Vector API runs in hardware here (bounded by -XX:MaxVectorSize). */
    private static int widestVectorBits() {
        return (int) callVectorKernels("width", 0);
    }

    private static Object callVectorKernels(String method, int bits) {
        String missing = Capabilities.missingForVector();
        if (missing != null) throw new UnsupportedOperationException("Vector API kernels unavailable: " + missing);
        try {
            Class<?> impl = Class.forName(VECTOR_IMPLEMENTATION);
            return impl.getMethod(method, int.class).invoke(null, bits);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnsupportedOperationException u) throw u;
            if (cause instanceof IllegalArgumentException i) throw i;
            throw new UnsupportedOperationException("Vector API kernels unavailable: " + cause, cause);
        }
    }

    /** Parses a width property: 128, 256 or 512; 0 when absent; −1 (and a note in problems) when malformed. */
    private static int widthProperty(String key, StringBuilder problems) {
        String value = System.getProperty(key, "").trim();
        if (value.isEmpty()) return 0;
        int bits;
        try {
            bits = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits != 128 && bits != 256 && bits != 512) {
            problems.append("; ignored -D" + key + "=" + value + " (expected 128, 256 or 512)");
            return 0;
        }
        return bits;
    }

    private static final class Holder {
        static final KernelProvider CHOSEN;
        static final String REASON;

        static {
            String kernels = System.getProperty(KERNELS_PROPERTY, "").trim();
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
                int bits = widthProperty(VECTOR_BITS_PROPERTY, problems);
                int[] familyBits = new int[KernelFamily.values().length];
                for (KernelFamily f : KernelFamily.values()) {
                    familyBits[f.ordinal()] = widthProperty(VECTOR_BITS_PROPERTY + "." + f.key(), problems);
                }
                String missing = Capabilities.missingForVector();
                if (missing == null) missing = Capabilities.missingForSpeed();
                if (missing != null) {
                    chosen = scalar();
                    reason = missing;
                } else {
                    try {
                        if (bits != 0) {
                            vectorFamilies(bits); // a width the CPU lacks: the scalar reference, as documented
                            reason = "width forced by -D" + VECTOR_BITS_PROPERTY + "=" + bits;
                        } else {
                            reason = "Vector API readable, C2 on, FMA in hardware; widths by family for "
                                    + Cpu.current().describe();
                        }
                        chosen = vector(choices(bits, familyBits, problems));
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

        /**
         * Each family's width: its own property if set and offered, else {@code bits} if forced, else {@link WidthRule}.
         */
        private static List<KernelChoice> choices(int bits, int[] familyBits, StringBuilder problems) {
            int widest = widestVectorBits();
            List<KernelChoice> choices = new ArrayList<>();
            for (KernelFamily f : KernelFamily.values()) {
                int forced = familyBits[f.ordinal()];
                String key = VECTOR_BITS_PROPERTY + "." + f.key();
                if (forced > widest) {
                    problems.append("; ignored -D" + key + "=" + forced + " (this CPU offers at most " + widest + " bits)");
                } else if (forced != 0) {
                    choices.add(new KernelChoice(f, forced, "forced by -D" + key + "=" + forced));
                    continue;
                }
                choices.add(bits != 0 ? new KernelChoice(f, bits, "forced by -D" + VECTOR_BITS_PROPERTY + "=" + bits)
                        : WidthRule.choose(f, Cpu.current(), widest));
            }
            return choices;
        }
    }
}
