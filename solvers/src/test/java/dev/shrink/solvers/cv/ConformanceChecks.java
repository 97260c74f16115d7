package dev.shrink.solvers.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comparisons at the tolerances a conformance case recommends (README "Comparing"). */
final class ConformanceChecks {
    private ConformanceChecks() {}

    static void relative(double[] expected, double[] actual, double rtol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], rtol * Math.abs(expected[k]), what + "[" + k + "]");
        }
    }

    static void coefficients(CaseData c, double[] coef, double intercept) {
        double atol = c.number("coef_atol");
        double[] expected = c.matrix("coef.csv")[0];
        assertEquals(expected.length, coef.length);
        for (int j = 0; j < coef.length; j++) assertEquals(expected[j], coef[j], atol, c.id() + " coef[" + j + "]");
        assertEquals(c.column("intercept.csv")[0], intercept, atol, c.id() + " intercept");
    }

    static void ridgeCv(CaseData c, RidgeCV.Result r) {
        relative(c.column("cv_mse.csv"), r.cvMse(), c.number("cv_rtol"), c.id() + " cv_mse");
        assertEquals(Integer.parseInt(c.get("alpha_chosen_index")), r.bestIndex(), c.id() + " chosen index");
        assertEquals(c.number("alpha_chosen"), r.alpha());
        coefficients(c, r.coef(), r.intercept());
    }

    static void elasticNetCv(CaseData c, ElasticNetCV.Result r) {
        relative(c.column("cv_mse.csv"), r.bestScores().mean(), c.number("cv_rtol"), c.id() + " cv_mse");
        assertEquals(Integer.parseInt(c.get("alpha_chosen_index")), r.alphaIndex(), c.id() + " chosen index");
        assertEquals(c.number("alpha_chosen"), r.alpha());
        coefficients(c, r.coef(), r.intercept());
    }
}
