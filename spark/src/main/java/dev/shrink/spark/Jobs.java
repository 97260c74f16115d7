package dev.shrink.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Collections;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The Spark jobs of the estimators: one aggregation of {@link MomentSums} per pass ({@code treeAggregate} of the
 * partitions' sums), and the surfacing of bad-input errors raised inside tasks.
 */
final class Jobs {
    /**
     * Above this many features the last merge runs on an executor, so that the driver receives one triangle (4·p²
     * bytes) instead of one per final partial sum, which could pass spark.driver.maxResultSize (1 GB by default).
     */
    static final int MERGE_ON_EXECUTOR = 4096;

    private Jobs() {}

    /**
     * Runs a Spark action. An {@link IllegalArgumentException} thrown by a task (a bad row, see {@link RowReader}) arrives
     * wrapped in Spark's job-failure exception with the stack of the task; it is rethrown as an
     * IllegalArgumentException with the task's message (the Spark exception as its cause).
     */
    static <T> T run(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) { // SparkException is checked, though Scala code throws it undeclared
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException bad) throw new IllegalArgumentException(bad.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * One pass: the moments of (features, 1, label) weighted by the weight column, in {@code groups} sums: one (groups =
     * 1), or one per cross-validation fold, the fold taken from the fold column or from {@link #fold} with {@code seed}.
     */
    static MomentSums[] moments(Dataset<Row> selected, FitColumns columns, int p, int groups, long seed, int depth) {
        JavaRDD<MomentSums[]> parts = selected.javaRDD().mapPartitionsWithIndex((partition, rows) -> {
            RowReader reader = new RowReader(columns, partition, p, RowReader.Labels.ANY, groups);
            MomentSums[] sums = empty(p, groups);
            while (rows.hasNext()) {
                reader.read(rows.next());
                int g = groups == 1 ? 0 : columns.hasFold() ? reader.fold : fold(seed, partition, reader.index(), groups);
                reader.addTo(sums[g], reader.label, reader.weight);
            }
            for (MomentSums s : sums) s.flush();
            return Collections.singletonList(sums).iterator();
        }, false);
        return run(() -> sum(parts, empty(p, groups), depth, p));
    }

    /** The partitions' sums added in a tree of the given depth (Spark's aggregationDepth). */
    static MomentSums[] sum(JavaRDD<MomentSums[]> parts, MomentSums[] zero, int depth, int p) {
        return parts.treeAggregate(zero, Jobs::add, Jobs::add, depth, p > MERGE_ON_EXECUTOR);
    }

    static MomentSums[] empty(int p, int groups) {
        MomentSums[] s = new MomentSums[groups];
        for (int g = 0; g < groups; g++) s[g] = new MomentSums(p);
        return s;
    }

    private static MomentSums[] add(MomentSums[] a, MomentSums[] b) {
        for (int g = 0; g < a.length; g++) a[g].add(b[g]);
        return a;
    }

    /**
     * The fold of a row from the seed, its partition and its position there: a SplitMix64 hash (Steele, Lea and Flood
     * 2014), so folds are balanced and reproducible as long as the data are partitioned the same way.
     */
    static int fold(long seed, int partition, long index, int folds) {
        long z = seed + 0x9E3779B97F4A7C15L * (((long) partition << 40) ^ index ^ 0x5DEECE66DL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) folds);
    }

    /** A one-element iterator (for mapPartitions). */
    static <T> Iterator<T> one(T t) {
        return Collections.singletonList(t).iterator();
    }
}
