package dev.shrink.kernels;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the provider chooses: in this JVM (started with the Vector API) and in forked JVMs started without it. */
class ProviderTest {

    @Test
    void thisJvmHasTheVectorApiAndUsesIt() {
        assertEquals(null, Capabilities.missingForVector(), "surefire starts tests with --add-modules jdk.incubator.vector");
        if (Capabilities.missingForSpeed() == null && System.getProperty(KernelProvider.VECTOR_BITS_PROPERTY) == null) {
            assertEquals(ruleWidths(), widths(KernelProvider.get()), KernelProvider.selectionReason());
        }
        assertSame(KernelProvider.get(), KernelProvider.get());
    }

    /** The widths the rule gives each family on this machine, in family order. */
    static List<Integer> ruleWidths() {
        int widest = Inputs.WIDTHS.get(Inputs.WIDTHS.size() - 1);
        return Arrays.stream(KernelFamily.values()).map(f -> WidthRule.choose(f, Cpu.current(), widest).bits()).toList();
    }

    static List<Integer> widths(KernelProvider k) {
        return k.choices().stream().map(KernelChoice::bits).toList();
    }

    @Test
    void everyFamilyHasOneChoiceWithAReasonAndTheProviderUsesThatWidth() {
        KernelProvider k = KernelProvider.get();
        assertEquals(Arrays.asList(KernelFamily.values()), k.choices().stream().map(KernelChoice::family).toList());
        for (KernelChoice c : k.choices()) {
            assertFalse(c.reason().isBlank(), c.toString());
            assertEquals(c.bits(), k.bits(c.family()));
        }
        assertEquals(k.choices().stream().mapToInt(KernelChoice::bits).max().orElseThrow(), k.vectorBits());
        List<Integer> distinct = widths(k).stream().distinct().toList();
        assertEquals(distinct.size() == 1 ? (distinct.get(0) == 64 ? "scalar" : "vector-" + distinct.get(0)) : "vector", k.name());
        for (KernelChoice c : KernelProvider.scalar().choices()) assertEquals(64, c.bits());
        if (k.bits(KernelFamily.GRAM) != 64) {
            // The Gram runs the micro-kernel of its own width: same bits as the uniform provider of that width.
            double[] x = Inputs.values(new java.util.SplittableRandom(3), 37 * 21, Inputs.Regime.UNIT);
            MatrixView v = MatrixView.rowMajor(x, 37, 21);
            assertArrayEquals(KernelProvider.vector(k.bits(KernelFamily.GRAM)).gram().gram(v), k.gram().gram(v));
        }
    }

    @Test
    void everyWidthIsItsOwnSpecializedCopy() {
        for (int bits : Inputs.WIDTHS) {
            KernelProvider p = KernelProvider.vector(bits);
            assertEquals("vector-" + bits, p.name());
            assertEquals(bits, p.vectorBits());
            for (KernelChoice c : p.choices()) assertEquals(bits, c.bits(), c.toString());
            assertTrue(p.level1().getClass().isHidden(), "one hidden class per width holds the constant species");
            assertSame(p.level1(), KernelProvider.vector(bits).level1(), "defined once per width, then reused");
            assertNotNull(p.gram());
            assertNotNull(p.cholesky());
        }
        if (Inputs.WIDTHS.size() > 1) {
            assertNotSame(KernelProvider.vector(Inputs.WIDTHS.get(0)).level1().getClass(),
                    KernelProvider.vector(Inputs.WIDTHS.get(1)).level1().getClass());
        }
        assertEquals(Inputs.WIDTHS.get(Inputs.WIDTHS.size() - 1), KernelProvider.vector(0).vectorBits(), "0 = the widest");
    }

