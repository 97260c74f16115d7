package dev.shrink.conformance;

import java.util.Locale;

/**
 * The outcome of one case: status, the largest coefficient/intercept error against its tolerance and the largest
 * relative objective error against its tolerance (NaN when not compared), and a detail line.
 */
public record CaseResult(String id, Status status, double coefError, double coefTol, double objectiveError, double objectiveTol, String detail) {

    public enum Status { PASS, FAIL, SKIPPED }

    public static CaseResult skipped(String id, String why) {
        return new CaseResult(id, Status.SKIPPED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }

    public static CaseResult failed(String id, String why) {
        return new CaseResult(id, Status.FAIL, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** One line: id, status, coefficient error / tolerance, objective error / tolerance, detail. */
    public String line() {
        String s = String.format(Locale.ROOT, "%-45s %-7s", id, status.name().toLowerCase(Locale.ROOT));
        if (status != Status.SKIPPED && !Double.isNaN(coefError)) {
            s += String.format(Locale.ROOT, "  coef %.2e / %.1e", coefError, coefTol);
        }
        if (status != Status.SKIPPED && !Double.isNaN(objectiveError)) {
            s += String.format(Locale.ROOT, "  objective %.2e / %.1e", objectiveError, objectiveTol);
        }
        if (detail != null && !detail.isEmpty()) s += "  " + detail;
        return s;
    }
}
