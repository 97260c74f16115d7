package dev.shrink.spark;

import dev.shrink.solvers.Convergence;

import java.util.ArrayList;

/** Builds {@link FitReport}s, and says so when an executor ran without the Vector API. */
final class Reports {
    private static final System.Logger LOG = System.getLogger("dev.shrink.spark");

    private Reports() {}

    /** The report of a least-squares fit: the weights are those of the sums. */
    static FitReport of(MomentSums sums, int passes, Convergence c) {
        return of(sums, sums.sumWeights(), passes, c);
    }

    /** The report of a fit whose last pass made these sums, over rows whose weights sum to weightSum. */
    static FitReport of(MomentSums sums, double weightSum, int passes, Convergence c) {
        FitReport r = new FitReport(sums.rows(), weightSum, passes, c.iterations(), c.converged(), c.message(),
                new ArrayList<>(sums.kernels()), new ArrayList<>(sums.processes()));
        if (r.scalarKernelsRan()) {
            LOG.log(System.Logger.Level.WARNING, "an executor ran shrink's scalar kernels: its JVM lacks "
                    + "--add-modules=jdk.incubator.vector (Spark 4.2 adds it to spark.executor.extraJavaOptions itself; check "
                    + "that the executors run Spark 4.2 or add the flag there)");
        }
        if (!c.converged()) LOG.log(System.Logger.Level.WARNING, "shrink-spark: " + c.message());
        return r;
    }
}
