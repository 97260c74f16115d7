package dev.shrink.cli.data;

/**
 * Bad input data: the message is one line that names the file and, where there is one, the line and column
 * ({@code data.csv:17:3: ...}, GNU style, 1-based), so that the command line can print it as it is and exit with
 * status 2.
 */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    /** {@code file: message}. */
    public static DataException in(String file, String message) {
        return new DataException(file + ": " + message);
    }

    /** {@code file:line: message}. */
    public static DataException at(String file, long line, String message) {
        return new DataException(file + ":" + line + ": " + message);
    }

    /** {@code file:line:column: message}. */
    public static DataException at(String file, long line, int column, String message) {
        return new DataException(file + ":" + line + ":" + column + ": " + message);
    }
}
