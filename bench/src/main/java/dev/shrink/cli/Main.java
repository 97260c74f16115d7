package dev.shrink.cli;

import dev.shrink.kernels.KernelProvider;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/** The command-line entry point behind {@code ./shrink}: one subcommand per job. */
public final class Main {
    private Main() {}

    private static final String USAGE = """
            usage: ./shrink <command> [options]

            commands:
              report [--quick] [--out DIR]   run the benchmark suite and write the report (the main job);
                                 also --list, --no-solvers, --no-external-peers, --keep-data, --csv
              conformance [DIR]              check the solvers against a directory of conformance cases
                                             (default ../shared/conformance/cases)
              info                           which kernels are active: implementation, vector width, FMA
              test                           run the test suite (mvn verify; handled by the launcher)
              --help                         this text
            """;

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the process exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "info" -> info(out);
            case "conformance" -> delegate("dev.shrink.solvers.conformance.ConformanceCommand", rest, out, err);
            case "report" -> delegate("dev.shrink.bench.report.ReportCommand", rest, out, err);
            default -> {
                err.println("shrink: unknown command '" + args[0] + "'");
                err.print(USAGE);
                yield 2;
            }
        };
    }

    static int info(PrintStream out) {
        KernelProvider kernels = KernelProvider.get();
        out.println("kernels:       " + kernels.name());
        out.println("vector width:  " + kernels.vectorBits() + " bits (" + kernels.vectorBits() / 64 + " doubles)");
        out.println("chosen because " + KernelProvider.selectionReason());
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

    /** Commands that live in other modules expose {@code static int run(String[], PrintStream, PrintStream)}. */
    private static int delegate(String className, String[] args, PrintStream out, PrintStream err) throws Exception {
        Class<?> command;
        try {
            command = Class.forName(className);
        } catch (ClassNotFoundException e) {
            err.println("shrink: this build has no " + className + " yet");
            return 2;
        }
        try {
            return (int) command.getMethod("run", String[].class, PrintStream.class, PrintStream.class).invoke(null, args, out, err);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }
}
