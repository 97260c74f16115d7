package dev.shrink.cli.data;

import dev.shrink.solvers.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Write → read round trips of every format: the numbers read back are exactly those written (bit for bit; a
 * float32 .npy gives the floats), in every layout, byte order and text style the writers produce. Shapes, densities
 * and seeds are drawn by QuickTheories, which shrinks a failure to its smallest shape.
 */
class RoundTripProperties {
    @TempDir
    Path tmp;

    private static double[][] matrix(SplittableRandom r, int n, int p, double density) {
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) x[i][j] = r.nextDouble() < density ? nonZero(r) : 0.0;
        return x;
    }

    private static double nonZero(SplittableRandom r) {
        double v;
        do {
            v = Writers.value(r);
        } while (v == 0);
        return v;
    }

    private static void assertDesign(double[][] expected, Design d) {
        assertEquals(expected.length, d.n());
        assertEquals(expected[0].length, d.p());
        for (int i = 0; i < d.n(); i++) {
            for (int j = 0; j < d.p(); j++) {
                int ii = i;
                int jj = j;
                assertEquals(Double.doubleToLongBits(expected[i][j]), Double.doubleToLongBits(d.get(i, j)), () -> "(" + ii + ", " + jj + ")");
            }
        }
    }

    @Test
    void csv() {
        qt().withExamples(60).forAll(integers().between(1, 40), integers().between(1, 12), longs().all()).checkAssert((n, p, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] table = matrix(r, n, p + 1, 0.9);
            List<String> header = new ArrayList<>();
            for (int j = 0; j < p; j++) header.add(r.nextInt(4) == 0 ? "col, \"" + j + "\"" : "x" + j);
            header.add("target");
            Path file = tmp.resolve("t" + seed + ".csv");
            try {
                Writers.csv(file, header, table, r.nextInt(3), r.nextBoolean(), r.nextBoolean());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            DataSet d = DataReader.read(new DataSpec(file, null, "target", null, null, null, null, true), b -> {});
            double[][] x = new double[n][p];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(table[i], 0, x[i], 0, p);
                y[i] = table[i][p];
            }
            assertDesign(x, d.x());
            assertArrayEquals(y, d.target().values());
            assertEquals(header.subList(0, p), d.features());
        });
    }

    @Test
    void libsvm() {
        qt().withExamples(60).forAll(integers().between(1, 40), integers().between(1, 30), longs().all()).checkAssert((n, p, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] x = matrix(r, n, p, 0.3);
            x[r.nextInt(n)][p - 1] = nonZero(r); // the last column is used, so that p is what the file says
            int base = r.nextInt(4) == 0 ? 0 : 1;
            if (base == 0) x[r.nextInt(n)][0] = nonZero(r); // a 0-based file shows itself by an index 0
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) labels[i] = r.nextBoolean() ? r.nextInt(-1, 2) : Writers.value(r);
            Path file = tmp.resolve("t" + seed + ".libsvm");
            try {
                Writers.libsvm(file, labels, x, base, r.nextInt(3));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            DataSet d = DataReader.read(new DataSpec(file, null, null, null, null, null, null, true), b -> {});
            assertDesign(x, d.x());
            assertArrayEquals(labels, d.target().values());
        });
    }

    @Test
    void matrixMarket() {
        qt().withExamples(60).forAll(integers().between(1, 30), integers().between(1, 20), longs().all()).checkAssert((n, p, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] x = matrix(r, n, p, r.nextDouble());
            Path file = tmp.resolve("t" + seed + ".mtx");
            Path y = tmp.resolve("y" + seed + ".txt");
            double[] target = new double[n];
            StringBuilder lines = new StringBuilder("y\n");
            for (int i = 0; i < n; i++) lines.append(Writers.text(target[i] = Writers.value(r), 0)).append('\n');
            try {
                if (r.nextBoolean()) Writers.mtxCoordinate(file, x, r.nextInt(3));
                else Writers.mtxArray(file, x, r.nextInt(3));
                java.nio.file.Files.writeString(y, lines);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            DataSet d = DataReader.read(new DataSpec(file, null, null, y, null, null, null, true), b -> {});
            // a stored −0 becomes the dense matrix's +0 (0 + −0): compare values, then every non-zero bit for bit
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) if (x[i][j] == 0) x[i][j] = 0.0;
            assertDesign(x, d.x());
            assertArrayEquals(target, d.target().values());
        });
    }

    @Test
    void npy() {
        qt().withExamples(80).forAll(integers().between(1, 30), integers().between(1, 20), longs().all()).checkAssert((n, p, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            Writers.NpyType type = Writers.NpyType.values()[r.nextInt(4)];
            double[][] x = new double[n][p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    double v = type == Writers.NpyType.I8 || type == Writers.NpyType.I4 ? r.nextInt(-100000, 100000) : Writers.value(r);
                    if (type == Writers.NpyType.F4) v = (float) v;
                    x[i][j] = Double.isFinite(v) ? v : 1.0; // a double beyond the float range is Infinity as float32
                }
            }
            ByteOrder order = r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            boolean fortran = r.nextBoolean();
            Path file = tmp.resolve("t" + seed + ".npy");
            try {
                Writers.npy(file, x, type, order, fortran, r.nextBoolean() ? 1 : 2);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            DataSet d = DataReader.read(new DataSpec(file, null, null, null, null, null, null, false), b -> {});
            assertDesign(x, d.x());
            assertEquals(fortran ? dev.shrink.kernels.Layout.COLUMN_MAJOR : dev.shrink.kernels.Layout.ROW_MAJOR, ((dev.shrink.solvers.DenseDesign) d.x()).layout());
        });
    }
}
