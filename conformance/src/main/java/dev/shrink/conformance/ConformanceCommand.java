package dev.shrink.conformance;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code conformance DIR}: runs every case folder under DIR (the launcher passes the project's copy,
 * {@code conformance/cases}, when none is given); prints one line per case and then
 * {@code N passed, N failed, N skipped}. Exit status 1 when any case failed, 2 on a usage error.
 */
public final class ConformanceCommand {
    private ConformanceCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].equals("--help") || args[0].equals("-h")) {
            err.println("usage: conformance DIR   (a directory of case folders, e.g. conformance/cases)");
            return 2;
        }
        Path root = Path.of(args[0]);
        if (!Files.isDirectory(root)) {
            err.println("shrink conformance: no such directory: " + root);
            return 2;
        }
        List<Path> dirs;
        try {
            dirs = ConformanceCase.list(root);
        } catch (java.io.IOException e) {
            err.println("shrink conformance: cannot list " + root + ": " + e.getMessage());
            return 2;
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path d : dirs) {
            CaseResult r;
            try {
                r = CaseHandlers.run(ConformanceCase.load(d));
            } catch (java.io.IOException | RuntimeException e) {
                r = CaseResult.failed(d.getFileName().toString(), "cannot read case: " + e.getMessage());
            }
            out.println(r.line());
            switch (r.status()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        return failed > 0 ? 1 : 0;
    }
}
