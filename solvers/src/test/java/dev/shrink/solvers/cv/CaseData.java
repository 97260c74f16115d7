package dev.shrink.solvers.cv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** One conformance case read from {@code ../shared/conformance/cases/<id>} (format: the conformance README). */
record CaseData(String id, Properties props, Path dir) {

    static Path projectRoot() {
        String root = System.getProperty("shrink.projectRoot");
        if (root != null && !root.isBlank()) return Path.of(root);
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("../shared/conformance/cases"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find ../shared/conformance from " + System.getProperty("user.dir"));
        return p;
    }

    static CaseData load(String id) {
        Path dir = projectRoot().resolve("../shared/conformance/cases").resolve(id).normalize();
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("case.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CaseData(id, props, dir);
    }

    String get(String key) {
        String v = props.getProperty(key);
        if (v == null) throw new IllegalStateException(id + ": missing key " + key);
        return v;
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(get(key));
    }

    double[][] matrix(String file) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(file));
            double[][] m = new double[lines.size()][];
            for (int i = 0; i < m.length; i++) {
                String[] parts = lines.get(i).split(",");
                m[i] = new double[parts.length];
                for (int j = 0; j < parts.length; j++) m[i][j] = Double.parseDouble(parts[j]);
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double[] column(String file) {
        double[][] m = matrix(file);
        double[] v = new double[m.length];
        for (int i = 0; i < m.length; i++) v[i] = m[i][0];
        return v;
    }

    int[] ints(String file) {
        double[] v = column(file);
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (int) v[i];
        return r;
    }
}
