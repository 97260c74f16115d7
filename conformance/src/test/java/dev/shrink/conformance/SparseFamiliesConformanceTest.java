package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The group-lasso, multi-task and Bayesian cases pass with their X stored sparse: each case is copied with X.csv
 * replaced by X.mtx (its non-zero entries) and {@code x_format=matrix-market}, so that the handlers fit a
 * {@link SparseDesign} against the same reference answers.
 */
class SparseFamiliesConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"group_lasso_random", "group_lasso_logistic", "group_lasso_path", "multitask_elasticnet_random",
            "multitask_lasso_random", "bayesian_ridge_diabetes"})
    void passesWithXStoredSparse(String id, @TempDir Path dir) throws IOException {
        Path source = Cases.root().resolve(id);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) if (!f.getFileName().toString().equals("X.csv")) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Design dense = ConformanceCase.load(source).design();
        List<int[]> at = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < dense.n(); i++) {
            for (int j = 0; j < dense.p(); j++) {
                if (dense.get(i, j) != 0) {
                    at.add(new int[] {i, j});
                    values.add(dense.get(i, j));
                }
            }
        }
        int[] rows = at.stream().mapToInt(e -> e[0]).toArray();
        int[] cols = at.stream().mapToInt(e -> e[1]).toArray();
        SparseDesign.fromTriplets(dense.n(), dense.p(), rows, cols, values.stream().mapToDouble(Double::doubleValue).toArray())
                .writeMatrixMarket(dir.resolve("X.mtx"));
        Files.writeString(dir.resolve("case.properties"), "\nx_format=matrix-market\n", StandardOpenOption.APPEND);
        ConformanceCase c = ConformanceCase.load(dir);
        assertInstanceOf(SparseDesign.class, c.design());
        CaseResult r = CaseHandlers.run(c);
        assertEquals(CaseResult.Status.PASS, r.status(), r.line());
    }
}
