package dev.shrink.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the sides of each solver workload at equal accuracy: every row's objective against the lowest objective
 * any side reached, and per peer the row that counts — its fastest setting that reaches the same objective (within
 * {@value #SAME_OBJECTIVE} relative), or, when no setting does, its fastest setting, marked as less accurate. shrink
 * is held to the same rule: where it was also timed at other tolerances ({@code Fits.tolSettings}), its row is the
 * faster of its settings that reach the same objective, else its default.
 *
 * <p>Cross-validations are compared at the alpha each side chose: a side that chose another alpha minimised another
 * objective, so its row is marked and not held against the others' objective.
 */
final class SolverComparison {
    private SolverComparison() {}

    /** Largest relative objective distance to the best side still called "the same objective". */
    static final double SAME_OBJECTIVE = 1e-6;
    /** Chosen alphas within this relative distance are the same choice (grids computed by different code). */
    static final double SAME_ALPHA = 1e-6;

    enum Status {
        SAME("same objective"), LESS_ACCURATE("less accurate"), OTHER_ALPHA("chose another alpha"), UNKNOWN("objective unknown");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** A row with its relative objective distance to the best side (NaN when unknown) and what that makes it. */
    record Entry(SolverRow row, double distance, Status status) {}

    /**
     * One workload: shrink's entry (if measured), every entry, and per peer the one that counts.
     *
     * @param best per peer (in order of first appearance), the entry its headline ratio uses
     */
    record Workload(String name, String shape, Optional<Entry> shrink, List<Entry> entries, Map<String, Entry> best) {

        /** Peer seconds over shrink's seconds: above 1, shrink is faster. NaN when either is missing. */
        double ratio(String peer) {
            Entry p = best.get(peer);
            if (p == null || shrink.isEmpty()) return Double.NaN;
            return p.row().seconds() / shrink.get().row().seconds();
        }

        /** Whether {@code e} is the entry that counts for its side (shrink's chosen setting, or a peer's). */
        boolean counts(Entry e) {
            return shrink.isPresent() && shrink.get() == e || best.get(e.row().implementation()) == e;
        }
    }

    static List<Workload> of(List<SolverRow> rows) {
        Map<String, List<SolverRow>> byWorkload = new LinkedHashMap<>();
        for (SolverRow r : rows) byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
        List<Workload> out = new ArrayList<>();
        byWorkload.forEach((name, list) -> out.add(workload(name, list)));
        return out;
    }

    private static Workload workload(String name, List<SolverRow> rows) {
        // shrink's default setting (no setting named) defines the alpha of a CV and stands when no setting reaches the objective
        Optional<SolverRow> shrink = rows.stream().filter(r -> r.implementation().equals("shrink") && r.setting().isEmpty()).findFirst()
                .or(() -> rows.stream().filter(r -> r.implementation().equals("shrink")).findFirst());
        // The alpha that defines the objective: shrink's choice, else the first side's.
        double alpha = shrink.map(SolverRow::alpha).orElse(rows.getFirst().alpha());
        double best = Double.POSITIVE_INFINITY;
        for (SolverRow r : rows) {
            if (Double.isFinite(r.objective()) && sameAlpha(r.alpha(), alpha)) best = Math.min(best, r.objective());
        }
        List<Entry> entries = new ArrayList<>();
        Entry shrinkEntry = null;
        for (SolverRow r : rows) {
            Entry e;
            if (!sameAlpha(r.alpha(), alpha)) {
                e = new Entry(r, Double.NaN, Status.OTHER_ALPHA);
            } else if (!Double.isFinite(r.objective()) || !Double.isFinite(best)) {
                e = new Entry(r, Double.NaN, Status.UNKNOWN);
            } else {
                double d = (r.objective() - best) / Math.max(Math.abs(best), Double.MIN_NORMAL);
                e = new Entry(r, d, d <= SAME_OBJECTIVE ? Status.SAME : Status.LESS_ACCURATE);
            }
            entries.add(e);
            if (shrink.isPresent() && r == shrink.get()) shrinkEntry = e;
        }
        Comparator<Entry> fastest = Comparator.comparingDouble(x -> x.row().seconds());
        // shrink is held to the peers' rule: its fastest setting that reaches the same objective, else its default
        Entry shrinkDefault = shrinkEntry;
        Entry shrinkBest = entries.stream().filter(x -> x.row().implementation().equals("shrink"))
                .filter(x -> Double.isFinite(x.row().seconds()) && x.status() == Status.SAME).min(fastest).orElse(shrinkDefault);
        Map<String, Entry> bestPerPeer = new LinkedHashMap<>();
        for (Entry e : entries) {
            String peer = e.row().implementation();
            if (peer.equals("shrink") || bestPerPeer.containsKey(peer)) continue;
            List<Entry> mine = entries.stream().filter(x -> x.row().implementation().equals(peer))
                    .filter(x -> Double.isFinite(x.row().seconds())).toList();
            mine.stream().filter(x -> x.status() == Status.SAME).min(fastest)
                    .or(() -> mine.stream().min(fastest))
                    .ifPresent(x -> bestPerPeer.put(peer, x));
        }
        return new Workload(name, rows.getFirst().shape(), Optional.ofNullable(shrinkBest), entries, bestPerPeer);
    }

    private static boolean sameAlpha(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) return true;
        if (Double.isNaN(a) || Double.isNaN(b)) return true;   // a side that does not report it is not held against
        return Math.abs(a - b) <= SAME_ALPHA * Math.max(Math.abs(a), Math.abs(b));
    }

    /** A speed ratio in words, never hiding which side is faster: "2.31× faster", "1.61× slower". */
    static String ratioText(double peerOverShrink) {
        if (!Double.isFinite(peerOverShrink) || peerOverShrink <= 0) return "–";
        return peerOverShrink >= 1 ? String.format(Locale.ROOT, "%.2f× faster", peerOverShrink)
                : String.format(Locale.ROOT, "%.2f× slower", 1 / peerOverShrink);
    }
}
