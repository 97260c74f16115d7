package dev.shrink.bench.report;

/**
 * One solver measurement of one side at one setting: time, the objective reached and its optimality.
 *
 * @param workload       the workload's name ({@code ridge}, {@code enet-path}, …)
 * @param shape          n×p
 * @param implementation the side: {@code shrink}, {@code sklearn}, {@code glmnet}
 * @param setting        the peer's setting ({@code solver=lbfgs}, {@code precompute=True}, {@code thresh=1e-7}); empty for shrink
 * @param blas           the BLAS the peer ran with; null for shrink
 * @param seconds        mean seconds per fit
 * @param objective      the objective reached (scikit-learn's formula, evaluated by the report); a path's sum over its grid
 * @param gap            the optimality measure ({@code gapName}: {@code gap} or {@code grad})
 * @param alpha          the penalty a cross-validation chose (NaN for other workloads)
 * @param note           the side's own remark (iterations, warnings, the chosen alpha)
 */
record SolverRow(String workload, String shape, String implementation, String setting, PeerBlas blas, double seconds,
                 double objective, double gap, String gapName, double alpha, String note) {

    /** The peer's BLAS: the core type requested, the one its own process reported, and how that was found. */
    record PeerBlas(String requested, String loaded, String description) {}

    /** A row without setting, BLAS or chosen alpha (shrink's, and the tests'). */
    SolverRow(String workload, String shape, String implementation, double seconds, double objective, double gap,
              String gapName, String note) {
        this(workload, shape, implementation, "", null, seconds, objective, gap, gapName, Double.NaN, note);
    }

    /** What readers call the side. */
    String peerName() {
        return displayName(implementation);
    }

    static String displayName(String implementation) {
        return switch (implementation) {
            case "sklearn" -> "scikit-learn";
            default -> implementation;
        };
    }

    /** The side and setting, as the tables name them: {@code scikit-learn (solver=lbfgs)}. */
    String sideAndSetting() {
        return peerName() + (setting == null || setting.isEmpty() ? "" : " (" + setting + ")");
    }
}
