package dev.shrink.bench.peers;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreTypesTest {
    static final String ZEN5 = "fpu sse sse2 ssse3 fma sse4_1 avx avx2 avx512f avx512dq avx512vl avx512_bf16";
    static final String AVX2_ONLY = "fpu sse sse2 ssse3 fma sse4_1 avx avx2";
    static final String OLD = "fpu sse sse2 ssse3 sse4_1";

    @Test
    void coreTypesMapToTheirInstructionSets() {
        assertEquals(Optional.of(CoreTypes.Isa.AVX512), CoreTypes.isaOf("SkylakeX"));
        assertEquals(Optional.of(CoreTypes.Isa.AVX512), CoreTypes.isaOf("cooperlake"));
        assertEquals(Optional.of(CoreTypes.Isa.AVX2), CoreTypes.isaOf("Haswell"));
        assertEquals(Optional.of(CoreTypes.Isa.AVX2), CoreTypes.isaOf(" Zen\n"));
        assertEquals(Optional.of(CoreTypes.Isa.AVX), CoreTypes.isaOf("Sandybridge"));
        assertEquals(Optional.of(CoreTypes.Isa.SSE), CoreTypes.isaOf("Prescott"));
        assertEquals(Optional.empty(), CoreTypes.isaOf("Unknown"));
        assertEquals(Optional.empty(), CoreTypes.isaOf(null));
    }

    @Test
    void theCpuFlagsChooseTheFastestCoreType() {
        assertEquals(CoreTypes.Isa.AVX512, CoreTypes.isaOfCpu(ZEN5));
        assertEquals(Optional.of("SkylakeX"), CoreTypes.bestFor(ZEN5));
        assertEquals(Optional.of("Haswell"), CoreTypes.bestFor(AVX2_ONLY));
        assertEquals(Optional.empty(), CoreTypes.bestFor(OLD));
        assertFalse(CoreTypes.isaOfCpu("avx512fx avx2").equals(CoreTypes.Isa.AVX512), "whole flags, not prefixes");
    }

    @Test
    void aFallbackIsAWeakerFamilyThanTheCpuHas() {
        assertTrue(CoreTypes.isFallback("Prescott", ZEN5));
        assertTrue(CoreTypes.isFallback("Haswell", ZEN5));
        assertFalse(CoreTypes.isFallback("SkylakeX", ZEN5));
        assertFalse(CoreTypes.isFallback("Haswell", AVX2_ONLY));
        assertFalse(CoreTypes.isFallback("Unknown", ZEN5), "an unknown name is not called a fallback");
    }

    @Test
    void peerLabelsNameTheCoreTypeAndWhatIsWrongWithIt() {
        assertEquals("SkylakeX (AVX-512)", CoreTypes.label("SkylakeX", "SkylakeX", ZEN5));
        assertFalse(CoreTypes.needsMark("SkylakeX", "SkylakeX", ZEN5));
        String prescott = CoreTypes.label("", "Prescott", ZEN5);
        assertEquals("Prescott (SSE), FALLBACK: this CPU has AVX-512", prescott);
        assertTrue(CoreTypes.needsMark("", "Prescott", ZEN5));
        String ignored = CoreTypes.label("SkylakeX", "Haswell", ZEN5);
        assertTrue(ignored.contains("requested SkylakeX") && ignored.contains("FALLBACK"), ignored);
        assertTrue(CoreTypes.needsMark("SkylakeX", "Haswell", ZEN5));
        assertEquals("SkylakeX requested, not verified", CoreTypes.label("SkylakeX", "", ZEN5));
        assertEquals("BLAS core type unknown", CoreTypes.label(null, null, ZEN5));
    }

    @Test
    void aMeasurementOverridesTheRuleOnlyByAClearMargin() {
        Map<String, Double> close = new LinkedHashMap<>();
        close.put("Haswell", 44.0);
        close.put("SkylakeX", 42.0);
        CoreTypes.Choice rule = CoreTypes.choose(ZEN5, close);
        assertEquals("SkylakeX", rule.coreType(), "5% is within one run's noise");
        assertTrue(rule.reason().contains("AVX-512") && rule.reason().contains("44.0"), rule.reason());

        Map<String, Double> clear = Map.of("Haswell", 50.0, "SkylakeX", 30.0);
        CoreTypes.Choice measured = CoreTypes.choose(ZEN5, clear);
        assertEquals("Haswell", measured.coreType());
        assertTrue(measured.reason().startsWith("measured"), measured.reason());

        assertEquals("SkylakeX", CoreTypes.choose(ZEN5, Map.of()).coreType(), "no measurement: the rule");
        assertNull(CoreTypes.choose(OLD, Map.of()).coreType(), "no AVX2: OpenBLAS chooses");
    }
}
