package dev.shrink.solvers.conformance;

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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every single-fit and path case of ../shared/conformance at its own tolerances, and the command's output contract. */
class ConformanceCasesTest {
    private static final Set<String> OURS = Set.of("ridge", "lasso", "elasticnet", "logistic", "elasticnet_path", "logistic_path");

    static Path root() {
        return ConformanceCase.defaultRoot();
    }

    @TestFactory
    List<DynamicTest> everySingleFitAndPathCasePasses() throws IOException {
        Path root = root();
        assertTrue(Files.isDirectory(root), "conformance cases not found at " + root);
        List<DynamicTest> tests = new ArrayList<>();
        int ours = 0;
        for (Path dir : ConformanceCase.list(root)) {
            ConformanceCase c = ConformanceCase.load(dir);
            if (!OURS.contains(c.model())) continue;
            ours++;
            tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                CaseResult r = CaseHandlers.run(c);
                assertEquals(CaseResult.Status.PASS, r.status(), r.line());
            }));
        }
        assertTrue(ours >= 21, "expected the 21 single-fit and path cases, found " + ours);
        return tests;
    }

    @Test
    void commandPrintsOneLinePerCaseAndTheSummary() throws IOException {
        Path root = root();
        assumeTrue(Files.isDirectory(root));
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
        Path src = root().resolve("ridge_weighted");
        assumeTrue(Files.isDirectory(src));
        Path bad = Files.createDirectory(tmp.resolve("ridge_bad"));
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, bad.resolve(f.getFileName()));
        }
        String coef = Files.readString(bad.resolve("coef.csv")).trim();
        String[] parts = coef.split(",");
        parts[0] = Double.toString(Double.parseDouble(parts[0]) + 1e-3);
        Files.writeString(bad.resolve("coef.csv"), String.join(",", parts) + "\n");
        Path other = Files.createDirectory(tmp.resolve("zz_other"));
        Files.writeString(other.resolve("case.properties"), "model=poisson\nsource=none\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ConformanceCommand.run(new String[] {tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, status);
        assertTrue(lines.get(0).startsWith("ridge_bad") && lines.get(0).contains(" fail "), lines.get(0));
        assertTrue(lines.get(1).contains("skipped") && lines.get(1).contains("'poisson'"), lines.get(1));
        assertEquals("0 passed, 1 failed, 1 skipped", lines.get(2));
        assertFalse(CaseHandlers.forModel("poisson").isPresent());
    }

    @Test
    void missingDirectoryIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, ConformanceCommand.run(new String[] {"/nonexistent/cases"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
