package dev.shrink.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in this JVM (fast) or as a process (as a user does), and reads its JSON. */
final class Cli {
    private Cli() {}

    /** What a run left: its exit status, stdout and stderr. */
    record Result(int status, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }

        /** stderr without the JVM's notice about incubator modules. */
        String errors() {
            return String.join("\n", err.lines().filter(l -> !l.contains("incubator modules")).toList());
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code java dev.shrink.cli.Main args} as a separate process on this test's class path (cli/target/classes,
     * test-classes and the dependency jars), with the Vector API module, as the launcher does.
     */
    static Result process(Path workingDirectory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.shrink.cli.Main"));
        command.addAll(List.of(args));
        // files, not pipes: a child that fills one pipe while the other is read would never finish
        Path out = Files.createTempFile("shrink-out", ".txt");
        Path err = Files.createTempFile("shrink-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("shrink " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The project root (Maven passes it to the tests). */
    static Path root() {
        return Path.of(System.getProperty("shrink.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** A coefficient object of the output as a vector, in the order of {@code features}. */
    static double[] coef(JsonNode json, String key) {
        JsonNode names = json.get("features");
        double[] w = new double[names.size()];
        for (int j = 0; j < w.length; j++) w[j] = json.get(key).get(names.get(j).stringValue()).doubleValue();
        return w;
    }

    static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int k = 0; k < v.length; k++) v[k] = array.get(k).doubleValue();
        return v;
    }
}
