package dev.shrink.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line entry point: help, info and unknown commands (conformance and report have their own tests). */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        assertEquals(0, run("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String command : new String[] {"report", "conformance", "info", "test"}) {
            assertTrue(text.contains("\n  " + command), command + " missing from:\n" + text);
        }
    }

    @Test
    void infoNamesTheKernelsInUse() throws Exception {
        assertEquals(0, run("info"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("kernels:       " + dev.shrink.kernels.KernelProvider.get().name()));
    }

    @Test
    void unknownCommandIsAnErrorWithUsage() throws Exception {
        assertEquals(2, run("bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'bogus'"));
    }
}
