package dev.shrink.bench.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Solver benchmarks: filled in once the solvers exist. */
final class SolverSection {
    private final List<String> notes;

    SolverSection(Suite.Mode mode, Path dataDir, PrintStream progress, List<String> notes) {
        this.notes = notes;
    }

    List<ReportWriter.SolverRow> run(boolean externalPeers) {
        notes.add("solver benchmarks: not available in this build yet");
        return List.of();
    }

    static List<Row> rows(ReportWriter.SolverRow s) {
        List<Row> rows = new ArrayList<>();
        if (Double.isFinite(s.seconds())) rows.add(new Row(s.workload(), s.shape(), s.implementation(), 1, s.seconds(), "s"));
        if (Double.isFinite(s.objective())) rows.add(new Row(s.workload(), s.shape(), s.implementation(), 1, s.objective(), "objective"));
        if (Double.isFinite(s.gap())) rows.add(new Row(s.workload(), s.shape(), s.implementation(), 1, s.gap(), s.gapName()));
        return rows;
    }
}
