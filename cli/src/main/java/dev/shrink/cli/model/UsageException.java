package dev.shrink.cli.model;

/** A command line that cannot be carried out as given (an option that does not apply, a missing one): one line, exit 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
