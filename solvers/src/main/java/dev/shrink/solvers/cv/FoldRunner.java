package dev.shrink.solvers.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one task per fold, sequentially or on up to {@code threads} threads. Each task reads shared data and writes only
 * its own result, and the results are returned in fold order, so a parallel run gives exactly the sequential numbers.
 */
final class FoldRunner {
    private FoldRunner() {}

    static <R> List<R> run(int folds, int threads, IntFunction<R> task) {
        List<R> results = new ArrayList<>(folds);
        int workers = Math.min(threads, folds);
        if (workers <= 1) {
            for (int f = 0; f < folds; f++) results.add(task.apply(f));
            return results;
        }
        // platform threads that end with the fit: a fold is seconds of arithmetic, not I/O
        try (ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "shrink-fold");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<R>> futures = new ArrayList<>(folds);
            for (int f = 0; f < folds; f++) {
                int fold = f;
                futures.add(pool.submit(() -> task.apply(fold)));
            }
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while fitting the folds", e);
                }
            }
        }
        return results;
    }
}
