package dev.shrink.cli.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model options given on the command line, read by a model's entry as it configures its estimator. Every read
 * records the value used (given or default) under the option's name in snake case, in the order read: the
 * {@code params} of the output. An option that was given but that no entry read does not apply to that model, and
 * {@link #requireAllRead()} says so instead of ignoring it.
 */
public final class Params {
    private final Dialect dialect;
    private final String context;
    private final Map<String, Object> given;
    private final Set<String> read = new HashSet<>();
    private final Map<String, Object> used = new LinkedHashMap<>();

    /**
     * @param dialect the dialect in force
     * @param context what is being configured, for messages (e.g. "fit lasso")
     * @param given   option name without dashes (e.g. "l1-ratio") → its value (Double, Integer, Boolean, String, double[])
     */
    public Params(Dialect dialect, String context, Map<String, Object> given) {
        this.dialect = dialect;
        this.context = context;
        this.given = Map.copyOf(given);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether the option was given. Does not count as reading it. */
    public boolean has(String option) {
        return given.containsKey(option);
    }

    /** A number option, or its default. */
    public double number(String option, double fallback) {
        double v = given.containsKey(option) ? asNumber(option) : fallback;
        use(option, v);
        return v;
    }

    private double asNumber(String option) {
        Object v = given.get(option);
        if (v instanceof double[] a) {
            if (a.length != 1) throw new UsageException("--" + option + " takes one value for " + context + ", got " + a.length);
            return a[0];
        }
        return ((Number) v).doubleValue();
    }

    /** A comma-separated list of numbers, or its default (null: none, not recorded). */
    public double[] numbers(String option, double[] fallback) {
        Object v = given.get(option);
        double[] out = v == null ? fallback : v instanceof double[] a ? a.clone() : new double[] {((Number) v).doubleValue()};
        read.add(option);
        if (out != null) used.put(key(option), out.clone());
        return out;
    }

    /** A text option (a file name, a word), as given; required. */
    public String text(String option) {
        if (!given.containsKey(option)) throw new UsageException("--" + option + " is required for " + context);
        String v = given.get(option).toString();
        use(option, v);
        return v;
    }

    /** A whole-number option, or its default. */
    public int integer(String option, int fallback) {
        int v = given.containsKey(option) ? ((Number) given.get(option)).intValue() : fallback;
        use(option, v);
        return v;
    }

    /** A yes/no option (--standardize / --no-standardize), or its default. */
    public boolean flag(String option, boolean fallback) {
        boolean v = given.containsKey(option) ? (Boolean) given.get(option) : fallback;
        use(option, v);
        return v;
    }

    /** One of a fixed set of words; values outside {@code supported} are refused with {@code why}. */
    public String choice(String option, String fallback, Set<String> supported, String why) {
        String v = given.containsKey(option) ? given.get(option).toString() : fallback;
        if (!supported.contains(v)) throw new UsageException("--" + option + " " + v + ": " + why);
        use(option, v);
        return v;
    }

    /** Whether to fit an intercept: --no-intercept turns it off (recorded as fit_intercept, glmnet: intercept). */
    public boolean fitIntercept() {
        read.add("no-intercept");
        boolean v = !given.containsKey("no-intercept") || !(Boolean) given.get("no-intercept");
        used.put(dialect == Dialect.GLMNET ? "intercept" : "fit_intercept", v);
        return v;
    }

    /** Threads for the solvers: --threads, else every processor (the library's default, made explicit). */
    public int threads() {
        return integer("threads", Runtime.getRuntime().availableProcessors());
    }

    /** Records a value that the model fixes (lasso's l1_ratio = 1) or that was derived, under {@code key}. */
    public void record(String key, Object value) {
        used.put(key, value instanceof double[] a ? a.clone() : value);
    }

    /** Marks an option as handled without recording it (options the command reads itself, such as --strict). */
    public void consume(String option) {
        read.add(option);
    }

    private void use(String option, Object value) {
        read.add(option);
        used.put(key(option), value);
    }

    private static String key(String option) {
        return option.replace('-', '_');
    }

    /** The values used, in the order read (arrays are copies). */
    public Map<String, Object> used() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : used.entrySet()) out.put(e.getKey(), e.getValue() instanceof double[] a ? a.clone() : e.getValue());
        return Collections.unmodifiableMap(out);
    }

    /** @throws UsageException naming the options that were given but that the model does not take, and those it takes */
    public void requireAllRead() {
        List<String> unread = new ArrayList<>(new TreeSet<>(given.keySet()));
        unread.removeAll(read);
        if (unread.isEmpty()) return;
        List<String> applicable = new ArrayList<>(new TreeSet<>(read));
        String options = String.join(", ", unread.stream().map(o -> "--" + o).toList());
        throw new UsageException(options + (unread.size() == 1 ? " is" : " are") + " not supported by " + context
                + " (" + dialect.displayName() + " dialect); it takes " + String.join(", ", applicable.stream().map(o -> "--" + o).toList()));
    }
}
