package dev.shrink.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every case of the project's copy at its own tolerances, and the command's output contract. */
class ConformanceCasesTest {

    /**
     * Each case either passes or is skipped because a key, a value or a file is not understood yet — never fitted as
     * something else and failed. The families built today must pass (at least the 24 version-1 cases).
     */
    @TestFactory
    List<DynamicTest> everyCasePassesOrIsSkippedForWhatItNeeds() throws IOException {
        Path root = Cases.root();
        assertTrue(Files.isDirectory(root), "conformance cases not found at " + root);
        List<DynamicTest> tests = new ArrayList<>();
        int[] passed = new int[1];
        for (Path dir : ConformanceCase.list(root)) {
            ConformanceCase c = ConformanceCase.load(dir);
            tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                CaseResult r = CaseHandlers.run(c);
                assertNotEquals(CaseResult.Status.FAIL, r.status(), r.line());
                if (r.status() == CaseResult.Status.SKIPPED) {
                    assertTrue(r.detail().matches(".*(is not supported|is not understood|is not read).*"), r.line());
                } else {
                    passed[0]++;
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("at least the 24 version-1 cases pass", () -> assertTrue(passed[0] >= 24, passed[0] + " passed")));
        return tests;
    }

    @Test
    void commandPrintsOneLinePerCaseAndTheSummary() throws IOException {
        Path root = Cases.root();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ConformanceCommand.run(new String[] {root.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        int cases = ConformanceCase.list(root).size();
        assertEquals(cases + 1, lines.size());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("\\d+ passed, 0 failed, \\d+ skipped"), last);
        assertEquals(0, status);
    }

    /** A copy of one case with a corrupted reference must fail (exit 1); an unknown model is skipped with the reason. */
    @Test
    void failingAndUnsupportedCases(@TempDir Path tmp) throws IOException {
        Path bad = copy("ridge_weighted", tmp.resolve("ridge_bad"));
        String coef = Files.readString(bad.resolve("coef.csv")).trim();
        String[] parts = coef.split(",");
        parts[0] = Double.toString(Double.parseDouble(parts[0]) + 1e-3);
        Files.writeString(bad.resolve("coef.csv"), String.join(",", parts) + "\n");
        Path other = Files.createDirectory(tmp.resolve("zz_other"));
        Files.writeString(other.resolve("case.properties"), "model=no_such_model\nsource=none\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ConformanceCommand.run(new String[] {tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, status);
        assertTrue(lines.get(0).startsWith("ridge_bad") && lines.get(0).contains(" fail "), lines.get(0));
        assertTrue(lines.get(1).contains("skipped") && lines.get(1).contains("'no_such_model'"), lines.get(1));
        assertEquals("0 passed, 1 failed, 1 skipped", lines.get(2));
    }

    /**
     * Skipping is decided from every key and file: the same case passes as it is, and is skipped — naming what — once
     * it has a key the handler does not know, a value it does not accept, or a file it does not read.
     */
    @Test
    void skippedForEveryKeyValueAndFileItDoesNotUnderstand(@TempDir Path tmp) throws IOException {
        assertEquals(CaseResult.Status.PASS, CaseHandlers.run(ConformanceCase.load(copy("logistic_random", tmp.resolve("plain")))).status());

        Path key = copy("logistic_random", tmp.resolve("key"));
        Files.writeString(key.resolve("case.properties"), "novel_option=true\n", java.nio.file.StandardOpenOption.APPEND);
        assertSkipped(key, "key 'novel_option'");

        Path value = copy("logistic_random", tmp.resolve("value"));
        Files.writeString(value.resolve("case.properties"), "penalty=l0\n", java.nio.file.StandardOpenOption.APPEND);
        assertSkipped(value, "penalty=l0 is not supported by the logistic handler");

        Path file = copy("logistic_random", tmp.resolve("file"));
        Files.writeString(file.resolve("lower_limits.csv"), "0,0\n");
        assertSkipped(file, "file lower_limits.csv");
    }

    private static void assertSkipped(Path dir, String reason) throws IOException {
        CaseResult r = CaseHandlers.run(ConformanceCase.load(dir));
        assertEquals(CaseResult.Status.SKIPPED, r.status(), r.line());
        assertTrue(r.detail().contains(reason), r.line());
    }

    private static Path copy(String id, Path to) throws IOException {
        Path src = Cases.root().resolve(id);
        Files.createDirectories(to);
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        return to;
    }

    @Test
    void missingDirectoryIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, ConformanceCommand.run(new String[] {"/nonexistent/cases"}, System.out, e));
        assertEquals(2, ConformanceCommand.run(new String[0], System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: conformance DIR"));
    }
}
