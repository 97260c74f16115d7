package dev.shrink.kernels;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-family width rule on the CPUs it names, and the CPU identification it reads. */
class WidthRuleTest {
    private static final Cpu ZEN4 = new Cpu(Cpu.AMD, 25, 17, "AMD EPYC 9654");
    private static final Cpu ZEN5 = new Cpu(Cpu.AMD, 26, 2, "AMD EPYC");
    private static final Cpu EMERALD_RAPIDS = new Cpu(Cpu.INTEL, 6, 207, "Intel(R) Xeon(R) Platinum 8581C");

    private static int bits(KernelFamily f, Cpu cpu, int widest) {
        return WidthRule.choose(f, cpu, widest).bits();
    }

    @Test
    void fmaBoundFamiliesRunAt512BitsWhereTheDatapathIs512BitsWide() {
        for (Cpu cpu : List.of(ZEN5, EMERALD_RAPIDS)) {
            assertEquals(512, bits(KernelFamily.GRAM, cpu, 512), cpu.describe());
            assertEquals(512, bits(KernelFamily.CHOLESKY, cpu, 512), cpu.describe());
            assertEquals(256, bits(KernelFamily.LEVEL1, cpu, 512), cpu.describe());
            assertEquals(256, bits(KernelFamily.MATRIX_VECTOR, cpu, 512), cpu.describe());
        }
    }

    @Test
    void zen4AndUnknownCpusKeep256Bits() {
        for (Cpu cpu : List.of(ZEN4, Cpu.UNKNOWN, new Cpu("HygonGenuine", 24, 0, ""))) {
            for (KernelFamily f : KernelFamily.values()) {
                KernelChoice c = WidthRule.choose(f, cpu, 512);
                assertEquals(256, c.bits(), c.toString());
            }
        }
        assertTrue(WidthRule.choose(KernelFamily.GRAM, ZEN4, 512).reason().contains("Zen 4"));
    }

    @Test
    void narrowerJvmsGiveEveryFamilyTheirWidest() {
        for (KernelFamily f : KernelFamily.values()) {
            assertEquals(256, bits(f, ZEN5, 256));
            assertEquals(128, bits(f, EMERALD_RAPIDS, 128));
        }
    }

    @Test
    void cpuinfoAndWindowsIdentifiersAreParsed() {
        Cpu linux = Cpu.fromCpuinfo(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26", "model\t\t: 2",
                "model name\t: AMD EPYC", "flags\t\t: fpu avx512f", "", "processor\t: 1", "vendor_id\t: GenuineIntel"));
        assertEquals(ZEN5, linux);
        Cpu windows = Cpu.fromWindowsIdentifier("Intel64 Family 6 Model 207 Stepping 2, GenuineIntel");
        assertEquals(new Cpu(Cpu.INTEL, 6, 207, ""), windows);
        assertEquals("an unknown CPU", Cpu.fromCpuinfo(List.of()).describe());
    }
}
