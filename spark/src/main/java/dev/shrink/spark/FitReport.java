package dev.shrink.spark;

import java.io.Serializable;
import java.util.List;

/**
 * How a fit went: the data it saw, the passes over them, how the solver ended, and where the work ran.
 *
 * @param rows              rows aggregated
 * @param weightSum         Σ of their weights
 * @param dataPasses        Spark jobs that read the whole data (1 for least squares, one per Newton step and line-search
 *                          trial for logistic regression)
 * @param iterations        solver iterations (coordinate-descent sweeps, Newton steps; 0 for a direct solve)
 * @param converged         whether the solver met its tolerance
 * @param message           the solver's one-line account, with both numbers
 * @param executorKernels   the shrink kernels the aggregation tasks ran ({@code vector-256}, …; {@code scalar} means an
 *                          executor JVM lacked {@code --add-modules=jdk.incubator.vector})
 * @param executorProcesses process ids of the JVMs that ran the aggregation tasks
 */
public record FitReport(long rows, double weightSum, int dataPasses, int iterations, boolean converged, String message,
                        List<String> executorKernels, List<Long> executorProcesses) implements Serializable {

    public FitReport {
        executorKernels = List.copyOf(executorKernels);
        executorProcesses = List.copyOf(executorProcesses);
    }

    /** Whether some task ran the scalar kernels (its executor JVM was started without the Vector API module). */
    public boolean scalarKernelsRan() {
        return executorKernels.contains("scalar");
    }
}
