package dev.shrink.conformance;

/**
 * Accumulates the README's comparisons for one case: coefficients and intercepts elementwise against
 * {@code coef_atol} (only when {@code unique=true}), objective values relative to {@code objective_rtol}; extra checks
 * (e.g. cross-validation errors) through {@link #check}.
 */
public final class Comparison {
    private final ConformanceCase c;
    private double coefError;
    private double objectiveError;
    private boolean comparedObjective;
    private final StringBuilder failures = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();

    public Comparison(ConformanceCase c) {
        this.c = c;
    }

    /** Coefficients and intercept against one line of coef.csv / intercept.csv. */
    public Comparison coef(double[] expected, double expectedIntercept, double[] actual, double actualIntercept) {
        if (expected.length != actual.length) {
            fail("expected " + expected.length + " coefficients, got " + actual.length);
            return this;
        }
        for (int j = 0; j < expected.length; j++) coefError = Math.max(coefError, err(expected[j], actual[j]));
        coefError = Math.max(coefError, err(expectedIntercept, actualIntercept));
        return this;
    }

    private static double err(double a, double b) {
        double e = Math.abs(a - b);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /** An objective value against its reference (relative error). */
    public Comparison objective(double expected, double actual) {
        comparedObjective = true;
        double e = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        objectiveError = Math.max(objectiveError, Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
        return this;
    }

    /** An extra named check. */
    public Comparison check(boolean ok, String what) {
        if (!ok) fail(what);
        return this;
    }

    /** A note appended to the result line. */
    public Comparison note(String text) {
        if (!notes.isEmpty()) notes.append("; ");
        notes.append(text);
        return this;
    }

    private void fail(String what) {
        if (!failures.isEmpty()) failures.append("; ");
        failures.append(what);
    }

    public CaseResult result() {
        boolean ok = failures.isEmpty();
        if (c.unique() && coefError > c.coefAtol()) ok = false;
        if (comparedObjective && objectiveError > c.objectiveRtol()) ok = false;
        String detail = failures.toString() + (failures.isEmpty() || notes.isEmpty() ? "" : "; ") + notes;
        if (!c.unique()) detail = "unique=false: objective compared" + (detail.isEmpty() ? "" : "; " + detail);
        return new CaseResult(c.id(), ok ? CaseResult.Status.PASS : CaseResult.Status.FAIL, coefError, c.coefAtol(),
                comparedObjective ? objectiveError : Double.NaN, c.objectiveRtol(), detail);
    }
}
