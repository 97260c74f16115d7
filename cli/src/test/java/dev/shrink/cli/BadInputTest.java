package dev.shrink.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every user error is one line on stderr that names the file, line and column (or the option), exit status 2, no stack
 * trace, and nothing written to --out: an existing file keeps its content, a new one is not created, no temporary file
 * is left beside it.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    /** Runs fit with --out (an existing file), checks the failure, returns the message. */
    private String fails(String... args) throws IOException {
        Path out = dir.resolve("model.json");
        Files.writeString(out, "old");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertEquals(2, r.status(), () -> String.join(" ", all) + "\n" + r.err());
        assertEquals(1, r.errors().lines().count(), () -> "one line expected:\n" + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        assertEquals("old", Files.readString(out), "--out was written");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
        }
        return r.errors();
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), () -> "'" + p + "' missing from: " + message);
    }

    @Test
    void missingFile() throws IOException {
        contains(fails("fit", "lasso", dir.resolve("nothere.csv").toString(), "--target", "y"), "nothere.csv: no such file");
    }

    @Test
    void unknownColumn() throws IOException {
        Path f = file("d.csv", "a,b,y\n1,2,3\n4,5,6\n");
        contains(fails("fit", "lasso", f.toString(), "--target", "nope"), "d.csv: no column 'nope' (named by --target); the columns are a, b, y");
    }

    @Test
    void nonNumericCell() throws IOException {
        Path f = file("d.csv", "a,b,y\n1,2,3\n4,abc,6\n");
        contains(fails("fit", "lasso", f.toString(), "--target", "y"), "d.csv:3:2: 'abc' is not a number in column 'b'");
    }

    @Test
    void raggedRow() throws IOException {
        Path f = file("d.csv", "a,b,y\n1,2,3\n4,5\n7,8,9\n");
        contains(fails("fit", "ridge", f.toString(), "--target", "y"), "d.csv:3: 2 fields, the header has 3");
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        contains(fails("fit", "ridge", file("e.csv", "").toString(), "--target", "y"), "e.csv: empty file");
        contains(fails("fit", "ridge", file("h.csv", "a,y\n").toString(), "--target", "y"), "h.csv: no data rows");
    }

    @Test
    void nanInfinityAndMissingValues() throws IOException {
        contains(fails("fit", "ridge", file("n.csv", "a,y\n1,2\nNaN,3\n").toString(), "--target", "y"), "n.csv:3:1: missing value 'NaN'");
        contains(fails("fit", "ridge", file("i.csv", "a,y\n1,2\n2,-inf\n").toString(), "--target", "y"), "i.csv:3:2: infinite value '-inf'");
        contains(fails("fit", "ridge", file("o.csv", "a,y\n1,2\n1e999,3\n").toString(), "--target", "y"), "o.csv:3:1: '1e999' is out of the range");
        contains(fails("fit", "ridge", file("m.csv", "a,y\n1,2\n,3\n").toString(), "--target", "y"), "m.csv:3:1: empty cell");
    }

    @Test
    void oneClassForLogistic() throws IOException {
        Path f = file("c.csv", "a,y\n1,1\n2,1\n3,1\n");
        contains(fails("fit", "logistic", f.toString(), "--target", "y"), "c.csv: column 'y' (the target) has 1 class (1): logistic regression needs exactly two");
        Path t = file("t.csv", "a,y\n1,x\n2,y\n3,z\n");
        contains(fails("fit", "logistic", t.toString(), "--target", "y"), "has 3 classes (x, y, z)");
    }

    @Test
    void textTargetForARegression() throws IOException {
        Path f = file("r.csv", "a,y\n1,yes\n2,no\n");
        contains(fails("fit", "lasso", f.toString(), "--target", "y"), "r.csv: column 'y' (the target) holds text labels (no, yes)");
    }

    @Test
    void unknownOptionAndOptionsTheModelDoesNotTake() throws IOException {
        Path f = file("d.csv", "a,y\n1,2\n3,4\n");
        contains(fails("fit", "lasso", f.toString(), "--target", "y", "--bogus"), "Unknown option: '--bogus'");
        contains(fails("fit", "lasso", f.toString(), "--target", "y", "--C", "1"), "--C is not supported by fit lasso (scikit-learn dialect); it takes --alpha");
        contains(fails("fit", "lasso", f.toString(), "--target", "y", "--alpha", "x"), "--alpha", "'x'");
        contains(fails("fit", "nosuchmodel", f.toString(), "--target", "y"), "unknown model 'nosuchmodel'; the models are ridge, lasso, elasticnet, logistic");
        contains(fails("fit", "lasso", f.toString()), "name the response column of " + f + " with --target COL");
        contains(fails("fit", "lasso", f.toString(), "--target", "y", "--alpha", "-1"), "alpha must be finite and ≥ 0, got -1.0");
        contains(fails("fit", "logistic", f.toString(), "--target", "y", "--penalty", "l3"), "--penalty l3: the penalties are l2, l1 and elasticnet");
        contains(fails("cv", "poisson", f.toString(), "--target", "y", "--dialect", "glmnet", "--measure", "class"), "--measure class: the Poisson family is measured by deviance");
        contains(fails("fit", "multinomial", f.toString(), "--target", "y"), "has 2 classes (2, 4): the multinomial model is for three or more");
        contains(fails("path", "logistic", f.toString(), "--target", "y", "--dialect", "sklearn"), "path logistic is not available in the scikit-learn dialect (it is in: glmnet)");
        contains(fails("fit", "lasso", f.toString(), "--target", "y", "--dialect", "glmnet"), "needs --lambda");
        contains(fails("cv", "ridge", f.toString(), "--target", "y", "--folds", "3"), "--folds is not supported by cv ridge");
    }

    @Test
    void otherFormats() throws IOException {
        Path svm = file("d.libsvm", "1 1:0.5 3:2\n0 2:x\n");
        contains(fails("fit", "lasso", svm.toString()), "d.libsvm:2:5: 'x' is not a number");
        Path mtx = file("x.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n");
        Path y = file("y.txt", "1\n2\n");
        contains(fails("fit", "lasso", mtx.toString(), "--y", y.toString()), "x.mtx:3: row index 3 is outside 1 .. 2");
        Path mtxOk = file("ok.mtx", "%%MatrixMarket matrix coordinate real general\n3 2 1\n1 1 1.0\n");
        contains(fails("fit", "lasso", mtxOk.toString(), "--y", y.toString()), "y.txt: 2 values, the data file has 3 rows");
        contains(fails("fit", "lasso", mtxOk.toString()), "give the response with --y FILE");
        contains(fails("fit", "lasso", file("d.dat", "1 2\n").toString()), "d.dat: unknown format");
        Path npy = dir.resolve("bad.npy");
        Files.write(npy, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        contains(fails("fit", "lasso", npy.toString(), "--y", y.toString()), "bad.npy: not a .npy file");
    }

    @Test
    void predictWithABadModelFile() throws IOException {
        Path data = file("d.csv", "a,y\n1,2\n3,4\n");
        Path model = file("m.json", "{\"model\": \"lasso\", \"features\": [\"b\"], \"coef\": {\"b\": 1}, \"intercept\": 0}");
        Cli.Result r = Cli.run("predict", model.toString(), data.toString());
        assertEquals(2, r.status());
        contains(r.errors(), "d.csv: no column 'b', a feature of the model");
        Cli.Result broken = Cli.run("predict", file("b.json", "{not json").toString(), data.toString());
        assertEquals(2, broken.status());
        contains(broken.errors(), "b.json: not valid JSON");
    }

    /** The same as a separate process: its exit status and stderr, as a shell sees them. */
    @Test
    void asAProcess() throws Exception {
        Path f = file("d.csv", "a,b,y\n1,2,3\n4,abc,6\n");
        Path out = dir.resolve("out.json");
        Cli.Result r = Cli.process(dir, "fit", "lasso", "d.csv", "--target", "y", "--out", "out.json");
        assertEquals(2, r.status(), r.err());
        assertEquals("shrink fit: d.csv:3:2: 'abc' is not a number in column 'b'", r.errors());
        assertFalse(Files.exists(out));
        Cli.Result option = Cli.process(dir, "cv", "lasso", f.toString(), "--target", "y", "--nope");
        assertEquals(2, option.status());
        assertEquals("shrink cv: Unknown option: '--nope' (see ./shrink cv --help)", option.errors());
    }
}
