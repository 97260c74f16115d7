package dev.shrink.kernels;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same input gives the same bits on every call, whatever the JIT has done so far: an interpreted JVM and this
 * one after C2 compiled the kernels agree exactly. This is what lets folds run in parallel equal folds run in
 * sequence (reductions sum their lanes in a fixed order; see {@code simd.Lanes}).
 */
class DeterminismTest {

    @Test
    void interpretedAndCompiledKernelsGiveIdenticalBits() throws Exception {
        for (int i = 0; i < 3_000; i++) DeterminismProbe.fingerprint(); // well past C2's thresholds
        List<String> compiled = DeterminismProbe.fingerprint();
        ProviderTest.Run interpreted = ProviderTest.fork(DeterminismProbe.class,
                List.of("--add-modules=jdk.incubator.vector", "-Xint"));
        assertEquals(0, interpreted.exit(), interpreted.toString());
        assertEquals(compiled, interpreted.out());
    }
}
