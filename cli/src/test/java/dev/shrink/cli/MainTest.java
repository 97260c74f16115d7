package dev.shrink.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line entry point: help, info, conformance's default directory, unknown commands. */
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
        for (String command : new String[] {"fit", "predict", "path", "cv", "report", "conformance", "info", "test"}) {
            assertTrue(text.contains("\n  " + command), command + " missing from:\n" + text);
        }
    }

    @Test
    void infoNamesTheKernelsInUse() throws Exception {
        assertEquals(0, run("info"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("kernels:       " + dev.shrink.kernels.KernelProvider.get().name()), text);
        for (var c : dev.shrink.kernels.KernelProvider.get().choices()) {
            assertTrue(text.contains(c.family().key()) && text.contains(c.reason()), c + " missing from\n" + text);
        }
    }

    /** Without DIR, conformance reads the directory the launcher names in shrink.cases (the project's copy). */
    @Test
    void conformanceDefaultsToTheConfiguredCases(@TempDir Path tmp) throws Exception {
        Path one = Files.createDirectory(tmp.resolve("ridge_tall_random"));
        Path src = Path.of(System.getProperty("shrink.projectRoot", ".."), "conformance", "cases", "ridge_tall_random");
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, one.resolve(f.getFileName()));
        }
        String before = System.getProperty(Main.CASES_PROPERTY);
        System.setProperty(Main.CASES_PROPERTY, tmp.toString());
        try {
            assertEquals(0, run("conformance"));
        } finally {
            if (before == null) System.clearProperty(Main.CASES_PROPERTY); else System.setProperty(Main.CASES_PROPERTY, before);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("ridge_tall_random") && text.endsWith("1 passed, 0 failed, 0 skipped\n"), text);
        assertEquals(2, run("conformance", tmp.resolve("missing").toString()));
    }

    @Test
    void unknownCommandIsAnErrorWithUsage() throws Exception {
        assertEquals(2, run("bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'bogus'"));
    }
}
