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
}
