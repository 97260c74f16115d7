package dev.shrink.conformance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cross-validation conformance cases through the registry, as {@code ./shrink conformance} runs them. */
class CvConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"ridge_cv_random", "elasticnet_cv_random", "logistic_cv_random"})
    void casePasses(String id) throws IOException {
        CaseResult r = CaseHandlers.run(Cases.load(id));
        assertEquals(CaseResult.Status.PASS, r.status(), r.line());
    }
}
