package dev.shrink.bench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a workload for the external peers, one folder per workload:
 * <ul>
 *   <li>{@code X.f64}, {@code y.f64} (in the dataset's folder {@code data_dir}): raw little-endian IEEE doubles, X row-major (numpy {@code fromfile}, R {@code readBin});
 *       a sparse X as {@code X.mtx} (Matrix Market) instead;</li>
 *   <li>with {@code csv = true} also {@code X.csv}, {@code y.csv} (shortest round-trip decimals, identical doubles);</li>
 *   <li>{@code workload.properties}: name, model, n, p and the fit's settings.</li>
 * </ul>
 * and reads what a peer wrote back: {@code coef-PEER.csv} (one line per fit, p values), {@code intercept-PEER.csv},
 * {@code result-PEER.properties} (time_s and extras).
 */
public final class DataFiles {
    private DataFiles() {}

    /**
     * Writes the workload's folder {@code dir}; X and y go to {@code dataDir} unless already there (workloads on the
     * same dataset share them; {@code workload.properties} names the folder as {@code data_dir}, relative to dir).
     */
    public static Path write(Workload w, Path dir, Path dataDir, boolean csv) throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(dataDir);
        if (!Files.exists(dataDir.resolve("y.f64"))) {
            // a sparse X goes to the peers as a Matrix Market file (scipy.io.mmread, Matrix::readMM)
            if (w.sparse() != null) w.sparse().writeMatrixMarket(dataDir.resolve("X.mtx"));
            else writeDoubles(dataDir.resolve("X.f64"), w.x());
            writeDoubles(dataDir.resolve("y.f64"), w.y());
        }
        if (csv && w.sparse() == null && !Files.exists(dataDir.resolve("y.csv"))) {
            try (BufferedWriter out = Files.newBufferedWriter(dataDir.resolve("X.csv"), StandardCharsets.US_ASCII)) {
                for (int i = 0; i < w.n(); i++) {
                    for (int j = 0; j < w.p(); j++) {
                        if (j > 0) out.write(',');
                        out.write(Double.toString(w.x()[i * w.p() + j]));
                    }
                    out.write('\n');
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(dataDir.resolve("y.csv"), StandardCharsets.US_ASCII)) {
                for (double v : w.y()) {
                    out.write(Double.toString(v));
                    out.write('\n');
                }
            }
        }
        StringBuilder props = new StringBuilder();
        props.append("name=").append(w.name()).append('\n').append("model=").append(w.model()).append('\n')
                .append("n=").append(w.n()).append('\n').append("p=").append(w.p()).append('\n')
                .append("data_dir=").append(dir.toAbsolutePath().relativize(dataDir.toAbsolutePath())).append('\n');
        for (Map.Entry<String, String> e : w.settings().entrySet()) props.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        Files.writeString(dir.resolve("workload.properties"), props.toString(), StandardCharsets.US_ASCII);
        return dir;
    }

    static void writeDoubles(Path file, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) ch.write(buffer);
        }
    }

    public static double[] readDoubles(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[buffer.remaining() / Double.BYTES];
        buffer.asDoubleBuffer().get(v);
        return v;
    }

    /** Lines of comma-separated numbers ("NA" and "nan" read as NaN). */
    public static List<double[]> readCsv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            String[] parts = line.trim().split("\\s*,\\s*");
            double[] row = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String s = parts[i].replace("\"", "");
                row[i] = s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
            }
            rows.add(row);
        }
        return rows;
    }
}
