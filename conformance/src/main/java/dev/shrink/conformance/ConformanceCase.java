package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.SparseDesign;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One conformance case folder ({@code shared/conformance/README.md}): {@code case.properties} and its CSV files,
 * read lazily and kept. Numbers parse back to the identical doubles with {@link Double#parseDouble}.
 */
public final class ConformanceCase {
    private final Path dir;
    private final Properties props;
    private Design design;
    private double[] y;

    private ConformanceCase(Path dir, Properties props) {
        this.dir = dir;
        this.props = props;
    }

    /** Reads {@code dir/case.properties}; the CSV files are read when first asked for. */
    public static ConformanceCase load(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"))) {
            p.load(r);
        }
        return new ConformanceCase(dir, p);
    }

    /** Case folders (those holding a {@code case.properties}) under root, sorted by name. */
    public static List<Path> list(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(root)) {
            s.filter(d -> Files.isRegularFile(d.resolve("case.properties"))).sorted().forEach(out::add);
        }
        return out;
    }

    public Path dir() { return dir; }
    public String id() { return dir.getFileName().toString(); }
    public Properties properties() { return props; }
    public String model() { return string("model"); }
    public String source() { return string("source"); }
    public boolean isGlmnet() { return source().startsWith("glmnet"); }
    public int n() { return Integer.parseInt(string("n")); }
    public int p() { return Integer.parseInt(string("p")); }
    public boolean fitIntercept() { return bool("fit_intercept"); }
    public boolean weighted() { return bool("weighted"); }
    public boolean unique() { return bool("unique"); }
    public boolean standardize() { return bool("standardize"); }
    public double coefAtol() { return number("coef_atol"); }
    public double objectiveRtol() { return number("objective_rtol"); }
    public double objectiveValue() { return number("objective_value"); }

    public boolean has(String key) {
        return props.getProperty(key) != null;
    }

    public String string(String key) {
        String v = props.getProperty(key);
        if (v == null) throw new IllegalArgumentException("case " + id() + " has no key '" + key + "'");
        return v.trim();
    }

    public double number(String key) {
        return Double.parseDouble(string(key));
    }

    public boolean bool(String key) {
        return has(key) && Boolean.parseBoolean(string(key));
    }

    /**
     * X as stored, read once: {@code X.csv} as a row-major dense design, or {@code X.mtx} as a sparse one when
     * {@code x_format=matrix-market}.
     */
    public Design design() throws IOException {
        if (design == null && "matrix-market".equals(props.getProperty("x_format", "").trim())) {
            design = SparseDesign.readMatrixMarket(dir.resolve("X.mtx"));
        }
        if (design == null) {
            double[][] rows = matrix("X.csv");
            int n = rows.length;
            int p = rows[0].length;
            double[] flat = new double[n * p];
            for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, flat, i * p, p);
            design = Design.rowMajor(flat, n, p);
        }
        return design;
    }

    /** y (a fresh copy each call). */
    public double[] y() throws IOException {
        if (y == null) y = vector("y.csv");
        return y.clone();
    }

    /** Sample weights, or null when {@code weighted=false}. */
    public double[] sampleWeight() throws IOException {
        return weighted() ? vector("sample_weight.csv") : null;
    }

    /** coef.csv: one row per line (single fits: one row). */
    public double[][] coef() throws IOException { return matrix("coef.csv"); }
    public double[] intercept() throws IOException { return vector("intercept.csv"); }
    public double[] alphas() throws IOException { return vector("alphas.csv"); }
    public double[] objectiveValues() throws IOException { return vector("objective_values.csv"); }
    public double[] cvMse() throws IOException { return vector("cv_mse.csv"); }
    public double[] cs() throws IOException { return vector("Cs.csv"); }
    public double[] cvLogloss() throws IOException { return vector("cv_logloss.csv"); }

    public int[] folds() throws IOException {
        double[] f = vector("folds.csv");
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) out[i] = (int) f[i];
        return out;
    }

    /** A one-value-per-line file. */
    public double[] vector(String file) throws IOException {
        List<String> lines = lines(file);
        double[] out = new double[lines.size()];
        for (int i = 0; i < out.length; i++) out[i] = Double.parseDouble(lines.get(i).trim());
        return out;
    }

    /** A comma-separated matrix file. */
    public double[][] matrix(String file) throws IOException {
        List<String> lines = lines(file);
        double[][] out = new double[lines.size()][];
        for (int i = 0; i < out.length; i++) {
            String[] parts = lines.get(i).split(",");
            out[i] = new double[parts.length];
            for (int j = 0; j < parts.length; j++) out[i][j] = Double.parseDouble(parts[j].trim());
        }
        return out;
    }

    private List<String> lines(String file) throws IOException {
        List<String> all = Files.readAllLines(dir.resolve(file));
        List<String> out = new ArrayList<>(all.size());
        for (String l : all) if (!l.isBlank()) out.add(l);
        return out;
    }

    @Override
    public String toString() {
        return id() + " (" + model() + ", " + source() + ")";
    }
}
