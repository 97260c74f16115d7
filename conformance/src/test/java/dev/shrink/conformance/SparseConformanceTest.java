package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The sparse cases (x_format=matrix-market) run on a {@link SparseDesign} read from X.mtx and pass; the L1 logistic one
 * waits for the L1 logistic family (skipped for its penalty, not for its X).
 */
class SparseConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"lasso_sparse_x", "ridge_sparse_x", "glmnet_gaussian_path_sparse_x"})
    void passesOnTheSparseDesign(String id) throws IOException {
        ConformanceCase c = Cases.load(id);
        Design x = c.design();
        assertInstanceOf(SparseDesign.class, x);
        assertEquals(c.n(), x.n());
        assertEquals(c.p(), x.p());
        CaseResult r = CaseHandlers.run(c);
        assertEquals(CaseResult.Status.PASS, r.status(), r.line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic_l1_sparse_x"})
    void theSparseXIsUnderstood(String id) throws IOException {
        CaseResult r = CaseHandlers.run(Cases.load(id));
        if (r.status() == CaseResult.Status.SKIPPED) {
            assertEquals(false, r.detail().contains("x_format") || r.detail().contains("X.mtx"), r.line());
        } else {
            assertEquals(CaseResult.Status.PASS, r.status(), r.line());
        }
    }
}
