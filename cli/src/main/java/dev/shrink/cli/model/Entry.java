package dev.shrink.cli.model;

import dev.shrink.cli.data.DataSet;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One model of the command line: its name, how its response is predicted, and for each command and dialect the
 * function that reads its options ({@link Params}) and returns what fits it. Entries are built with
 * {@link #of(String, Link, String)} and the {@code fit}, {@code path}, {@code cv} methods, each returning a new entry.
 *
 * @param name    the MODEL word on the command line
 * @param link    how predictions are made, and what the response must be
 * @param summary one line: the estimator and its objective
 * @param fits    per dialect, the single fit
 * @param paths   per dialect, the regularisation path
 * @param cvs     per dialect, cross-validation
 */
public record Entry(String name, Link link, String summary, Map<Dialect, Function<Params, Fitter>> fits,
                    Map<Dialect, Function<Params, PathRunner>> paths, Map<Dialect, Function<Params, CvRunner>> cvs) {

    /** Fits a model to a data set. */
    @FunctionalInterface
    public interface Fitter {
        Fitted fit(DataSet data);
    }

    /** Fits a regularisation path. */
    @FunctionalInterface
    public interface PathRunner {
        PathFitted run(DataSet data);
    }

    /** Cross-validates over a penalty grid and refits on all rows. */
    @FunctionalInterface
    public interface CvRunner {
        CvFitted run(DataSet data);
    }

    public Entry {
        fits = Map.copyOf(fits);
        paths = Map.copyOf(paths);
        cvs = Map.copyOf(cvs);
    }

    /** An entry with no commands yet. */
    public static Entry of(String name, Link link, String summary) {
        return new Entry(name, link, summary, Map.of(), Map.of(), Map.of());
    }

    public Entry fit(Dialect d, Function<Params, Fitter> f) {
        return new Entry(name, link, summary, with(fits, d, f), paths, cvs);
    }

    public Entry path(Dialect d, Function<Params, PathRunner> f) {
        return new Entry(name, link, summary, fits, with(paths, d, f), cvs);
    }

    public Entry cv(Dialect d, Function<Params, CvRunner> f) {
        return new Entry(name, link, summary, fits, paths, with(cvs, d, f));
    }

    private static <T> Map<Dialect, T> with(Map<Dialect, T> m, Dialect d, T f) {
        Map<Dialect, T> out = new EnumMap<>(Dialect.class);
        out.putAll(m);
        out.put(d, f);
        return out;
    }
}
