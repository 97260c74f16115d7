package dev.shrink.cli.model;

/** Whose objective, grid and parameter names a command uses (--dialect). */
public enum Dialect {
    /** scikit-learn's estimators and names: alpha is the penalty strength, l1-ratio the mixing. */
    SKLEARN("sklearn", "scikit-learn"),
    /** glmnet's: lambda is the penalty strength, alpha the mixing, standardize on by default. */
    GLMNET("glmnet", "glmnet");

    private final String optionName;
    private final String displayName;

    Dialect(String optionName, String displayName) {
        this.optionName = optionName;
        this.displayName = displayName;
    }

    /** The value of --dialect. */
    public String optionName() {
        return optionName;
    }

    /** The library's name, for messages. */
    public String displayName() {
        return displayName;
    }

    /** The dialect named by --dialect, or null. */
    public static Dialect named(String name) {
        for (Dialect d : values()) if (d.optionName.equalsIgnoreCase(name)) return d;
        return null;
    }
}
