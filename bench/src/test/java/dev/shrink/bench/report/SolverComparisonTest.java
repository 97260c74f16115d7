package dev.shrink.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolverComparisonTest {

    private static SolverRow row(String side, String setting, double seconds, double objective) {
        return new SolverRow("logistic", "20000x200", side, setting,
                side.equals("shrink") ? null : new SolverRow.PeerBlas("SkylakeX", "SkylakeX", "test"),
                seconds, objective, 1e-6, "grad", Double.NaN, "");
    }

    @Test
    void eachPeerCountsWithItsFastestSettingThatReachesTheSameObjective() {
        var w = SolverComparison.of(List.of(
                row("shrink", "", 0.100, 1000.0),
                row("sklearn", "solver=lbfgs", 0.050, 1000.0 * (1 + 5e-7)),           // same objective, fastest
                row("sklearn", "solver=newton-cholesky", 0.200, 1000.0),
                row("glmnet", "thresh=1e-7", 0.030, 1000.0 * (1 + 1e-4)),             // fast but less accurate
                row("glmnet", "thresh=1e-10", 0.300, 1000.0))).getFirst();
        assertEquals("solver=lbfgs", w.best().get("sklearn").row().setting());
        assertEquals(0.5, w.ratio("sklearn"), 1e-12, "the peer is twice as fast: the ratio says so");
        assertEquals("2.00× slower", SolverComparison.ratioText(w.ratio("sklearn")));
        assertEquals("thresh=1e-10", w.best().get("glmnet").row().setting(), "the less accurate setting does not count");
        assertEquals("3.00× faster", SolverComparison.ratioText(w.ratio("glmnet")));
        var lessAccurate = w.entries().stream().filter(e -> e.row().setting().equals("thresh=1e-7")).findFirst().orElseThrow();
        assertEquals(SolverComparison.Status.LESS_ACCURATE, lessAccurate.status());
        assertFalse(w.counts(lessAccurate));
        assertTrue(w.counts(w.shrink().orElseThrow()));
    }

    @Test
    void shrinkIsHeldToThePeersRuleAcrossItsOwnSettings() {
        var w = SolverComparison.of(List.of(
                row("shrink", "", 0.100, 1000.0),
                row("shrink", "tol=0.01", 0.060, 1000.0 * (1 + 2e-7)),               // looser, same objective: counts
                row("sklearn", "solver=lbfgs", 0.090, 1000.0))).getFirst();
        assertEquals("tol=0.01", w.shrink().orElseThrow().row().setting());
        assertEquals(1.5, w.ratio("sklearn"), 1e-12);
        var standard = w.entries().getFirst();
        assertFalse(w.counts(standard), "shrink's slower setting is shown, not counted");
        String md = new SolverReport(w.entries().stream().map(SolverComparison.Entry::row).toList(), "avx512f").summaryTable().markdown();
        assertTrue(md.contains("| " + SolverReport.seconds(0.060) + " (tol=0.01) |"), md);

        var tooLoose = SolverComparison.of(List.of(
                row("shrink", "", 0.100, 1000.0),
                row("shrink", "tol=0.01", 0.010, 1000.0 * (1 + 1e-5)),               // faster but another objective
                row("sklearn", "solver=lbfgs", 0.090, 1000.0))).getFirst();
        assertEquals("", tooLoose.shrink().orElseThrow().row().setting(), "a looser setting off the objective never counts");
        assertEquals(0.9, tooLoose.ratio("sklearn"), 1e-12);
    }

    private static SolverRow pathRow(String side, String setting, double seconds, double objective, double gap) {
        return new SolverRow("lasso-path-wide-equi", "200x10000", side, setting,
                side.equals("shrink") ? null : new SolverRow.PeerBlas("SkylakeX", "SkylakeX", "test"),
                seconds, objective, gap, "gap", Double.NaN, "");
    }

    @Test
    void theCertifiedTableTimesShrinkAtItsFastestSettingWithinTheGapAgainstThePeersHeadline() {
        List<SolverRow> rows = List.of(
                pathRow("shrink", "", 0.100, 69.0, 1.2e-4),                           // default: stops short of 1e-6
                pathRow("shrink", "tol=1.0E-6", 0.150, 69.0, 3e-8),                   // tighter: within the bound
                pathRow("glmnet", "thresh=1e-10", 0.900, 69.0 * (1 + 1e-7), 7.9e-5),
                pathRow("glmnet", "thresh=1e-7", 0.350, 69.0 * (1 + 2e-5), 1.9e-3));
        String md = new SolverReport(rows, "avx512f").certifiedTable(1e-6).markdown();
        assertTrue(md.contains("| " + SolverReport.seconds(0.150) + " (tol=1.0E-6) | 3.0e-08 | glmnet (thresh=1e-10) | 7.9e-05 |"), md);
        assertTrue(md.contains("6.00× faster"), md);

        List<SolverRow> defaultReaches = List.of(
                pathRow("shrink", "", 0.100, 69.0, 5e-7),
                pathRow("shrink", "tol=1.0E-6", 0.150, 69.0, 3e-8),
                pathRow("glmnet", "thresh=1e-10", 0.900, 69.0, 7.9e-5));
        assertTrue(new SolverReport(defaultReaches, "avx512f").certifiedTable(1e-6).isEmpty(),
                "a workload whose default reaches the bound needs no second table");
        List<SolverRow> noneReaches = List.of(
                pathRow("shrink", "", 0.100, 69.0, 1.2e-4),
                pathRow("shrink", "tol=1.0E-6", 0.150, 69.0, 2e-6),
                pathRow("glmnet", "thresh=1e-10", 0.900, 69.0, 7.9e-5));
        assertTrue(new SolverReport(noneReaches, "avx512f").certifiedTable(1e-6).isEmpty(), "no row may claim a bound it missed");
    }

    @Test
    void aPeerWithNoAccurateSettingCountsWithItsFastestMarked() {
        var w = SolverComparison.of(List.of(
                row("shrink", "", 0.100, 1000.0),
                row("glmnet", "thresh=1e-7", 0.080, 1000.1),
                row("glmnet", "thresh=1e-10", 0.090, 1000.01))).getFirst();
        var best = w.best().get("glmnet");
        assertEquals("thresh=1e-7", best.row().setting());
        assertEquals(SolverComparison.Status.LESS_ACCURATE, best.status());
        Table t = new SolverReport(w.entries().stream().map(SolverComparison.Entry::row).toList(), "avx512f").summaryTable();
        assertTrue(t.markdown().contains("glmnet (thresh=1e-7) (less accurate)"), t.markdown());
        assertTrue(t.markdown().contains("1.25× slower"), t.markdown());
    }

    @Test
    void crossValidationsCompareObjectivesOnlyAtTheSameChosenAlpha() {
        SolverRow shrink = new SolverRow("enet-cv", "10000x1000", "shrink", "", null, 0.5, 10.0, 1e-5, "gap", 0.01, "");
        SolverRow same = new SolverRow("enet-cv", "10000x1000", "sklearn", "precompute=False",
                new SolverRow.PeerBlas("SkylakeX", "SkylakeX", ""), 2.0, 10.0, 1e-5, "gap", 0.01 * (1 + 1e-9), "");
        SolverRow other = new SolverRow("enet-cv", "10000x1000", "glmnet", "thresh=1e-7",
                new SolverRow.PeerBlas("SkylakeX", "SkylakeX", ""), 5.0, 9.0, 1e-5, "gap", 0.02, "");
        var w = SolverComparison.of(List.of(shrink, same, other)).getFirst();
        assertEquals(SolverComparison.Status.SAME, w.entries().get(1).status());
        assertEquals(SolverComparison.Status.OTHER_ALPHA, w.entries().get(2).status(),
                "another alpha's lower objective is not a better answer");
        assertEquals(SolverComparison.Status.SAME, w.shrink().orElseThrow().status());
    }

    @Test
    void peerRowsAreLabelledWithTheirBlasAndFallbacksAreMarked() {
        SolverRow fallback = new SolverRow("ridge", "20000x500", "sklearn", "solver=cholesky",
                new SolverRow.PeerBlas("", "Prescott", "openblas 0.3.21"), 0.5, 1.0, 1e-9, "grad", Double.NaN, "");
        SolverRow good = new SolverRow("ridge", "20000x500", "glmnet", "thresh=1e-7",
                new SolverRow.PeerBlas("SkylakeX", "SkylakeX", ""), 0.5, 1.0, 1e-9, "grad", Double.NaN, "");
        SolverReport report = new SolverReport(List.of(row("shrink", "", 0.1, 1.0), fallback, good), CoreTypesFlags.ZEN5);
        String md = report.summaryTable().markdown();
        assertTrue(md.contains("Prescott (SSE), FALLBACK: this CPU has AVX-512 ⚠"), md);
        assertTrue(md.contains("| SkylakeX (AVX-512) |"), md);
        assertTrue(report.workloadCharts().contains("⚠ Prescott"), "the chart marks the fallback row too");
        assertEquals("sklearn[solver=cholesky]@Prescott", SolverSection.tsvName(fallback));
    }

    @Test
    void peerSidesAreEverySettingScikitLearnFirstAndShrinkExcluded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        for (String side : List.of("shrink", "glmnet-thresh1e-7", "sklearn-solver-lbfgs", "glmnet-thresh1e-10",
                "sklearn-solver-newton-cholesky")) {
            java.nio.file.Files.writeString(dir.resolve("result-" + side + ".properties"), "time_s=1\n");
        }
        java.nio.file.Files.writeString(dir.resolve("coef-shrink.csv"), "1,2\n");
        assertEquals(List.of("sklearn-solver-lbfgs", "sklearn-solver-newton-cholesky", "glmnet-thresh1e-10", "glmnet-thresh1e-7"),
                SolverSection.peerSides(dir));
        SolverSection.deleteCoefficients(dir);
        assertFalse(java.nio.file.Files.exists(dir.resolve("coef-shrink.csv")));
        assertTrue(java.nio.file.Files.exists(dir.resolve("result-shrink.properties")), "results stay");
    }

    /** Flags of this project's benchmark machine (AMD EPYC Zen 5). */
    static final class CoreTypesFlags {
        static final String ZEN5 = "fpu sse sse2 fma avx avx2 avx512f avx512dq avx512vl avx512_bf16";
    }
}
