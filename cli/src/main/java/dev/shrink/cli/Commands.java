package dev.shrink.cli;

import dev.shrink.cli.data.DataException;
import dev.shrink.cli.model.UsageException;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs fit, predict, path and cv through picocli. A user's mistake — a bad option, a bad or missing file, data the
 * solvers refuse — is one line on stderr and exit status 2, never a stack trace; only a fault of the program prints
 * one (exit 1).
 */
final class Commands {
    private Commands() {}

    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;

    static boolean handles(String name) {
        return switch (name) {
            case "fit", "predict", "path", "cv" -> true;
            default -> false;
        };
    }

    static int run(String name, String[] args, PrintStream out, PrintStream err) {
        Object command = switch (name) {
            case "fit" -> new FitCommand();
            case "path" -> new PathCommand();
            case "cv" -> new CvCommand();
            case "predict" -> new PredictCommand();
            default -> throw new IllegalArgumentException("not a model command: " + name);
        };
        if (command instanceof ModelCommand m) {
            m.out = out;
            m.err = err;
        } else if (command instanceof PredictCommand p) {
            p.out = out;
            p.err = err;
        }
        CommandLine cl = new CommandLine(command);
        cl.setCommandName("./shrink " + name);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("shrink " + name + ": " + firstLine(e.getMessage()) + " (see ./shrink " + name + " --help)");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> failure(name, e, err));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("shrink " + name + ": out of memory (the heap holds at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB; give the JVM more with SHRINK_JAVA_OPTS=-Xmx<size>)");
            return INTERNAL_ERROR;
        }
    }

    private static int failure(String name, Exception e, PrintStream err) {
        switch (e) {
            case DataException d -> err.println("shrink " + name + ": " + d.getMessage());
            case UsageException u -> err.println("shrink " + name + ": " + u.getMessage());
            case UncheckedIOException io -> err.println("shrink " + name + ": " + io.getCause().getMessage());
            default -> {
                err.println("shrink " + name + ": internal error (please report it): " + e);
                e.printStackTrace(err);
                return INTERNAL_ERROR;
            }
        }
        return USER_ERROR;
    }

    private static String firstLine(String s) {
        if (s == null) return "bad arguments";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
