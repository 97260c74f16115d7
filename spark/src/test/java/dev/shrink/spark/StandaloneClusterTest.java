package dev.shrink.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real standalone cluster on 127.0.0.1: a master and a worker started from the Spark jars as separate JVMs (random free
 * ports, bounded waits, killed at the end), the test JVM as driver. shrink's classes reach the executors only as
 * {@code spark.jars}, as a user's would, and the executors get the Vector API module from Spark 4.2's own
 * executor options: the fit reports which kernels ran and in which processes.
 */
@Tag("slow")
class StandaloneClusterTest {
    /** Pause between two polls of a starting master or worker. */
    private static final long POLL_MILLIS = 500;

    /** Polls before giving up on the master listening or the worker registering (about two minutes of pauses). */
    private static final int STARTUP_POLLS = 240;

    private static Path home;
    private static Process master;
    private static Process worker;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("shrink-spark-cluster");
        List<String> shrinkJars = layOutSparkHome(home);
        int masterPort = freePort();
        int masterUi = freePort();
        master = launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + masterPort,
                "--webui-port", "" + masterUi);
        awaitPort(masterPort, master, "master");
        worker = launch("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "" + freePort(),
                "--webui-port", "" + freePort(), "--cores", "2", "--memory", "1g", "--work-dir", home.resolve("work").toString(),
                "spark://127.0.0.1:" + masterPort);
        awaitWorker(masterUi);
        spark = SparkSession.builder()
                .master("spark://127.0.0.1:" + masterPort)
                .appName("StandaloneClusterTest")
                .config("spark.jars", String.join(",", shrinkJars))
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.memory", "768m")
                .config("spark.cores.max", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (spark != null) spark.stop();
        } finally {
            kill(worker);
            kill(master);
            if (home != null) {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    @Test
    void fitsOnExecutorsWithTheVectorKernels() {
        Dataset<Row> data = LocalSpark.regression(31, 3000, 20, 0.0).frame(spark, false, 4, false).cache();
        ShrinkLinearRegressionModel shrink = new ShrinkLinearRegression().setRegParam(0.1).setElasticNetParam(0.5).setWeightCol("weight")
                .setTol(1e-12).setMaxIter(100_000).fit(data);
        LinearRegressionModel reference = new LinearRegression().setSolver("normal").setRegParam(0.1).setElasticNetParam(0.5)
                .setWeightCol("weight").setTol(1e-15).setMaxIter(10_000).fit(data);
        assertTrue(LocalSpark.relativeDifference(shrink.coefficients().toArray(), reference.coefficients().toArray()) <= 1e-6);
        assertRanOnExecutors(shrink.fitReport());

        // predictions run on the executors too (the model's class travels in the task)
        List<Row> predicted = shrink.transform(data).select("features", "prediction").limit(5).collectAsList();
        for (Row r : predicted) assertEquals(shrink.predict((Vector) r.get(0)), r.getDouble(1), 1e-12);

        Dataset<Row> classes = LocalSpark.classification(32, 3000, 20, 0.0).frame(spark, false, 4, false);
        ShrinkLogisticRegressionModel logistic = new ShrinkLogisticRegression().setRegParam(0.01).fit(classes);
        assertTrue(logistic.fitReport().converged(), logistic.fitReport().message());
        assertRanOnExecutors(logistic.fitReport());
    }

    /** The aggregation ran in the worker's executor JVMs (not here), with the Vector API kernels. */
    private static void assertRanOnExecutors(FitReport report) {
        Set<Long> executors = worker.descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertFalse(report.executorProcesses().isEmpty());
        assertFalse(report.executorProcesses().contains(ProcessHandle.current().pid()), "the driver aggregated: " + report);
        assertTrue(executors.containsAll(report.executorProcesses()), "not the worker's executors: " + report + " vs " + executors);
        assertTrue(report.executorKernels().stream().allMatch(k -> k.startsWith("vector")), "executor kernels: " + report.executorKernels());
    }

    /**
     * A Spark home whose jars/ holds the test class path's jars except shrink's own; shrink's classes are returned as jars
     * to ship with spark.jars (directories of classes are packed into jars first).
     */
    private static List<String> layOutSparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        List<String> shrink = new ArrayList<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) continue;
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                if (p.endsWith(Path.of("target", "test-classes"))) continue; // the tests run on the driver only
                Path jar = home.resolve("shrink-" + p.getParent().getParent().getFileName() + ".jar");
                pack(p, jar);
                shrink.add(jar.toString());
            } else if (name.startsWith("shrink-")) {
                shrink.add(p.toString());
            } else if (name.endsWith(".jar") && !Files.exists(jars.resolve(name))) {
                Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
            }
        }
        return shrink;
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out); Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    /** A Spark daemon in its own JVM, with Spark's module options, its output in home/name.log. */
    private static Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", home.resolve("jars") + File.separator + "*"));
        cmd.addAll(List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        b.environment().put("SPARK_HOME", home.toString());
        b.environment().put("SPARK_SCALA_VERSION", "2.13");
        b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return b.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process p, String name) throws Exception {
        for (int poll = 0; poll < STARTUP_POLLS; poll++) {
            if (!p.isAlive()) throw new IllegalStateException(name + " exited: " + log(name));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(POLL_MILLIS);
            }
        }
        throw new IllegalStateException(name + " did not listen on 127.0.0.1:" + port + " after " + STARTUP_POLLS + " polls: " + log(name));
    }

    /** Polls the master's JSON status until one worker is alive. */
    private static void awaitWorker(int masterUi) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).timeout(Duration.ofSeconds(5)).build();
        for (int poll = 0; poll < STARTUP_POLLS; poll++) {
            if (!worker.isAlive()) throw new IllegalStateException("worker exited: " + log("worker"));
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (body.replace(" ", "").contains("\"aliveworkers\":1")) return;
            } catch (IOException notYet) {
                // the UI is not up yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("no worker registered after " + STARTUP_POLLS + " polls: " + log("worker"));
    }

    private static String log(String name) {
        try (InputStream in = Files.newInputStream(home.resolve(name + ".log"))) {
            String text = new String(in.readAllBytes());
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a daemon and the processes it started (the worker's executors), waiting for each. */
    private static void kill(Process p) {
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
