package dev.shrink.cli;

import dev.shrink.conformance.ConformanceCommand;
import dev.shrink.kernels.KernelChoice;
import dev.shrink.kernels.KernelProvider;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command-line entry point behind {@code ./shrink}: one subcommand per job. {@code ./shrink report} and
 * {@code ./shrink test} are the launcher's (the benchmark report lives in bench, the tests in Maven).
 */
public final class Main {
    private Main() {}

    /** System property with the default directory of {@code conformance} (the launcher sets the project's copy). */
    static final String CASES_PROPERTY = "shrink.cases";

    private static final String USAGE = """
            usage: ./shrink <command> [options]

            commands:
              fit MODEL DATA [options]       fit a model (ridge, lasso, elasticnet, logistic, multinomial,
                                             poisson, group-lasso, logistic-group-lasso,
                                             multitask-elasticnet, multitask-lasso, adaptive-lasso,
                                             bayesian-ridge, ard-regression) to a data file (CSV with
                                             --target COL, LibSVM, .mtx or .npy with --y FILE); JSON out
              predict MODEL.json DATA        predictions of a fitted model, one CSV line per row
              path MODEL DATA [--plot F.svg] the regularisation path (and glmnet's coefficient plot)
              cv MODEL DATA [--plot F.svg]   the penalty chosen by cross-validation (and glmnet's CV plot)
                                             ./shrink <command> --help: the options of each
              report [--quick] [--out DIR]   run the benchmark suite and write the report (the main job);
                                             also --list, --no-solvers, --no-external-peers, --keep-data, --csv
              conformance [DIR]              check the solvers against a directory of conformance cases
                                             (default: the project's copy, conformance/cases)
              info                           which kernels are active: implementation, vector width per family, FMA
              test                           run the test suite (mvn verify)
              --help                         this text
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the process exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Commands.handles(args[0])) return Commands.run(args[0], rest, out, err);
        return switch (args[0]) {
            case "info" -> info(out);
            case "conformance" -> conformance(rest, out, err);
            default -> {
                err.println("shrink: unknown command '" + args[0] + "'");
                err.print(USAGE);
                yield 2;
            }
        };
    }

    private static int conformance(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            String cases = System.getProperty(CASES_PROPERTY, "conformance/cases");
            return ConformanceCommand.run(new String[] {cases}, out, err);
        }
        return ConformanceCommand.run(args, out, err);
    }

    static int info(PrintStream out) {
        KernelProvider kernels = KernelProvider.get();
        out.println("kernels:       " + kernels.name());
        out.println("chosen because " + KernelProvider.selectionReason());
        out.println("vector width per kernel family (override: -Dshrink.vectorBits.<family>=128|256|512):");
        for (KernelChoice c : kernels.choices()) {
            out.printf("  %-15s %3d bits  %s%n", c.family().key(), c.bits(), c.reason());
        }
        out.println("FMA:           " + vmOption("UseFMA"));
        out.println("UseAVX:        " + vmOption("UseAVX"));
        out.println("java:          " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        out.println("processors:    " + Runtime.getRuntime().availableProcessors());
        return 0;
    }

    private static String vmOption(String name) {
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean.getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
