package dev.shrink.kernels;

/**
 * The default vector width of each kernel family, from the CPU's features: the one place that says which width runs
 * where when no property forces one. Deterministic (no timing at start-up), so a machine gives the same bits on every
 * run. The measurements behind each branch are in bench/README.md ("Why the kernels default to … bits").
 *
 * <ol>
 *   <li>The JVM offers less than 512 bits (AVX2, or {@code -XX:MaxVectorSize}; HotSpot itself caps Skylake-SP at 256):
 *       every family at the widest width offered.</li>
 *   <li>Memory-bound families ({@link KernelFamily#computeBound()} false): 256 bits. They stream X or vectors from
 *       L2/L3/DRAM; 512 bits won nothing there on Zen 4 or Zen 5 (ties within a few percent, 256 ahead on the
 *       row-major Xw, Xᵀr and axpy the solvers lean on).</li>
 *   <li>Compute-bound families (the Gram and Cholesky micro-kernels, the GLM row terms) at 512 bits where the FMA
 *       datapath is 512 bits wide: AMD family ≥ 26 (Zen 5: Gram 20000×500 +80%, Cholesky p = 2000 +60% over 256 bits;
 *       vector exp 2.5× and log1p 2.6× faster per value, see VectorGlmRows) and Intel family 6 with AVX-512 (two 512-bit
 *       FMA ports on Xeon Scalable; Emerald Rapids: Gram +30%, Cholesky +50%).</li>
 *   <li>Otherwise 256 bits: AMD Zen 4 (family 25) executes a 512-bit FMA as two 256-bit halves, so 512 bits tied
 *       there, and an unknown CPU gets the width measured safe everywhere.</li>
 * </ol>
 */
final class WidthRule {
    private WidthRule() {}

    /** The width and reason for {@code family} on {@code cpu} when the JVM offers at most {@code widest} bits. */
    static KernelChoice choose(KernelFamily family, Cpu cpu, int widest) {
        if (widest < 512) {
            return new KernelChoice(family, widest, "the widest vectors this CPU and JVM offer for doubles");
        }
        if (!family.computeBound()) {
            return new KernelChoice(family, 256, "memory-bound: 512 bits gain nothing over 256 (measured on AMD Zen 4 and Zen 5)");
        }
        String why = fullWidth512(cpu);
        if (why != null) return new KernelChoice(family, 512, "FMA-bound, and " + why);
        String half = cpu.vendor().equals(Cpu.AMD) && cpu.family() == 25
                ? "AMD Zen 4 (family 25) splits 512-bit FMAs into 256-bit halves"
                : "512-bit FMA throughput not known for " + cpu.describe();
        return new KernelChoice(family, 256, "FMA-bound, but " + half);
    }

    /** Why {@code cpu} runs 512-bit FMAs at full width, or null when it does not or is unknown. */
    static String fullWidth512(Cpu cpu) {
        if (cpu.vendor().equals(Cpu.AMD) && cpu.family() >= 26) {
            return "AMD family " + cpu.family() + " (Zen 5 or later) has a 512-bit FMA datapath";
        }
        if (cpu.vendor().equals(Cpu.INTEL) && cpu.family() == 6) {
            return "Intel family 6 with AVX-512 issues 512-bit FMAs at full width (two ports on Xeon Scalable)";
        }
        return null;
    }
}
