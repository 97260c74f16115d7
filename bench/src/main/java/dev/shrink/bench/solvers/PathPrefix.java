package dev.shrink.bench.solvers;

import dev.shrink.bench.data.DataFiles;
import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Equal accuracy on the part of a path that a slow peer fitted ({@code SHRINK_SKLEARN_PATH_PREFIX=K} of
 * {@code bench/peers/sklearn_peer.py}): every side's objective summed over the first K penalties of the grid, its
 * distance to the lowest, and the worst optimality measure there ({@link Accuracy}), read from the coefficient files
 * a {@code --keep-data} report left in its workload folder.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/runtime-classpath.txt) dev.shrink.bench.solvers.PathPrefix \
 *     REPORT/data/sparse-lasso-path sparse-lasso-path
 * </pre>
 */
public final class PathPrefix {
    private PathPrefix() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Workload w = Workloads.get(args[1], 1.0);
        List<String> sides;
        try (var files = Files.list(dir)) {
            sides = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("coef-") && f.endsWith(".csv"))
                    .map(f -> f.substring("coef-".length(), f.length() - ".csv".length())).sorted().toList();
        }
        int k = Integer.MAX_VALUE;
        for (String side : sides) k = Math.min(k, DataFiles.readCsv(dir.resolve("alphas-" + side + ".csv")).size());
        double best = Double.POSITIVE_INFINITY;
        double[] objective = new double[sides.size()];
        double[] optimality = new double[sides.size()];
        for (int s = 0; s < sides.size(); s++) {
            String side = sides.get(s);
            List<double[]> coefs = DataFiles.readCsv(dir.resolve("coef-" + side + ".csv")).subList(0, k);
            double[] intercepts = Arrays.copyOf(column(DataFiles.readCsv(dir.resolve("intercept-" + side + ".csv"))), k);
            double[] alphas = Arrays.copyOf(column(DataFiles.readCsv(dir.resolve("alphas-" + side + ".csv"))), k);
            Accuracy.Measure m = Accuracy.of(w, coefs, intercepts, alphas);
            objective[s] = m.objective();
            optimality[s] = m.optimality();
            best = Math.min(best, m.objective());
        }
        System.out.printf("%s: the first %d penalties of the grid%n", w.name(), k);
        for (int s = 0; s < sides.size(); s++) {
            System.out.printf("  %-28s objective %.12g  distance %.2e  worst %s %.3g%n", sides.get(s), objective[s],
                    (objective[s] - best) / Math.abs(best), w.model().startsWith("logistic") ? "KKT" : "gap", optimality[s]);
        }
    }

    private static double[] column(List<double[]> rows) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) v[i] = rows.get(i)[0];
        return v;
    }
}