    @Test
    void badWidthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelProvider.vector(1024));
        assertTrue(e.getMessage().contains("got 1024"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelProvider.vector(64));
    }

    @Test
    void aTemplateLoadedDirectlyExplainsItself() {
        ExceptionInInitializerError e = assertThrows(ExceptionInInitializerError.class,
                () -> Class.forName("dev.shrink.kernels.simd.VectorLevel1", true, getClass().getClassLoader()));
        assertTrue(e.getCause().getMessage().contains("template"), e.getCause().getMessage());
    }

    /** The result lines every correct run prints, whatever the kernels (known answers computed by hand). */
    private static void assertKnownAnswers(List<String> out) {
        assertTrue(out.contains("sameOnSecondCall=true"), out.toString());
        assertTrue(out.contains("dot=32.0"), out.toString());
        assertTrue(out.contains("norm2=5.0E300"), out.toString());
        assertTrue(out.contains("Ax=-1.0,-1.0"), out.toString());
        assertTrue(out.contains("softThreshold=2.0,-0.0,-1.0"), out.toString());
        assertTrue(out.contains("choleskySolve=1.5,1.0"), out.toString());
    }

    private static List<String> warningsFromShrink(List<String> err) {
        return err.stream().filter(l -> l.contains("shrink: using")).toList();
    }

    @Test
    void withoutTheVectorModuleTheScalarKernelsRunWithOneWarningNamingTheFlag() throws Exception {
        Run run = fork(List.of());
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.contains("provider=scalar"), run.toString());
        assertKnownAnswers(run.out);
        assertTrue(run.out.contains("vector512=unsupported: Vector API kernels unavailable: module jdk.incubator.vector is not"
                + " readable; start the JVM with --add-modules jdk.incubator.vector"), run.toString());
        List<String> warnings = run.err.stream().filter(l -> l.contains("WARNING")).toList();
        assertEquals(1, warnings.size(), "exactly one warning: " + run);
        assertTrue(warnings.get(0).contains("--add-modules jdk.incubator.vector"), warnings.get(0));
    }

    @Test
    void propertiesForceAWidthOrTheScalarKernelsWithoutWarning() throws Exception {
        int bits = Inputs.WIDTHS.get(0);
        Run width = fork(List.of("--add-modules=jdk.incubator.vector", "-Dshrink.vectorBits=" + bits));
        assertEquals(0, width.exit, width.toString());
        assertTrue(width.out.contains("provider=vector-" + bits), width.toString());
        assertKnownAnswers(width.out);
        assertEquals(List.of(), warningsFromShrink(width.err));

        Run scalar = fork(List.of("--add-modules=jdk.incubator.vector", "-Dshrink.kernels=scalar"));
        assertTrue(scalar.out.contains("provider=scalar"), scalar.toString());
        assertEquals(List.of(), warningsFromShrink(scalar.err));
    }

    @Test
    void aPerFamilyPropertyForcesThatFamilyOnly() throws Exception {
        int bits = Inputs.WIDTHS.get(0);
        Run run = fork(List.of("--add-modules=jdk.incubator.vector", "-Dshrink.vectorBits.gram=" + bits));
        assertEquals(0, run.exit, run.toString());
        assertKnownAnswers(run.out);
        List<Integer> expected = new ArrayList<>(ruleWidths());
        expected.set(KernelFamily.GRAM.ordinal(), bits);
        for (KernelFamily f : KernelFamily.values()) {
            assertTrue(run.out.contains("width." + f.key() + "=" + expected.get(f.ordinal())), f + ": " + run);
        }
        assertEquals(List.of(), warningsFromShrink(run.err));
    }

    @Test
    void aBadPropertyValueIsIgnoredWithOneWarning() throws Exception {
        Run run = fork(List.of("--add-modules=jdk.incubator.vector", "-Dshrink.vectorBits=300"));
        assertEquals(0, run.exit, run.toString());
        for (KernelFamily f : KernelFamily.values()) {
            assertTrue(run.out.contains("width." + f.key() + "=" + ruleWidths().get(f.ordinal())), f + ": " + run);
        }
        List<String> warnings = warningsFromShrink(run.err);
        assertEquals(1, warnings.size(), run.toString());
        assertTrue(warnings.get(0).contains("ignored -Dshrink.vectorBits=300 (expected 128, 256 or 512)"), warnings.get(0));
    }

    @Test
    void withoutC2TheScalarKernelsRunWithOneWarningNamingTheFlag() throws Exception {
        Run run = fork(List.of("--add-modules=jdk.incubator.vector", "-XX:TieredStopAtLevel=1"));
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.contains("provider=scalar"), run.toString());
        assertKnownAnswers(run.out);
        List<String> warnings = warningsFromShrink(run.err);
        assertEquals(1, warnings.size(), run.toString());
        assertTrue(warnings.get(0).contains("-XX:TieredStopAtLevel=1"), warnings.get(0));
    }

    @Test
    void aWidthTheCpuLacksIsRefused() throws Exception {
        // -XX:MaxVectorSize=16 caps every species at 128 bits, so this runs on any x86 or ARM machine.
        Run run = fork(List.of("--add-modules=jdk.incubator.vector", "-XX:MaxVectorSize=16", "-Dshrink.vectorBits=256"));
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.contains("vector512=unsupported: 512-bit vectors requested, this CPU (or -XX:MaxVectorSize) offers"
                + " at most 128 bits for doubles"), run.toString());
        assertTrue(run.out.contains("provider=scalar"), run.toString());
        assertEquals(1, warningsFromShrink(run.err).size(), run.toString());
    }

    record Run(int exit, List<String> out, List<String> err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err);
        }
    }

    /** Runs {@link ProviderProbe} in a fresh JVM: this JVM's java binary and class path, with only the given options. */
    private static Run fork(List<String> jvmOptions) throws IOException, InterruptedException {
        return fork(ProviderProbe.class, jvmOptions);
    }

    /** Runs a main class in a fresh JVM: this JVM's java binary and class path, with only the given options. */
    static Run fork(Class<?> mainClass, List<String> jvmOptions) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        File out = File.createTempFile("probe", ".out");
        File err = File.createTempFile("probe", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the forked JVM did not finish within 120 s: " + command);
            }
            return new Run(process.exitValue(), Files.readAllLines(out.toPath()), Files.readAllLines(err.toPath()));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
