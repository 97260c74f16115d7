package dev.shrink.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sparse data files (.mtx coordinate, LibSVM) are fitted as sparse designs, never densified: the same coefficients as
 * the same matrix written densely as CSV, repeated entries adding up, and a design whose dense form would need 20 GB.
 */
class SparseDataTest {
    @TempDir
    Path dir;

    private static final String TOL = "1e-12";

    /** A random n×p matrix with about {@code density} of its entries non-zero, every column used. */
    private static double[][] sparseMatrix(SplittableRandom r, int n, int p, double density) {
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) if (r.nextDouble() < density) x[i][j] = r.nextGaussian();
        for (int j = 0; j < p; j++) x[r.nextInt(n)][j] = 1 + r.nextDouble();
        return x;
    }

    private Path mtx(String name, double[][] x) throws IOException {
        StringBuilder body = new StringBuilder();
        int stored = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                if (x[i][j] == 0) continue;
                body.append(i + 1).append(' ').append(j + 1).append(' ').append(Double.toString(x[i][j])).append('\n');
                stored++;
            }
        }
        Path f = dir.resolve(name);
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n" + x.length + " " + x[0].length + " " + stored + "\n" + body);
        return f;
    }

    private Path csv(String name, double[][] x, double[] y) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int j = 1; j <= x[0].length; j++) s.append('x').append(j).append(',');
        s.append("y\n");
        for (int i = 0; i < x.length; i++) {
            for (double v : x[i]) s.append(Double.toString(v)).append(',');
            s.append(Double.toString(y[i])).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, s);
        return f;
    }

    private Path lines(String name, double[] y) throws IOException {
        StringBuilder s = new StringBuilder();
        for (double v : y) s.append(Double.toString(v)).append('\n');
        Path f = dir.resolve(name);
        Files.writeString(f, s);
        return f;
    }

    private static JsonNode fit(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), () -> String.join(" ", args) + "\n" + r.err());
        return r.json();
    }

    private static void assertClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            int jj = j;
            assertEquals(expected[j], actual[j], tol, () -> "coefficient " + jj);
        }
    }

    @Test
    void sparseFilesFitAsTheDenseCsv() throws IOException {
        SplittableRandom r = new SplittableRandom(12);
        int n = 80;
        int p = 30;
        double[][] x = sparseMatrix(r, n, p, 0.08);
        double[] y = new double[n];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * x[i][0] - 1.5 * x[i][3] + x[i][7] + 0.3 * r.nextGaussian();
            labels[i] = y[i] > 0 ? 1 : 0;
        }
        Path m = mtx("x.mtx", x);
        String dense = csv("d.csv", x, y).toString();
        String yFile = lines("y.txt", y).toString();
        // lasso: the sparse design's coordinate descent reaches the dense one's minimiser
        JsonNode d = fit("fit", "lasso", dense, "--target", "y", "--alpha", "0.02", "--tol", TOL, "--threads", "1", "--quiet");
        JsonNode s = fit("fit", "lasso", m.toString(), "--y", yFile, "--alpha", "0.02", "--tol", TOL, "--threads", "1", "--quiet");
        assertClose(Cli.coef(d, "coef"), Cli.coef(s, "coef"), 1e-9);
        assertEquals(d.get("intercept").doubleValue(), s.get("intercept").doubleValue(), 1e-9);
        assertEquals(d.get("objective").doubleValue(), s.get("objective").doubleValue(), 1e-12 * Math.abs(d.get("objective").doubleValue()));
        // predict reads the sparse file as well: the same predictions as from the dense CSV, one model for both
        Path model = dir.resolve("m.json");
        fit("fit", "lasso", m.toString(), "--y", yFile, "--alpha", "0.02", "--tol", TOL, "--threads", "1", "--quiet", "--out", model.toString());
        Cli.Result fromSparse = Cli.run("predict", model.toString(), m.toString(), "--quiet");
        Cli.Result fromDense = Cli.run("predict", model.toString(), dense, "--quiet");
        assertEquals(0, fromSparse.status(), fromSparse.err());
        assertEquals(0, fromDense.status(), fromDense.err());
        double[] ps = fromSparse.out().lines().skip(1).mapToDouble(Double::parseDouble).toArray();
        double[] pd = fromDense.out().lines().skip(1).mapToDouble(Double::parseDouble).toArray();
        assertEquals(n, ps.length);
        assertClose(pd, ps, 1e-12);
        // logistic regression from a LibSVM file: the labels are the file's own
        StringBuilder svm = new StringBuilder();
        for (int i = 0; i < n; i++) {
            svm.append(labels[i] == 1 ? "1" : "0");
            for (int j = 0; j < p; j++) if (x[i][j] != 0) svm.append(' ').append(j + 1).append(':').append(Double.toString(x[i][j]));
            svm.append('\n');
        }
        Path svmFile = dir.resolve("x.libsvm");
        Files.writeString(svmFile, svm);
        String labelled = csv("l.csv", x, labels).toString();
        JsonNode ld = fit("fit", "logistic", labelled, "--target", "y", "--C", "0.5", "--tol", TOL, "--threads", "1", "--quiet");
        JsonNode ls = fit("fit", "logistic", svmFile.toString(), "--C", "0.5", "--tol", TOL, "--threads", "1", "--quiet");
        assertClose(Cli.coef(ld, "coef"), Cli.coef(ls, "coef"), 1e-8);
    }

    @Test
    void repeatedEntriesAddUpAndAnInfiniteSumIsNamed() throws IOException {
        double[] y = {1, 2, 0.5};
        String yFile = lines("y.txt", y).toString();
        Path twice = dir.resolve("twice.mtx");
        Files.writeString(twice, "%%MatrixMarket matrix coordinate real general\n3 2 4\n1 1 2.0\n2 2 1.0\n1 1 3.0\n3 1 -1.0\n");
        String dense = csv("d.csv", new double[][] {{5, 0}, {0, 1}, {-1, 0}}, y).toString();
        JsonNode s = fit("fit", "ridge", twice.toString(), "--y", yFile, "--alpha", "0.1", "--quiet");
        JsonNode d = fit("fit", "ridge", dense, "--target", "y", "--alpha", "0.1", "--quiet");
        assertClose(Cli.coef(d, "coef"), Cli.coef(s, "coef"), 1e-12);
        Path huge = dir.resolve("huge.mtx");
        Files.writeString(huge, "%%MatrixMarket matrix coordinate real general\n3 2 2\n2 1 1e308\n2 1 1e308\n");
        Cli.Result r = Cli.run("fit", "ridge", huge.toString(), "--y", yFile, "--quiet");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.errors().contains("huge.mtx") && r.errors().contains("+Infinity at row 1, column 0"), r.errors());
    }

    /**
     * 50000 × 50000, one entry per row in columns 10 .. p − 1 and, on every 100th row, one in a signal column 0 .. 9:
     * 20 GB dense (and over 2³¹ positions), under a megabyte as stored.
     */
    @Test
    void aDesignWhoseDenseFormWouldNotFit() throws IOException {
        int n = 50_000;
        int p = 50_000;
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder body = new StringBuilder();
        double[] y = new double[n];
        int stored = 0;
        for (int i = 0; i < n; i++) {
            body.append(i + 1).append(' ').append(11 + r.nextInt(p - 10)).append(" 1\n");
            stored++;
            y[i] = r.nextGaussian();
            if (i % 100 == 0) {
                body.append(i + 1).append(' ').append(1 + (i / 100) % 10).append(" 1\n");
                stored++;
                y[i] += 2;
            }
        }
        Path m = dir.resolve("big.mtx");
        Files.writeString(m, "%%MatrixMarket matrix coordinate real general\n" + n + " " + p + " " + stored + "\n" + body);
        // |x_jᵀy|/n ≈ 50·2/n = 2e-3 for a signal column, ≈ 1e-4 at most for the others
        JsonNode s = fit("fit", "lasso", m.toString(), "--y", lines("y.txt", y).toString(), "--alpha", "5e-4", "--threads", "1", "--quiet");
        double[] w = Cli.coef(s, "coef");
        assertEquals(p, w.length);
        assertTrue(s.get("convergence").get("converged").booleanValue(), "not converged");
        for (int j = 0; j < 10; j++) assertTrue(w[j] > 1, "coefficient " + j + " = " + w[j]);
        int nonZero = 0;
        for (double v : w) if (v != 0) nonZero++;
        assertTrue(nonZero < 100, nonZero + " non-zero coefficients");
    }
}
