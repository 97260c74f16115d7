package dev.shrink.solvers.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * Runs one task per fold, sequentially or on an {@link Executor}. Each task reads shared data and writes only its
 * own result, and the results are returned in fold order, so a parallel run gives exactly the sequential numbers.
 */
final class FoldRunner {
    private FoldRunner() {}

    static <R> List<R> run(int folds, Executor executor, IntFunction<R> task) {
        List<R> results = new ArrayList<>(folds);
        if (executor == null) {
            for (int f = 0; f < folds; f++) results.add(task.apply(f));
            return results;
        }
        List<CompletableFuture<R>> futures = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            int fold = f;
            futures.add(CompletableFuture.supplyAsync(() -> task.apply(fold), executor));
        }
        for (CompletableFuture<R> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }
        return results;
    }
}
