package dev.shrink.solvers.internal;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.ParallelKernels;

import java.util.concurrent.ForkJoinPool;

/**
 * The {@code threads(n)} option of the estimators: passes over X (Gram matrices XᵀX and XᵀDX, products Xᵀr) cut into
 * row chunks. The rows are cut into {@code threads} chunks whatever the machine, so
 * for a given count the result is the same on every run ({@link ParallelKernels}); small problems stay on the
 * calling thread.
 *
 * <p>Default: one chunk per thread of the common {@link ForkJoinPool} plus the caller (normally the number of
 * processors), because scikit-learn's Gram goes through a multithreaded BLAS by default; {@code threads(1)} gives
 * single-threaded results that do not depend on the machine.
 */
public final class Threads {
    private Threads() {}

    /** The default thread count: common-pool parallelism + 1. */
    public static int defaultCount() {
        return ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    public static int check(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        return threads;
    }

    /** Kernels splitting the rows into {@code threads} chunks on the common pool (1: every call on the caller). */
    public static ParallelKernels kernels(int threads) {
        return new ParallelKernels(KernelProvider.get(), ForkJoinPool.commonPool(), threads, ParallelKernels.DEFAULT_MIN_FLOPS);
    }
}
