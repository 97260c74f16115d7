package dev.shrink.bench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadsTest {

    @Test
    void sameSeedSameBits() {
        for (String name : Workloads.names()) {
            Workload a = Workloads.get(name, 0.005);
            Workload b = Workloads.get(name, 0.005);
            assertArrayEquals(a.y(), b.y(), name);
            assertEquals(a.settings(), b.settings(), name);
            if (a.sparse() != null) {
                // a sparse workload: the same stored entries, at the density asked for
                assertEquals(a.sparse().nonZeros(), b.sparse().nonZeros(), name);
                for (int j = 0; j < a.p(); j += 7) for (int i = 0; i < a.n(); i += 13) assertEquals(a.sparse().get(i, j), b.sparse().get(i, j), name);
                continue;
            }
            assertArrayEquals(a.x(), b.x(), name);
            assertEquals((long) a.n() * a.p(), a.x().length, name);
        }
    }

    @Test
    void logisticLabelsAreZeroOrOne() {
        Workload w = Workloads.get("logistic", 0.01);
        for (double v : w.y()) assertTrue(v == 0 || v == 1);
    }

    @Test
    void filesRoundTripExactlyAsBinaryAndCsv(@TempDir Path dir) throws Exception {
        Workload w = Workloads.get("lasso", 0.005);
        Path data = dir.resolve("_datasets/correlated");
        DataFiles.write(w, dir.resolve("lasso"), data, true);
        assertArrayEquals(w.x(), DataFiles.readDoubles(data.resolve("X.f64")));
        assertArrayEquals(w.y(), DataFiles.readDoubles(data.resolve("y.f64")));
        List<double[]> csv = DataFiles.readCsv(data.resolve("X.csv"));
        assertEquals(w.n(), csv.size());
        for (int i = 0; i < w.n(); i++) {
            for (int j = 0; j < w.p(); j++) assertEquals(w.x()[i * w.p() + j], csv.get(i)[j]);   // bit-identical
        }
        Properties props = new Properties();
        props.load(Files.newBufferedReader(dir.resolve("lasso/workload.properties")));
        assertEquals("lasso", props.getProperty("model"));
        assertEquals(Integer.toString(w.n()), props.getProperty("n"));
        assertEquals("../_datasets/correlated", props.getProperty("data_dir"));
        assertEquals(w.settings().get("alpha"), props.getProperty("alpha"));
    }

    /** The text-like design: about 0.1 % stored, Zipf column lengths (the commonest column far longer than the median). */
    @Test
    void textDesignIsSparseWithPowerLawColumns() {
        dev.shrink.solvers.SparseDesign x = TextWorkloads.design(20_000, 4_000);
        double density = (double) x.nonZeros() / (20_000.0 * 4_000);
        assertTrue(density > 0.0009 && density < 0.0012, "density " + density);
        dev.shrink.kernels.CscView v = (dev.shrink.kernels.CscView) x.matrix();
        int first = v.columnStarts()[1] - v.columnStarts()[0];
        int median = v.columnStarts()[2001] - v.columnStarts()[2000];
        assertTrue(first > 100 * median, first + " vs " + median);
    }

    @Test
    void sparseFilesAreMatrixMarket(@TempDir Path dir) throws Exception {
        Workload w = Workloads.get("sparse-lasso", 0.005);
        Path data = dir.resolve("_datasets/text");
        DataFiles.write(w, dir.resolve("sparse-lasso"), data, true);
        dev.shrink.solvers.SparseDesign back = dev.shrink.solvers.SparseDesign.readMatrixMarket(data.resolve("X.mtx"));
        assertEquals(w.sparse().nonZeros(), back.nonZeros());
        for (int j = 0; j < w.p(); j++) for (int i = 0; i < w.n(); i++) assertEquals(w.sparse().get(i, j), back.get(i, j));
        assertArrayEquals(w.y(), DataFiles.readDoubles(data.resolve("y.f64")));
        assertTrue(!Files.exists(data.resolve("X.f64")) && !Files.exists(data.resolve("X.csv")));
    }

    /**
     * The L1 logistic workloads: 0/1 labels with both classes, the path's λ grid descending from λ_max (where every
     * coefficient is 0: shrink's fit there has none), the single fit at the grid's 51st λ as C = 1/(nλ), and the same X as
     * the lasso workloads.
     */
    @Test
    void sparseLogisticWorkloads() {
        Workload path = Workloads.get("sparse-logistic-path", 0.01);
        Workload one = Workloads.get("sparse-logistic", 0.01);
        Workload lasso = Workloads.get("sparse-lasso", 0.01);
        assertEquals(lasso.sparse().nonZeros(), path.sparse().nonZeros());
        double ones = 0;
        for (double v : path.y()) {
            assertTrue(v == 0 || v == 1);
            ones += v;
        }
        assertTrue(ones > 0 && ones < path.n(), "both classes");
        assertArrayEquals(path.y(), one.y());
        double[] lambdas = path.numbers("lambdas");
        assertEquals(100, lambdas.length);
        for (int k = 1; k < lambdas.length; k++) assertTrue(lambdas[k] < lambdas[k - 1]);
        assertEquals(1 / (path.n() * lambdas[50]), one.number("C"), 1e-12 * one.number("C"));
        assertEquals("false", path.settings().get("standardize"));
        dev.shrink.solvers.path.PathResult first = dev.shrink.solvers.path.LogisticPath.builder().l1Ratio(1)
                .lambdas(new double[] {lambdas[0], lambdas[50]}).standardize(false).threads(1).build().fit(path.design(), path.y());
        for (double c : first.coef(0)) assertEquals(0.0, c, "every coefficient is 0 at λ_max");
        assertTrue(java.util.Arrays.stream(first.coef(1)).anyMatch(c -> c != 0), "some enter by the middle of the grid");
    }
}
