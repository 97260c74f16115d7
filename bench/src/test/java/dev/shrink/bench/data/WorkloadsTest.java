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
            assertArrayEquals(a.x(), b.x(), name);
            assertArrayEquals(a.y(), b.y(), name);
            assertEquals(a.settings(), b.settings(), name);
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
}
